// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// Corrections readers make to the translations they receive: found by
/// the reader's copy, stored with what they correct, listed for operators
/// and grouped into glossary suggestions for managers.
namespace bridge {

/// The message behind a reader's copy; `found` false when the copy is not
/// a partner's translated message (a bot reply, or too old to be kept).
struct correction_source {
  bool found = false;
  int64_t conversation_id = 0;
  int64_t writer_id = 0;
  std::string original_text;
  std::string original_lang;
  std::string translated_text;
  std::string translated_lang;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_source& x) {
  return f(caf::meta::type_name("correction_source"), x.found,
           x.conversation_id, x.writer_id, x.original_text, x.original_lang,
           x.translated_text, x.translated_lang);
}

/// Finds the message whose copy is Telegram message `message_id` in chat
/// `chat_id`.
struct correction_target {
  using result = correction_source;
  int64_t chat_id = 0;
  int64_t message_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_target& x) {
  return f(caf::meta::type_name("correction_target"), x.chat_id, x.message_id,
           x.timeout_ms);
}

/// One stored correction.
struct correction_record {
  int64_t id = 0;
  int64_t author_id = 0;
  int64_t writer_id = 0;
  int64_t conversation_id = 0;
  int64_t message_id = 0;
  std::string original_text;
  std::string original_lang;
  std::string machine_text;
  std::string target_lang;
  std::string correction;
  int64_t created_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_record& x) {
  return f(caf::meta::type_name("correction_record"), x.id, x.author_id,
           x.writer_id, x.conversation_id, x.message_id, x.original_text,
           x.original_lang, x.machine_text, x.target_lang, x.correction,
           x.created_at_ms);
}

/// Stores a correction (`id` and `created_at_ms` are set by storage).
struct correction_put {
  using result = db_id;
  correction_record row;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_put& x) {
  return f(caf::meta::type_name("correction_put"), x.row, x.timeout_ms);
}

struct correction_page {
  std::vector<correction_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_page& x) {
  return f(caf::meta::type_name("correction_page"), x.rows);
}

/// Corrections with an id above `after_id`, oldest first.
struct correction_list {
  using result = correction_page;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_list& x) {
  return f(caf::meta::type_name("correction_list"), x.after_id, x.limit,
           x.timeout_ms);
}

/// A wording readers keep correcting the same way: the same original
/// (case and surrounding spaces ignored) in the same pair of languages,
/// corrected to the same text, `times` times. A glossary entry candidate.
struct correction_suggestion {
  std::string original_text;
  std::string original_lang;
  std::string target_lang;
  std::string correction;
  int64_t times = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f,
                                        correction_suggestion& x) {
  return f(caf::meta::type_name("correction_suggestion"), x.original_text,
           x.original_lang, x.target_lang, x.correction, x.times);
}

struct correction_suggestion_page {
  std::vector<correction_suggestion> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f,
                                        correction_suggestion_page& x) {
  return f(caf::meta::type_name("correction_suggestion_page"), x.rows);
}

/// The suggestions of manager `manager_id`'s conversations: corrections
/// repeated at least `min_times`, most repeated first. With `only` set
/// (its original text non-empty), just that one's group: how often that
/// original was corrected to that wording in that pair of languages.
struct correction_suggestions {
  using result = correction_suggestion_page;
  int64_t manager_id = 0;
  int64_t min_times = 2;
  int64_t limit = 20;
  int64_t timeout_ms = 0;
  correction_suggestion only{};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f,
                                        correction_suggestions& x) {
  return f(caf::meta::type_name("correction_suggestions"), x.manager_id,
           x.min_times, x.limit, x.timeout_ms, x.only);
}

// -- glossary suggestions (/glossary suggestions) ----------------------------

/// One correction in short: who made it, what the translator wrote and
/// what they wrote instead.
struct correction_brief {
  std::string author_name;
  std::string machine_text;
  std::string correction;
  int64_t created_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_brief& x) {
  return f(caf::meta::type_name("correction_brief"), x.author_name,
           x.machine_text, x.correction, x.created_at_ms);
}

struct correction_brief_page {
  std::vector<correction_brief> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f,
                                        correction_brief_page& x) {
  return f(caf::meta::type_name("correction_brief_page"), x.rows);
}

/// The latest `limit` corrections made in manager `manager_id`'s
/// conversations, newest first.
struct correction_recent {
  using result = correction_brief_page;
  int64_t manager_id = 0;
  int64_t limit = 10;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, correction_recent& x) {
  return f(caf::meta::type_name("correction_recent"), x.manager_id, x.limit,
           x.timeout_ms);
}

} // namespace bridge
