// SPDX-License-Identifier: Apache-2.0
#include "translator/http_hints.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace bridge::translation::http_hints {

namespace {

/// Longer waits than this are not a hint but a misconfigured server; the
/// caller bounds what it honours anyway.
constexpr int64_t max_hint_ms = int64_t{7} * 24 * 3600 * 1000;

const std::string* find(const header_list& headers, std::string_view name) {
  for (auto& [k, v] : headers)
    if (k == name)
      return &v;
  return nullptr;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<wall_clock::time_point> make_time(int64_t y, int mon, int d,
                                                int h, int mi, int s) {
  if (y < 1970 || y > 9999 || mon < 1 || mon > 12 || d < 1 || d > 31 || h < 0
      || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60)
    return std::nullopt;
  auto days =
      days_from_civil(y, static_cast<unsigned>(mon), static_cast<unsigned>(d));
  auto secs = days * 86400 + h * 3600 + mi * 60 + s;
  return wall_clock::time_point{std::chrono::seconds{secs}};
}

int month_index(std::string_view name) {
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr",
                                           "May", "Jun", "Jul", "Aug",
                                           "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i)
    if (name == months[i])
      return i + 1;
  return 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (!all_digits(s) || s.size() > 15)
    return std::nullopt;
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

int64_t until_ms(wall_clock::time_point when, wall_clock::time_point now) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when - now);
  return std::clamp<int64_t>(ms.count(), 0, max_hint_ms);
}

} // namespace

std::optional<wall_clock::time_point> parse_http_date(std::string_view text) {
  std::string s{trim(text)};
  if (s.size() > 64)
    return std::nullopt;
  char wday[16] = {0};
  char mon[4] = {0};
  char zone[8] = {0};
  int d = 0, y = 0, h = 0, mi = 0, sec = 0, used = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (std::sscanf(s.c_str(),
                  "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d %3[A-Z]%n", wday,
                  &d, mon, &y, &h, &mi, &sec, zone, &used)
          == 8
      && static_cast<size_t>(used) == s.size() && std::strcmp(zone, "GMT") == 0)
    return make_time(y, month_index(mon), d, h, mi, sec);
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
  if (std::sscanf(s.c_str(),
                  "%15[A-Za-z], %2d-%3[A-Za-z]-%2d %2d:%2d:%2d %3[A-Z]%n", wday,
                  &d, mon, &y, &h, &mi, &sec, zone, &used)
          == 8
      && static_cast<size_t>(used) == s.size() && std::strcmp(zone, "GMT") == 0)
    return make_time(y < 70 ? 2000 + y : 1900 + y, month_index(mon), d, h, mi,
                     sec);
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (std::sscanf(s.c_str(), "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n",
                  wday, mon, &d, &h, &mi, &sec, &y, &used)
          == 7
      && static_cast<size_t>(used) == s.size())
    return make_time(y, month_index(mon), d, h, mi, sec);
  return std::nullopt;
}

std::optional<wall_clock::time_point> parse_rfc3339(std::string_view text) {
  auto s = trim(text);
  // YYYY-MM-DDTHH:MM:SS is 19 characters, then fraction and zone.
  if (s.size() < 20 || s.size() > 40 || s[4] != '-' || s[7] != '-'
      || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':'
      || s[16] != ':')
    return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    return parse_int(s.substr(at, len));
  };
  auto y = num(0, 4), mon = num(5, 2), d = num(8, 2), h = num(11, 2),
       mi = num(14, 2), sec = num(17, 2);
  if (!y || !mon || !d || !h || !mi || !sec)
    return std::nullopt;
  auto rest = s.substr(19);
  std::chrono::nanoseconds frac{0};
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    size_t n = 0;
    int64_t ns = 0;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {
      if (n < 9)
        ns = ns * 10 + (rest[n] - '0');
      ++n;
    }
    if (n == 0)
      return std::nullopt;
    for (auto k = n; k < 9; ++k)
      ns *= 10;
    frac = std::chrono::nanoseconds{ns};
    rest.remove_prefix(n);
  }
  std::chrono::minutes offset{0};
  if (rest == "Z" || rest == "z") {
    // UTC
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-')
             && rest[3] == ':') {
    auto oh = parse_int(rest.substr(1, 2));
    auto om = parse_int(rest.substr(4, 2));
    if (!oh || !om || *oh > 23 || *om > 59)
      return std::nullopt;
    offset = std::chrono::minutes{*oh * 60 + *om};
    if (rest[0] == '-')
      offset = -offset;
  } else {
    return std::nullopt;
  }
  auto t = make_time(*y, static_cast<int>(*mon), static_cast<int>(*d),
                     static_cast<int>(*h), static_cast<int>(*mi),
                     static_cast<int>(*sec));
  if (!t)
    return std::nullopt;
  return *t - offset + std::chrono::duration_cast<wall_clock::duration>(frac);
}

int64_t retry_after_ms(const header_list& headers, wall_clock::time_point now) {
  if (auto* v = find(headers, "retry-after-ms")) {
    auto s = std::string{trim(*v)};
    char* end = nullptr;
    double ms = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(ms)
        && ms >= 0)
      return std::min<int64_t>(static_cast<int64_t>(std::ceil(ms)),
                               max_hint_ms);
  }
  if (auto* v = find(headers, "retry-after")) {
    auto s = trim(*v);
    if (auto secs = parse_int(s))
      return std::min<int64_t>(*secs * 1000, max_hint_ms);
    if (auto when = parse_http_date(s))
      return until_ms(*when, now);
  }
  return -1;
}

rate_snapshot rate_headers(const header_list& headers,
                           wall_clock::time_point now) {
  rate_snapshot out;
  auto read = [&](std::string_view kind, int64_t& remaining, int64_t& reset) {
    std::string base = "anthropic-ratelimit-";
    base += kind;
    auto* r = find(headers, base + "-remaining");
    auto* t = find(headers, base + "-reset");
    if (r == nullptr)
      return false;
    auto n = parse_int(trim(*r));
    if (!n)
      return false;
    remaining = *n;
    if (t != nullptr)
      if (auto when = parse_rfc3339(*t))
        reset = until_ms(*when, now);
    return true;
  };
  read("requests", out.requests_remaining, out.requests_reset_ms);
  // Input tokens are what the translator budgets; "tokens" is the older,
  // combined figure.
  if (!read("input-tokens", out.tokens_remaining, out.tokens_reset_ms))
    read("tokens", out.tokens_remaining, out.tokens_reset_ms);
  return out;
}

} // namespace bridge::translation::http_hints
