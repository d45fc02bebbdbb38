// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_parked.hpp"

#include "common/error.hpp"
#include "storage/repo_intake.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def inbox_park{"inbox_park", R"(
UPDATE inbox SET parked_at = now(), park_reason = $2
WHERE update_id = $1 AND processed_at IS NULL AND parked_at IS NULL
RETURNING update_id)"};

constexpr sql_def inbox_parked{"inbox_parked", R"(
SELECT update_id, chat_id, COALESCE(park_reason, ''), epoch_ms(received_at),
       epoch_ms(parked_at)
FROM inbox
WHERE processed_at IS NULL AND parked_at IS NOT NULL AND update_id > $1
ORDER BY update_id
LIMIT $2)"};

// A row parked before partitions existed is placed as it is let go, so
// that its partition's owner takes it.
constexpr sql_def inbox_unpark{"inbox_unpark", R"(
UPDATE inbox SET parked_at = NULL, park_reason = NULL,
                 partition = coalesce(partition, bridge_chat_partition(chat_id))
WHERE update_id = $1 AND processed_at IS NULL AND parked_at IS NOT NULL
RETURNING update_id, chat_id, payload, epoch_ms(received_at),
          coalesce(partition, -1))"};

constexpr sql_def inbox_drop{"inbox_drop", R"(
UPDATE inbox SET processed_at = now()
WHERE update_id = $1 AND processed_at IS NULL AND parked_at IS NOT NULL
RETURNING update_id, chat_id, payload, epoch_ms(received_at),
          coalesce(partition, -1))"};

} // namespace sql

const std::vector<sql_def>& parked_statements() {
  static const std::vector<sql_def> defs{
      sql::inbox_park,
      sql::inbox_parked,
      sql::inbox_unpark,
      sql::inbox_drop,
  };
  return defs;
}

caf::error check(const inbox_park& x) {
  // The reason is truncated, not refused: a park must not fail over the
  // length of the error that caused it.
  if (x.reason.find('\0') != std::string::npos)
    return make_error(engine_errc::invalid_input,
                      "park reason contains a NUL byte");
  return check_id("update_id", x.update_id);
}

caf::error check(const inbox_parked& x) {
  if (x.after_update_id < 0)
    return make_error(engine_errc::invalid_input, "negative after_update_id");
  return check_limit(x.limit);
}

caf::error check(const inbox_release& x) {
  if (x.action != park_action::retry && x.action != park_action::drop)
    return make_error(engine_errc::invalid_input, "unknown park action");
  return check_id("update_id", x.update_id);
}

parked_row decode_parked_row(const row& r) {
  expect_width(r, 5, "parked row");
  return {int_at(r, 0), int_at(r, 1), text_at(r, 2), int_at(r, 3),
          int_at(r, 4)};
}

db_count execute(op_context& ctx, const inbox_park& x) {
  auto reason = truncate_utf8(x.reason, limits::reason);
  auto rs =
      ctx.sql.run({sql::inbox_park.name, {param(x.update_id), param(reason)}});
  return {static_cast<int64_t>(rs.size())};
}

parked_page execute(op_context& ctx, const inbox_parked& x) {
  parked_page out;
  for (auto& r : ctx.sql.run({sql::inbox_parked.name,
                              {param(x.after_update_id), param(x.limit)}}))
    out.rows.push_back(decode_parked_row(r));
  return out;
}

caf::expected<inbox_row> execute(op_context& ctx, const inbox_release& x) {
  const auto* name = x.action == park_action::retry ? sql::inbox_unpark.name
                                                    : sql::inbox_drop.name;
  auto rs = ctx.sql.run({name, {param(x.update_id)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no parked update " + std::to_string(x.update_id));
  return decode_inbox_row(rs.front());
}

} // namespace bridge::storage
