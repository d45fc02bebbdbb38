// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_join.hpp"

#include "common/error.hpp"
#include "storage/repo_people.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def join_request_put{"join_request_put", R"(
INSERT INTO join_requests (worker_id, manager_id) VALUES ($1, $2)
ON CONFLICT (worker_id) DO UPDATE
SET manager_id = EXCLUDED.manager_id, requested_at = now())"};

// Taking the request is the answer's lock: of two answers (two presses,
// two engines) one deletes the row and the other finds none. A worker who
// reset in between has no request left (user_reset deletes it).
constexpr sql_def join_take{"join_take", R"(
DELETE FROM join_requests r USING users u
WHERE r.worker_id = $1 AND r.manager_id = $2
  AND u.telegram_id = r.worker_id AND u.role = 'worker'
RETURNING r.worker_id)"};

constexpr sql_def join_link{"join_link", R"(
INSERT INTO worker_links (worker_id, manager_id) VALUES ($1, $2)
ON CONFLICT (worker_id) DO UPDATE
SET manager_id = EXCLUDED.manager_id, linked_at = now())"};

constexpr sql_def worker_unlink{"worker_unlink", R"(
DELETE FROM worker_links WHERE worker_id = $1 AND manager_id = $2
RETURNING worker_id)"};

constexpr sql_def join_forget{"join_forget", R"(
DELETE FROM join_requests WHERE worker_id = $1 OR manager_id = $1
RETURNING worker_id)"};

constexpr sql_def chat_partition{"join_chat_partition", R"(
SELECT bridge_chat_partition($1))"};

// A note placed in a given partition rather than where the chat's updates
// go now (repo_people's note_insert), and that partition's owner woken.
constexpr sql_def note_at{"join_note_at", R"(
WITH ins AS (
  INSERT INTO inbox (update_id, chat_id, payload, partition)
  VALUES (nextval('inbox_note_ids'), $2,
          json_build_object('bridge_note', json_build_object(
            'kind', $1::text, 'chat_id', $2::bigint, 'user_id', $3::bigint,
            'name', $4::text, 'cause', $5::bigint))::text,
          $6::integer)
  RETURNING partition)
SELECT count(pg_notify('bridge_partitions', partition::text)) FROM ins)"};

constexpr sql_def join_user{"join_user", R"(
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       l.manager_id, epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM users u LEFT JOIN worker_links l ON l.worker_id = u.telegram_id
WHERE u.telegram_id = $1)"};

} // namespace sql

const std::vector<sql_def>& join_statements() {
  static const std::vector<sql_def> defs{
      sql::join_request_put, sql::join_take,   sql::join_link,
      sql::worker_unlink,    sql::join_forget, sql::join_user,
      sql::chat_partition,   sql::note_at,
  };
  return defs;
}

namespace {

caf::error check_pair(int64_t worker_id, int64_t manager_id,
                      const std::string& name) {
  if (auto err = first_error({check_id("worker_id", worker_id),
                              check_id("manager_id", manager_id),
                              check_text("name", name, limits::name)}))
    return err;
  if (worker_id == manager_id)
    return make_error(engine_errc::invalid_input,
                      "a user cannot be their own manager");
  return {};
}

caf::expected<user_record> worker_after(op_context& ctx, int64_t worker_id) {
  auto rs = ctx.sql.run({sql::join_user.name, {param(worker_id)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no user " + std::to_string(worker_id));
  return decode_user(rs.front());
}

} // namespace

caf::error check(const join_request_put& x) {
  return check_pair(x.worker_id, x.manager_id, x.name);
}

caf::error check(const join_answer& x) {
  return check_pair(x.worker_id, x.manager_id, x.name);
}

caf::error check(const worker_remove& x) {
  return check_pair(x.worker_id, x.manager_id, x.name);
}

db_count execute(op_context& ctx, const join_request_put& x) {
  ctx.sql.run(
      {sql::join_request_put.name, {param(x.worker_id), param(x.manager_id)}});
  queue_notes(ctx,
              {{"join_request", x.manager_id, x.worker_id, x.name, x.cause}});
  return {1};
}

caf::expected<user_record> execute(op_context& ctx, const join_answer& x) {
  auto taken = ctx.sql.run(
      {sql::join_take.name, {param(x.worker_id), param(x.manager_id)}});
  if (taken.empty())
    return make_error(engine_errc::not_found,
                      "no join request of this worker waits");
  // The note goes to the partition the worker's updates went to when they
  // asked, read before the link moves them: the session there holds the
  // worker's state, and learning the link from the note is what later
  // tells it that its memory is stale (the worker lives in the team's
  // partition from now on). A link it never heard of would leave it
  // believing it is home, unlinked, should the worker come back to it.
  auto at = ctx.sql.run({sql::chat_partition.name, {param(x.worker_id)}});
  if (at.size() != 1)
    throw db_failure{failure_kind::decode, "no partition for the worker"};
  auto partition = int_at(at.front(), 0);
  if (x.accept) {
    ctx.sql.run(
        {sql::join_link.name, {param(x.worker_id), param(x.manager_id)}});
    rehome(ctx, {x.worker_id}, x.cause);
  }
  ctx.sql.run(
      {sql::note_at.name,
       {param(std::string{x.accept ? "join_accepted" : "join_declined"}),
        param(x.worker_id), param(x.manager_id), param(x.name), param(x.cause),
        param(partition)}});
  return worker_after(ctx, x.worker_id);
}

caf::expected<user_record> execute(op_context& ctx, const worker_remove& x) {
  auto gone = ctx.sql.run(
      {sql::worker_unlink.name, {param(x.worker_id), param(x.manager_id)}});
  if (gone.empty())
    return make_error(engine_errc::not_found,
                      "this worker is not in this manager's team");
  rehome(ctx, {x.worker_id}, x.cause);
  queue_notes(ctx, {{"removed", x.worker_id, x.manager_id, x.name, x.cause}});
  return worker_after(ctx, x.worker_id);
}

int64_t forget_join_requests(op_context& ctx, int64_t user_id) {
  auto rs = ctx.sql.run({sql::join_forget.name, {param(user_id)}});
  return static_cast<int64_t>(rs.size());
}

} // namespace bridge::storage
