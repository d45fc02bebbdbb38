// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include <caf/meta/type_name.hpp>

/// What sessions tell conversations and each other, and how the registry
/// lets an idle actor stop without losing a message on its way to it.
namespace bridge {

// -- session -> conversation
// ----------------------------------------------------

/// What a partner message carries besides plain text.
enum class partner_kind : uint8_t {
  /// A message for the partner.
  text,
  /// A task the manager gave; delivered with a done button.
  task,
  /// The writer edited message `message_id`: the partner's copy is edited.
  edit,
};

/// A text written by one side of a manager-worker pair, for the other. The
/// writer's session resolved both profiles; the conversation numbers,
/// translates, stores and delivers it.
struct partner_text {
  partner_kind kind = partner_kind::text;
  int64_t manager_id = 0;
  int64_t worker_id = 0;
  /// True when the worker wrote it.
  bool from_worker = false;
  int64_t update_id = 0;
  /// The writer's Telegram message id (for edits), or 0.
  int64_t message_id = 0;
  std::string text;
  std::string source_lang;
  std::string target_lang;
  /// How the partner sees the writer named.
  std::string writer_name;
  /// How the writer sees the partner named.
  std::string partner_name;
  /// Language the writer reads the bot's own notices in.
  std::string writer_lang;
  /// kind task: the task's id.
  int64_t task_id = 0;
  /// The day (yyyymmdd) of the manager's free allowance that paid for it,
  /// 0 when nothing was charged: an edit the conversation cannot apply
  /// gives that message back.
  int64_t charged_day = 0;
  /// Steady-clock nanoseconds when the front received the update.
  int64_t received_ns = 0;
  /// Media: the kind ("photo", "voice", ...; empty for a text), copied
  /// from message `message_id` of the writer's chat `from_chat_id` with
  /// `text` (its caption) translated. Items of one album share
  /// `media_group_id`.
  std::string media_kind = {};
  int64_t from_chat_id = 0;
  std::string media_group_id = {};
  /// /original: the reader's setting ("auto", "on", "off"), read with
  /// their profile; whether their copy carries the original below it.
  std::string reader_original = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, partner_text& x) {
  return f(caf::meta::type_name("partner_text"), x.kind, x.manager_id,
           x.worker_id, x.from_worker, x.update_id, x.message_id, x.text,
           x.source_lang, x.target_lang, x.writer_name, x.partner_name,
           x.writer_lang, x.task_id, x.charged_day, x.received_ns, x.media_kind,
           x.from_chat_id, x.media_group_id, x.reader_original);
}

// -- session -> session
// ---------------------------------------------------------

/// What one session tells another's chat owner.
enum class session_note_kind : uint8_t {
  /// A worker linked to this manager: write to them from now on.
  worker_joined,
  /// The partner reset their registration.
  partner_left,
  /// An operator reset this user (the database is done already).
  reset_by_operator,
  /// A worker's join was refused: their language and the manager's
  /// cannot be translated into each other.
  join_refused,
  /// A worker asks this manager to let them join (`user_id`, `name`).
  join_request,
  /// This worker's manager (`user_id`, `name`) accepted them.
  join_accepted,
  /// This worker's manager (`user_id`, `name`) declined them.
  join_declined,
  /// This worker's manager (`user_id`, `name`) removed them.
  removed,
};

const char* to_string(session_note_kind kind);

/// Inbox ids of notes start here, far above any Telegram update id: a note
/// is an update the engine gives itself (stored by the write that causes
/// it, so it reaches the chat's session whichever engine owns that chat).
constexpr int64_t note_id_base = int64_t{1} << 62;

inline bool is_note_id(int64_t update_id) {
  return update_id >= note_id_base;
}

/// A note for the session of `chat_id` (routed by the registry).
struct session_note {
  session_note_kind kind = session_note_kind::worker_joined;
  int64_t chat_id = 0;
  int64_t user_id = 0;
  std::string name;
  /// The key of the replies it makes: the note's own inbox row when it is
  /// `stored` (then finished with them), else the update that caused it.
  int64_t update_id = 0;
  /// Read from the inbox, where the write that caused it stored it.
  bool stored = false;
  /// The partition whose inbox holds it (-1: not read from the inbox).
  int32_t partition = -1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, session_note& x) {
  return f(caf::meta::type_name("session_note"), x.kind, x.chat_id, x.user_id,
           x.name, x.update_id, x.stored, x.partition);
}

/// Asked of the conversation of (manager_id, worker_id) by a session about
/// to change its route (a /switch, a /reset): answered once every message
/// the conversation was given is stored, with its route, so a message
/// handled again after a crash cannot take the new one.
struct conversation_flush {
  int64_t manager_id = 0;
  int64_t worker_id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, conversation_flush& x) {
  return f(caf::meta::type_name("conversation_flush"), x.manager_id,
           x.worker_id);
}

// -- passivation
// ----------------------------------------------------------------

/// An idle actor asks the registry to let it stop. `handled` counts the
/// messages it took from the registry; the registry agrees (and forgets
/// the actor, so the next message spawns a fresh one) only when it
/// forwarded exactly that many, so nothing is on its way.
struct passivate_request {
  /// Chat id for a session; conversation key for a conversation.
  int64_t key_a = 0;
  int64_t key_b = 0;
  uint64_t handled = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, passivate_request& x) {
  return f(caf::meta::type_name("passivate_request"), x.key_a, x.key_b,
           x.handled);
}

} // namespace bridge
