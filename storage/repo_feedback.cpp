// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_feedback.hpp"

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

// Rows stored before authors' roles and languages were kept show the
// author's current profile.
constexpr sql_def feedback_list{"feedback_list", R"(
SELECT f.id, f.user_id, COALESCE(f.author_role, u.role, ''),
       COALESCE(f.author_language, u.language, ''), f.text,
       COALESCE(f.translated_text, ''), COALESCE(f.translated_lang, ''),
       epoch_ms(f.created_at)
FROM feedback f LEFT JOIN users u ON u.telegram_id = f.user_id
WHERE f.id > $1
ORDER BY f.id
LIMIT $2)"};

constexpr sql_def feedback_translated{"feedback_translated", R"(
UPDATE feedback SET translated_text = $2, translated_lang = $3
WHERE id = $1
RETURNING id)"};

} // namespace sql

const std::vector<sql_def>& feedback_statements() {
  static const std::vector<sql_def> defs{
      sql::feedback_list,
      sql::feedback_translated,
  };
  return defs;
}

caf::error check(const feedback_list& x) {
  if (x.after_id < 0)
    return make_error(engine_errc::invalid_input, "negative after_id");
  return check_limit(x.limit);
}

caf::error check(const feedback_translated& x) {
  if (x.text.empty())
    return make_error(engine_errc::invalid_input, "empty translation");
  return first_error(
      {check_id("feedback id", x.id),
       check_text("translation", x.text, limits::message_text),
       check_text("translation language", x.lang, limits::code)});
}

feedback_page execute(op_context& ctx, const feedback_list& x) {
  feedback_page out;
  for (auto& r : ctx.sql.run(
           {sql::feedback_list.name, {param(x.after_id), param(x.limit)}})) {
    expect_width(r, 8, "feedback row");
    out.rows.push_back({int_at(r, 0), int_at(r, 1), text_at(r, 2),
                        text_at(r, 3), text_at(r, 4), text_at(r, 5),
                        text_at(r, 6), int_at(r, 7)});
  }
  return out;
}

db_count execute(op_context& ctx, const feedback_translated& x) {
  auto rs = ctx.sql.run({sql::feedback_translated.name,
                         {param(x.id), param(x.text), param(x.lang)}});
  return {static_cast<int64_t>(rs.size())};
}

} // namespace bridge::storage
