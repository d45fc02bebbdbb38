// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// llm-sim: an Anthropic Messages API simulator for tests and load, on
/// loopback only.
namespace bridge::llm_sim {

/// What the simulator answers a request with, when forced by a script.
enum class outcome {
  /// 200 with a translation.
  ok,
  /// 429 rate_limit_error with retry-after.
  rate_limit,
  /// 429 rate_limit_error saying the spend limit is reached.
  spend_limit,
  /// 529 overloaded_error.
  overloaded,
  /// 500 api_error.
  server_error,
  /// No answer until the hang time passes (or the simulator stops).
  hang,
  /// 200 whose body is not JSON.
  malformed,
  /// 200 whose content has no text.
  empty,
  /// 200 cut off at max_tokens.
  truncated,
  /// 400 invalid_request_error.
  bad_request,
  /// 401 authentication_error.
  unauthorized,
  /// 403 permission_error.
  forbidden,
  /// 404 not_found_error.
  not_found,
  /// 408 request timeout.
  request_timeout,
  /// 409 conflict.
  conflict,
};

/// Parses "ok", "429", "spend", "529", "500", "hang", "malformed", "empty",
/// "truncated", "400", "401", "403", "404", "408", "409".
std::optional<outcome> parse_outcome(std::string_view text);

/// Parses a comma-separated list of outcomes; empty with `error` set on
/// the first unknown item.
std::optional<std::vector<outcome>> parse_script(std::string_view text,
                                                 std::string& error);

/// How the simulator behaves.
struct options {
  /// Loopback only: the simulator refuses any other address.
  std::string host = "127.0.0.1";
  /// 0 picks a free port.
  int port = 0;
  /// Mean latency of an answer, and its uniform spread (+/-).
  std::chrono::milliseconds latency{0};
  std::chrono::milliseconds jitter{0};
  /// Per-minute limits, enforced as token buckets that refill continuously
  /// (full at start); 0 means no limit.
  int64_t requests_per_minute = 0;
  int64_t input_tokens_per_minute = 0;
  /// Share of requests that start a burst of `overload_burst` 529s.
  double overload_rate = 0;
  uint32_t overload_burst = 3;
  /// Shares of requests answered 500, left hanging, malformed, empty.
  double error_rate = 0;
  double hang_rate = 0;
  double malformed_rate = 0;
  double empty_rate = 0;
  std::chrono::milliseconds hang{30000};
  /// Every request gets the spend-limit 429.
  bool spend_limit = false;
  /// Required `x-api-key`; empty accepts any non-empty key.
  std::string api_key;
  /// Outcomes forced on the first requests, in order.
  std::vector<outcome> script;
  uint64_t seed = 1;
  /// Threads serving connections (one per kept-alive connection).
  size_t threads = 64;
};

} // namespace bridge::llm_sim
