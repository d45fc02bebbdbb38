// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_corrections.hpp"

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

// A partner's copy has the outbox key 'd<update>.<conversation>' (notes to
// the writer add a suffix and are left out); its update's message id in
// the writer's chat names the message row. A text split in parts has
// consecutive ids, so only copies starting shortly before the reply's
// target are looked at.
constexpr sql_def correction_target{"correction_target", R"(
SELECT m.conversation_id, m.sender_id, m.original_text, m.original_lang,
       m.translated_text, m.translated_lang
FROM outbox o
JOIN inbox i
  ON i.update_id = split_part(substr(o.dedupe_key, 2), '.', 1)::bigint
JOIN messages m
  ON m.conversation_id = split_part(o.dedupe_key, '.', 2)::bigint
 AND m.source_message_id =
     (i.payload::jsonb -> 'message' ->> 'message_id')::bigint
WHERE o.chat_id = $1 AND o.dedupe_key LIKE 'd%'
  AND o.dedupe_key ~ '^d[0-9]+\.[0-9]+$'
  AND o.telegram_message_ids IS NOT NULL
  AND o.telegram_message_ids[1] <= $2 AND o.telegram_message_ids[1] > $2 - 64
  AND $2 = ANY (o.telegram_message_ids)
  AND m.sender_id <> $1
ORDER BY o.telegram_message_ids[1] DESC
LIMIT 1)"};

constexpr sql_def correction_put{"correction_put", R"(
INSERT INTO corrections (author_id, writer_id, conversation_id, message_id,
                         original_text, original_lang, machine_text,
                         target_lang, correction)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id)"};

constexpr sql_def correction_list{"correction_list", R"(
SELECT id, author_id, writer_id, conversation_id, message_id, original_text,
       original_lang, machine_text, target_lang, correction,
       epoch_ms(created_at)
FROM corrections
WHERE id > $1
ORDER BY id
LIMIT $2)"};

// "The same term": the same original, ignoring case and the spaces around
// it, in the same pair of languages, corrected to the same wording.
constexpr sql_def correction_suggestions{"correction_suggestions", R"(
SELECT min(btrim(c.original_text)), c.original_lang, c.target_lang,
       min(btrim(c.correction)), count(*)
FROM corrections c JOIN conversations v ON v.id = c.conversation_id
WHERE v.manager_id = $1
  AND ($4 = '' OR (lower(btrim(c.original_text)) = lower(btrim($4))
                   AND c.original_lang = $5 AND c.target_lang = $6
                   AND lower(btrim(c.correction)) = lower(btrim($7))))
GROUP BY lower(btrim(c.original_text)), c.original_lang, c.target_lang,
         lower(btrim(c.correction))
HAVING count(*) >= $2
ORDER BY count(*) DESC, min(c.id)
LIMIT $3)"};

// The author's name as they gave it at registration; a correction whose
// author reset keeps its row and shows without a name.
constexpr sql_def correction_recent{"correction_recent", R"(
SELECT COALESCE(u.display_name, ''), c.machine_text, c.correction,
       epoch_ms(c.created_at)
FROM corrections c
JOIN conversations v ON v.id = c.conversation_id
LEFT JOIN users u ON u.telegram_id = c.author_id
WHERE v.manager_id = $1
ORDER BY c.id DESC
LIMIT $2)"};

} // namespace sql

const std::vector<sql_def>& correction_statements() {
  static const std::vector<sql_def> defs{
      sql::correction_target,      sql::correction_put,    sql::correction_list,
      sql::correction_suggestions, sql::correction_recent,
  };
  return defs;
}

caf::error check(const correction_target& x) {
  return first_error({check_id("chat id", x.chat_id),
                      check_id("replied message id", x.message_id)});
}

caf::error check(const correction_put& x) {
  const auto& r = x.row;
  if (r.correction.empty())
    return make_error(engine_errc::invalid_input, "empty correction");
  return first_error(
      {check_id("author id", r.author_id), check_id("writer id", r.writer_id),
       check_id("conversation id", r.conversation_id),
       check_id("replied message id", r.message_id),
       check_text("original", r.original_text, limits::message_text),
       check_text("original language", r.original_lang, limits::code),
       check_text("machine translation", r.machine_text, limits::message_text),
       check_text("target language", r.target_lang, limits::code),
       check_text("correction", r.correction, limits::short_text)});
}

caf::error check(const correction_list& x) {
  if (x.after_id < 0)
    return make_error(engine_errc::invalid_input, "negative after_id");
  return check_limit(x.limit);
}

caf::error check(const correction_suggestions& x) {
  if (x.min_times < 1)
    return make_error(engine_errc::invalid_input, "min_times below 1");
  const auto& o = x.only;
  return first_error(
      {check_id("manager id", x.manager_id), check_limit(x.limit),
       check_text("original", o.original_text, limits::message_text),
       check_text("original language", o.original_lang, limits::code),
       check_text("target language", o.target_lang, limits::code),
       check_text("correction", o.correction, limits::short_text)});
}

caf::error check(const correction_recent& x) {
  return first_error(
      {check_id("manager id", x.manager_id), check_limit(x.limit)});
}

correction_source execute(op_context& ctx, const correction_target& x) {
  correction_source out;
  for (auto& r : ctx.sql.run({sql::correction_target.name,
                              {param(x.chat_id), param(x.message_id)}})) {
    expect_width(r, 6, "correction target");
    out = {true,          int_at(r, 0),  int_at(r, 1), text_at(r, 2),
           text_at(r, 3), text_at(r, 4), text_at(r, 5)};
  }
  return out;
}

db_id execute(op_context& ctx, const correction_put& x) {
  const auto& r = x.row;
  auto rs = ctx.sql.run(
      {sql::correction_put.name,
       {param(r.author_id), param(r.writer_id), param(r.conversation_id),
        param(r.message_id), param(r.original_text), param(r.original_lang),
        param(r.machine_text), param(r.target_lang), param(r.correction)}});
  if (rs.empty())
    throw db_failure{failure_kind::decode, "correction_put returned no row"};
  return {int_at(rs.front(), 0)};
}

correction_page execute(op_context& ctx, const correction_list& x) {
  correction_page out;
  for (auto& r : ctx.sql.run(
           {sql::correction_list.name, {param(x.after_id), param(x.limit)}})) {
    expect_width(r, 11, "correction row");
    out.rows.push_back({int_at(r, 0), int_at(r, 1), int_at(r, 2), int_at(r, 3),
                        int_at(r, 4), text_at(r, 5), text_at(r, 6),
                        text_at(r, 7), text_at(r, 8), text_at(r, 9),
                        int_at(r, 10)});
  }
  return out;
}

correction_suggestion_page execute(op_context& ctx,
                                   const correction_suggestions& x) {
  correction_suggestion_page out;
  for (auto& r :
       ctx.sql.run({sql::correction_suggestions.name,
                    {param(x.manager_id), param(x.min_times), param(x.limit),
                     param(x.only.original_text), param(x.only.original_lang),
                     param(x.only.target_lang), param(x.only.correction)}})) {
    expect_width(r, 5, "correction suggestion");
    out.rows.push_back({text_at(r, 0), text_at(r, 1), text_at(r, 2),
                        text_at(r, 3), int_at(r, 4)});
  }
  return out;
}

correction_brief_page execute(op_context& ctx, const correction_recent& x) {
  correction_brief_page out;
  for (auto& r : ctx.sql.run({sql::correction_recent.name,
                              {param(x.manager_id), param(x.limit)}})) {
    expect_width(r, 4, "correction brief");
    out.rows.push_back(
        {text_at(r, 0), text_at(r, 1), text_at(r, 2), int_at(r, 3)});
  }
  return out;
}

} // namespace bridge::storage
