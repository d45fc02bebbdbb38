// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <caf/response_promise.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "cache/fixed_window.hpp"
#include "cache/invalidation_feed.hpp"
#include "cache/profile_memo.hpp"
#include "cache/redis_client.hpp"
#include "common/backoff.hpp"
#include "config/defaults.hpp"
#include "messages/cache.hpp"

namespace bridge::cache {

/// What the cache needs at start (see `cache_options_from`).
struct cache_options {
  /// False: no Redis at all; reads go to PostgreSQL, limits are counted
  /// in-process, locks are granted in-process (single-instance setups).
  bool enabled = defaults::cache::enabled;
  /// REDIS_URL (a secret: it may carry a password).
  std::string url;
  std::chrono::seconds profile_ttl = defaults::cache::profile_ttl;
  std::chrono::seconds subscription_ttl = defaults::cache::subscription_ttl;
  /// Lifetime of a usage mirror; it only saves PostgreSQL work, so it is
  /// short enough that an out-of-band correction shows within minutes.
  std::chrono::seconds usage_ttl{600};
  /// Connect and command timeout: a hung Redis must not hold requests.
  std::chrono::milliseconds command_timeout = defaults::cache::command_timeout;
  std::chrono::milliseconds reconnect_base{100};
  std::chrono::milliseconds reconnect_max =
      defaults::cache::reconnect_backoff_max;
  /// Deletes kept for a Redis that is down; past this, the next
  /// connection purges every cached row instead.
  size_t max_pending_invalidations = 100000;
  /// How long the cache waits for the pool.
  std::chrono::milliseconds db_timeout =
      defaults::db::request_timeout + std::chrono::seconds{1};
  /// The pool, for reads through and for usage counting.
  db_actor db;
  /// Profiles kept in the engine's memory (sessions read it directly);
  /// unset: none. The cache forgets what this engine's writes change,
  /// publishes it for the other engines, and keeps the memo open only
  /// while its own subscription to their news stands.
  std::shared_ptr<profile_memo> memo;
  /// Forgets teams' glossaries this engine keeps when another engine's
  /// news names them (the engine's glossary memo); unset: none kept. The
  /// cache publishes the glossaries this engine's writes change.
  invalidation_feed::glossary_news forget_glossaries;
  /// The subscription's pings (tests shorten them).
  std::chrono::milliseconds feed_ping_every{1000};
  std::chrono::milliseconds feed_silence_limit{3000};
  /// Wall clock in Unix milliseconds (rate windows, local locks).
  std::function<int64_t()> now_ms;
};

/// The cache: one detached actor (hiredis blocks) owning one Redis
/// connection. Every request has a PostgreSQL or in-process answer for
/// when Redis is down or answers errors; those are counted as fallbacks,
/// and the connection is re-established with backoff.
struct cache_state {
  static inline const char* name = "cache";

  explicit cache_state(cache_actor::pointer self) : self(self) {}

  cache_actor::behavior_type make_behavior(cache_options opts);

private:
  /// Reads waiting for the same missing key share one database read.
  struct fill {
    std::vector<caf::response_promise> waiters;
    /// A write changed the row while it was read: do not cache the answer.
    bool invalidated = false;
    /// The token of the fill's lease in Redis; empty without one (then
    /// the answer is not cached either).
    std::string lease;
  };

  /// A lock granted in-process when Redis is disabled.
  struct local_lock {
    std::string value;
    int64_t expires_at_ms = 0;
  };

  /// Keys per DEL, and per SCAN page when purging.
  static constexpr size_t delete_chunk = 500;

  template <class Op, class Codec>
  caf::result<typename Op::result> read_through(Op op, std::string key,
                                                std::chrono::seconds ttl);

  caf::result<usage_count> count_usage(usage_incr x);
  caf::result<usage_count> read_usage(usage_get x);
  caf::result<rate_verdict> hit(const rate_hit& h);
  caf::result<lock_grant> acquire(const lock_acquire& x);
  caf::result<lock_grant> renew(const lock_renew& x);
  caf::result<lock_grant> release(const lock_release& x);
  void invalidate(const cache_invalidate& x);

  /// Runs one command if Redis is up; nothing when it is down, failed, or
  /// answered an error (counted; a failed connection starts reconnecting).
  std::optional<redis_reply> call(const redis_command& cmd);
  std::optional<std::vector<redis_reply>>
  call(const std::vector<redis_command>& cmds);
  void set_value(const std::string& key, const std::string& value,
                 std::chrono::seconds ttl);
  /// Takes the lease of a fill of `key`; its token, or empty.
  std::string lease_fill(const std::string& key);
  /// Stores what a fill read, if its lease still stands.
  void store_fill(const std::string& key, const std::string& lease,
                  const std::string& value, std::chrono::seconds ttl);
  void went_down();
  void try_connect();
  bool restore();
  /// Publishes the profiles among `deleted` keys (deletes made late).
  bool publish_missed(const std::vector<std::string>& deleted);
  void schedule_reconnect();
  int64_t now_ms() const;

  cache_actor::pointer self;
  cache_options opts_;
  redis_endpoint endpoint_;
  redis_client redis_;
  bool up_ = false;
  bool ever_up_ = false;
  bool reconnect_scheduled_ = false;
  std::unique_ptr<retry_state> retry_;
  std::mt19937_64 rng_{std::random_device{}()};
  std::unordered_map<std::string, fill> fills_;
  std::unordered_set<std::string> pending_deletes_;
  bool purge_needed_ = false;
  local_limiter local_;
  std::unordered_map<std::string, local_lock> local_locks_;
  cache_status counters_;
  /// Declared last: destroyed (its thread joined) before the rest.
  std::unique_ptr<invalidation_feed> feed_;
};

using cache_impl = cache_actor::stateful_pointer<cache_state>;

/// Spawn function of the cache (spawn it detached).
cache_actor::behavior_type cache_service(cache_impl self, cache_options opts);

} // namespace bridge::cache
