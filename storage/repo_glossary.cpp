// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_glossary.hpp"

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def glossary_list{"glossary_list", R"(
SELECT id, source_lang, target_lang, term, term_key, translation,
       proposer_id, status
FROM glossary_terms
WHERE manager_id = $1 AND status = $2
ORDER BY term_key, target_lang, id
LIMIT $3)"};

// The limit counts terms, not languages: a term known already may take
// another language, or a new translation, however full the glossary is.
constexpr sql_def glossary_put_active{"glossary_put_active", R"(
WITH n AS (
  SELECT count(DISTINCT term_key) AS terms,
         COALESCE(bool_or(term_key = $4), false) AS known
  FROM glossary_terms WHERE manager_id = $1 AND status = 'active')
INSERT INTO glossary_terms (manager_id, source_lang, target_lang, term,
                            term_key, translation, proposer_id, status)
SELECT $1, $2, $3, $5, $4, $6, $7, 'active' FROM n
WHERE n.known OR n.terms < $8
ON CONFLICT (manager_id, source_lang, target_lang, term_key)
  WHERE status = 'active'
DO UPDATE SET term = EXCLUDED.term, translation = EXCLUDED.translation,
              proposer_id = EXCLUDED.proposer_id
RETURNING id)"};

// Proposals are bounded alike, so a worker cannot fill the table. The
// same proposal again (by term key and translation, case aside) answers
// the one waiting, so the manager is asked about it once.
constexpr sql_def glossary_put_proposed{"glossary_put_proposed", R"(
INSERT INTO glossary_terms (manager_id, source_lang, target_lang, term,
                            term_key, translation, proposer_id, status)
SELECT $1, $2, $3, $5, $4, $6, $7, 'proposed'
WHERE (SELECT count(*) FROM glossary_terms
       WHERE manager_id = $1 AND status = 'proposed') < $8
ON CONFLICT (manager_id, source_lang, target_lang, term_key,
             lower(translation))
  WHERE status = 'proposed'
DO UPDATE SET term = EXCLUDED.term
RETURNING id)"};

// Locked: of two answers to one proposal (two presses, two engines) the
// second finds it answered.
constexpr sql_def glossary_proposal{"glossary_proposal", R"(
SELECT id, source_lang, target_lang, term, term_key, translation,
       proposer_id, status
FROM glossary_terms
WHERE id = $1 AND manager_id = $2 AND status = 'proposed'
FOR UPDATE)"};

constexpr sql_def glossary_room{"glossary_room", R"(
SELECT count(DISTINCT term_key) < $3 OR COALESCE(bool_or(term_key = $2), false)
FROM glossary_terms WHERE manager_id = $1 AND status = 'active')"};

constexpr sql_def glossary_replace{"glossary_replace", R"(
DELETE FROM glossary_terms
WHERE manager_id = $1 AND source_lang = $2 AND target_lang = $3
  AND term_key = $4 AND status = 'active')"};

constexpr sql_def glossary_activate{"glossary_activate", R"(
UPDATE glossary_terms SET status = 'active' WHERE id = $1)"};

constexpr sql_def glossary_delete{"glossary_delete", R"(
DELETE FROM glossary_terms WHERE id = $1)"};

constexpr sql_def glossary_remove{"glossary_remove", R"(
DELETE FROM glossary_terms
WHERE manager_id = $1 AND term_key = $2 AND status = 'active'
RETURNING id)"};

} // namespace sql

namespace {

glossary_row row_of(const row& r) {
  expect_width(r, 8, "glossary row");
  return {int_at(r, 0),  text_at(r, 1), text_at(r, 2), text_at(r, 3),
          text_at(r, 4), text_at(r, 5), int_at(r, 6),  text_at(r, 7)};
}

/// Fields of a term as stored: bounded like a profile's name.
caf::error check_row(const glossary_row& x) {
  if (x.term.empty() || x.term_key.empty() || x.translation.empty())
    return make_error(engine_errc::invalid_input, "empty glossary entry");
  if (x.status != "active" && x.status != "proposed")
    return make_error(engine_errc::invalid_input, "unknown glossary status");
  return first_error(
      {check_text("term", x.term, limits::name),
       check_text("term key", x.term_key, limits::name),
       check_text("translation", x.translation, limits::name),
       check_text("source language", x.source_lang, limits::code),
       check_text("target language", x.target_lang, limits::code),
       check_id("proposer", x.proposer_id)});
}

} // namespace

const std::vector<sql_def>& glossary_statements() {
  static const std::vector<sql_def> defs{
      sql::glossary_list,         sql::glossary_put_active,
      sql::glossary_put_proposed, sql::glossary_proposal,
      sql::glossary_room,         sql::glossary_replace,
      sql::glossary_activate,     sql::glossary_delete,
      sql::glossary_remove,
  };
  return defs;
}

caf::error check(const glossary_list& x) {
  if (x.status != "active" && x.status != "proposed")
    return make_error(engine_errc::invalid_input, "unknown glossary status");
  return first_error({check_id("manager", x.manager_id), check_limit(x.limit)});
}

caf::error check(const glossary_put& x) {
  if (x.rows.empty() || x.rows.size() > 32)
    return make_error(engine_errc::invalid_input,
                      "a glossary entry has 1 to 32 languages");
  if (x.max_terms < 1)
    return make_error(engine_errc::invalid_input, "max_terms below 1");
  for (auto& r : x.rows)
    if (auto e = check_row(r))
      return e;
  return check_id("manager", x.manager_id);
}

caf::error check(const glossary_answer& x) {
  if (x.max_terms < 1)
    return make_error(engine_errc::invalid_input, "max_terms below 1");
  return first_error(
      {check_id("manager", x.manager_id), check_id("proposal", x.id)});
}

caf::error check(const glossary_remove& x) {
  if (x.term_key.empty())
    return make_error(engine_errc::invalid_input, "empty term");
  return first_error({check_id("manager", x.manager_id),
                      check_text("term key", x.term_key, limits::name)});
}

glossary_page execute(op_context& ctx, const glossary_list& x) {
  glossary_page out;
  for (auto& r :
       ctx.sql.run({sql::glossary_list.name,
                    {param(x.manager_id), param(x.status), param(x.limit)}}))
    out.rows.push_back(row_of(r));
  return out;
}

glossary_page execute(op_context& ctx, const glossary_put& x) {
  glossary_page out;
  for (auto& r : x.rows) {
    auto& stmt = r.status == "active" ? sql::glossary_put_active
                                      : sql::glossary_put_proposed;
    auto rs = ctx.sql.run(
        {stmt.name,
         {param(x.manager_id), param(r.source_lang), param(r.target_lang),
          param(r.term_key), param(r.term), param(r.translation),
          param(r.proposer_id), param(x.max_terms)}});
    if (rs.empty())
      return glossary_page{}; // full: nothing of this entry is kept
    auto stored = r;
    stored.id = int_at(rs.front(), 0);
    out.rows.push_back(std::move(stored));
  }
  return out;
}

caf::expected<glossary_row> execute(op_context& ctx, const glossary_answer& x) {
  auto found = ctx.sql.run(
      {sql::glossary_proposal.name, {param(x.id), param(x.manager_id)}});
  if (found.empty())
    return make_error(engine_errc::not_found, "no such proposal waits");
  auto row = row_of(found.front());
  if (!x.accept) {
    ctx.sql.run({sql::glossary_delete.name, {param(x.id)}});
    row.status = "declined";
    return row;
  }
  auto room = ctx.sql.run(
      {sql::glossary_room.name,
       {param(x.manager_id), param(row.term_key), param(x.max_terms)}});
  if (room.empty() || !bool_at(room.front(), 0)) {
    row.status = "full";
    return row;
  }
  ctx.sql.run({sql::glossary_replace.name,
               {param(x.manager_id), param(row.source_lang),
                param(row.target_lang), param(row.term_key)}});
  ctx.sql.run({sql::glossary_activate.name, {param(x.id)}});
  row.status = "active";
  return row;
}

db_count execute(op_context& ctx, const glossary_remove& x) {
  auto rs = ctx.sql.run(
      {sql::glossary_remove.name, {param(x.manager_id), param(x.term_key)}});
  return {static_cast<int64_t>(rs.size())};
}

} // namespace bridge::storage
