// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// Users' feedback as operators read it: listed a page at a time, each
/// with its translation into the operator's language, stored once made.
namespace bridge {

/// One piece of feedback. `role` and `language` are its author's when it
/// was written (for feedback stored before they were kept: the author's
/// now, empty when the author is gone).
struct feedback_record {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string role;
  std::string language;
  std::string text;
  /// The stored translation and its language; empty when none is stored.
  std::string translated_text;
  std::string translated_lang;
  int64_t created_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feedback_record& x) {
  return f(caf::meta::type_name("feedback_record"), x.id, x.user_id, x.role,
           x.language, x.text, x.translated_text, x.translated_lang,
           x.created_at_ms);
}

struct feedback_page {
  std::vector<feedback_record> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feedback_page& x) {
  return f(caf::meta::type_name("feedback_page"), x.rows);
}

/// Feedback with an id above `after_id`, oldest first.
struct feedback_list {
  using result = feedback_page;
  int64_t after_id = 0;
  int64_t limit = 100;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feedback_list& x) {
  return f(caf::meta::type_name("feedback_list"), x.after_id, x.limit,
           x.timeout_ms);
}

/// Stores the translation of feedback `id` into `lang` (replacing one into
/// another language); answers 1, or 0 when there is no such feedback.
struct feedback_translated {
  using result = db_count;
  int64_t id = 0;
  std::string text;
  std::string lang;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feedback_translated& x) {
  return f(caf::meta::type_name("feedback_translated"), x.id, x.text, x.lang,
           x.timeout_ms);
}

} // namespace bridge
