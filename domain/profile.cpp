// SPDX-License-Identifier: Apache-2.0
#include "domain/profile.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "domain/texts.hpp"

namespace bridge::domain {

namespace {

/// Longest argument worth reading: the longest language name offered is
/// far shorter, and anything longer is not a language.
constexpr size_t max_language_arg = 32;

std::string lower_ascii(std::string_view s) {
  std::string out{s};
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim_arg(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

/// The offered code `arg` names, or empty.
std::string match_offered(std::string_view arg,
                          const std::vector<std::string>& offered) {
  auto lower = lower_ascii(arg);
  // "pt-BR", "pt_br": the primary subtag names the language.
  auto code = lower.substr(0, lower.find_first_of("-_"));
  for (const auto& l : offered)
    if (l == code || lower_ascii(language_name(l)) == lower)
      return l;
  return {};
}

} // namespace

language_request
read_language_request(std::string_view args, const std::string& current,
                      const std::vector<std::string>& offered) {
  language_request out;
  args = trim_arg(args);
  if (args.empty()) {
    out.verdict = language_verdict::show_choice;
    return out;
  }
  if (args.size() > max_language_arg)
    return out; // unknown
  out.language = match_offered(args, offered);
  if (out.language.empty())
    out.verdict = language_verdict::unknown;
  else if (out.language == current)
    out.verdict = language_verdict::same;
  else
    out.verdict = language_verdict::change;
  return out;
}

std::optional<partner_language>
unreachable_partner(const std::string& to,
                    const std::vector<partner_language>& partners,
                    const language_map* map) {
  if (map == nullptr)
    return std::nullopt;
  for (const auto& p : partners)
    if (!map->pairable(to, p.language))
      return p;
  return std::nullopt;
}

int64_t free_left(int64_t limit, int64_t charged, int64_t held) {
  if (limit < 0)
    return 0;
  auto left =
      limit - std::max<int64_t>(charged, 0) + std::max<int64_t>(held, 0);
  return std::clamp<int64_t>(left, 0, limit);
}

std::string utc_minute(int64_t ms) {
  auto t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

} // namespace bridge::domain
