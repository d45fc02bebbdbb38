// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "messages/translator.hpp"

/// What an HTTP answer says about when to come back: `retry-after` in its
/// forms and the `anthropic-ratelimit-*` budget headers. Pure: the wall
/// clock is passed in.
namespace bridge::translation::http_hints {

using wall_clock = std::chrono::system_clock;
/// Response headers, names in lower case.
using header_list = std::vector<std::pair<std::string, std::string>>;

/// Parses an HTTP date (IMF-fixdate, RFC 850 or asctime form).
std::optional<wall_clock::time_point> parse_http_date(std::string_view text);

/// Parses an RFC 3339 timestamp ("2025-01-01T00:01:00Z", fractions and
/// offsets allowed).
std::optional<wall_clock::time_point> parse_rfc3339(std::string_view text);

/// Milliseconds the server asks us to wait: `retry-after-ms` first, then
/// `retry-after` as delta-seconds or an HTTP date (a date in the past
/// means 0). -1 when absent or unreadable.
int64_t retry_after_ms(const header_list& headers, wall_clock::time_point now);

/// The request and input-token budgets from `anthropic-ratelimit-*`,
/// resets turned into milliseconds from `now`.
rate_snapshot rate_headers(const header_list& headers,
                           wall_clock::time_point now);

} // namespace bridge::translation::http_hints
