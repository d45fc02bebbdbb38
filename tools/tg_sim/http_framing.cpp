// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/http_framing.hpp"

#include <cctype>

namespace bridge::tg_sim::framing {

namespace {

std::string lower(std::string_view s) {
  std::string out{s};
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

/// "HTTP/1.x NNN reason": the status, or 0 when the line is not one.
long status_of(std::string_view line) {
  constexpr std::string_view prefix = "HTTP/1.";
  if (line.size() < prefix.size() + 5 || line.substr(0, prefix.size()) != prefix
      || !std::isdigit(static_cast<unsigned char>(line[7])) || line[8] != ' ')
    return 0;
  long status = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (i >= line.size() || !std::isdigit(static_cast<unsigned char>(line[i])))
      return 0;
    status = status * 10 + (line[i] - '0');
  }
  if (line.size() > 12 && line[12] != ' ')
    return 0;
  return status >= 100 ? status : 0;
}

} // namespace

answer_head parse_head(std::string_view head) {
  answer_head out;
  auto line_end = head.find("\r\n");
  out.status = status_of(head.substr(0, line_end));
  if (out.status == 0) {
    out.error = "malformed status line";
    return out;
  }
  while (line_end != std::string_view::npos) {
    head.remove_prefix(line_end + 2);
    line_end = head.find("\r\n");
    auto line = head.substr(0, line_end);
    auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos
        || trim(line.substr(0, colon)).size() != colon) {
      out.status = 0;
      out.headers.clear();
      out.error = "malformed header line";
      return out;
    }
    out.headers.emplace_back(lower(line.substr(0, colon)),
                             std::string{trim(line.substr(colon + 1))});
  }
  return out;
}

bool parse_chunk_size(std::string_view line, size_t& out) {
  line = trim(line.substr(0, line.find(';')));
  if (line.empty() || line.size() > 15)
    return false;
  size_t v = 0;
  for (char c : line) {
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
            : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                        : -1;
    if (d < 0)
      return false;
    v = v * 16 + static_cast<size_t>(d);
  }
  out = v;
  return true;
}

bool has_token(std::string_view value, std::string_view token) {
  return lower(value).find(token) != std::string::npos;
}

} // namespace bridge::tg_sim::framing
