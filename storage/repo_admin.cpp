// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_admin.hpp"

#include "common/error.hpp"
#include "storage/repo_people.hpp"
#include "storage/repo_talk.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def user_list{"user_list", R"(
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       l.manager_id, epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM users u LEFT JOIN worker_links l ON l.worker_id = u.telegram_id
WHERE u.telegram_id > $1
  AND ($2 = '' OR u.role = $2)
  AND ($3 = '' OR u.language = $3)
  AND ($4::bigint = 0 OR EXISTS (
        SELECT 1 FROM conversations c
        WHERE (c.manager_id = u.telegram_id OR c.worker_id = u.telegram_id)
          AND EXISTS (SELECT 1 FROM messages m
                      WHERE m.conversation_id = c.id
                        AND m.created_at >= to_timestamp($4::bigint / 1000.0))))
ORDER BY u.telegram_id
LIMIT $5)"};

constexpr sql_def conversation_list{"conversation_list", R"(
SELECT c.id, c.manager_id, c.worker_id,
       GREATEST(c.last_seq, COALESCE(s.max_seq, 0)), epoch_ms(c.created_at),
       COALESCE(epoch_ms(s.last_at), 0)
FROM conversations c
LEFT JOIN LATERAL (SELECT max(m.seq) AS max_seq, max(m.created_at) AS last_at
                   FROM messages m WHERE m.conversation_id = c.id) s ON true
WHERE c.id > $1
  AND ($2::bigint = 0 OR c.manager_id = $2)
  AND ($3::bigint = 0 OR c.worker_id = $3)
  AND ($4::bigint = 0 OR s.last_at >= to_timestamp($4::bigint / 1000.0))
ORDER BY c.id
LIMIT $5)"};

// A newer token replaces an older one; an older one changes nothing and
// returns no row. The row stays locked until commit, so a newer leader
// waits for an older one's batch instead of running beside it.
constexpr sql_def fence_advance{"fence_advance", R"(
INSERT INTO job_fences (name, token) VALUES ($1, $2)
ON CONFLICT (name) DO UPDATE SET token = EXCLUDED.token, updated_at = now()
WHERE job_fences.token <= EXCLUDED.token
RETURNING token)"};

constexpr sql_def purge_messages{"purge_messages", R"(
WITH gone AS (
  DELETE FROM messages WHERE id IN (
    SELECT id FROM messages
    WHERE created_at < to_timestamp($1::bigint / 1000.0)
    ORDER BY created_at LIMIT $2)
  RETURNING 1)
SELECT count(*) FROM gone)"};

constexpr sql_def purge_inbox{"purge_inbox", R"(
WITH gone AS (
  DELETE FROM inbox WHERE update_id IN (
    SELECT update_id FROM inbox
    WHERE processed_at < to_timestamp($1::bigint / 1000.0)
    ORDER BY processed_at LIMIT $2)
  RETURNING 1)
SELECT count(*) FROM gone)"};

constexpr sql_def purge_outbox{"purge_outbox", R"(
WITH gone AS (
  DELETE FROM outbox WHERE id IN (
    SELECT id FROM outbox
    WHERE status <> 'pending' AND created_at < to_timestamp($1::bigint / 1000.0)
    ORDER BY created_at LIMIT $2)
  RETURNING 1)
SELECT count(*) FROM gone)"};

// Both counts read only the partial indexes of unfinished rows.
constexpr sql_def backlog_counts{"backlog_counts", R"(
SELECT (SELECT count(*) FROM inbox
        WHERE processed_at IS NULL AND parked_at IS NULL),
       (SELECT count(*) FROM outbox WHERE status = 'pending'),
       (SELECT count(*) FROM inbox
        WHERE processed_at IS NULL AND parked_at IS NOT NULL))"};

} // namespace sql

const std::vector<sql_def>& admin_statements() {
  static const std::vector<sql_def> defs{
      sql::user_list,      sql::conversation_list, sql::fence_advance,
      sql::purge_messages, sql::purge_inbox,       sql::purge_outbox,
      sql::backlog_counts,
  };
  return defs;
}

caf::error check(const user_list& x) {
  if (!x.role.empty() && x.role != "none" && x.role != "manager"
      && x.role != "worker")
    return make_error(engine_errc::invalid_input,
                      "role filter must be none, manager, worker or empty");
  if (x.active_since_ms < 0 || x.after_id < 0)
    return make_error(engine_errc::invalid_input,
                      "negative active_since_ms or after_id");
  return first_error({check_text("language filter", x.language, limits::code),
                      check_limit(x.limit)});
}

caf::error check(const conversation_list& x) {
  if (x.manager_id < 0 || x.worker_id < 0 || x.active_since_ms < 0
      || x.after_id < 0)
    return make_error(engine_errc::invalid_input,
                      "conversation_list filters must not be negative");
  return check_limit(x.limit);
}

caf::error check(const purge& x) {
  if (x.cutoff_ms <= 0)
    return make_error(engine_errc::invalid_input, "purge needs a cutoff");
  if (x.limit < 1 || x.limit > max_purge_batch)
    return make_error(engine_errc::invalid_input,
                      "purge limit " + std::to_string(x.limit)
                          + " is outside [1, " + std::to_string(max_purge_batch)
                          + "]");
  if (!x.fence_name.empty() && x.fence_token <= 0)
    return make_error(engine_errc::invalid_input,
                      "a fenced purge needs a positive token");
  return check_text("fence name", x.fence_name, limits::code);
}

caf::error check(const backlog_get&) {
  return {};
}

statement user_list_statement(const user_list& x) {
  return {sql::user_list.name,
          {param(x.after_id), param(x.role), param(x.language),
           param(x.active_since_ms), param(x.limit)}};
}

statement conversation_list_statement(const conversation_list& x) {
  return {sql::conversation_list.name,
          {param(x.after_id), param(x.manager_id), param(x.worker_id),
           param(x.active_since_ms), param(x.limit)}};
}

statement purge_statement(const purge& x) {
  const char* name = sql::purge_messages.name;
  if (x.target == purge_target::inbox)
    name = sql::purge_inbox.name;
  else if (x.target == purge_target::outbox)
    name = sql::purge_outbox.name;
  return {name, {param(x.cutoff_ms), param(x.limit)}};
}

user_page execute(op_context& ctx, const user_list& x) {
  user_page out;
  for (auto& r : ctx.sql.run(user_list_statement(x)))
    out.rows.push_back(decode_user(r));
  return out;
}

conversation_page execute(op_context& ctx, const conversation_list& x) {
  conversation_page out;
  for (auto& r : ctx.sql.run(conversation_list_statement(x)))
    out.rows.push_back(decode_conversation(r));
  return out;
}

caf::expected<db_count> execute(op_context& ctx, const purge& x) {
  if (!x.fence_name.empty()) {
    auto rs = ctx.sql.run(
        {sql::fence_advance.name, {param(x.fence_name), param(x.fence_token)}});
    if (rs.empty())
      return make_error(engine_errc::conflict,
                        "fencing token " + std::to_string(x.fence_token)
                            + " of '" + x.fence_name
                            + "' is older than the newest seen; another "
                              "instance leads now");
  }
  auto rs = ctx.sql.run(purge_statement(x));
  return db_count{rs.empty() ? 0 : int_at(rs.front(), 0)};
}

backlog_counts execute(op_context& ctx, const backlog_get&) {
  auto rs = ctx.sql.run({sql::backlog_counts.name, {}});
  backlog_counts out;
  if (!rs.empty()) {
    out.inbox = int_at(rs.front(), 0);
    out.outbox = int_at(rs.front(), 1);
    out.parked = int_at(rs.front(), 2);
  }
  return out;
}

} // namespace bridge::storage
