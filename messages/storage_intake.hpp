// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// The durable intake (inbox) and outbox: what the front and the sender
/// write so that nothing is lost across a crash.
namespace bridge {

// -- inbox
// ----------------------------------------------------------------------

/// One received update, stored before it is handed on.
struct inbox_row {
  int64_t update_id = 0;
  int64_t chat_id = 0;
  /// The update's raw JSON, kept verbatim for replay.
  std::string payload;
  /// Set by the database; ignored on insert.
  int64_t received_at_ms = 0;
  /// The partition it was placed in (by its chat's team); set by the
  /// database, ignored on insert.
  int32_t partition = -1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_row& x) {
  return f(caf::meta::type_name("inbox_row"), x.update_id, x.chat_id, x.payload,
           x.received_at_ms, x.partition);
}

/// Which update ids of an `inbox_put` were new; the rest were stored before
/// and must not be handed on again.
struct inbox_put_result {
  std::vector<int64_t> new_ids;
  /// Of the rest, those stored before and still unfinished (not parked):
  /// an earlier write whose answer was lost, or a push Telegram repeated.
  /// Handed on again; their owners drop what they already work on.
  std::vector<int64_t> unfinished;
  /// The partition of each id of `new_ids`, then of `unfinished`, in
  /// order: whose owner handles it.
  std::vector<int32_t> new_partitions;
  std::vector<int32_t> unfinished_partitions;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_put_result& x) {
  return f(caf::meta::type_name("inbox_put_result"), x.new_ids, x.unfinished,
           x.new_partitions, x.unfinished_partitions);
}

/// Stores a getUpdates batch; duplicates (by update_id) are ignored.
struct inbox_put {
  using result = inbox_put_result;
  std::vector<inbox_row> rows;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_put& x) {
  return f(caf::meta::type_name("inbox_put"), x.rows, x.timeout_ms);
}

/// Marks updates processed. Answers how many ids it accepted; ids already
/// processed or unknown are no error.
struct inbox_done {
  using result = db_count;
  std::vector<int64_t> update_ids;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_done& x) {
  return f(caf::meta::type_name("inbox_done"), x.update_ids, x.timeout_ms,
           x.fence);
}

/// A page of inbox rows, ordered by update_id.
struct inbox_page {
  std::vector<inbox_row> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_page& x) {
  return f(caf::meta::type_name("inbox_page"), x.rows);
}

/// Lists unfinished, unparked updates with an id above `after_update_id`
/// (and, with `before_ms`, received before that time), for the resume at
/// start and the sweep: ask again with the last id until a page comes back
/// short.
struct inbox_pending {
  using result = inbox_page;
  int64_t after_update_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
  /// Only rows received before this wall time (ms since the epoch); 0: any.
  int64_t before_ms = 0;
  /// Only rows of these partitions; empty: of all.
  std::vector<int32_t> partitions = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_pending& x) {
  return f(caf::meta::type_name("inbox_pending"), x.after_update_id, x.limit,
           x.timeout_ms, x.before_ms, x.partitions);
}

/// Wakes the owners of `partitions`: new unfinished rows wait there,
/// taken in by another engine. A PostgreSQL NOTIFY, delivered to every
/// engine that listens once this commits; it saves latency only (the
/// owner's sweep finds the rows anyway). Answers how many were named.
struct partition_notify {
  using result = db_count;
  std::vector<int32_t> partitions;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, partition_notify& x) {
  return f(caf::meta::type_name("partition_notify"), x.partitions,
           x.timeout_ms);
}

/// An update parked: the engine gave up on it after its retries, so it is
/// kept for an operator instead of blocking or looping.
struct parked_row {
  int64_t update_id = 0;
  int64_t chat_id = 0;
  std::string reason;
  int64_t received_at_ms = 0;
  int64_t parked_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, parked_row& x) {
  return f(caf::meta::type_name("parked_row"), x.update_id, x.chat_id, x.reason,
           x.received_at_ms, x.parked_at_ms);
}

/// A page of parked updates, ordered by update_id.
struct parked_page {
  std::vector<parked_row> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, parked_page& x) {
  return f(caf::meta::type_name("parked_page"), x.rows);
}

/// Parks an unfinished update with the reason it was given up on. Answers
/// 1, or 0 when it was finished (or parked) meanwhile.
struct inbox_park {
  using result = db_count;
  int64_t update_id = 0;
  std::string reason;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_park& x) {
  return f(caf::meta::type_name("inbox_park"), x.update_id, x.reason,
           x.timeout_ms, x.fence);
}

/// Lists parked updates with an id above `after_update_id`.
struct inbox_parked {
  using result = parked_page;
  int64_t after_update_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_parked& x) {
  return f(caf::meta::type_name("inbox_parked"), x.after_update_id, x.limit,
           x.timeout_ms);
}

/// What an operator does with a parked update.
enum class park_action : uint8_t {
  /// Unpark it; the answer is its row, to hand on again.
  retry,
  /// Finish it without handling it.
  drop,
};

const char* to_string(park_action x);

/// Retries or drops a parked update. Answers its row, or `not_found` when
/// no parked update has that id.
struct inbox_release {
  using result = inbox_row;
  int64_t update_id = 0;
  park_action action = park_action::retry;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_release& x) {
  return f(caf::meta::type_name("inbox_release"), x.update_id, x.action,
           x.timeout_ms);
}

// -- outbox
// ---------------------------------------------------------------------

/// Where an outgoing call stands.
enum class outbox_status : uint8_t {
  /// Stored, not yet accepted by Telegram.
  pending,
  sent,
  /// Given up on; `last_error` says why.
  failed,
};

const char* to_string(outbox_status x);

/// One outgoing Bot API call as the outbox keeps it.
struct outbox_record {
  /// Set by the database.
  int64_t id = 0;
  /// Unique per logical message; a second insert with it is a no-op.
  std::string dedupe_key;
  int64_t chat_id = 0;
  /// What the call does ("send_message", "edit_message", ...); the sender's
  /// vocabulary, stored as given.
  std::string kind;
  std::string text;
  /// The message an edit or reply refers to, or 0.
  int64_t target_message_id = 0;
  /// Reply markup (inline keyboard JSON) as the sender encodes it, or empty.
  std::string markup;
  outbox_status status = outbox_status::pending;
  int64_t attempts = 0;
  /// The messages Telegram created (several when a text was split).
  std::vector<int64_t> telegram_message_ids;
  std::string last_error;
  int64_t created_at_ms = 0;
  int64_t sent_at_ms = 0;
  /// Whose owner sends it: the partition of the fenced write that stored
  /// it, else (-1 on insert) its chat's.
  int32_t partition = -1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_record& x) {
  return f(caf::meta::type_name("outbox_record"), x.id, x.dedupe_key, x.chat_id,
           x.kind, x.text, x.target_message_id, x.markup, x.status, x.attempts,
           x.telegram_message_ids, x.last_error, x.created_at_ms, x.sent_at_ms,
           x.partition);
}

/// What `outbox_put` did.
struct outbox_put_result {
  int64_t id = 0;
  /// False when a row with this dedupe key existed already.
  bool created = false;
  /// The status of the (new or existing) row.
  outbox_status status = outbox_status::pending;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_put_result& x) {
  return f(caf::meta::type_name("outbox_put_result"), x.id, x.created,
           x.status);
}

/// Stores an outgoing call before it is sent. Only the input fields of
/// `item` are used (dedupe_key, chat_id, kind, text, target_message_id,
/// markup).
struct outbox_put {
  using result = outbox_put_result;
  outbox_record item;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_put& x) {
  return f(caf::meta::type_name("outbox_put"), x.item, x.timeout_ms, x.fence);
}

/// Telegram accepted the call: marks the row sent with the ids of the
/// messages it made. Answers 1, or 0 for an unknown key.
struct outbox_sent {
  using result = db_count;
  std::string dedupe_key;
  std::vector<int64_t> message_ids;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_sent& x) {
  return f(caf::meta::type_name("outbox_sent"), x.dedupe_key, x.message_ids,
           x.timeout_ms, x.fence);
}

/// The sender gave up on a call. Answers 1, or 0 for an unknown key.
struct outbox_failed {
  using result = db_count;
  std::string dedupe_key;
  /// Stored truncated to 1000 bytes.
  std::string reason;
  int64_t attempts = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_failed& x) {
  return f(caf::meta::type_name("outbox_failed"), x.dedupe_key, x.reason,
           x.attempts, x.timeout_ms, x.fence);
}

/// A page of outbox rows, ordered by id.
struct outbox_page {
  std::vector<outbox_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_page& x) {
  return f(caf::meta::type_name("outbox_page"), x.rows);
}

/// Lists pending rows with an id above `after_id` (and, with `before_ms`,
/// created before that time), for the resume at start and the sweep.
struct outbox_unsent {
  using result = outbox_page;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
  /// Only rows created before this wall time (ms since the epoch); 0: any.
  int64_t before_ms = 0;
  /// Only rows of these partitions; empty: of all.
  std::vector<int32_t> partitions = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_unsent& x) {
  return f(caf::meta::type_name("outbox_unsent"), x.after_id, x.limit,
           x.timeout_ms, x.before_ms, x.partitions);
}

/// What `reply_put` did: each row's answer, in order.
struct reply_put_result {
  std::vector<outbox_put_result> outbox;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, reply_put_result& x) {
  return f(caf::meta::type_name("reply_put_result"), x.outbox);
}

/// An update's replies and its end, in one transaction: the rows are
/// written as `outbox_put` writes them and the `finishes` marked done, so
/// a crash either keeps both (the outbox sends the replies) or neither
/// (the update is handled again, and its replies keep their keys).
struct reply_put {
  using result = reply_put_result;
  std::vector<outbox_record> outbox;
  std::vector<int64_t> finishes = {};
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, reply_put& x) {
  return f(caf::meta::type_name("reply_put"), x.outbox, x.finishes,
           x.timeout_ms, x.fence);
}

} // namespace bridge
