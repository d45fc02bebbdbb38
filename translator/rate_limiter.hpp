// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

#include <optional>
#include <vector>

#include "common/shared_budget.hpp"
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
  /// The limits are the API key's: while other instances share it, draw
  /// them from the buckets they share (`cluster.translation_budget = "redis"`)
  /// rather than keep a fixed share.
  bool draw_shared = false;
};

/// The API key's two budgets as the shared buckets name them.
enum class key_budget { requests, tokens };

/// The shared bucket's name of `b`.
const char* to_string(key_budget b);

/// A grant worth asking a shared bucket for now.
struct budget_ask {
  key_budget budget;
  /// The shared bucket's refill per second and burst.
  double rate = 0;
  double burst = 0;
  shared_budget::ask ask;
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

  // -- limits shared with other instances
  // --------------------------------------

  /// `n` instances share the API key from now on: alone, the limits as
  /// configured; otherwise a share of each (limit / n), or grants.
  void set_members(uint32_t n, time_point now);
  uint32_t members() const { return request_pace_.members(); }

  /// Grants worth asking the shared buckets for now: a call waits on
  /// nothing else, one ask per budget at a time; `waiting` calls queued.
  std::vector<budget_ask> asks(time_point now, double waiting);
  /// An ask for `b` went out.
  void asked(key_budget b);
  /// The shared bucket of `b` answered; true when that ends a fallback.
  bool granted(key_budget b, double tokens, std::chrono::microseconds wait,
               time_point now);
  /// The shared bucket of `b` did not answer: its share holds until it
  /// does. True when this starts a fallback.
  bool failed(key_budget b, time_point now);

  /// The requests and tokens per minute this instance keeps now.
  double requests_per_minute() const { return request_window_.limit(); }
  double tokens_per_minute() const { return token_window_.limit(); }
  const shared_budget& budget(key_budget b) const {
    return b == key_budget::requests ? request_pace_ : token_pace_;
  }

  uint32_t in_flight() const { return in_flight_; }
  time_point paused_until() const { return paused_until_; }
  const rate_limits& limits() const { return limits_; }

private:
  shared_budget& budget_of(key_budget b) {
    return b == key_budget::requests ? request_pace_ : token_pace_;
  }
  /// The windows keep this instance's part of the limits: a share, or
  /// all of them while grants keep the key's.
  void fit_windows();

  rate_limits limits_;
  /// Even spacing: at most one second's worth back to back; the share,
  /// or the grants drawn, of the key's budget.
  shared_budget request_pace_;
  shared_budget token_pace_;
  /// The hard guarantee: never more than the limit in any minute.
  sliding_window request_window_;
  sliding_window token_window_;
  header_pacer server_;
  time_point paused_until_;
  uint32_t in_flight_ = 0;
  /// Tokens of the last call held only by missing grants (0: none).
  double grant_need_ = 0;
};

} // namespace bridge::translation
