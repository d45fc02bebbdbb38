// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// Who the users are: profiles, invitation codes, manager-worker links,
/// per-chat session state and feedback (subscriptions and daily usage:
/// messages/storage_billing.hpp).
namespace bridge {

// -- users
// ----------------------------------------------------------------------

/// The role a user registered with.
enum class user_role : uint8_t {
  /// Not registered yet (or reset).
  none,
  manager,
  worker,
};

const char* to_string(user_role x);

/// A user's profile.
struct user_record {
  int64_t telegram_id = 0;
  user_role role = user_role::none;
  /// Language code ("en", "es", ...), empty until chosen.
  std::string language;
  std::string display_name;
  /// `BRIDGE-NNNNN` for managers that have one, else empty.
  std::string invitation_code;
  /// A worker's manager, or 0.
  int64_t manager_id = 0;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  /// Whether translations this user reads carry the original below them:
  /// "auto" (when pivoted), "on" or "off" (`/original`).
  std::string original_mode = "auto";
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_record& x) {
  return f(caf::meta::type_name("user_record"), x.telegram_id, x.role,
           x.language, x.display_name, x.invitation_code, x.manager_id,
           x.created_at_ms, x.updated_at_ms, x.original_mode);
}

/// A page of users, ordered by telegram_id.
struct user_page {
  std::vector<user_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_page& x) {
  return f(caf::meta::type_name("user_page"), x.rows);
}

/// A user by Telegram id; `not_found` when there is none.
struct user_get {
  using result = user_record;
  int64_t telegram_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_get& x) {
  return f(caf::meta::type_name("user_get"), x.telegram_id, x.timeout_ms);
}

/// Creates a user or replaces role, language and display name (send the
/// whole profile). Answers the stored profile.
struct user_put {
  using result = user_record;
  int64_t telegram_id = 0;
  user_role role = user_role::none;
  std::string language;
  std::string display_name;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_put& x) {
  return f(caf::meta::type_name("user_put"), x.telegram_id, x.role, x.language,
           x.display_name, x.timeout_ms);
}

/// Gives a user a unique invitation code `BRIDGE-NNNNN` (a random candidate
/// and the unique index, retried on collision), or keeps the one they have
/// unless `replace`. `not_found` for an unknown user; `conflict` when no
/// free code was found after a few tries.
struct user_issue_code {
  using result = user_record;
  int64_t telegram_id = 0;
  bool replace = false;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_issue_code& x) {
  return f(caf::meta::type_name("user_issue_code"), x.telegram_id, x.replace,
           x.timeout_ms);
}

/// The user owning an invitation code; `invalid_input` when `code` is not
/// shaped `BRIDGE-NNNNN`, `not_found` when nobody has it.
struct user_by_code {
  using result = user_record;
  std::string code;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_by_code& x) {
  return f(caf::meta::type_name("user_by_code"), x.code, x.timeout_ms);
}

/// Who lost a partner in a reset.
struct user_reset_result {
  /// The manager of a reset worker, or the workers of a reset manager.
  std::vector<int64_t> unlinked;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_reset_result& x) {
  return f(caf::meta::type_name("user_reset_result"), x.unlinked);
}

/// Starts a user over: role none, no invitation code, no links. Language,
/// name, subscription and history stay.
struct user_reset {
  using result = user_reset_result;
  int64_t telegram_id = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
  /// Queues notes in the same transaction, keyed by update `cause`: a
  /// `partner_left` (named `name`) for each partner unlinked, and with
  /// `tell_user` a `reset_by_operator` for the user.
  bool tell_partners = false;
  bool tell_user = false;
  std::string name = {};
  int64_t cause = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_reset& x) {
  return f(caf::meta::type_name("user_reset"), x.telegram_id, x.timeout_ms,
           x.fence, x.tell_partners, x.tell_user, x.name, x.cause);
}

// -- manager-worker links
// -------------------------------------------------------

/// What `link_worker` replaced.
struct link_result {
  /// The worker's manager before, or 0.
  int64_t previous_manager_id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, link_result& x) {
  return f(caf::meta::type_name("link_result"), x.previous_manager_id);
}

/// Links a worker to a manager; a worker has one manager, so this moves a
/// linked worker. `not_found` when either user does not exist.
struct link_worker {
  using result = link_result;
  int64_t worker_id = 0;
  int64_t manager_id = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
  /// Queues a `worker_joined` note for the manager's session in the same
  /// transaction (named `name`, keyed by update `cause`): the manager
  /// hears of it whichever engine owns their chat.
  bool tell_manager = false;
  std::string name = {};
  int64_t cause = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, link_worker& x) {
  return f(caf::meta::type_name("link_worker"), x.worker_id, x.manager_id,
           x.timeout_ms, x.fence, x.tell_manager, x.name, x.cause);
}

/// A worker's join refused because their language and their manager's
/// cannot be translated into each other: queues a `join_refused` note
/// for the manager's session (named `name`, keyed by update `cause`), so
/// the manager hears of it whichever engine owns their chat. Answers 1.
struct join_refused {
  using result = db_count;
  int64_t worker_id = 0;
  int64_t manager_id = 0;
  std::string name = {};
  int64_t cause = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, join_refused& x) {
  return f(caf::meta::type_name("join_refused"), x.worker_id, x.manager_id,
           x.name, x.cause, x.timeout_ms, x.fence);
}

/// Removes a worker's link. Answers 1, or 0 when there was none.
struct unlink_worker {
  using result = db_count;
  int64_t worker_id = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, unlink_worker& x) {
  return f(caf::meta::type_name("unlink_worker"), x.worker_id, x.timeout_ms,
           x.fence);
}

/// Moves the unfinished updates of `chat_id` to the partition the chat
/// belongs to now, and wakes its owner: for a session that finds its chat
/// joined or left a team after these updates were stored where it runs.
/// Answers how many partitions were woken.
struct inbox_rehome {
  using result = db_count;
  int64_t chat_id = 0;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_rehome& x) {
  return f(caf::meta::type_name("inbox_rehome"), x.chat_id, x.timeout_ms,
           x.fence);
}

/// A manager's workers with a Telegram id above `after_id`.
struct workers_of {
  using result = user_page;
  int64_t manager_id = 0;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, workers_of& x) {
  return f(caf::meta::type_name("workers_of"), x.manager_id, x.after_id,
           x.limit, x.timeout_ms);
}

// -- per-chat session state
// -----------------------------------------------------

/// What a chat's session actor needs to rebuild itself. The session owns
/// the meaning of `step` and `pending`; storage keeps them verbatim.
struct chat_session_record {
  int64_t chat_id = 0;
  /// Registration step ("start", "role", "language", "code", "ready", ...).
  std::string step;
  std::string role;
  std::string language;
  /// The worker a manager currently writes to, or 0.
  int64_t current_worker = 0;
  /// Fields collected mid-dialogue, compactly encoded by the session.
  std::string pending;
  int64_t updated_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, chat_session_record& x) {
  return f(caf::meta::type_name("chat_session_record"), x.chat_id, x.step,
           x.role, x.language, x.current_worker, x.pending, x.updated_at_ms);
}

/// A chat's session state; `not_found` for a chat never seen.
struct session_get {
  using result = chat_session_record;
  int64_t chat_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, session_get& x) {
  return f(caf::meta::type_name("session_get"), x.chat_id, x.timeout_ms);
}

/// Stores a chat's session state, replacing what was there. Answers 1.
struct session_put {
  using result = db_count;
  chat_session_record state;
  int64_t timeout_ms = 0;
  fence_token fence = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, session_put& x) {
  return f(caf::meta::type_name("session_put"), x.state, x.timeout_ms, x.fence);
}

// -- feedback
// -------------------------------------------------------------------

/// Stores a user's feedback text with its author's role and language (the
/// language it is written in); answers its id. Operators read it through
/// `feedback_list` (messages/storage_feedback.hpp).
struct feedback_put {
  using result = db_id;
  int64_t user_id = 0;
  int64_t chat_id = 0;
  std::string text;
  int64_t timeout_ms = 0;
  /// "manager", "worker" or "none"; empty when unknown.
  std::string role = {};
  /// ISO 639-1; empty when unknown.
  std::string language = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feedback_put& x) {
  return f(caf::meta::type_name("feedback_put"), x.user_id, x.chat_id, x.text,
           x.timeout_ms, x.role, x.language);
}

// -- /original
// -----------------------------------------------------------------

/// Sets whether translations the user reads carry the original below
/// them: `mode` is "auto", "on" or "off" (anything else: `invalid_input`).
/// Answers the stored profile; `not_found` for an unknown user.
struct user_original_set {
  using result = user_record;
  int64_t telegram_id = 0;
  std::string mode;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, user_original_set& x) {
  return f(caf::meta::type_name("user_original_set"), x.telegram_id, x.mode,
           x.timeout_ms);
}

} // namespace bridge
