// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_admin_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

constexpr int64_t day_ms = 86400000;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct admin_fixture : bridge::test::pool_fixture {
  admin_fixture() {
    must(user_put{1, user_role::manager, "en", "m1"});
    must(user_put{2, user_role::worker, "es", "w2"});
    must(user_put{3, user_role::worker, "fr", "w3"});
    must(user_put{4, user_role::none, "", ""});
    auto c12 = must(conversation_open{1, 2}).id;
    must(conversation_open{1, 3});
    message_row m;
    m.conversation_id = c12;
    m.seq = 1;
    m.sender_id = 1;
    m.original_text = "recent";
    must(message_put{{m}});
  }
};

} // namespace

/// A message for chat 1 under `key`.
outbox_record outbox_row(const std::string& key) {
  outbox_record r;
  r.dedupe_key = key;
  r.chat_id = 1;
  return r;
}

BOOST_FIXTURE_TEST_SUITE(admin, admin_fixture)

BOOST_AUTO_TEST_CASE(users_are_listed_with_filters) {
  user_list all;
  BOOST_TEST(must(all).rows.size() == 4u);
  user_list workers;
  workers.role = "worker";
  BOOST_TEST(must(workers).rows.size() == 2u);
  workers.language = "fr";
  auto fr = must(workers);
  BOOST_REQUIRE_EQUAL(fr.rows.size(), 1u);
  BOOST_TEST(fr.rows[0].telegram_id == 3);
  user_list active;
  active.active_since_ms = now_ms() - day_ms;
  auto act = must(active);
  BOOST_REQUIRE_EQUAL(act.rows.size(), 2u);
  BOOST_TEST(act.rows[0].telegram_id == 1);
  BOOST_TEST(act.rows[1].telegram_id == 2);
  user_list paged;
  paged.limit = 3;
  paged.after_id = 2;
  BOOST_TEST(must(paged).rows.size() == 2u);
  user_list bad;
  bad.role = "admin' OR 1=1 --";
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(conversations_are_listed_with_activity) {
  conversation_list all;
  auto page = must(all);
  BOOST_REQUIRE_EQUAL(page.rows.size(), 2u);
  BOOST_TEST(page.rows[0].last_seq == 1);
  BOOST_TEST(page.rows[0].last_message_at_ms > 0);
  BOOST_TEST(page.rows[1].last_message_at_ms == 0);
  conversation_list active;
  active.active_since_ms = now_ms() - day_ms;
  BOOST_TEST(must(active).rows.size() == 1u);
  conversation_list of_worker;
  of_worker.worker_id = 3;
  BOOST_TEST(must(of_worker).rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(purge_deletes_old_rows_in_bounded_batches) {
  auto conv = must(conversation_open{1, 2}).id;
  message_put old;
  for (int64_t s = 10; s < 35; ++s) {
    message_row m;
    m.conversation_id = conv;
    m.seq = s;
    m.sender_id = 1;
    m.original_text = "old";
    m.created_at_ms = now_ms() - 40 * day_ms;
    old.rows.push_back(m);
  }
  must(old);
  purge p{purge_target::messages, now_ms() - 30 * day_ms, 10, "", 0};
  BOOST_TEST(must(p).n == 10);
  BOOST_TEST(must(p).n == 10);
  BOOST_TEST(must(p).n == 5);
  BOOST_TEST(must(p).n == 0);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 1);
  BOOST_TEST((code_of(run(purge{purge_target::messages, 0, 10, "", 0}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_stale_fencing_token_is_refused) {
  purge p{purge_target::inbox, now_ms(), 100, "retention", 5};
  BOOST_TEST(must(p).n == 0);
  p.fence_token = 7;
  BOOST_TEST(must(p).n == 0);
  p.fence_token = 6;
  BOOST_TEST((code_of(run(p)) == engine_errc::conflict));
  p.fence_token = 7;
  BOOST_TEST(must(p).n == 0);
  BOOST_TEST(db.scalar("SELECT token FROM job_fences WHERE name = 'retention'")
             == 7);
}

BOOST_AUTO_TEST_CASE(purge_keeps_unprocessed_inbox_and_pending_outbox_rows) {
  inbox_put in;
  in.rows = {{1, 1, "{}"}, {2, 1, "{}"}};
  must(in);
  must(inbox_done{{1}});
  must(outbox_put{outbox_row("a")});
  must(outbox_put{outbox_row("b")});
  must(outbox_sent{"a", {1}});
  auto later = now_ms() + day_ms;
  BOOST_TEST(must(purge{purge_target::inbox, later, 100, "", 0}).n == 1);
  BOOST_TEST(must(purge{purge_target::outbox, later, 100, "", 0}).n == 1);
  BOOST_TEST(db.scalar("SELECT update_id FROM inbox") == 2);
  BOOST_TEST(db.query("SELECT dedupe_key FROM outbox")[0][0].as<std::string>()
             == "b");
}

BOOST_AUTO_TEST_CASE(the_backlog_counts_unfinished_inbox_and_outbox_rows) {
  BOOST_TEST(must(backlog_get{}).inbox == 0);
  inbox_put in;
  in.rows = {{1, 1, "{}"}, {2, 1, "{}"}, {3, 1, "{}"}};
  must(in);
  must(inbox_done{{2}});
  for (auto key : {"a", "b", "c"})
    must(outbox_put{outbox_row(key)});
  must(outbox_sent{"a", {1}});
  must(outbox_failed{"b", "gave up", 3});
  auto left = must(backlog_get{});
  BOOST_TEST(left.inbox == 2);
  BOOST_TEST(left.outbox == 1); // sent and failed rows are done with
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_admin_pg
