// SPDX-License-Identifier: Apache-2.0
#include "tools/llm_sim/sim_options.hpp"

namespace bridge::llm_sim {

std::optional<outcome> parse_outcome(std::string_view text) {
  struct name {
    std::string_view text;
    outcome value;
  };
  static constexpr name names[] = {
      {"ok", outcome::ok},
      {"429", outcome::rate_limit},
      {"spend", outcome::spend_limit},
      {"529", outcome::overloaded},
      {"500", outcome::server_error},
      {"hang", outcome::hang},
      {"malformed", outcome::malformed},
      {"empty", outcome::empty},
      {"truncated", outcome::truncated},
      {"400", outcome::bad_request},
      {"401", outcome::unauthorized},
      {"403", outcome::forbidden},
      {"404", outcome::not_found},
      {"408", outcome::request_timeout},
      {"409", outcome::conflict},
  };
  for (auto& n : names)
    if (n.text == text)
      return n.value;
  return std::nullopt;
}

std::optional<std::vector<outcome>> parse_script(std::string_view text,
                                                 std::string& error) {
  std::vector<outcome> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto item = text.substr(0, comma);
    while (!item.empty() && item.front() == ' ')
      item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ')
      item.remove_suffix(1);
    auto o = parse_outcome(item);
    if (!o) {
      error = "unknown outcome '" + std::string{item} + "'";
      return std::nullopt;
    }
    out.push_back(*o);
    if (comma == std::string_view::npos)
      break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

} // namespace bridge::llm_sim
