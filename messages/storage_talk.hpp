// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"
#include "messages/storage_intake.hpp"

/// What managers and workers say to each other: conversations, their
/// messages (one row each), and tasks.
namespace bridge {

// -- conversations
// --------------------------------------------------------------

/// One manager-worker pair.
struct conversation_record {
  int64_t id = 0;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  /// The highest sequence number reserved or stored so far.
  int64_t last_seq = 0;
  int64_t created_at_ms = 0;
  /// Listings only: the newest message's time, or 0.
  int64_t last_message_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_record& x) {
  return f(caf::meta::type_name("conversation_record"), x.id, x.manager_id,
           x.worker_id, x.last_seq, x.created_at_ms, x.last_message_at_ms);
}

/// A page of conversations, ordered by id.
struct conversation_page {
  std::vector<conversation_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_page& x) {
  return f(caf::meta::type_name("conversation_page"), x.rows);
}

/// The conversation of a pair, created on first use. `last_seq` is at least
/// the highest stored message sequence, so numbering resumes correctly
/// after a crash.
struct conversation_open {
  using result = conversation_record;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_open& x) {
  return f(caf::meta::type_name("conversation_open"), x.manager_id, x.worker_id,
           x.timeout_ms);
}

/// An inclusive range of sequence numbers.
struct seq_range {
  int64_t first = 0;
  int64_t last = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, seq_range& x) {
  return f(caf::meta::type_name("seq_range"), x.first, x.last);
}

/// Reserves the next `count` sequence numbers of a conversation.
/// `not_found` for an unknown conversation.
struct conversation_reserve {
  using result = seq_range;
  int64_t conversation_id = 0;
  int64_t count = 1;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_reserve& x) {
  return f(caf::meta::type_name("conversation_reserve"), x.conversation_id,
           x.count, x.timeout_ms);
}

// -- messages
// -------------------------------------------------------------------

/// Where a message is on its way to the partner.
enum class message_status : uint8_t {
  /// Stored, translation not done yet.
  pending,
  translated,
  /// Telegram accepted it for the partner.
  delivered,
  /// Translation or delivery failed for good.
  failed,
};

const char* to_string(message_status x);

/// One message of a conversation.
struct message_row {
  /// Set by the database.
  int64_t id = 0;
  int64_t conversation_id = 0;
  int64_t seq = 0;
  int64_t sender_id = 0;
  /// The Telegram message id in the writer's chat (for edits), or 0.
  int64_t source_message_id = 0;
  std::string original_text;
  std::string original_lang;
  std::string translated_text;
  std::string translated_lang;
  message_status status = message_status::pending;
  /// 0 on insert means "now".
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  /// Media: its kind ("photo", "voice", ...), its caption the texts; empty
  /// for a text.
  std::string media_kind = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_row& x) {
  return f(caf::meta::type_name("message_row"), x.id, x.conversation_id, x.seq,
           x.sender_id, x.source_message_id, x.original_text, x.original_lang,
           x.translated_text, x.translated_lang, x.status, x.created_at_ms,
           x.updated_at_ms, x.media_kind);
}

/// A page of messages, oldest first.
struct message_page {
  std::vector<message_row> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_page& x) {
  return f(caf::meta::type_name("message_page"), x.rows);
}

/// The ids of stored messages, in the order of the request's rows; 0 where
/// a row with the same (conversation, seq) existed already. `outbox`
/// answers the request's outbox rows in their order, as `outbox_put` would.
struct message_put_result {
  std::vector<int64_t> ids;
  std::vector<outbox_put_result> outbox;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_put_result& x) {
  return f(caf::meta::type_name("message_put_result"), x.ids, x.outbox);
}

/// Stores messages (many in one statement). A (conversation, seq) that
/// exists already is left alone, so a retried insert never duplicates.
/// `outbox` rows (the partner's copies of these messages) are written in
/// the same transaction, as `outbox_put` writes them: a message is stored
/// with its copy or not at all, and the copy needs no write of its own
/// before it is sent. `finishes` names the updates these messages finish:
/// their inbox rows are marked processed in the same transaction, since
/// from then on the outbox, not a replay, delivers the copies.
struct message_put {
  using result = message_put_result;
  std::vector<message_row> rows;
  std::vector<outbox_record> outbox = {};
  std::vector<int64_t> finishes = {};
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_put& x) {
  return f(caf::meta::type_name("message_put"), x.rows, x.outbox, x.finishes,
           x.timeout_ms, x.fence);
}

/// Updates one message, found by `seq`, or by `source_message_id` when
/// `seq` is 0 (an edit arrives with the Telegram id). Empty texts keep
/// what is stored. Answers the updated row; `not_found` when none matched.
struct message_update {
  using result = message_row;
  int64_t conversation_id = 0;
  int64_t seq = 0;
  int64_t source_message_id = 0;
  std::string original_text;
  std::string translated_text;
  std::string translated_lang;
  message_status status = message_status::translated;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_update& x) {
  return f(caf::meta::type_name("message_update"), x.conversation_id, x.seq,
           x.source_message_id, x.original_text, x.translated_text,
           x.translated_lang, x.status, x.timeout_ms);
}

/// The last `limit` messages of a conversation before `before_seq` (0: the
/// newest), oldest first: translation context and /history.
struct message_recent {
  using result = message_page;
  int64_t conversation_id = 0;
  int64_t limit = 6;
  int64_t before_seq = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_recent& x) {
  return f(caf::meta::type_name("message_recent"), x.conversation_id, x.limit,
           x.before_seq, x.timeout_ms);
}

/// Counts a conversation's messages created in [since_ms, until_ms).
struct message_count {
  using result = db_count;
  int64_t conversation_id = 0;
  int64_t since_ms = 0;
  int64_t until_ms = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_count& x) {
  return f(caf::meta::type_name("message_count"), x.conversation_id, x.since_ms,
           x.until_ms, x.timeout_ms);
}

// -- tasks
// ----------------------------------------------------------------------

enum class task_status : uint8_t {
  open,
  done,
};

const char* to_string(task_status x);

/// A task a manager gave a worker.
struct task_record {
  int64_t id = 0;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  std::string text;
  task_status status = task_status::open;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  int64_t done_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_record& x) {
  return f(caf::meta::type_name("task_record"), x.id, x.manager_id, x.worker_id,
           x.text, x.status, x.created_at_ms, x.updated_at_ms, x.done_at_ms);
}

/// A page of tasks, newest first.
struct task_page {
  std::vector<task_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_page& x) {
  return f(caf::meta::type_name("task_page"), x.rows);
}

/// Creates an open task, written in `language` (empty: not known).
struct task_create {
  using result = task_record;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  std::string text;
  int64_t timeout_ms = 0;
  std::string language = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_create& x) {
  return f(caf::meta::type_name("task_create"), x.manager_id, x.worker_id,
           x.text, x.timeout_ms, x.language);
}

/// Which tasks a listing shows.
enum class task_filter : uint8_t {
  all,
  open,
  done,
};

/// Tasks of a manager or of a worker (set exactly one of the two ids),
/// newest first, with an id below `before_id` (0: from the newest).
struct task_list {
  using result = task_page;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  task_filter filter = task_filter::open;
  int64_t before_id = 0;
  int64_t limit = 20;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_list& x) {
  return f(caf::meta::type_name("task_list"), x.manager_id, x.worker_id,
           x.filter, x.before_id, x.limit, x.timeout_ms);
}

/// Marks a task done on behalf of its manager or worker and answers it
/// (marking twice keeps the first done time). `not_found` when the task
/// does not exist or belongs to neither.
struct task_done {
  using result = task_record;
  int64_t task_id = 0;
  int64_t by_user = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_done& x) {
  return f(caf::meta::type_name("task_done"), x.task_id, x.by_user,
           x.timeout_ms);
}

/// A task's text as one reader reads it.
struct task_text {
  int64_t task_id = 0;
  /// The language the task was written in; empty for tasks stored before
  /// it was kept.
  std::string language;
  /// The stored translation into the asked language; empty when none.
  std::string translation;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_text& x) {
  return f(caf::meta::type_name("task_text"), x.task_id, x.language,
           x.translation);
}

struct task_text_page {
  std::vector<task_text> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_text_page& x) {
  return f(caf::meta::type_name("task_text_page"), x.rows);
}

/// The written language and the stored translation into `language` of
/// each of `task_ids` (at most a page); unknown ids are left out.
struct task_texts {
  using result = task_text_page;
  std::vector<int64_t> task_ids;
  std::string language;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_texts& x) {
  return f(caf::meta::type_name("task_texts"), x.task_ids, x.language,
           x.timeout_ms);
}

/// Stores a task's translation into `language`; one already stored
/// stays. Answers 1 when stored, 0 when one was there (or no such task).
struct task_translated {
  using result = db_count;
  int64_t task_id = 0;
  std::string language;
  std::string text;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, task_translated& x) {
  return f(caf::meta::type_name("task_translated"), x.task_id, x.language,
           x.text, x.timeout_ms);
}

} // namespace bridge
