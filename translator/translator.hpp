// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <caf/typed_event_based_actor.hpp>

#include "common/call_watch.hpp"
#include "config/defaults.hpp"
#include "messages/budget.hpp"
#include "messages/translator.hpp"
#include "translator/circuit_breaker.hpp"
#include "translator/fallback.hpp"
#include "translator/rate_limiter.hpp"
#include "translator/request_check.hpp"
#include "translator/request_queue.hpp"
#include "translator/retry_policy.hpp"

namespace prometheus {
class Histogram;
}

namespace bridge::translation {

/// What the translator needs at start (see `spawn_translator` for the way
/// it is built from `bridge_config`).
struct translator_options {
  /// For status and logs: "apertium", "claude" or "fake".
  std::string backend_name;
  backend_actor backend;
  /// What the backend translates; requests for other pairs are refused.
  std::vector<language_pair> languages;
  translation::rate_limits limits;
  translation::retry_options retry;
  uint32_t breaker_failures = defaults::translator::breaker_failures;
  std::chrono::milliseconds breaker_cooldown =
      defaults::translator::breaker_cooldown;
  size_t queue_limit = defaults::translator::queue_limit;
  std::chrono::milliseconds queue_deadline =
      defaults::translator::queue_deadline;
  std::chrono::milliseconds queued_notice_after =
      defaults::translator::queued_notice_after;
  /// Timeout of one backend call.
  std::chrono::milliseconds request_timeout =
      defaults::translator::request_timeout;
  translation::request_limits request;
  /// Seeds the retry jitter; 0 draws a seed.
  uint64_t seed = 0;
  /// The buckets the bot's instances share (`cluster.translation_budget =
  /// "redis"`): while others translate too, the key's limits are drawn from
  /// there. Unset: each instance keeps its share of them.
  budget_actor budgets;
  /// A second backend for what `backend` gives up on (translator.fallback),
  /// outside the limits above, which are the first one's; unset: none.
  backend_actor fallback;
  /// For logs and metrics: "apertium".
  std::string fallback_name;
  /// What the fallback translates; pairs it lacks fail as without one.
  std::vector<language_pair> fallback_languages;
};

/// The translator: the one owner of the translation budget. It checks each
/// request, queues it with its deadline, starts backend calls only within
/// the rate limits and while the circuit breaker allows, retries what is
/// worth retrying after a jittered backoff or the server's `retry-after`,
/// and answers every request exactly once.
struct translator_state {
  static inline const char* name = "translator";

  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  explicit translator_state(translator_actor::pointer self) : self(self) {}

  translator_actor::behavior_type make_behavior(translator_options opts);

private:
  void on_request(translate_request& req);
  void pump();
  void dispatch(pending_request& p, time_point now);
  void on_reply(uint64_t key, backend_reply& reply, time_point started);
  /// Times out the backend calls past their deadline.
  void expire_calls();
  void arm_watch();
  /// `hops`: the direct translations the backend chained (1: none).
  void succeed(uint64_t key, std::string text, uint32_t hops);
  void fail(uint64_t key, engine_errc code, std::string reason);
  void answer(const translation_listener& to, translation_done done);
  void fail_all(engine_errc code, const std::string& reason);
  void schedule(time_point wake, time_point now);
  translator_status status();
  time_point now() const;

  // -- the API key's limits, shared (translator_budget.cpp) -------------------
  void set_members(uint32_t n);
  /// Asks the shared buckets for the grants a waiting call needs.
  void ask_grants(time_point t);

  // -- the fallback backend (translator_fallback.cpp) -------------------------
  /// Hands `p`, which the backend gave up on with `code`, to the fallback
  /// when the policy lets it; false leaves it to fail as without one.
  bool try_fallback(pending_request& p, engine_errc code, std::string& reason);
  void on_fallback_reply(uint64_t key, backend_reply& reply);
  /// Answers every request out with the fallback (the translator stops).
  void fail_fallbacks(engine_errc code, const std::string& reason);
  /// Says once per opening of the breaker that the fallback stands in.
  void log_fallback(const std::string& reason);

  translator_actor::pointer self;
  translator_options opts_;
  std::set<language_pair> supported_;
  std::unique_ptr<rate_limiter> limiter_;
  std::unique_ptr<circuit_breaker> breaker_;
  std::unique_ptr<retry_policy> retry_;
  request_queue queue_;
  std::mt19937_64 rng_;
  uint64_t next_key_ = 1;
  uint64_t next_call_ = 1;
  /// A backend call out: its request's key, and when it started.
  struct out_call {
    uint64_t key = 0;
    time_point started;
  };
  call_watch<out_call> calls_;
  time_point tick_at_ = time_point::max();
  translator_status counters_;
  /// This backend's series of bridge_translator_request_seconds.
  prometheus::Histogram* request_seconds_ = nullptr;
  fallback_policy fallback_;
  /// A request with the fallback: the primary's failure, answered if the
  /// fallback fails too.
  struct fallback_call {
    pending_request request;
    engine_errc code = engine_errc::none;
    std::string reason;
  };
  std::map<uint64_t, fallback_call> fallbacks_;
  /// The breaker opening the fallback was last logged in; unset: never.
  std::optional<uint64_t> fallback_logged_;
};

using translator_impl = translator_actor::stateful_pointer<translator_state>;

/// Spawn function of the translator.
translator_actor::behavior_type translator(translator_impl self,
                                           translator_options opts);

} // namespace bridge::translation
