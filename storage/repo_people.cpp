// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_people.hpp"

#include "common/error.hpp"
#include "storage/repo_join.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

// Every user query answers the same columns, decoded by `decode_user`.
constexpr sql_def user_get{"user_get", R"(
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       l.manager_id, epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM users u LEFT JOIN worker_links l ON l.worker_id = u.telegram_id
WHERE u.telegram_id = $1)"};

constexpr sql_def user_put{"user_put", R"(
WITH u AS (
  INSERT INTO users (telegram_id, role, language, display_name)
  VALUES ($1, $2, $3, $4)
  ON CONFLICT (telegram_id) DO UPDATE
  SET role = EXCLUDED.role, language = EXCLUDED.language,
      display_name = EXCLUDED.display_name, updated_at = now()
  RETURNING *)
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       (SELECT manager_id FROM worker_links WHERE worker_id = u.telegram_id),
       epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM u)"};

constexpr sql_def user_set_code{"user_set_code", R"(
UPDATE users u SET invitation_code = $2, updated_at = now()
WHERE u.telegram_id = $1 AND ($3 OR u.invitation_code IS NULL)
RETURNING u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
          (SELECT manager_id FROM worker_links WHERE worker_id = u.telegram_id),
          epoch_ms(u.created_at), epoch_ms(u.updated_at),
          u.original_mode)"};

constexpr sql_def user_by_code{"user_by_code", R"(
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       l.manager_id, epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM users u LEFT JOIN worker_links l ON l.worker_id = u.telegram_id
WHERE u.invitation_code = $1)"};

constexpr sql_def reset_links{"reset_links", R"(
DELETE FROM worker_links WHERE worker_id = $1 OR manager_id = $1
RETURNING CASE WHEN worker_id = $1 THEN manager_id ELSE worker_id END)"};

constexpr sql_def reset_user{"reset_user", R"(
UPDATE users SET role = 'none', invitation_code = NULL, updated_at = now()
WHERE telegram_id = $1)"};

constexpr sql_def link_worker{"link_worker", R"(
WITH prev AS (SELECT manager_id FROM worker_links WHERE worker_id = $1)
INSERT INTO worker_links (worker_id, manager_id) VALUES ($1, $2)
ON CONFLICT (worker_id) DO UPDATE
SET manager_id = EXCLUDED.manager_id, linked_at = now()
RETURNING (SELECT manager_id FROM prev))"};

// A chat that joins or leaves a team moves to the team's partition (or its
// own): its unfinished updates move with it, in the transaction that moves
// it, so the new owner finds them and the old one's fence refuses them.
constexpr sql_def rehome_inbox{"rehome_inbox", R"(
WITH moved AS (
  UPDATE inbox SET partition = bridge_chat_partition(chat_id)
  WHERE chat_id = ANY($1::bigint[]) AND processed_at IS NULL
    AND update_id <> $2
    AND partition IS DISTINCT FROM bridge_chat_partition(chat_id)
  RETURNING partition)
SELECT count(pg_notify('bridge_partitions', p::text))
FROM (SELECT DISTINCT partition AS p FROM moved) AS d)"};

// Notes for other sessions, queued as inbox rows (ids from note_id_base
// up) in the transaction of the change they tell of, placed in the
// partition each chat belongs to after it, and that partition's owner
// woken. The payload is what telegram::decode_note reads.
constexpr sql_def note_insert{"note_insert", R"(
WITH ins AS (
  INSERT INTO inbox (update_id, chat_id, payload, partition)
  SELECT nextval('inbox_note_ids'), c,
         json_build_object('bridge_note', json_build_object(
           'kind', k, 'chat_id', c, 'user_id', u, 'name', n,
           'cause', cause))::text,
         bridge_chat_partition(c)
  FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[],
              $5::bigint[]) AS v(k, c, u, n, cause)
  RETURNING partition)
SELECT count(pg_notify('bridge_partitions', p::text))
FROM (SELECT DISTINCT partition AS p FROM ins) AS d)"};

constexpr sql_def unlink_worker{"unlink_worker", R"(
DELETE FROM worker_links WHERE worker_id = $1 RETURNING manager_id)"};

constexpr sql_def workers_of{"workers_of", R"(
SELECT u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
       l.manager_id, epoch_ms(u.created_at), epoch_ms(u.updated_at),
       u.original_mode
FROM worker_links l JOIN users u ON u.telegram_id = l.worker_id
WHERE l.manager_id = $1 AND l.worker_id > $2
ORDER BY l.worker_id
LIMIT $3)"};

constexpr sql_def session_get{"session_get", R"(
SELECT chat_id, step, role, language, current_worker, pending,
       epoch_ms(updated_at)
FROM chat_sessions WHERE chat_id = $1)"};

constexpr sql_def session_put{"session_put", R"(
INSERT INTO chat_sessions (chat_id, step, role, language, current_worker, pending)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (chat_id) DO UPDATE
SET step = EXCLUDED.step, role = EXCLUDED.role, language = EXCLUDED.language,
    current_worker = EXCLUDED.current_worker, pending = EXCLUDED.pending,
    updated_at = now())"};

constexpr sql_def feedback_put{"feedback_put", R"(
INSERT INTO feedback (user_id, chat_id, text, author_role, author_language)
VALUES ($1, $2, $3, NULLIF($4, ''), NULLIF($5, ''))
RETURNING id)"};

// /original: whether the user reads originals under translations. The
// column's CHECK refuses anything but 'auto', 'on' and 'off'.
constexpr sql_def user_original_set{"user_original_set", R"(
UPDATE users u SET original_mode = $2, updated_at = now()
WHERE u.telegram_id = $1
RETURNING u.telegram_id, u.role, u.language, u.display_name, u.invitation_code,
          (SELECT manager_id FROM worker_links WHERE worker_id = u.telegram_id),
          epoch_ms(u.created_at), epoch_ms(u.updated_at),
          u.original_mode)"};

} // namespace sql

const std::vector<sql_def>& people_statements() {
  static const std::vector<sql_def> defs{
      sql::user_get,
      sql::user_put,
      sql::user_set_code,
      sql::user_by_code,
      sql::reset_links,
      sql::reset_user,
      sql::link_worker,
      sql::unlink_worker,
      sql::workers_of,
      sql::rehome_inbox,
      sql::note_insert,
      sql::session_get,
      sql::session_put,
      sql::feedback_put,
      // /original
      sql::user_original_set,
  };
  return defs;
}

// -- validation
// -----------------------------------------------------------------

namespace {

caf::error check_chat(int64_t chat_id) {
  // Group chats have negative ids; only 0 is never a chat.
  if (chat_id == 0)
    return make_error(engine_errc::invalid_input, "chat_id must not be 0");
  return {};
}

} // namespace

caf::error check(const user_get& x) {
  return check_id("telegram_id", x.telegram_id);
}

caf::error check(const user_put& x) {
  return first_error(
      {check_id("telegram_id", x.telegram_id),
       check_text("language", x.language, limits::code),
       check_text("display_name", x.display_name, limits::name)});
}

caf::error check(const user_issue_code& x) {
  return check_id("telegram_id", x.telegram_id);
}

caf::error check(const user_by_code& x) {
  if (!is_invitation_code(x.code))
    return make_error(engine_errc::invalid_input,
                      "an invitation code looks like BRIDGE-12345");
  return {};
}

caf::error check(const user_reset& x) {
  return check_id("telegram_id", x.telegram_id);
}

caf::error check(const link_worker& x) {
  if (auto err = first_error({check_id("worker_id", x.worker_id),
                              check_id("manager_id", x.manager_id)}))
    return err;
  if (x.worker_id == x.manager_id)
    return make_error(engine_errc::invalid_input,
                      "a user cannot be their own manager");
  return {};
}

caf::error check(const unlink_worker& x) {
  return check_id("worker_id", x.worker_id);
}

caf::error check(const join_refused& x) {
  if (auto err = first_error({check_id("worker_id", x.worker_id),
                              check_id("manager_id", x.manager_id)}))
    return err;
  return check_text("name", x.name, limits::name);
}

caf::error check(const inbox_rehome& x) {
  // Any chat, groups (negative ids) included; only 0 names none.
  if (x.chat_id == 0)
    return make_error(engine_errc::invalid_input,
                      "inbox_rehome without a chat");
  return {};
}

caf::error check(const workers_of& x) {
  return first_error(
      {check_id("manager_id", x.manager_id), check_limit(x.limit)});
}

caf::error check(const session_get& x) {
  return check_chat(x.chat_id);
}

caf::error check(const session_put& x) {
  const auto& s = x.state;
  return first_error(
      {check_chat(s.chat_id), check_text("session step", s.step, limits::code),
       check_text("session role", s.role, limits::code),
       check_text("session language", s.language, limits::code),
       check_text("session pending", s.pending, limits::short_text)});
}

caf::error check(const user_original_set& x) {
  if (auto err = check_id("telegram_id", x.telegram_id))
    return err;
  if (x.mode != "auto" && x.mode != "on" && x.mode != "off")
    return make_error(engine_errc::invalid_input,
                      "original_mode is auto, on or off");
  return {};
}

caf::error check(const feedback_put& x) {
  if (x.text.empty())
    return make_error(engine_errc::invalid_input, "empty feedback");
  return first_error(
      {check_id("user_id", x.user_id),
       check_text("feedback", x.text, limits::short_text),
       check_text("feedback role", x.role, limits::code),
       check_text("feedback language", x.language, limits::code)});
}

// -- builders and decoders
// ------------------------------------------------------

user_role user_role_from(std::string_view text) {
  if (text == "none")
    return user_role::none;
  if (text == "manager")
    return user_role::manager;
  if (text == "worker")
    return user_role::worker;
  throw db_failure{failure_kind::decode,
                   "unknown user role '" + std::string{text} + "'"};
}

user_record decode_user(const row& r) {
  expect_width(r, 9, "user row");
  user_record u;
  u.telegram_id = int_at(r, 0);
  u.role = user_role_from(text_at(r, 1));
  u.language = text_at(r, 2);
  u.display_name = text_at(r, 3);
  u.invitation_code = text_at(r, 4);
  u.manager_id = int_at(r, 5);
  u.created_at_ms = int_at(r, 6);
  u.updated_at_ms = int_at(r, 7);
  u.original_mode = text_at(r, 8);
  return u;
}

chat_session_record decode_session(const row& r) {
  expect_width(r, 7, "session row");
  return {int_at(r, 0), text_at(r, 1), text_at(r, 2), text_at(r, 3),
          int_at(r, 4), text_at(r, 5), int_at(r, 6)};
}

statement user_put_statement(const user_put& x) {
  return {sql::user_put.name,
          {param(x.telegram_id), param(to_string(x.role)), param(x.language),
           param(x.display_name)}};
}

statement user_set_code_statement(int64_t telegram_id, const std::string& code,
                                  bool replace) {
  return {sql::user_set_code.name,
          {param(telegram_id), param(code), param(replace)}};
}

statement session_put_statement(const chat_session_record& x) {
  return {sql::session_put.name,
          {param(x.chat_id), param(x.step), param(x.role), param(x.language),
           param(x.current_worker), param(x.pending)}};
}

// -- execution
// ------------------------------------------------------------------

namespace {

std::optional<user_record> find_user(op_context& ctx, int64_t telegram_id) {
  auto rs = ctx.sql.run({sql::user_get.name, {param(telegram_id)}});
  if (rs.empty())
    return std::nullopt;
  return decode_user(rs.front());
}

caf::error no_user(int64_t telegram_id) {
  return make_error(engine_errc::not_found,
                    "no user " + std::to_string(telegram_id));
}

} // namespace

caf::expected<user_record> execute(op_context& ctx, const user_get& x) {
  if (auto u = find_user(ctx, x.telegram_id))
    return std::move(*u);
  return no_user(x.telegram_id);
}

user_record execute(op_context& ctx, const user_put& x) {
  auto rs = ctx.sql.run(user_put_statement(x));
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "user_put returned no row"};
  return decode_user(rs.front());
}

caf::expected<user_record> execute(op_context& ctx, const user_issue_code& x) {
  auto current = find_user(ctx, x.telegram_id);
  if (!current)
    return no_user(x.telegram_id);
  if (!x.replace && !current->invitation_code.empty())
    return std::move(*current);
  // Runs outside a transaction: a unique violation only fails its own
  // statement, and the next candidate is tried on the same connection.
  for (int attempt = 0; attempt < max_code_attempts; ++attempt) {
    auto code = random_invitation_code();
    try {
      auto rs =
          ctx.sql.run(user_set_code_statement(x.telegram_id, code, x.replace));
      if (!rs.empty())
        return decode_user(rs.front());
      // Someone gave the user a code in between (or removed the user).
      if (auto u = find_user(ctx, x.telegram_id))
        return std::move(*u);
      return no_user(x.telegram_id);
    } catch (const db_failure& f) {
      if (f.kind() != failure_kind::unique_violation)
        throw;
    }
  }
  return make_error(engine_errc::conflict,
                    "no free invitation code after "
                        + std::to_string(max_code_attempts) + " attempts");
}

caf::expected<user_record> execute(op_context& ctx, const user_by_code& x) {
  auto rs = ctx.sql.run({sql::user_by_code.name, {param(x.code)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no user has this invitation code");
  return decode_user(rs.front());
}

user_reset_result execute(op_context& ctx, const user_reset& x) {
  user_reset_result out;
  for (auto& r : ctx.sql.run({sql::reset_links.name, {param(x.telegram_id)}}))
    out.unlinked.push_back(int_at(r, 0));
  ctx.sql.run({sql::reset_user.name, {param(x.telegram_id)}});
  // A request to or from a user who starts over is void: pressing its
  // button later finds nothing (storage/repo_join.hpp).
  forget_join_requests(ctx, x.telegram_id);
  auto moved = out.unlinked;
  moved.push_back(x.telegram_id);
  rehome(ctx, moved, x.cause);
  std::vector<queued_note> notes;
  if (x.tell_partners)
    for (auto partner : out.unlinked)
      notes.push_back(
          {"partner_left", partner, x.telegram_id, x.name, x.cause});
  if (x.tell_user)
    notes.push_back(
        {"reset_by_operator", x.telegram_id, x.telegram_id, x.name, x.cause});
  queue_notes(ctx, notes);
  return out;
}

void queue_notes(op_context& ctx, const std::vector<queued_note>& notes) {
  if (notes.empty())
    return;
  array_literal kinds, chats, users, names, causes;
  for (auto& n : notes) {
    kinds.add_text(n.kind);
    chats.add(n.chat_id);
    users.add(n.user_id);
    names.add_text(n.name);
    causes.add(n.cause);
  }
  ctx.sql.run(
      {sql::note_insert.name,
       {kinds.str(), chats.str(), users.str(), names.str(), causes.str()}});
}

int64_t rehome(op_context& ctx, const std::vector<int64_t>& chats,
               int64_t cause) {
  if (chats.empty())
    return 0;
  array_literal ids;
  for (auto c : chats)
    ids.add(c);
  auto rs = ctx.sql.run({sql::rehome_inbox.name, {ids.str(), param(cause)}});
  return rs.empty() ? 0 : int_at(rs.front(), 0);
}

db_count execute(op_context& ctx, const inbox_rehome& x) {
  return {rehome(ctx, {x.chat_id})};
}

caf::expected<link_result> execute(op_context& ctx, const link_worker& x) {
  auto rs = ctx.sql.run(
      {sql::link_worker.name, {param(x.worker_id), param(x.manager_id)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "link_worker returned no row"};
  rehome(ctx, {x.worker_id}, x.cause);
  if (x.tell_manager)
    queue_notes(
        ctx, {{"worker_joined", x.manager_id, x.worker_id, x.name, x.cause}});
  return link_result{int_at(rs.front(), 0)};
}

db_count execute(op_context& ctx, const join_refused& x) {
  queue_notes(ctx,
              {{"join_refused", x.manager_id, x.worker_id, x.name, x.cause}});
  return {1};
}

db_count execute(op_context& ctx, const unlink_worker& x) {
  auto rs = ctx.sql.run({sql::unlink_worker.name, {param(x.worker_id)}});
  rehome(ctx, {x.worker_id});
  return {static_cast<int64_t>(rs.size())};
}

user_page execute(op_context& ctx, const workers_of& x) {
  user_page out;
  for (auto& r :
       ctx.sql.run({sql::workers_of.name,
                    {param(x.manager_id), param(x.after_id), param(x.limit)}}))
    out.rows.push_back(decode_user(r));
  return out;
}

caf::expected<chat_session_record> execute(op_context& ctx,
                                           const session_get& x) {
  auto rs = ctx.sql.run({sql::session_get.name, {param(x.chat_id)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no session for chat " + std::to_string(x.chat_id));
  return decode_session(rs.front());
}

db_count execute(op_context& ctx, const session_put& x) {
  ctx.sql.run(session_put_statement(x.state));
  return {1};
}

db_id execute(op_context& ctx, const feedback_put& x) {
  auto rs = ctx.sql.run({sql::feedback_put.name,
                         {param(x.user_id), param(x.chat_id), param(x.text),
                          param(x.role), param(x.language)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "feedback_put returned no row"};
  return {int_at(rs.front(), 0)};
}

// -- /original
// -----------------------------------------------------------------

caf::expected<user_record> execute(op_context& ctx,
                                   const user_original_set& x) {
  auto rs = ctx.sql.run(
      {sql::user_original_set.name, {param(x.telegram_id), param(x.mode)}});
  if (rs.empty())
    return no_user(x.telegram_id);
  return decode_user(rs.front());
}

} // namespace bridge::storage
