// SPDX-License-Identifier: Apache-2.0
// Tasks: what a manager asks a worker to do, listed by owner and status.
// Declared with the rest of the talk repository in storage/repo_talk.hpp.

#include <limits>

#include "common/error.hpp"
#include "storage/repo_talk.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def task_create{"task_create", R"(
INSERT INTO tasks (manager_id, worker_id, text, language)
VALUES ($1, $2, $3, NULLIF($4, ''))
RETURNING id, manager_id, worker_id, text, status, epoch_ms(created_at),
          epoch_ms(updated_at), epoch_ms(done_at))"};

constexpr sql_def tasks_of_manager{"tasks_of_manager", R"(
SELECT id, manager_id, worker_id, text, status, epoch_ms(created_at),
       epoch_ms(updated_at), epoch_ms(done_at)
FROM tasks WHERE manager_id = $1 AND status = $2 AND id < $3
ORDER BY id DESC LIMIT $4)"};

constexpr sql_def all_tasks_of_manager{"all_tasks_of_manager", R"(
SELECT id, manager_id, worker_id, text, status, epoch_ms(created_at),
       epoch_ms(updated_at), epoch_ms(done_at)
FROM tasks WHERE manager_id = $1 AND id < $2
ORDER BY id DESC LIMIT $3)"};

constexpr sql_def tasks_of_worker{"tasks_of_worker", R"(
SELECT id, manager_id, worker_id, text, status, epoch_ms(created_at),
       epoch_ms(updated_at), epoch_ms(done_at)
FROM tasks WHERE worker_id = $1 AND status = $2 AND id < $3
ORDER BY id DESC LIMIT $4)"};

constexpr sql_def all_tasks_of_worker{"all_tasks_of_worker", R"(
SELECT id, manager_id, worker_id, text, status, epoch_ms(created_at),
       epoch_ms(updated_at), epoch_ms(done_at)
FROM tasks WHERE worker_id = $1 AND id < $2
ORDER BY id DESC LIMIT $3)"};

constexpr sql_def task_done{"task_done", R"(
UPDATE tasks
SET status = 'done', done_at = COALESCE(done_at, now()), updated_at = now()
WHERE id = $1 AND (manager_id = $2 OR worker_id = $2)
RETURNING id, manager_id, worker_id, text, status, epoch_ms(created_at),
          epoch_ms(updated_at), epoch_ms(done_at))"};

constexpr sql_def task_texts{"task_texts", R"(
SELECT t.id, t.language, tt.text
FROM tasks t
LEFT JOIN task_translations tt ON tt.task_id = t.id AND tt.language = $2
WHERE t.id = ANY($1::bigint[]))"};

constexpr sql_def task_translated{"task_translated", R"(
INSERT INTO task_translations (task_id, language, text)
SELECT id, $2, $3 FROM tasks WHERE id = $1
ON CONFLICT (task_id, language) DO NOTHING
RETURNING 1)"};

} // namespace sql

const std::vector<sql_def>& task_statements() {
  static const std::vector<sql_def> defs{
      sql::task_create,     sql::tasks_of_manager,    sql::all_tasks_of_manager,
      sql::tasks_of_worker, sql::all_tasks_of_worker, sql::task_done,
      sql::task_texts,      sql::task_translated,
  };
  return defs;
}

// -- validation
// -----------------------------------------------------------------

caf::error check(const task_create& x) {
  if (x.text.empty())
    return make_error(engine_errc::invalid_input, "a task needs a text");
  return first_error({check_id("manager_id", x.manager_id),
                      check_id("worker_id", x.worker_id),
                      check_text("task text", x.text, limits::short_text)});
}

caf::error check(const task_list& x) {
  if ((x.manager_id > 0) == (x.worker_id > 0) || x.manager_id < 0
      || x.worker_id < 0)
    return make_error(engine_errc::invalid_input,
                      "task_list needs exactly one of manager_id, worker_id");
  if (x.before_id < 0)
    return make_error(engine_errc::invalid_input, "negative before_id");
  return check_limit(x.limit);
}

caf::error check(const task_done& x) {
  return first_error(
      {check_id("task_id", x.task_id), check_id("by_user", x.by_user)});
}

caf::error check(const task_texts& x) {
  // At most a page of ids, like any listing.
  if (!x.task_ids.empty())
    if (auto err = check_limit(static_cast<int64_t>(x.task_ids.size())))
      return err;
  for (auto id : x.task_ids)
    if (auto err = check_id("task_id", id))
      return err;
  return check_text("language", x.language, limits::short_text);
}

caf::error check(const task_translated& x) {
  if (x.language.empty() || x.text.empty())
    return make_error(engine_errc::invalid_input,
                      "a task translation needs a language and a text");
  return first_error(
      {check_id("task_id", x.task_id),
       check_text("language", x.language, limits::short_text),
       check_text("task translation", x.text, limits::short_text)});
}

// -- builders and decoders
// ------------------------------------------------------

task_status task_status_from(std::string_view text) {
  if (text == "open")
    return task_status::open;
  if (text == "done")
    return task_status::done;
  throw db_failure{failure_kind::decode,
                   "unknown task status '" + std::string{text} + "'"};
}

task_record decode_task(const row& r) {
  expect_width(r, 8, "task row");
  task_record t;
  t.id = int_at(r, 0);
  t.manager_id = int_at(r, 1);
  t.worker_id = int_at(r, 2);
  t.text = text_at(r, 3);
  t.status = task_status_from(text_at(r, 4));
  t.created_at_ms = int_at(r, 5);
  t.updated_at_ms = int_at(r, 6);
  t.done_at_ms = int_at(r, 7);
  return t;
}

statement task_list_statement(const task_list& x) {
  auto before =
      x.before_id > 0 ? x.before_id : std::numeric_limits<int64_t>::max();
  bool of_manager = x.manager_id > 0;
  auto owner = of_manager ? x.manager_id : x.worker_id;
  if (x.filter == task_filter::all)
    return {of_manager ? sql::all_tasks_of_manager.name
                       : sql::all_tasks_of_worker.name,
            {param(owner), param(before), param(x.limit)}};
  auto status =
      x.filter == task_filter::open ? task_status::open : task_status::done;
  return {
      of_manager ? sql::tasks_of_manager.name : sql::tasks_of_worker.name,
      {param(owner), param(to_string(status)), param(before), param(x.limit)}};
}

// -- execution
// ------------------------------------------------------------------

task_record execute(op_context& ctx, const task_create& x) {
  auto rs = ctx.sql.run({sql::task_create.name,
                         {param(x.manager_id), param(x.worker_id),
                          param(x.text), param(x.language)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "task_create returned no row"};
  return decode_task(rs.front());
}

task_page execute(op_context& ctx, const task_list& x) {
  task_page out;
  for (auto& r : ctx.sql.run(task_list_statement(x)))
    out.rows.push_back(decode_task(r));
  return out;
}

caf::expected<task_record> execute(op_context& ctx, const task_done& x) {
  auto rs =
      ctx.sql.run({sql::task_done.name, {param(x.task_id), param(x.by_user)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no task " + std::to_string(x.task_id) + " of user "
                          + std::to_string(x.by_user));
  return decode_task(rs.front());
}

task_text_page execute(op_context& ctx, const task_texts& x) {
  task_text_page out;
  if (x.task_ids.empty())
    return out;
  array_literal ids;
  for (auto id : x.task_ids)
    ids.add(id);
  for (auto& r :
       ctx.sql.run({sql::task_texts.name, {ids.str(), param(x.language)}})) {
    expect_width(r, 3, "task text row");
    out.rows.push_back({int_at(r, 0), text_at(r, 1), text_at(r, 2)});
  }
  return out;
}

db_count execute(op_context& ctx, const task_translated& x) {
  auto rs = ctx.sql.run({sql::task_translated.name,
                         {param(x.task_id), param(x.language), param(x.text)}});
  return db_count{static_cast<int64_t>(rs.size())};
}

} // namespace bridge::storage
