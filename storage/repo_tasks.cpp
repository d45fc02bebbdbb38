// Tasks: what a manager asks a worker to do, listed by owner and status.
// Declared with the rest of the talk repository in storage/repo_talk.hpp.

#include <limits>

#include "common/error.hpp"
#include "storage/repo_talk.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def task_create{"task_create", R"(
INSERT INTO tasks (manager_id, worker_id, text) VALUES ($1, $2, $3)
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

} // namespace sql

const std::vector<sql_def>& task_statements() {
  static const std::vector<sql_def> defs{
    sql::task_create,      sql::tasks_of_manager, sql::all_tasks_of_manager,
    sql::tasks_of_worker,  sql::all_tasks_of_worker, sql::task_done,
  };
  return defs;
}

// -- validation -----------------------------------------------------------------

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
  return first_error({check_id("task_id", x.task_id),
                      check_id("by_user", x.by_user)});
}

// -- builders and decoders ------------------------------------------------------

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
  auto before = x.before_id > 0 ? x.before_id
                                : std::numeric_limits<int64_t>::max();
  bool of_manager = x.manager_id > 0;
  auto owner = of_manager ? x.manager_id : x.worker_id;
  if (x.filter == task_filter::all)
    return {of_manager ? sql::all_tasks_of_manager.name
                       : sql::all_tasks_of_worker.name,
            {param(owner), param(before), param(x.limit)}};
  auto status = x.filter == task_filter::open ? task_status::open
                                              : task_status::done;
  return {of_manager ? sql::tasks_of_manager.name : sql::tasks_of_worker.name,
          {param(owner), param(to_string(status)), param(before),
           param(x.limit)}};
}

// -- execution ------------------------------------------------------------------

task_record execute(op_context& ctx, const task_create& x) {
  auto rs = ctx.sql.run({sql::task_create.name,
                         {param(x.manager_id), param(x.worker_id),
                          param(x.text)}});
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
  auto rs = ctx.sql.run({sql::task_done.name,
                         {param(x.task_id), param(x.by_user)}});
  if (rs.empty())
    return make_error(engine_errc::not_found,
                      "no task " + std::to_string(x.task_id) + " of user "
                        + std::to_string(x.by_user));
  return decode_task(rs.front());
}

} // namespace bridge::storage
