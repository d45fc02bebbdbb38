// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/backoff.hpp"
#include "common/error.hpp"
#include "config/defaults.hpp"
#include "messages/translator.hpp"

namespace bridge::translation {

/// What a failed backend call means for the request and for the backend.
struct failure_verdict {
  /// Worth another attempt.
  bool retry = false;
  /// Says the backend is unwell: counts towards opening the breaker.
  bool unhealthy = false;
  /// A 429 rate limit: every call should pause, not only this one.
  bool rate_limited = false;
  /// A 529: the backend is overloaded.
  bool overloaded = false;
  /// The code the request fails with if it is not retried.
  engine_errc code = engine_errc::translation_failed;
  /// Why, for the person who wrote the message and for the log.
  std::string reason;
};

/// Classifies a reply that is not `ok`: retried are connection errors,
/// timeouts, 408, 409, 429, 5xx and 529; never 400, 401, 403, 404, other
/// 4xx, nor a 429 whose error says the spend limit is reached.
failure_verdict classify(const backend_reply& reply);

/// True when a 429's error message says a spend or usage limit is reached
/// (waiting will not help until someone raises it).
bool is_spend_limit(std::string_view error_type, std::string_view message);

/// Retry timing: exponential backoff with full jitter, or the server's
/// `retry-after` when it gave one, within a bound.
struct retry_options {
  std::chrono::milliseconds base = defaults::translator::retry_base;
  std::chrono::milliseconds cap = defaults::translator::retry_cap;
  uint32_t max_attempts = defaults::translator::max_attempts;
  /// Longest server-requested wait honoured; a longer one ends the retries.
  std::chrono::milliseconds max_server_wait{60000};
};

class retry_policy {
public:
  explicit retry_policy(retry_options opts)
      : opts_(opts), backoff_(opts.base, opts.cap) {}

  /// True when a request that made `attempts` calls may make another.
  bool may_retry(uint32_t attempts) const {
    return attempts < opts_.max_attempts;
  }

  /// The wait after the `attempts`-th call failed: a uniform draw from
  /// [0, min(base * 2^(attempts-1), cap)], raised to the server's hint when
  /// it gave one. Empty when the hint is beyond `max_server_wait`.
  template <class Rng>
  std::optional<std::chrono::milliseconds>
  delay(uint32_t attempts, int64_t server_hint_ms, Rng& rng) const {
    auto jittered = backoff_.delay(attempts > 0 ? attempts - 1 : 0, rng);
    if (server_hint_ms < 0)
      return jittered;
    std::chrono::milliseconds hint{server_hint_ms};
    if (hint > opts_.max_server_wait)
      return std::nullopt;
    return std::max(hint, jittered);
  }

  const retry_options& options() const { return opts_; }

private:
  retry_options opts_;
  backoff_policy backoff_;
};

} // namespace bridge::translation
