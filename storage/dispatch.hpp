// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include <caf/message.hpp>

#include "messages/storage.hpp"
#include "storage/sql.hpp"

/// How the pool runs each request type: whether it batches, whether it
/// needs a transaction, whether running it twice is harmless, and the
/// table that dispatches a turn to the request's repository code.
namespace bridge::storage {

// -- request traits
// -------------------------------------------------------------

enum op_flag : unsigned {
  /// Requests of this type that wait together run as one statement.
  batched = 1,
  /// Runs between BEGIN and COMMIT (several statements, or batch chunks).
  atomic = 2,
  /// Running it again gives the same effect and the same answer, so it is
  /// retried even when a connection broke while committing.
  idempotent = 4,
  /// On the intake's path, where every millisecond holds up the next
  /// getUpdates: leaves as soon as a connection is free (no `batch_turns`
  /// wait) and never shares a turn with other types.
  urgent = 8,
  /// Atomic, but a batch within `db.batch_max` rows writes one statement
  /// (reads after it need no transaction), which checks its own fencing
  /// tokens: such a turn runs without BEGIN, COMMIT and a separate check.
  /// A larger one keeps them, as does a batch the statement's check
  /// refused; in a combined turn it shares the transaction.
  one_statement = 16,
};

template <unsigned Flags> struct op_flags {
  static constexpr bool is_batched = (Flags & batched) != 0;
  static constexpr bool is_atomic = (Flags & atomic) != 0;
  static constexpr bool is_idempotent = (Flags & idempotent) != 0;
  static constexpr bool is_urgent = (Flags & urgent) != 0;
  static constexpr bool is_one_statement = (Flags & one_statement) != 0;
};

/// Specialized for every request type in `db_ops`.
template <class Op> struct op_traits;

// One INSERT per batch of up to `db.batch_max` rows; the check of rows
// stored before is a read.
template <>
struct op_traits<inbox_put>
    : op_flags<batched | atomic | urgent | one_statement> {};
template <>
struct op_traits<inbox_done> : op_flags<batched | atomic | idempotent> {};
template <> struct op_traits<inbox_pending> : op_flags<idempotent> {};
// Fenced: the check and the write share a transaction.
template <> struct op_traits<inbox_park> : op_flags<atomic | idempotent> {};
template <> struct op_traits<inbox_parked> : op_flags<idempotent> {};
// A retried unpark finds nothing parked and answers not_found: never
// retried after its commit was in doubt.
template <> struct op_traits<inbox_release> : op_flags<0> {};
template <> struct op_traits<outbox_put> : op_flags<batched | atomic> {};
template <>
struct op_traits<outbox_sent>
    : op_flags<batched | atomic | idempotent | one_statement> {};
template <>
struct op_traits<outbox_failed> : op_flags<batched | atomic | idempotent> {};
template <> struct op_traits<outbox_unsent> : op_flags<idempotent> {};
// Its rows are written ON CONFLICT DO NOTHING and its finishes are marks:
// running it again has the same effect, and the answer says each row's
// status, so a caller whose first write was in doubt learns what stands.
template <>
struct op_traits<reply_put> : op_flags<batched | atomic | idempotent> {};
template <> struct op_traits<partition_notify> : op_flags<idempotent> {};
template <> struct op_traits<user_get> : op_flags<idempotent> {};
template <> struct op_traits<user_put> : op_flags<idempotent> {};
template <> struct op_traits<user_issue_code> : op_flags<0> {};
template <> struct op_traits<user_by_code> : op_flags<idempotent> {};
template <> struct op_traits<user_reset> : op_flags<atomic> {};
// Fenced, and they move the worker's unfinished updates to its new
// partition: the check, the link and the move share a transaction.
template <> struct op_traits<link_worker> : op_flags<atomic> {};
template <> struct op_traits<unlink_worker> : op_flags<atomic> {};
// Fenced; a note has a fresh id each time, so it is never retried.
template <> struct op_traits<join_refused> : op_flags<atomic> {};
// Fenced; moving rows again moves nothing.
// Fenced; each queues a note with a fresh id, so none is retried.
template <> struct op_traits<join_request_put> : op_flags<atomic> {};
template <> struct op_traits<join_answer> : op_flags<atomic> {};
template <> struct op_traits<worker_remove> : op_flags<atomic> {};
template <> struct op_traits<inbox_rehome> : op_flags<atomic | idempotent> {};
template <> struct op_traits<workers_of> : op_flags<idempotent> {};
template <> struct op_traits<session_get> : op_flags<idempotent> {};
// Fenced: the check and the write share a transaction.
template <> struct op_traits<session_put> : op_flags<atomic | idempotent> {};
template <> struct op_traits<sub_get> : op_flags<idempotent> {};
template <> struct op_traits<sub_set> : op_flags<idempotent> {};
template <> struct op_traits<sub_clear> : op_flags<idempotent> {};
template <> struct op_traits<usage_incr> : op_flags<0> {};
template <> struct op_traits<usage_get> : op_flags<idempotent> {};
template <> struct op_traits<feedback_put> : op_flags<0> {};
// Giving back twice would hand out messages past the limit: never retried.
template <> struct op_traits<usage_release> : op_flags<0> {};
template <> struct op_traits<conversation_open> : op_flags<idempotent> {};
template <> struct op_traits<conversation_reserve> : op_flags<0> {};
// The messages, their copies and the updates they finish: one statement
// (`message_store`) while each fits `db.batch_max` rows. Every part is
// written ON CONFLICT DO NOTHING or is a mark, and rows stored before are
// answered with their ids and status: a rerun has the first run's effect
// and answer, so a statement lost with its connection is run again.
template <>
struct op_traits<message_put>
    : op_flags<batched | atomic | idempotent | one_statement> {};
template <> struct op_traits<message_update> : op_flags<idempotent> {};
template <> struct op_traits<message_recent> : op_flags<idempotent> {};
template <> struct op_traits<message_count> : op_flags<idempotent> {};
template <> struct op_traits<task_create> : op_flags<0> {};
template <> struct op_traits<task_list> : op_flags<idempotent> {};
template <> struct op_traits<task_done> : op_flags<idempotent> {};
template <> struct op_traits<task_texts> : op_flags<idempotent> {};
// The first translation stored stays: storing again changes nothing.
template <> struct op_traits<task_translated> : op_flags<idempotent> {};
template <> struct op_traits<user_list> : op_flags<idempotent> {};
template <> struct op_traits<conversation_list> : op_flags<idempotent> {};
// Deleting another batch on a retry is what retention wants anyway.
template <> struct op_traits<purge> : op_flags<atomic | idempotent> {};
template <> struct op_traits<backlog_get> : op_flags<idempotent> {};
template <> struct op_traits<feedback_list> : op_flags<idempotent> {};
// Storing the same translation again changes nothing.
template <> struct op_traits<feedback_translated> : op_flags<idempotent> {};
// Telegram Stars. An order has a fresh payload each time: never retried.
template <> struct op_traits<star_order_open> : op_flags<0> {};
// A refusal is stored with the check, once per query id: atomic, and a
// retry finds it stored.
template <> struct op_traits<star_checkout> : op_flags<atomic | idempotent> {};
// Keyed by the charge id: a retry finds the payment and answers
// `duplicate`, crediting nothing twice.
template <> struct op_traits<star_credit> : op_flags<atomic | idempotent> {};
template <> struct op_traits<star_payment_get> : op_flags<idempotent> {};
// Keyed by the charge id too: a retry finds the refund recorded.
template <>
struct op_traits<star_refund_put> : op_flags<atomic | idempotent> {};
// Business figures only read.
template <> struct op_traits<business_get> : op_flags<idempotent> {};
// team glossary: a proposal stored twice would ask the manager twice, so
// a put is never retried; an answer reads and writes the proposal
// together.
template <> struct op_traits<glossary_list> : op_flags<idempotent> {};
template <> struct op_traits<glossary_put> : op_flags<atomic> {};
template <> struct op_traits<glossary_answer> : op_flags<atomic> {};
template <> struct op_traits<glossary_remove> : op_flags<idempotent> {};
// Corrections: reads are idempotent; a correction is stored once per /fix.
template <> struct op_traits<correction_target> : op_flags<idempotent> {};
template <> struct op_traits<correction_put> : op_flags<0> {};
template <> struct op_traits<correction_list> : op_flags<idempotent> {};
template <> struct op_traits<correction_suggestions> : op_flags<idempotent> {};
// /original: setting the same mode again changes nothing.
template <> struct op_traits<user_original_set> : op_flags<idempotent> {};
// The newest day wins: noting a day again changes nothing.
template <> struct op_traits<team_active> : op_flags<idempotent> {};
// Stars events that credited nothing: the listing only reads.
template <> struct op_traits<star_rejection_list> : op_flags<idempotent> {};
// Glossary suggestions from corrections: a read.
template <> struct op_traits<correction_recent> : op_flags<idempotent> {};

/// Rows a request writes; batches are cut at `db.batch_max` rows.
template <class Op> size_t op_weight(const Op&) {
  return 1;
}

inline size_t op_weight(const inbox_put& x) {
  return x.rows.size();
}

inline size_t op_weight(const inbox_done& x) {
  return x.update_ids.size();
}

inline size_t op_weight(const reply_put& x) {
  return x.outbox.size() + x.finishes.size();
}

inline size_t op_weight(const message_put& x) {
  return x.rows.size() + x.outbox.size() + x.finishes.size();
}

// -- positions in db_ops
// --------------------------------------------------------

template <class Op, class List> struct op_position;

template <class Op, class... Ts>
struct op_position<Op, db_op_list<Op, Ts...>>
    : std::integral_constant<uint32_t, 0> {};

template <class Op, class U, class... Ts>
struct op_position<Op, db_op_list<U, Ts...>>
    : std::integral_constant<uint32_t,
                             1 + op_position<Op, db_op_list<Ts...>>::value> {};

/// Position of `Op` in `db_ops`.
template <class Op>
constexpr uint32_t op_index = op_position<Op, db_ops>::value;

template <class List> struct op_list_size;

template <class... Ts>
struct op_list_size<db_op_list<Ts...>>
    : std::integral_constant<uint32_t, sizeof...(Ts)> {};

/// Number of request types.
constexpr uint32_t op_count = op_list_size<db_ops>::value;

// -- dispatch
// -------------------------------------------------------------------

/// Marks `ctx` as running in a transaction whose fences were checked
/// apart, until the end of the scope.
class fences_checked_in {
public:
  explicit fences_checked_in(op_context& ctx, bool checked = true)
      : ctx_(ctx), before_(ctx.fences_checked) {
    ctx_.fences_checked = checked;
  }
  ~fences_checked_in() { ctx_.fences_checked = before_; }
  fences_checked_in(const fences_checked_in&) = delete;
  fences_checked_in& operator=(const fences_checked_in&) = delete;

private:
  op_context& ctx_;
  bool before_;
};

/// A connection as a turn sees it: statements plus transaction control.
class db_session : public sql_runner {
public:
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

/// Everything the pool and its workers know about one request type.
struct op_entry {
  const char* name;
  bool is_batched;
  bool is_atomic;
  bool is_idempotent;
  bool is_urgent;
  /// Batched, atomic and not urgent: its batches may share a transaction
  /// with the batches of other such types (`run_combined`).
  bool is_combinable;
  /// Worker side: runs the calls of `turn` whose deadline (steady-clock
  /// ns) is after `now_ns`; never throws.
  db_turn_result (*run)(db_session& session, op_context& ctx, db_turn& turn,
                        int64_t now_ns);
  /// Worker side, inside a transaction the caller controls, whose fencing
  /// tokens it has checked (`run_combined` checks a whole transaction's at
  /// once): runs the calls at `idx` of `turn` as one batch, a reply each;
  /// throws `db_failure`.
  std::vector<caf::message> (*execute_checked)(op_context& ctx,
                                               const db_turn& turn,
                                               const std::vector<size_t>& idx);
  /// The fencing token `call` carries; an unfenced one for types without.
  fence_token (*fence_of)(const caf::message& call);
  /// Pool side: adds what a successful `call` with `reply` changed in
  /// cached data to `out`.
  void (*touched)(const caf::message& call, const caf::message& reply,
                  cache_invalidate& out);
};

/// The entry of the request type at `index` (< op_count).
const op_entry& op_table(uint32_t index);

/// Runs a turn that mixes combinable types (`turn.ops` names each call's):
/// every batch in one transaction, so one commit covers them all. When a
/// batch fails or refuses a call, the transaction is rolled back and each
/// type runs again as a turn of its own, which isolates the bad call; a
/// broken connection fails the turn as a single-type turn would. Never
/// throws.
db_turn_result run_combined(db_session& session, op_context& ctx, db_turn& turn,
                            int64_t now_ns);

/// Runs any turn: `run_combined` when it mixes types, else its type's
/// `run`. Never throws.
db_turn_result run_any(db_session& session, op_context& ctx, db_turn& turn,
                       int64_t now_ns);

/// Every prepared statement, of every repository.
const std::vector<sql_def>& all_statements();

} // namespace bridge::storage
