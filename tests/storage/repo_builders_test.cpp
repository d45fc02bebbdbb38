// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <random>

#include "common/error.hpp"
#include "storage/repo_admin.hpp"
#include "storage/repo_billing.hpp"
#include "storage/repo_intake.hpp"
#include "storage/repo_outbox.hpp"
#include "storage/repo_people.hpp"
#include "storage/repo_talk.hpp"
#include "storage/validate.hpp"
#include "tests/support/fake_sql.hpp"

BOOST_AUTO_TEST_SUITE(storage_repo_builders)

using namespace bridge;
using namespace bridge::storage;
using bridge::test::cells;
using bridge::test::fake_sql;

namespace {

struct repo_fixture {
  fake_sql sql;
  std::mt19937_64 rng{42};
  op_context ctx{sql, rng, 3};
};

std::string param_at(const statement& st, size_t i) {
  return st.params.at(i).value_or("<NULL>");
}

} // namespace

BOOST_AUTO_TEST_CASE(every_statement_has_a_unique_name) {
  std::set<std::string> names;
  for (auto& def : all_statements()) {
    BOOST_TEST(names.insert(def.name).second, "duplicate " << def.name);
    // Values travel as parameters; only statements without input have none.
    if (std::string{def.name} != "backlog_counts")
      BOOST_TEST(std::string{def.text}.find('$') != std::string::npos,
                 def.name);
  }
  BOOST_TEST(names.size() > 30u);
}

BOOST_AUTO_TEST_CASE(inbox_rows_become_three_arrays) {
  inbox_row a{5, -100, "{\"text\":\"a \\\"b\\\"\"}"};
  inbox_row b{6, 7, "x"};
  auto st = inbox_insert_statement({&a, &b});
  BOOST_TEST(std::string{st.name} == "inbox_insert");
  BOOST_TEST(param_at(st, 0) == "{5,6}");
  BOOST_TEST(param_at(st, 1) == "{-100,7}");
  BOOST_TEST(param_at(st, 2)
             == "{\"{\\\"text\\\":\\\"a \\\\\\\"b\\\\\\\"\\\"}\",\"x\"}");
}

BOOST_AUTO_TEST_CASE(new_ids_go_to_the_first_request_that_named_them) {
  inbox_put a, b;
  a.rows = {{1, 0, ""}, {2, 0, ""}};
  b.rows = {{2, 0, ""}, {3, 0, ""}, {4, 0, ""}};
  auto out = split_new_ids({&a, &b}, {{1, 7}, {2, 0}, {4, 3}});
  BOOST_TEST((out[0].new_ids == std::vector<int64_t>{1, 2}));
  BOOST_TEST((out[0].new_partitions == std::vector<int32_t>{7, 0}));
  BOOST_TEST((out[1].new_ids == std::vector<int64_t>{4}));
  BOOST_TEST((out[1].new_partitions == std::vector<int32_t>{3}));
}

BOOST_FIXTURE_TEST_CASE(inbox_batches_are_cut_at_batch_max, repo_fixture) {
  inbox_put a, b;
  for (int64_t i = 1; i <= 4; ++i)
    a.rows.push_back({i, 0, "{}"});
  b.rows.push_back({5, 0, "{}"});
  sql.answer = [](const statement& st) {
    rows out;
    // Report every id of the chunk as new, in partition 0.
    std::string ids = *st.params[0];
    for (char c : ids)
      if (c >= '0' && c <= '9')
        out.push_back(cells({std::string(1, c).c_str(), "0"}));
    return out;
  };
  auto res = execute_batch(ctx, std::vector<const inbox_put*>{&a, &b});
  BOOST_TEST(sql.seen.size() == 2u);
  BOOST_TEST(param_at(sql.seen[0], 0) == "{1,2,3}");
  BOOST_TEST(param_at(sql.seen[1], 0) == "{4,5}");
  BOOST_TEST(res[0].new_ids.size() == 4u);
  BOOST_TEST((res[1].new_ids == std::vector<int64_t>{5}));
}

BOOST_AUTO_TEST_CASE(outbox_puts_are_answered_from_insert_and_lookup) {
  outbox_put a, b, c, d;
  a.item.dedupe_key = "new";
  b.item.dedupe_key = "old";
  c.item.dedupe_key = "new";
  d.item.dedupe_key = "gone";
  std::unordered_map<std::string, int64_t> created{{"new", 10}};
  std::unordered_map<std::string, outbox_known> known{
      {"old", {3, outbox_status::sent}}};
  auto out = split_outbox_puts({&a.item, &b.item, &c.item}, created, known);
  BOOST_TEST(out[0].created);
  BOOST_TEST(out[0].id == 10);
  BOOST_TEST(!out[1].created);
  BOOST_TEST((out[1].status == outbox_status::sent));
  BOOST_TEST(!out[2].created);
  BOOST_TEST(out[2].id == 10);
  BOOST_CHECK_THROW(split_outbox_puts({&d.item}, created, known), db_failure);
}

BOOST_AUTO_TEST_CASE(outbox_status_updates_carry_arrays_of_arrays) {
  outbox_sent a{"k\"1", {11, 12}};
  outbox_sent b{"k2", {}};
  auto st = outbox_sent_statement({&a, &b});
  BOOST_TEST(param_at(st, 0) == "{\"k\\\"1\",\"k2\"}");
  BOOST_TEST(param_at(st, 1) == "{\"{11,12}\",\"{}\"}");
  outbox_failed f{"k", std::string(2000, 'r'), 3};
  auto fs = outbox_failed_statement({&f});
  BOOST_TEST(param_at(fs, 1).size() == 1000u + 4u); // {"...1000..."}
  BOOST_TEST(param_at(fs, 2) == "{3}");
}

BOOST_AUTO_TEST_CASE(outbox_rows_decode_and_reject_unknown_status) {
  auto r = cells({"7", "key", "42", "send_message", "hi", "0", "", "sent", "2",
                  "{100,101}", nullptr, "1700000000000", "1700000001000", "5"});
  auto x = decode_outbox_record(r);
  BOOST_TEST(x.id == 7);
  BOOST_TEST(x.partition == 5);
  BOOST_TEST((x.status == outbox_status::sent));
  BOOST_TEST((x.telegram_message_ids == std::vector<int64_t>{100, 101}));
  BOOST_TEST(x.last_error.empty());
  r[7] = std::string{"delivered?"};
  BOOST_CHECK_THROW(decode_outbox_record(r), db_failure);
  r.pop_back();
  BOOST_CHECK_THROW(decode_outbox_record(r), db_failure);
}

BOOST_AUTO_TEST_CASE(users_decode_with_their_role) {
  auto u = decode_user(
      cells({"5", "worker", "es", "Ana", nullptr, "9", "1", "2", "auto"}));
  BOOST_TEST((u.role == user_role::worker));
  BOOST_TEST(u.manager_id == 9);
  BOOST_TEST(u.invitation_code.empty());
  BOOST_TEST(u.original_mode == "auto");
  BOOST_TEST(decode_user(cells({"5", "worker", "es", "Ana", nullptr, "9", "1",
                                "2", "off"}))
                 .original_mode
             == "off");
  // A row without the column (a query not updated with it) is refused.
  BOOST_CHECK_THROW(
      decode_user(cells({"5", "worker", "es", "Ana", nullptr, "9", "1", "2"})),
      db_failure);
  BOOST_CHECK_THROW(decode_user(cells({"5", "admin", "es", "Ana", nullptr, "9",
                                       "1", "2", "auto"})),
                    db_failure);
  BOOST_CHECK_THROW(decode_user(cells({"x", "worker", "es", "Ana", nullptr, "9",
                                       "1", "2", "auto"})),
                    db_failure);
}

BOOST_AUTO_TEST_CASE(days_are_passed_as_iso_dates) {
  BOOST_TEST(day_param(20240131) == "2024-01-31");
  BOOST_TEST(day_param(20000101) == "2000-01-01");
  usage_incr x{5, 20240229, 50};
  auto st = usage_incr_statement(x);
  BOOST_TEST(param_at(st, 1) == "2024-02-29");
  BOOST_TEST(param_at(st, 2) == "50");
  BOOST_TEST(param_at(st, 3) == "1"); // one message unless a lease is asked
}

BOOST_FIXTURE_TEST_CASE(issuing_a_code_retries_collisions, repo_fixture) {
  int collisions = 3;
  sql.answer = [&](const statement& st) -> rows {
    std::string name = st.name;
    if (name == "user_get")
      return {cells(
          {"1", "manager", "en", "M", nullptr, nullptr, "1", "1", "auto"})};
    if (name == "user_set_code") {
      if (collisions-- > 0)
        throw db_failure{failure_kind::unique_violation, "duplicate key"};
      return {cells({"1", "manager", "en", "M", st.params[1]->c_str(), nullptr,
                     "1", "2", "auto"})};
    }
    return {};
  };
  auto u = execute(ctx, user_issue_code{1, false});
  BOOST_REQUIRE(u);
  BOOST_TEST(is_invitation_code(u->invitation_code));
  BOOST_TEST(
      sql.names()
      == (std::vector<std::string>{"user_get", "user_set_code", "user_set_code",
                                   "user_set_code", "user_set_code"}));
  // Every candidate is a well-formed code, and `replace` is passed on.
  for (size_t i = 1; i < sql.seen.size(); ++i) {
    BOOST_TEST(is_invitation_code(param_at(sql.seen[i], 1)));
    BOOST_TEST(param_at(sql.seen[i], 2) == "false");
  }
}

BOOST_FIXTURE_TEST_CASE(issuing_a_code_gives_up_after_a_few_tries,
                        repo_fixture) {
  sql.answer = [&](const statement& st) -> rows {
    if (std::string{st.name} == "user_get")
      return {cells(
          {"1", "manager", "en", "M", nullptr, nullptr, "1", "1", "auto"})};
    throw db_failure{failure_kind::unique_violation, "duplicate key"};
  };
  auto u = execute(ctx, user_issue_code{1, false});
  BOOST_REQUIRE(!u);
  BOOST_TEST((engine_code(u.error()) == engine_errc::conflict));
  BOOST_TEST(sql.seen.size() == 1u + max_code_attempts);
}

BOOST_FIXTURE_TEST_CASE(issuing_a_code_keeps_an_existing_one, repo_fixture) {
  sql.answer = [](const statement&) -> rows {
    return {cells({"1", "manager", "en", "M", "BRIDGE-00042", nullptr, "1", "1",
                   "auto"})};
  };
  auto u = execute(ctx, user_issue_code{1, false});
  BOOST_TEST(u->invitation_code == "BRIDGE-00042");
  BOOST_TEST(sql.seen.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(other_failures_are_not_retried_as_collisions,
                        repo_fixture) {
  sql.answer = [&](const statement& st) -> rows {
    if (std::string{st.name} == "user_get")
      return {cells(
          {"1", "manager", "en", "M", nullptr, nullptr, "1", "1", "auto"})};
    throw db_failure{failure_kind::connection_lost, "gone"};
  };
  BOOST_CHECK_THROW(execute(ctx, user_issue_code{1, false}), db_failure);
  BOOST_TEST(sql.seen.size() == 2u);
}

BOOST_AUTO_TEST_CASE(message_rows_become_eleven_arrays) {
  message_row m;
  m.conversation_id = 3;
  m.seq = 9;
  m.sender_id = 4;
  m.original_text = "a,b";
  m.original_lang = "en";
  m.status = message_status::translated;
  m.media_kind = "photo";
  auto st = message_insert_statement({&m});
  BOOST_TEST(st.params.size() == 11u);
  BOOST_TEST(param_at(st, 4) == "{\"a,b\"}");
  BOOST_TEST(param_at(st, 6) == "{\"\"}");
  BOOST_TEST(param_at(st, 8) == "{\"translated\"}");
  BOOST_TEST(param_at(st, 9) == "{0}");
  BOOST_TEST(param_at(st, 10) == "{\"photo\"}");
}

BOOST_AUTO_TEST_CASE(message_ids_follow_the_request_rows) {
  message_put a, b;
  message_row r;
  r.conversation_id = 1;
  r.seq = 1;
  a.rows.push_back(r);
  r.seq = 2;
  a.rows.push_back(r);
  b.rows.push_back(r); // the same key as a's second row
  auto out = split_message_ids({&a, &b}, {{{1, 2}, 20}});
  BOOST_TEST((out[0].ids == std::vector<int64_t>{0, 20}));
  BOOST_TEST((out[1].ids == std::vector<int64_t>{0}));
}

BOOST_AUTO_TEST_CASE(statement_choice_follows_the_request) {
  message_update by_source;
  by_source.conversation_id = 1;
  by_source.source_message_id = 77;
  BOOST_TEST(std::string{message_update_statement(by_source).name}
             == "message_update_source");
  by_source.seq = 4;
  BOOST_TEST(std::string{message_update_statement(by_source).name}
             == "message_update_seq");
  auto recent = message_recent_statement(message_recent{1, 6, 0});
  BOOST_TEST(param_at(recent, 2) == "9223372036854775807");
  task_list tl{0, 8, task_filter::all, 0, 5};
  BOOST_TEST(std::string{task_list_statement(tl).name}
             == "all_tasks_of_worker");
  tl.filter = task_filter::done;
  auto st = task_list_statement(tl);
  BOOST_TEST(std::string{st.name} == "tasks_of_worker");
  BOOST_TEST(param_at(st, 1) == "done");
  tl = task_list{8, 0, task_filter::open, 55, 5};
  BOOST_TEST(param_at(task_list_statement(tl), 2) == "55");
  purge p;
  p.target = purge_target::outbox;
  BOOST_TEST(std::string{purge_statement(p).name} == "purge_outbox");
}

BOOST_AUTO_TEST_CASE(request_checks_catch_malformed_input) {
  auto bad = [](const caf::error& e) {
    return engine_code(e) == engine_errc::invalid_input;
  };
  BOOST_TEST(bad(check(inbox_put{})));
  BOOST_TEST(bad(check(link_worker{3, 3})));
  BOOST_TEST(bad(check(conversation_open{3, 3})));
  BOOST_TEST(bad(check(conversation_reserve{1, max_reserve + 1})));
  BOOST_TEST(bad(check(task_list{0, 0, task_filter::all, 0, 5})));
  BOOST_TEST(bad(check(task_list{1, 0, task_filter::all, -1, 5})));
  BOOST_TEST(bad(check(message_count{1, 10, 5})));
  BOOST_TEST(bad(check(user_by_code{"BRIDGE-1"})));
  BOOST_TEST(bad(check(purge{purge_target::messages, 1, 10, "job", 0})));
  BOOST_TEST(
      bad(check(purge{purge_target::messages, 1, max_purge_batch + 1, "", 0})));
  BOOST_TEST(bad(check(session_get{0})));
  BOOST_TEST(bad(check(outbox_failed{"k", std::string{"\0", 1}, 1})));
  user_list ul;
  ul.role = "root";
  BOOST_TEST(bad(check(ul)));
  BOOST_TEST(
      !static_cast<bool>(check(outbox_failed{"k", std::string(5000, 'x'), 1})));
  BOOST_TEST(!static_cast<bool>(check(session_get{-1001})));
}

BOOST_AUTO_TEST_SUITE_END() // storage_repo_builders
