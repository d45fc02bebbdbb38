#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// The durable intake (inbox) and outbox: what the front and the sender
/// write so that nothing is lost across a crash.
namespace bridge {

// -- inbox ----------------------------------------------------------------------

/// One received update, stored before it is handed on.
struct inbox_row {
  int64_t update_id = 0;
  int64_t chat_id = 0;
  /// The update's raw JSON, kept verbatim for replay.
  std::string payload;
  /// Set by the database; ignored on insert.
  int64_t received_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_row& x) {
  return f(caf::meta::type_name("inbox_row"), x.update_id, x.chat_id,
           x.payload, x.received_at_ms);
}

/// Which update ids of an `inbox_put` were new; the rest were stored before
/// and must not be handed on again.
struct inbox_put_result {
  std::vector<int64_t> new_ids;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_put_result& x) {
  return f(caf::meta::type_name("inbox_put_result"), x.new_ids);
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
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_done& x) {
  return f(caf::meta::type_name("inbox_done"), x.update_ids, x.timeout_ms);
}

/// A page of inbox rows, ordered by update_id.
struct inbox_page {
  std::vector<inbox_row> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_page& x) {
  return f(caf::meta::type_name("inbox_page"), x.rows);
}

/// Lists unprocessed updates with an id above `after_update_id`, for resume
/// at start: ask again with the last id until a page comes back short.
struct inbox_pending {
  using result = inbox_page;
  int64_t after_update_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_pending& x) {
  return f(caf::meta::type_name("inbox_pending"), x.after_update_id, x.limit,
           x.timeout_ms);
}

// -- outbox ---------------------------------------------------------------------

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
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_record& x) {
  return f(caf::meta::type_name("outbox_record"), x.id, x.dedupe_key,
           x.chat_id, x.kind, x.text, x.target_message_id, x.markup, x.status,
           x.attempts, x.telegram_message_ids, x.last_error, x.created_at_ms,
           x.sent_at_ms);
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
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_put& x) {
  return f(caf::meta::type_name("outbox_put"), x.item, x.timeout_ms);
}

/// Telegram accepted the call: marks the row sent with the ids of the
/// messages it made. Answers 1, or 0 for an unknown key.
struct outbox_sent {
  using result = db_count;
  std::string dedupe_key;
  std::vector<int64_t> message_ids;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_sent& x) {
  return f(caf::meta::type_name("outbox_sent"), x.dedupe_key, x.message_ids,
           x.timeout_ms);
}

/// The sender gave up on a call. Answers 1, or 0 for an unknown key.
struct outbox_failed {
  using result = db_count;
  std::string dedupe_key;
  /// Stored truncated to 1000 bytes.
  std::string reason;
  int64_t attempts = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_failed& x) {
  return f(caf::meta::type_name("outbox_failed"), x.dedupe_key, x.reason,
           x.attempts, x.timeout_ms);
}

/// A page of outbox rows, ordered by id.
struct outbox_page {
  std::vector<outbox_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_page& x) {
  return f(caf::meta::type_name("outbox_page"), x.rows);
}

/// Lists pending rows with an id above `after_id`, for resume at start.
struct outbox_unsent {
  using result = outbox_page;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbox_unsent& x) {
  return f(caf::meta::type_name("outbox_unsent"), x.after_id, x.limit,
           x.timeout_ms);
}

} // namespace bridge
