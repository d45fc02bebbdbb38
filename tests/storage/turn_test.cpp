// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <random>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/dispatch.hpp"
#include "tests/support/fake_sql.hpp"

BOOST_AUTO_TEST_SUITE(storage_turn)

using namespace bridge;
using namespace bridge::storage;
using bridge::test::cells;
using bridge::test::fake_sql;

namespace {

constexpr int64_t now_ns = 1'000'000'000;
constexpr int64_t later = now_ns + 1'000'000'000;

struct turn_fixture {
  fake_sql sql;
  std::mt19937_64 rng{1};
  op_context ctx{sql, rng, 100};

  template <class Op>
  db_turn turn_of(std::vector<Op> ops, int64_t deadline = later) {
    db_turn t;
    t.op = op_index<Op>;
    for (auto& op : ops) {
      t.calls.push_back(caf::make_message(std::move(op)));
      t.deadlines_ns.push_back(deadline);
    }
    return t;
  }

  db_turn_result run(db_turn& t) {
    return op_table(t.op).run(sql, ctx, t, now_ns);
  }

  /// Adds `op` to a turn that mixes types.
  template <class Op> void add(db_turn& t, Op op, int64_t deadline = later) {
    t.calls.push_back(caf::make_message(std::move(op)));
    t.deadlines_ns.push_back(deadline);
    t.ops.push_back(op_index<Op>);
  }
};

engine_errc code_of(const caf::message& m) {
  return m.match_elements<caf::error>() ? engine_code(m.get_as<caf::error>(0))
                                        : engine_errc::none;
}

message_put one_message(int64_t seq, std::string text) {
  message_row r;
  r.conversation_id = 1;
  r.seq = seq;
  r.sender_id = 1;
  r.original_text = std::move(text);
  return message_put{{r}};
}

/// Answers a message insert with an id per row, unless a row says "poison".
rows insert_answer(const statement& st) {
  if (st.params.at(4)->find("poison") != std::string::npos)
    throw db_failure{failure_kind::invalid_data, "violates check", "23514"};
  rows out;
  std::string seqs = *st.params.at(1);
  int64_t seq = 0;
  for (char c : seqs.substr(1)) {
    if (c >= '0' && c <= '9') {
      seq = seq * 10 + (c - '0');
    } else {
      out.push_back(cells({"m", "1", std::to_string(seq).c_str(),
                           std::to_string(100 + seq).c_str(), nullptr}));
      seq = 0;
    }
  }
  return out;
}

/// A copy for the outbox under `key`: a write that still needs a
/// transaction of its own.
outbox_put one_copy(std::string key, fence_token fence = {}) {
  outbox_record o;
  o.dedupe_key = std::move(key);
  o.chat_id = 42;
  o.kind = "send_message";
  o.text = "hi";
  return outbox_put{o, 0, fence};
}

/// Answers an outbox insert with a new id for each key, unless a key says
/// "poison".
rows copy_answer(const statement& st) {
  if (st.params.at(0)->find("poison") != std::string::npos)
    throw db_failure{failure_kind::invalid_data, "violates check", "23514"};
  rows out;
  std::string keys = *st.params.at(0);
  int64_t id = 100;
  for (size_t at = keys.find('"'); at != std::string::npos;
       at = keys.find('"', keys.find('"', at + 1) + 1)) {
    auto end = keys.find('"', at + 1);
    out.push_back(cells({keys.substr(at + 1, end - at - 1).c_str(),
                         std::to_string(++id).c_str()}));
  }
  return out;
}

/// `insert_answer` for message stores, `copy_answer` for outbox inserts,
/// no rows for anything else.
rows mixed_answer(const statement& st) {
  std::string name = st.name;
  if (name == "message_store")
    return insert_answer(st);
  if (name == "outbox_insert")
    return copy_answer(st);
  return rows{};
}

/// Answers the fencing check with the positions of partition `p`'s
/// tokens, and every other statement as `mixed_answer`.
rows refusing(const statement& st, char p) {
  if (st.name != std::string{"fence_check"})
    return mixed_answer(st);
  auto parts = *st.params.at(0);
  rows out;
  int pos = 1;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i] == p)
      out.push_back(cells({std::to_string(pos).c_str()}));
    if (parts[i] == ',')
      ++pos;
  }
  return out;
}

int64_t copy_id(const caf::message& reply) {
  return reply.get_as<outbox_put_result>(0).id;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(turns, turn_fixture)

BOOST_AUTO_TEST_CASE(late_calls_are_answered_without_running) {
  auto t = turn_of(std::vector<user_get>{{1}}, now_ns);
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::deadline_exceeded));
  BOOST_TEST(sql.seen.empty());
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_batch_runs_in_one_transaction) {
  sql.answer = copy_answer;
  auto t = turn_of(std::vector<outbox_put>{one_copy("a"), one_copy("b")});
  auto r = run(t);
  BOOST_TEST(sql.seen.size() == 1u);
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  BOOST_TEST(copy_id(r.replies.at(0)) == 101);
  BOOST_TEST(copy_id(r.replies.at(1)) == 102);
}

BOOST_AUTO_TEST_CASE(a_poisoned_batch_is_split_and_only_the_bad_call_fails) {
  sql.answer = copy_answer;
  auto t = turn_of(std::vector<outbox_put>{one_copy("a"), one_copy("poison"),
                                           one_copy("c")});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::invalid_input));
  BOOST_TEST((code_of(r.replies.at(2)) == engine_errc::none));
  BOOST_TEST(
      (sql.log
       == std::vector<std::string>{"begin", "rollback", "begin", "commit",
                                   "begin", "rollback", "begin", "commit"}));
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_connection_lost_before_commit_allows_a_rerun) {
  sql.answer = [](const statement&) -> rows {
    throw db_failure{failure_kind::connection_lost,
                     "server closed the connection"};
  };
  auto t = turn_of(std::vector<outbox_put>{one_copy("a"), one_copy("b")});
  auto r = run(t);
  BOOST_TEST((r.link == link_state::lost_uncommitted));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_unavailable));
}

BOOST_AUTO_TEST_CASE(a_connection_lost_while_committing_is_in_doubt) {
  sql.answer = copy_answer;
  sql.commit_failure = db_failure{failure_kind::in_doubt, "lost during commit"};
  auto t = turn_of(std::vector<outbox_put>{one_copy("a")});
  auto r = run(t);
  BOOST_TEST((r.link == link_state::lost_in_doubt));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
}

BOOST_AUTO_TEST_CASE(a_message_batch_is_one_statement_fenced_in_itself) {
  sql.answer = insert_answer;
  auto a = one_message(1, "a");
  a.fence = {3, 7};
  auto b = one_message(2, "b");
  b.fence = {1, 4};
  auto c = one_message(3, "c");
  c.fence = {3, 7};
  auto t = turn_of(std::vector<message_put>{a, b, c});
  auto r = run(t);
  // No BEGIN, no separate check, no COMMIT: the statement carries the
  // distinct tokens, by partition, as its last two parameters.
  BOOST_TEST(sql.names() == std::vector<std::string>{"message_store"});
  BOOST_TEST(sql.log.empty());
  auto& params = sql.seen.front().params;
  BOOST_TEST(*params.at(params.size() - 2) == "{1,3}");
  BOOST_TEST(*params.at(params.size() - 1) == "{4,7}");
  BOOST_TEST(r.replies.at(0).get_as<message_put_result>(0).ids.at(0) == 101);
  BOOST_TEST(r.replies.at(2).get_as<message_put_result>(0).ids.at(0) == 103);
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_poisoned_message_batch_is_split_without_transactions) {
  sql.answer = insert_answer;
  auto t = turn_of(std::vector<message_put>{
      one_message(1, "a"), one_message(2, "poison"), one_message(3, "c")});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::invalid_input));
  BOOST_TEST((code_of(r.replies.at(2)) == engine_errc::none));
  // The failed statement wrote nothing; each call then runs alone.
  BOOST_TEST(sql.seen.size() == 4u);
  BOOST_TEST(sql.log.empty());
}

BOOST_AUTO_TEST_CASE(
    a_message_batch_refused_by_its_statement_goes_the_long_way) {
  // Partition 5 moved on: the statement's own check aborts it; in a
  // transaction, the check apart refuses only the stale call.
  sql.answer = [](const statement& st) -> rows {
    bool in_itself = st.name == std::string{"message_store"}
                     && *st.params.at(st.params.size() - 2) == "{3,5}";
    if (in_itself)
      throw db_failure{failure_kind::fenced,
                       "fenced: partition 5 has another owner now", "BRF01"};
    return refusing(st, '5');
  };
  auto a = one_message(1, "a");
  a.fence = {3, 7};
  auto b = one_message(2, "b");
  b.fence = {5, 2};
  auto t = turn_of(std::vector<message_put>{a, b});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::fenced));
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"message_store", "fence_check",
                                          "message_store"}));
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  // The long way checked the fences apart: its statement carries none.
  BOOST_TEST(*sql.seen.back().params.back() == "{}");
}

BOOST_AUTO_TEST_CASE(a_message_batch_past_one_statement_keeps_its_transaction) {
  // The fixture's batch bound is 100 rows: 120 take two inserts, in one
  // transaction, after the check apart (the server answers no row as
  // new, so the ids of rows stored before are read too, in as many
  // chunks).
  auto big = [](int64_t first) {
    message_put m;
    for (int64_t i = 0; i < 60; ++i) {
      message_row r;
      r.conversation_id = 1;
      r.seq = first + i;
      r.sender_id = 1;
      r.original_text = "x";
      m.rows.push_back(r);
    }
    m.fence = {3, 7};
    return m;
  };
  auto t = turn_of(std::vector<message_put>{big(1), big(61)});
  auto r = run(t);
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"fence_check", "message_insert",
                                          "message_insert", "message_lookup",
                                          "message_lookup"}));
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::none));
}

BOOST_AUTO_TEST_CASE(a_message_batch_lost_without_a_transaction_is_in_doubt) {
  sql.answer = [](const statement&) -> rows {
    throw db_failure{failure_kind::connection_lost, "gone"};
  };
  auto t = turn_of(std::vector<message_put>{one_message(1, "a")});
  auto r = run(t);
  BOOST_TEST((r.link == link_state::lost_in_doubt));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
  // The pool runs it again all the same: a rerun writes nothing twice.
  BOOST_TEST(op_table(t.op).is_idempotent);
}

BOOST_AUTO_TEST_CASE(sent_marks_are_one_statement_fenced_in_itself) {
  auto t = turn_of(std::vector<outbox_sent>{{"k1", {11}, 0, {6, 2}},
                                            {"k2", {12}, 0, {4, 9}}});
  run(t);
  BOOST_TEST(sql.names() == std::vector<std::string>{"outbox_sent"});
  BOOST_TEST(sql.log.empty());
  BOOST_TEST(*sql.seen.front().params.at(2) == "{4,6}");
  BOOST_TEST(*sql.seen.front().params.at(3) == "{9,2}");
}

BOOST_AUTO_TEST_CASE(a_lost_autocommit_write_is_in_doubt) {
  sql.answer = [](const statement&) -> rows {
    throw db_failure{failure_kind::connection_lost, "gone"};
  };
  auto t = turn_of(std::vector<task_create>{{1, 2, "t"}});
  auto r = run(t);
  BOOST_TEST((r.link == link_state::lost_in_doubt));
  BOOST_TEST(!op_table(t.op).is_idempotent);
}

BOOST_AUTO_TEST_CASE(deadlocks_are_retried_on_the_spot) {
  int deadlocks = 2;
  sql.answer = [&](const statement& st) -> rows {
    if (deadlocks-- > 0)
      throw db_failure{failure_kind::rollback, "deadlock detected", "40P01"};
    return insert_answer(st);
  };
  auto t = turn_of(std::vector<message_put>{one_message(1, "a")});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST(sql.seen.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_refused_atomic_request_is_rolled_back) {
  // The fence refuses: nothing of the request may commit.
  auto t =
      turn_of(std::vector<purge>{{purge_target::messages, 1, 10, "job", 3}});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::conflict));
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "rollback"}));
  BOOST_TEST(sql.names() == std::vector<std::string>{"fence_advance"});
}

BOOST_AUTO_TEST_CASE(a_foreign_message_in_a_turn_is_an_error_not_a_crash) {
  auto t = turn_of(std::vector<user_get>{{1}});
  t.calls.push_back(caf::make_message(std::string{"not a request"}));
  t.deadlines_ns.push_back(later);
  sql.answer = [](const statement&) -> rows {
    return {cells({"1", "none", "", "", nullptr, nullptr, "1", "1", "auto"})};
  };
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_error));
}

BOOST_AUTO_TEST_CASE(a_malformed_row_from_the_server_is_a_db_error) {
  sql.answer = [](const statement&) -> rows {
    return {cells({"1", "manager"})};
  };
  auto t = turn_of(std::vector<user_get>{{1}});
  auto r = run(t);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_error));
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_commits_every_type_at_once) {
  sql.answer = mixed_answer;
  db_turn t;
  add(t, one_copy("a"));
  add(t, inbox_done{{7}});
  add(t, one_copy("b"));
  add(t, inbox_done{{8, 9}});
  auto r = run_any(sql, ctx, t, now_ns);
  // One statement per type, one transaction for both.
  BOOST_TEST(sql.seen.size() == 2u);
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  BOOST_TEST(copy_id(r.replies.at(0)) == 101);
  BOOST_TEST(r.replies.at(1).get_as<db_count>(0).n == 1);
  BOOST_TEST(copy_id(r.replies.at(2)) == 102);
  BOOST_TEST(r.replies.at(3).get_as<db_count>(0).n == 2);
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_message_batch_in_a_combined_turn_shares_its_commit) {
  sql.answer = mixed_answer;
  db_turn t;
  auto a = one_message(1, "a");
  a.fence = {3, 7};
  add(t, a);
  add(t, inbox_done{{7}});
  add(t, outbox_sent{"k", {11}, 0, {3, 7}});
  add(t, one_message(2, "b"));
  auto r = run_any(sql, ctx, t, now_ns);
  // One commit for all: the transaction checks the fences once, and the
  // statements that could check their own pass none.
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"fence_check", "message_store",
                                          "inbox_done", "outbox_sent"}));
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  auto& store = sql.seen.at(1).params;
  BOOST_TEST(*store.at(store.size() - 2) == "{}");
  BOOST_TEST(*sql.seen.at(3).params.at(2) == "{}");
  BOOST_TEST(r.replies.at(0).get_as<message_put_result>(0).ids.at(0) == 101);
  BOOST_TEST(r.replies.at(3).get_as<message_put_result>(0).ids.at(0) == 102);
  BOOST_TEST((r.link == link_state::up));
  BOOST_TEST(!ctx.fences_checked);
}

BOOST_AUTO_TEST_CASE(a_bad_call_in_a_combined_turn_fails_alone) {
  sql.answer = mixed_answer;
  db_turn t;
  add(t, inbox_done{{7}});
  add(t, one_copy("a"));
  add(t, one_copy("poison"));
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(2)) == engine_errc::invalid_input));
  // Together, rolled back; then each type alone, the copy batch split.
  BOOST_TEST((sql.log
              == std::vector<std::string>{
                  "begin", "rollback", "begin", "commit", "begin", "rollback",
                  "begin", "commit", "begin", "rollback"}));
  BOOST_TEST((r.link == link_state::up));
}

inbox_put inbox_rows(int64_t first, size_t n) {
  inbox_put put;
  for (size_t i = 0; i < n; ++i)
    put.rows.push_back({first + static_cast<int64_t>(i), 42, "{}", 0});
  return put;
}

/// Answers an inbox insert with every id it was given as new.
rows inbox_insert_answer(const statement& st) {
  rows out;
  if (st.name != std::string{"inbox_insert"})
    return out;
  std::string ids = *st.params.at(0);
  std::string id;
  for (char c : ids.substr(1)) {
    if (c >= '0' && c <= '9') {
      id += c;
    } else {
      out.push_back(cells({id.c_str(), "3"}));
      id.clear();
    }
  }
  return out;
}

BOOST_AUTO_TEST_CASE(an_inbox_write_of_one_statement_needs_no_transaction) {
  sql.answer = inbox_insert_answer;
  auto t = turn_of(std::vector<inbox_put>{inbox_rows(1, 2), inbox_rows(3, 1)});
  auto r = run(t);
  BOOST_TEST(sql.names() == std::vector<std::string>{"inbox_insert"});
  BOOST_TEST(sql.log.empty());
  BOOST_TEST(r.replies.at(0).get_as<inbox_put_result>(0).new_ids.size() == 2u);
  BOOST_TEST(r.replies.at(1).get_as<inbox_put_result>(0).new_ids.size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_inbox_write_past_one_batch_keeps_its_transaction) {
  sql.answer = inbox_insert_answer;
  // The fixture's batch bound is 100 rows: two statements, one commit.
  auto t =
      turn_of(std::vector<inbox_put>{inbox_rows(1, 60), inbox_rows(61, 60)});
  auto r = run(t);
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"inbox_insert", "inbox_insert"}));
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  BOOST_TEST(r.replies.at(1).get_as<inbox_put_result>(0).new_ids.size() == 60u);
}

BOOST_AUTO_TEST_CASE(an_inbox_write_lost_without_a_transaction_is_in_doubt) {
  // The statement may have committed before the connection went.
  sql.answer = [](const statement&) -> rows {
    throw db_failure{failure_kind::connection_lost,
                     "server closed the connection"};
  };
  auto t = turn_of(std::vector<inbox_put>{inbox_rows(1, 2)});
  auto r = run(t);
  BOOST_TEST((r.link == link_state::lost_in_doubt));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_checks_its_fences_once) {
  sql.answer = mixed_answer;
  db_turn t;
  add(t, one_copy("a", {3, 7}));
  add(t, inbox_done{{7}, 0, {3, 7}});
  add(t, inbox_done{{8}, 0, {5, 2}});
  auto r = run_any(sql, ctx, t, now_ns);
  // One check for the transaction, first, over its distinct tokens.
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"fence_check", "outbox_insert",
                                          "inbox_done"}));
  BOOST_TEST(*sql.seen.front().params.at(0) == "{3,5}");
  BOOST_TEST(*sql.seen.front().params.at(1) == "{7,2}");
  BOOST_TEST((sql.log == std::vector<std::string>{"begin", "commit"}));
  for (auto& reply : r.replies)
    BOOST_TEST((code_of(reply) == engine_errc::none));
}

BOOST_AUTO_TEST_CASE(
    a_fence_refused_in_a_combined_turn_refuses_only_its_calls) {
  // Partition 5 has another owner: the check answers its position.
  sql.answer = [](const statement& st) { return refusing(st, '5'); };
  db_turn t;
  add(t, one_copy("a", {3, 7}));
  add(t, inbox_done{{8}, 0, {5, 2}});
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::fenced));
  // Together: refused before any write. Apart: the copy commits, the
  // refused mark rolls back.
  BOOST_TEST((sql.log
              == std::vector<std::string>{"begin", "rollback", "begin",
                                          "commit", "begin", "rollback"}));
  BOOST_TEST((sql.names()
              == std::vector<std::string>{"fence_check", "fence_check",
                                          "outbox_insert", "fence_check"}));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_lost_before_commit_may_run_again) {
  sql.answer = [](const statement&) -> rows {
    throw db_failure{failure_kind::connection_lost,
                     "server closed the connection"};
  };
  db_turn t;
  add(t, one_message(1, "a"));
  add(t, inbox_done{{7}});
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((r.link == link_state::lost_uncommitted));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_unavailable));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_lost_while_committing_is_in_doubt) {
  sql.answer = mixed_answer;
  sql.commit_failure = db_failure{failure_kind::in_doubt, "lost during commit"};
  db_turn t;
  add(t, one_message(1, "a"));
  add(t, inbox_done{{7}});
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((r.link == link_state::lost_in_doubt));
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::db_unavailable));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_unavailable));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_retries_a_deadlock_on_the_spot) {
  int deadlocks = 1;
  sql.answer = [&](const statement& st) -> rows {
    if (deadlocks-- > 0)
      throw db_failure{failure_kind::rollback, "deadlock detected", "40P01"};
    return mixed_answer(st);
  };
  db_turn t;
  add(t, inbox_done{{7}});
  add(t, one_message(1, "a"));
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::none));
  BOOST_TEST(
      (sql.log
       == std::vector<std::string>{"begin", "rollback", "begin", "commit"}));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_refuses_what_cannot_share_a_transaction) {
  sql.answer = mixed_answer;
  db_turn t;
  add(t, one_message(1, "a"));
  add(t, user_get{1});             // a read: never combined
  add(t, inbox_done{{7}}, now_ns); // late
  t.calls.push_back(caf::make_message(std::string{"not a request"}));
  t.deadlines_ns.push_back(later);
  t.ops.push_back(op_count + 5); // no such type
  add(t, inbox_done{{8}});
  t.ops.back() = op_index<message_put>; // names the wrong type
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_error));
  BOOST_TEST((code_of(r.replies.at(2)) == engine_errc::deadline_exceeded));
  BOOST_TEST((code_of(r.replies.at(3)) == engine_errc::db_error));
  BOOST_TEST((code_of(r.replies.at(4)) == engine_errc::db_error));
  BOOST_TEST((r.link == link_state::up));
}

BOOST_AUTO_TEST_CASE(a_combined_turn_with_fewer_types_than_calls_is_no_crash) {
  sql.answer = mixed_answer;
  db_turn t;
  add(t, one_message(1, "a"));
  t.calls.push_back(caf::make_message(inbox_done{{7}}));
  // No deadline and no type for the second call.
  auto r = run_any(sql, ctx, t, now_ns);
  BOOST_TEST(r.replies.size() == 2u);
  BOOST_TEST((code_of(r.replies.at(0)) == engine_errc::none));
  BOOST_TEST((code_of(r.replies.at(1)) == engine_errc::db_error));
}

BOOST_AUTO_TEST_CASE(only_batched_atomic_writes_combine) {
  BOOST_TEST(op_table(op_index<message_put>).is_combinable);
  // The intake's writes go alone and at once.
  BOOST_TEST(!op_table(op_index<inbox_put>).is_combinable);
  BOOST_TEST(op_table(op_index<inbox_put>).is_urgent);
  BOOST_TEST(op_table(op_index<inbox_done>).is_combinable);
  BOOST_TEST(op_table(op_index<outbox_sent>).is_combinable);
  // A reply and its update's end share one write, batched with others.
  BOOST_TEST(op_table(op_index<reply_put>).is_combinable);
  BOOST_TEST(!op_table(op_index<inbox_park>).is_combinable);
  BOOST_TEST(!op_table(op_index<user_get>).is_combinable);
  BOOST_TEST(!op_table(op_index<purge>).is_combinable);
  for (uint32_t i = 0; i < op_count; ++i)
    BOOST_TEST(op_table(i).is_combinable
                   == (op_table(i).is_batched && op_table(i).is_atomic
                       && !op_table(i).is_urgent),
               op_table(i).name);
}

BOOST_AUTO_TEST_CASE(the_table_knows_every_request) {
  // 37 before parking (inbox_park, inbox_parked, inbox_release) and the
  // one-transaction reply (reply_put); 43 with partition_notify and
  // inbox_rehome; 44 with join_refused; 46 with feedback_list and
  // feedback_translated; 49 with join_request_put, join_answer and
  // worker_remove; 51 with task_texts and task_translated; 56 with the
  // Telegram Stars requests (star_order_open, star_checkout, star_credit,
  // star_payment_get, star_refund_put); 57 with business_get; 61 with
  // glossary_list, glossary_put, glossary_answer and glossary_remove; 65
  // with correction_target, correction_put, correction_list and
  // correction_suggestions; 66 with user_original_set; 67 with team_active;
  // 68 with star_rejection_list; 69 with correction_recent.
  BOOST_TEST(op_count == 69u);
  for (uint32_t i = 0; i < op_count; ++i) {
    BOOST_TEST(op_table(i).name != nullptr);
    // A batched request must run in a transaction: its chunks belong together.
    if (op_table(i).is_batched)
      BOOST_TEST(op_table(i).is_atomic, op_table(i).name);
  }
  BOOST_CHECK_THROW(op_table(op_count), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(setting_original_mode_drops_the_cached_profile) {
  // Partners read the mode from the cached profile: a write that kept it
  // would leave them quoting (or not) by the old setting.
  auto& e = op_table(op_index<user_original_set>);
  BOOST_TEST(e.is_idempotent);
  user_record stored;
  stored.telegram_id = 77;
  stored.original_mode = "on";
  cache_invalidate out;
  e.touched(caf::make_message(user_original_set{77, "on"}),
            caf::make_message(stored), out);
  BOOST_REQUIRE(out.profiles.size() == 1u);
  BOOST_TEST(out.profiles.front() == 77);
  cache_invalidate none;
  e.touched(caf::make_message(user_original_set{77, "on"}),
            caf::make_message(make_error(engine_errc::not_found, "no user")),
            none);
  BOOST_TEST(none.profiles.empty());
}

BOOST_AUTO_TEST_SUITE_END() // storage_turn
