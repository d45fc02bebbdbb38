// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <caf/message.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/storage_billing.hpp"
#include "messages/storage_business.hpp"
#include "messages/storage_common.hpp"
#include "messages/storage_corrections.hpp"
#include "messages/storage_feedback.hpp"
#include "messages/storage_glossary.hpp"
#include "messages/storage_intake.hpp"
#include "messages/storage_join.hpp"
#include "messages/storage_people.hpp"
#include "messages/storage_stars.hpp"
#include "messages/storage_talk.hpp"

/// The database pool's protocol: every request type, the admin listings,
/// retention, operator counters, and the typed interface `db_actor`.
namespace bridge {

// -- admin listings
// -------------------------------------------------------------

/// Users with a Telegram id above `after_id`, filtered by role and language
/// (empty: any) and by activity (a message in one of their conversations
/// since `active_since_ms`; 0: any).
struct user_list {
  using result = user_page;
  std::string role;
  std::string language;
  int64_t active_since_ms = 0;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_list& x) {
  return f(caf::meta::type_name("user_list"), x.role, x.language,
           x.active_since_ms, x.after_id, x.limit, x.timeout_ms);
}

/// Conversations with an id above `after_id`, filtered by manager, worker
/// (0: any) and activity since `active_since_ms` (0: any).
struct conversation_list {
  using result = conversation_page;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  int64_t active_since_ms = 0;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_list& x) {
  return f(caf::meta::type_name("conversation_list"), x.manager_id, x.worker_id,
           x.active_since_ms, x.after_id, x.limit, x.timeout_ms);
}

// -- retention
// ------------------------------------------------------------------

/// Tables whose old rows retention deletes.
enum class purge_target : uint8_t {
  /// Messages created before the cutoff.
  messages,
  /// Inbox rows processed before the cutoff (unprocessed rows stay).
  inbox,
  /// Sent or failed outbox rows created before the cutoff.
  outbox,
};

const char* to_string(purge_target x);

/// Deletes at most `limit` rows of `target` older than `cutoff_ms` and
/// answers how many went. With a `fence_name`, the delete runs only if
/// `fence_token` is not older than the newest token PostgreSQL has seen for
/// that name; a leader that lost its lock meanwhile gets `conflict`.
struct purge {
  using result = db_count;
  purge_target target = purge_target::messages;
  int64_t cutoff_ms = 0;
  int64_t limit = 1000;
  std::string fence_name;
  int64_t fence_token = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, purge& x) {
  return f(caf::meta::type_name("purge"), x.target, x.cutoff_ms, x.limit,
           x.fence_name, x.fence_token, x.timeout_ms);
}

// -- operator counters
// ----------------------------------------------------------

/// Durable work not yet done: stored updates not fully handled and
/// outgoing messages not yet sent.
struct backlog_counts {
  int64_t inbox = 0;
  int64_t outbox = 0;
  /// Updates parked for an operator (not in `inbox`).
  int64_t parked = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, backlog_counts& x) {
  return f(caf::meta::type_name("backlog_counts"), x.inbox, x.outbox, x.parked);
}

/// Counts the backlog (two index-only counts over partial indexes).
struct backlog_get {
  using result = backlog_counts;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, backlog_get& x) {
  return f(caf::meta::type_name("backlog_get"), x.timeout_ms);
}

/// How full the pool's queue is, published by the pool whenever it
/// changes, for the intake on other threads: asking the pool instead
/// took a round trip and a timed request (two wake-ups of CAF's clock)
/// before every poll. Not a message; shared by pointer.
struct db_pressure {
  std::atomic<int64_t> queue_depth{0};
  std::atomic<int64_t> queue_limit{0};
};

/// What the pool has done since start, for operators and tests.
struct db_pool_status {
  int64_t pool_size = 0;
  /// Workers holding a live connection (never above pool_size).
  int64_t connections_open = 0;
  /// Workers running a turn right now.
  int64_t in_use = 0;
  int64_t queue_depth = 0;
  int64_t queue_limit = 0;
  /// Requests accepted.
  int64_t requests = 0;
  /// Requests that found no idle connection and waited in the queue.
  int64_t waits = 0;
  /// Total and longest time requests spent in the queue.
  int64_t wait_us_total = 0;
  int64_t wait_us_max = 0;
  /// Refused because the queue was full.
  int64_t rejected_full = 0;
  /// Refused before queueing because the request was malformed.
  int64_t rejected_invalid = 0;
  /// Answered `deadline_exceeded`.
  int64_t expired = 0;
  /// Answered with any other error (`not_found` is an answer, not one).
  int64_t errors = 0;
  /// Requests run again after their connection broke.
  int64_t retried = 0;
  /// Connections lost and connects that failed.
  int64_t connection_losses = 0;
  int64_t connect_failures = 0;
  /// Turns run; turns of batchable kinds, and the requests and rows they
  /// carried (rows per batch = batched_rows / batched_turns).
  int64_t turns = 0;
  int64_t batched_turns = 0;
  int64_t batched_requests = 0;
  int64_t batched_rows = 0;
  /// Turns that wrote several request types in one transaction.
  int64_t combined_turns = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, db_pool_status& x) {
  return f(caf::meta::type_name("db_pool_status"), x.pool_size,
           x.connections_open, x.in_use, x.queue_depth, x.queue_limit,
           x.requests, x.waits, x.wait_us_total, x.wait_us_max, x.rejected_full,
           x.rejected_invalid, x.expired, x.errors, x.retried,
           x.connection_losses, x.connect_failures, x.turns, x.batched_turns,
           x.batched_requests, x.batched_rows, x.combined_turns);
}

// -- cache invalidation
// ---------------------------------------------------------

/// A manager's usage counter of one day.
struct usage_day {
  int64_t manager_id = 0;
  int64_t day = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, usage_day& x) {
  return f(caf::meta::type_name("usage_day"), x.manager_id, x.day);
}

/// Cached data a committed write changed. The pool sends it to its watcher
/// (the cache) after every such write and before answering the writer, so
/// a read the writer makes next cannot see the old value.
struct cache_invalidate {
  std::vector<int64_t> profiles;
  std::vector<int64_t> subscriptions;
  std::vector<usage_day> usage;
  /// Managers whose glossary changed.
  std::vector<int64_t> glossaries;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cache_invalidate& x) {
  return f(caf::meta::type_name("cache_invalidate"), x.profiles,
           x.subscriptions, x.usage, x.glossaries);
}

/// Whoever keeps copies of database rows and must hear of changes.
using invalidation_sink = caf::typed_actor<caf::reacts_to<cache_invalidate>>;

// -- the pool's interface
// -------------------------------------------------------

/// A list of request types.
template <class... Ops> struct db_op_list {};

/// Every request the pool serves. Each type names its answer as
/// `T::result`; failures arrive as errors (`bridge::engine_errc`).
/// Requests are independent: a caller that needs one to happen after
/// another waits for the first answer.
using db_ops = db_op_list<
    // intake and outbox
    inbox_put, inbox_done, inbox_pending, inbox_park, inbox_parked,
    inbox_release, outbox_put, outbox_sent, outbox_failed, outbox_unsent,
    reply_put, partition_notify,
    // users, links, session state
    user_get, user_put, user_issue_code, user_by_code, user_reset, link_worker,
    join_refused, unlink_worker, inbox_rehome, workers_of, session_get,
    session_put, join_request_put, join_answer, worker_remove,
    // subscriptions, usage, feedback
    sub_get, sub_set, sub_clear, usage_incr, usage_get, feedback_put,
    usage_release,
    // conversations, messages, tasks
    conversation_open, conversation_reserve, message_put, message_update,
    message_recent, message_count, task_create, task_list, task_done,
    task_texts, task_translated,
    // admin and retention
    user_list, conversation_list, purge, backlog_get,
    // feedback as operators read it
    feedback_list, feedback_translated,
    // Telegram Stars
    star_order_open, star_checkout, star_credit, star_payment_get,
    star_refund_put,
    // business figures for operators
    business_get,
    // team glossary
    glossary_list, glossary_put, glossary_answer, glossary_remove,
    // corrections of translations
    correction_target, correction_put, correction_list, correction_suggestions,
    // /original
    user_original_set,
    // active teams, kept as they happen
    team_active,
    // Stars events that credited nothing
    star_rejection_list,
    // glossary suggestions from corrections
    correction_recent>;

namespace detail {

template <class List> struct db_interface;

template <class... Ops> struct db_interface<db_op_list<Ops...>> {
  using type = caf::typed_actor<
      typename caf::replies_to<Ops>::template with<typename Ops::result>...,
      caf::replies_to<status_atom>::with<db_pool_status>,
      caf::reacts_to<watch_atom, invalidation_sink>, caf::reacts_to<tick_atom>,
      caf::reacts_to<again_atom>>;
};

} // namespace detail

/// The database pool: every `db_ops` request, `status` for the counters,
/// and `watch` to name the actor that hears of cache-relevant writes.
/// `tick` is its own deadline timer.
using db_actor = detail::db_interface<db_ops>::type;

// -- pool internals
// -------------------------------------------------------------

/// Requests that a pool worker runs in one turn: one request, several
/// batchable ones of one type written with one statement, or batches of
/// several write types committed in one transaction.
struct db_turn {
  /// Position of the request type in `db_ops`.
  uint32_t op = 0;
  std::vector<caf::message> calls;
  /// Steady-clock nanoseconds after which a call is not run.
  std::vector<int64_t> deadlines_ns;
  /// Per call, the position of its type, when the turn mixes types; empty
  /// when every call is of type `op`.
  std::vector<uint32_t> ops;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, db_turn& x) {
  return f(caf::meta::type_name("db_turn"), x.op, x.calls, x.deadlines_ns,
           x.ops);
}

/// The state of a worker's connection after a turn.
enum class link_state : uint8_t {
  up,
  /// Broke before anything was committed: every call may run again.
  lost_uncommitted,
  /// Broke while committing: only idempotent calls may run again.
  lost_in_doubt,
};

/// A worker's answer to a turn: per call its result or a `caf::error`.
struct db_turn_result {
  std::vector<caf::message> replies;
  link_state link = link_state::up;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, db_turn_result& x) {
  return f(caf::meta::type_name("db_turn_result"), x.replies, x.link);
}

} // namespace bridge
