// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/storage.hpp"

/// The cache's protocol: read-through profile and subscription reads,
/// usage counting, per-user rate limits and leader locks, all of which
/// keep working (through PostgreSQL, or locally) while Redis is down.
namespace bridge {

// -- rate limits
// ----------------------------------------------------------------

/// Counts one event of `subject` in the current fixed window of
/// `window_ms` for a limit named `scope` (a short lowercase word such as
/// "updates" or "code").
struct rate_hit {
  std::string scope;
  int64_t subject = 0;
  int64_t limit = 0;
  int64_t window_ms = 60000;
  /// False: only asks whether one more event would be within the limit,
  /// counting nothing (a budget spent by other events, such as failures).
  bool count = true;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, rate_hit& x) {
  return f(caf::meta::type_name("rate_hit"), x.scope, x.subject, x.limit,
           x.window_ms, x.count);
}

/// Whether a `rate_hit` is within its limit.
struct rate_verdict {
  bool allowed = true;
  /// Events in this window, this one included.
  int64_t count = 0;
  /// When refused: time until the window ends.
  int64_t retry_after_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, rate_verdict& x) {
  return f(caf::meta::type_name("rate_verdict"), x.allowed, x.count,
           x.retry_after_ms);
}

// -- leader locks
// ---------------------------------------------------------------

/// Takes the lock `name` for `ttl_ms` unless someone holds it.
struct lock_acquire {
  std::string name;
  /// Who asks (unique per engine instance).
  std::string owner;
  int64_t ttl_ms = 60000;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, lock_acquire& x) {
  return f(caf::meta::type_name("lock_acquire"), x.name, x.owner, x.ttl_ms);
}

/// Extends a held lock to `ttl_ms` from now.
struct lock_renew {
  std::string name;
  std::string owner;
  int64_t token = 0;
  int64_t ttl_ms = 60000;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, lock_renew& x) {
  return f(caf::meta::type_name("lock_renew"), x.name, x.owner, x.token,
           x.ttl_ms);
}

/// Gives a held lock back.
struct lock_release {
  std::string name;
  std::string owner;
  int64_t token = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, lock_release& x) {
  return f(caf::meta::type_name("lock_release"), x.name, x.owner, x.token);
}

/// The state of a lock after a lock request.
struct lock_grant {
  bool held = false;
  /// Fencing token: grows with every acquisition, also across Redis
  /// restarts; pass it to the work the lock protects (`purge`).
  int64_t token = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, lock_grant& x) {
  return f(caf::meta::type_name("lock_grant"), x.held, x.token);
}

// -- operator counters
// ----------------------------------------------------------

/// What the cache has done since start.
struct cache_status {
  bool enabled = false;
  bool connected = false;
  int64_t hits = 0;
  int64_t misses = 0;
  /// Requests answered from PostgreSQL (or locally) because Redis was down
  /// or answered an error.
  int64_t fallbacks = 0;
  /// Redis commands that failed (connection or error reply).
  int64_t errors = 0;
  /// Connections made after a loss, and attempts that failed.
  int64_t reconnects = 0;
  int64_t connect_failures = 0;
  /// Keys deleted because a write changed them.
  int64_t invalidations = 0;
  /// Deletes waiting for Redis to come back, and deletes that did not fit
  /// (the next connection then clears every cached profile and
  /// subscription).
  int64_t invalidations_pending = 0;
  int64_t invalidations_overflow = 0;
  /// Rate-limit decisions made by the in-process fallback.
  int64_t local_rate_decisions = 0;
  /// Usage requests refused by the cached count without asking PostgreSQL.
  int64_t usage_fast_refusals = 0;
  /// Profiles kept in the engine's memory (`cache::profile_memo`): open
  /// while subscribed to the other engines' invalidations.
  bool memo_open = false;
  int64_t memo_hits = 0;
  int64_t memo_misses = 0;
  int64_t memo_size = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cache_status& x) {
  return f(caf::meta::type_name("cache_status"), x.enabled, x.connected, x.hits,
           x.misses, x.fallbacks, x.errors, x.reconnects, x.connect_failures,
           x.invalidations, x.invalidations_pending, x.invalidations_overflow,
           x.local_rate_decisions, x.usage_fast_refusals, x.memo_open,
           x.memo_hits, x.memo_misses, x.memo_size);
}

// -- retention
// ------------------------------------------------------------------

/// What the retention job has done since start.
struct retention_status {
  /// Runs that held the leader lock, and rounds another instance led or
  /// the lock could not be had (Redis down).
  int64_t runs = 0;
  int64_t skipped = 0;
  int64_t deleted_messages = 0;
  int64_t deleted_inbox = 0;
  int64_t deleted_outbox = 0;
  /// Purges that failed (the run stops and waits for the next round).
  int64_t errors = 0;
  bool running = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, retention_status& x) {
  return f(caf::meta::type_name("retention_status"), x.runs, x.skipped,
           x.deleted_messages, x.deleted_inbox, x.deleted_outbox, x.errors,
           x.running);
}

/// The retention job: `tick` starts a round (its own timer sends it too).
using retention_actor =
    caf::typed_actor<caf::reacts_to<tick_atom>,
                     caf::replies_to<status_atom>::with<retention_status>>;

// -- the cache's interface
// ------------------------------------------------------

/// The cache. Profiles (`user_get`) and subscriptions (`sub_get`) are read
/// through Redis; `usage_incr`/`usage_get` count in PostgreSQL and mirror
/// the count in Redis; `rate_hit` and the lock requests live in Redis.
/// Writes go to the pool (`db_actor`), which tells the cache what changed.
using cache_actor =
    caf::typed_actor<caf::replies_to<user_get>::with<user_record>,
                     caf::replies_to<sub_get>::with<subscription>,
                     caf::replies_to<usage_incr>::with<usage_count>,
                     caf::replies_to<usage_get>::with<usage_count>,
                     caf::replies_to<rate_hit>::with<rate_verdict>,
                     caf::replies_to<lock_acquire>::with<lock_grant>,
                     caf::replies_to<lock_renew>::with<lock_grant>,
                     caf::replies_to<lock_release>::with<lock_grant>,
                     caf::replies_to<status_atom>::with<cache_status>,
                     caf::reacts_to<cache_invalidate>,
                     caf::reacts_to<retry_atom>>;

} // namespace bridge
