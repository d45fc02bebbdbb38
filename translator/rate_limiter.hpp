#pragma once

#include <chrono>
#include <cstdint>

#include "common/token_bucket.hpp"
#include "config/defaults.hpp"
#include "messages/translator.hpp"
#include "translator/header_pacer.hpp"
#include "translator/sliding_window.hpp"

namespace bridge::translation {

/// The budget the translator keeps towards its backend.
struct rate_limits {
  double requests_per_minute = defaults::translator::requests_per_minute;
  /// Estimated input tokens per minute.
  double tokens_per_minute = defaults::translator::tokens_per_minute;
  uint32_t max_in_flight = defaults::translator::max_in_flight;
  /// How much a call's trip to the server may vary. Calls leave at most
  /// the limit per (minute + margin), so that the server, counting by
  /// arrival, never sees more than the limit in any minute of its own.
  std::chrono::milliseconds transit_margin{500};
};

/// What `rate_limiter::check` decided for one call.
struct admission {
  enum class verdict {
    /// Start it now.
    go,
    /// Not before `at`.
    wait,
    /// Every in-flight slot is taken; a finishing call frees one.
    busy,
    /// Larger than a whole minute of token budget: it never fits.
    too_large,
  };
  verdict what = verdict::go;
  std::chrono::steady_clock::time_point at;
  /// Which limit decided, for logs and tests: "requests", "tokens",
  /// "in_flight", "server_pause" or "server_budget".
  const char* limit = "";
};

/// Every rate the translator must keep, in one place: requests and input
/// tokens per minute (never more in any window of a minute plus the
/// transit margin, and spread evenly rather than in bursts), calls in
/// flight, a pause the server asked for, and the budget the server reports
/// in its headers. Pure: time is
/// passed in, so tests drive it with a simulated clock.
class rate_limiter {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  rate_limiter(rate_limits limits, time_point now);

  /// Whether a call costing `tokens` may start at `now`.
  admission check(time_point now, double tokens);

  /// Records a call started at `now` (after `check` said go).
  void start(time_point now, double tokens);

  /// Records a call that ended, however it ended.
  void finish();

  /// Holds every new call until `until` (a 429's `retry-after`).
  void pause_until(time_point until);

  /// Takes in the budget a response reported.
  void observe(time_point now, const rate_snapshot& s);

  uint32_t in_flight() const { return in_flight_; }
  time_point paused_until() const { return paused_until_; }
  const rate_limits& limits() const { return limits_; }

private:
  rate_limits limits_;
  /// Even spacing: at most one second's worth back to back.
  token_bucket request_pace_;
  token_bucket token_pace_;
  /// The hard guarantee: never more than the limit in any minute.
  sliding_window request_window_;
  sliding_window token_window_;
  header_pacer server_;
  time_point paused_until_;
  uint32_t in_flight_ = 0;
};

} // namespace bridge::translation
