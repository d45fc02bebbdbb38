// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// A team's glossary: terms in the manager's language, each with its fixed
/// translation into one partner language, kept per manager. Workers may
/// propose terms; the manager accepts or declines them.
namespace bridge {

/// One stored entry. `status` is "active" (used in translations) or
/// "proposed" (a worker's, waiting for the manager).
struct glossary_row {
  int64_t id = 0;
  std::string source_lang;
  std::string target_lang;
  /// As the manager typed it, and folded (domain::glossary::key).
  std::string term;
  std::string term_key;
  std::string translation;
  /// Who proposed it (the manager for their own entries).
  int64_t proposer_id = 0;
  std::string status;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_row& x) {
  return f(caf::meta::type_name("glossary_row"), x.id, x.source_lang,
           x.target_lang, x.term, x.term_key, x.translation, x.proposer_id,
           x.status);
}

struct glossary_page {
  std::vector<glossary_row> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_page& x) {
  return f(caf::meta::type_name("glossary_page"), x.rows);
}

/// A manager's entries of one status, by term then target language.
struct glossary_list {
  using result = glossary_page;
  int64_t manager_id = 0;
  std::string status = "active";
  int64_t limit = 1000;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_list& x) {
  return f(caf::meta::type_name("glossary_list"), x.manager_id, x.status,
           x.limit, x.timeout_ms);
}

/// Stores one term with its translations (`rows`: one per target language;
/// the manager, term and status of the first apply to all). An active
/// entry replaces the same term's translation into the same language. A
/// new active term is refused when the team has `max_terms` already; a
/// proposal when `max_terms` proposals wait. Answers the ids stored, empty
/// when refused for the limit.
struct glossary_put {
  using result = glossary_page;
  int64_t manager_id = 0;
  std::vector<glossary_row> rows;
  int64_t max_terms = 200;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_put& x) {
  return f(caf::meta::type_name("glossary_put"), x.manager_id, x.rows,
           x.max_terms, x.timeout_ms);
}

/// The manager's answer to proposal `id`: accepted, it becomes active
/// (replacing the same term's translation into the same language);
/// declined, it is deleted. Answers the entry with its status after it:
/// "active", "declined", or "full" when accepting would pass `max_terms`
/// (it stays proposed); `not_found` when no such proposal waits.
struct glossary_answer {
  using result = glossary_row;
  int64_t manager_id = 0;
  int64_t id = 0;
  bool accept = false;
  int64_t max_terms = 200;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_answer& x) {
  return f(caf::meta::type_name("glossary_answer"), x.manager_id, x.id,
           x.accept, x.max_terms, x.timeout_ms);
}

/// Removes a manager's active term (every language), by its folded key.
/// Answers the entries removed.
struct glossary_remove {
  using result = db_count;
  int64_t manager_id = 0;
  std::string term_key;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, glossary_remove& x) {
  return f(caf::meta::type_name("glossary_remove"), x.manager_id, x.term_key,
           x.timeout_ms);
}

} // namespace bridge
