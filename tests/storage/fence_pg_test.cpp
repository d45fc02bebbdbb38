// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <future>

#include <string>

#include "tests/support/partitioned_db.hpp"

// Partitions and fencing as storage sees them: where the inbox and the
// outbox place rows, which writes a moved lease refuses, and the notes a
// link or a reset leaves for another chat's session.

BOOST_AUTO_TEST_SUITE(storage_fence_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

using bridge::test::chat_in;
using bridge::test::partitioned_db;
constexpr int32_t parts = partitioned_db::parts;

/// Partitions set up as partitioned_db says, and the users its cases need.
struct fenced_db : partitioned_db {
  void user(int64_t id, const std::string& role) {
    user_put u;
    u.telegram_id = id;
    u.role = role == "manager" ? user_role::manager : user_role::worker;
    u.language = "en";
    u.display_name = "u" + std::to_string(id);
    must(u);
  }

  /// A message for `chat`'s outbox under `key`.
  static outbox_record copy_for(int64_t chat, std::string key,
                                std::string text) {
    outbox_record o;
    o.dedupe_key = std::move(key);
    o.chat_id = chat;
    o.kind = "send_message";
    o.text = std::move(text);
    return o;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(fence, fenced_db)

BOOST_AUTO_TEST_CASE(inbox_rows_are_placed_by_their_chat) {
  inbox_put put;
  put.rows.push_back({1, chat_in(3), "{}"});
  put.rows.push_back({2, chat_in(6), "{}"});
  put.rows.push_back({3, -chat_in(2), "{}"}); // a group: negative id
  auto r = must(put);
  BOOST_REQUIRE_EQUAL(r.new_ids.size(), 3u);
  BOOST_REQUIRE_EQUAL(r.new_partitions.size(), 3u);
  BOOST_TEST(r.new_partitions[0] == 3);
  BOOST_TEST(r.new_partitions[1] == 6);
  BOOST_TEST(r.new_partitions[2] == partition_of_chat(-chat_in(2)));
  BOOST_TEST(r.new_partitions[2] >= 0);
  BOOST_TEST(r.new_partitions[2] < parts);
  // Sent again: unfinished, and placed as before.
  auto again = must(put);
  BOOST_TEST(again.new_ids.empty());
  BOOST_REQUIRE_EQUAL(again.unfinished_partitions.size(), 3u);
  // A filter by partition reads only that partition's rows.
  auto page = must(inbox_pending{0, 100, 0, 0, {6}});
  BOOST_REQUIRE_EQUAL(page.rows.size(), 1u);
  BOOST_TEST(page.rows[0].update_id == 2);
  BOOST_TEST(page.rows[0].partition == 6);
  BOOST_TEST(must(inbox_pending{0, 100}).rows.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_stale_epoch_writes_nothing) {
  inbox_put put;
  put.rows.push_back({10, chat_in(3), "{}"});
  put.rows.push_back({11, chat_in(4), "{}"});
  must(put);
  auto before =
      db.scalar("SELECT count(*) FROM inbox WHERE processed_at IS NULL");
  // Epoch 4 of partition 3 is gone (5 holds it): refused, nothing done.
  auto stale = run(inbox_done{{10}, 0, fence_token{3, 4}});
  BOOST_TEST((code_of(stale) == engine_errc::fenced));
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
             == before);
  // The current epoch writes.
  BOOST_TEST(must(inbox_done{{10}, 0, fence_token{3, 5}}).n == 1);
  // So does a write without a fence (an operator's).
  BOOST_TEST(must(inbox_done{{11}}).n == 1);
}

BOOST_AUTO_TEST_CASE(a_fenced_batch_refuses_only_the_stale_writer) {
  // Two outbox rows in one batch: one from partition 3's stale owner, one
  // from partition 4's owner. Only the stale one is refused.
  auto a = copy_for(chat_in(3), "stale", "old owner");
  auto b = copy_for(chat_in(4), "live", "old owner");
  auto ra = run(outbox_put{a, 0, fence_token{3, 4}});
  auto rb = run(outbox_put{b, 0, fence_token{4, 1}});
  BOOST_TEST((code_of(ra) == engine_errc::fenced));
  BOOST_TEST(static_cast<bool>(rb));
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox WHERE dedupe_key = 'stale'")
             == 0);
  BOOST_TEST(db.scalar("SELECT partition FROM outbox WHERE dedupe_key = 'live'")
             == 4);
}

BOOST_AUTO_TEST_CASE(a_statement_fenced_in_itself_refuses_with_its_sqlstate) {
  // Partition 3 is at epoch 5.
  BOOST_TEST(db.query("SELECT bridge_fence_or_fail('{3,4}', '{5,1}')")[0][0]
                 .as<bool>());
  BOOST_TEST(
      db.query("SELECT bridge_fence_or_fail('{}', '{}')")[0][0].as<bool>());
  try {
    db.query("SELECT bridge_fence_or_fail('{3,4}', '{4,1}')");
    BOOST_FAIL("a stale epoch passed");
  } catch (const pqxx::sql_error& e) {
    BOOST_TEST(e.sqlstate() == "BRF01");
    BOOST_TEST(std::string{e.what()}.find("partition 3") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_stale_message_batch_writes_nothing) {
  auto m = chat_in(3), w = chat_in(3, 1);
  user(m, "manager");
  user(w, "worker");
  auto conv = must(conversation_open{m, w}).id;
  inbox_put in;
  in.rows.push_back({20, w, "{}"});
  must(in);
  auto put = [&](int64_t seq, fence_token fence) {
    message_row r;
    r.conversation_id = conv;
    r.seq = seq;
    r.sender_id = w;
    r.original_text = "hola";
    r.original_lang = "es";
    auto copy = copy_for(m, "copy-" + std::to_string(seq), "hello");
    return run(message_put{{r}, {copy}, {20}, 0, fence});
  };
  auto count = [&](const std::string& sql) { return db.scalar(sql); };
  // Epoch 4 is gone: the message, its copy and the finished update are
  // all refused together.
  BOOST_TEST((code_of(put(1, fence_token{3, 4})) == engine_errc::fenced));
  BOOST_TEST(count("SELECT count(*) FROM messages") == 0);
  BOOST_TEST(count("SELECT count(*) FROM outbox") == 0);
  BOOST_TEST(count("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
             == 1);
  // The current epoch writes all three.
  BOOST_TEST(static_cast<bool>(put(1, fence_token{3, 5})));
  BOOST_TEST(count("SELECT count(*) FROM messages") == 1);
  BOOST_TEST(count("SELECT count(*) FROM outbox WHERE dedupe_key = 'copy-1'")
             == 1);
  BOOST_TEST(count("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
             == 0);
}

BOOST_AUTO_TEST_CASE(a_stale_sent_mark_changes_nothing) {
  must(outbox_put{copy_for(chat_in(3), "mark-me", "hi"), 0, fence_token{3, 5}});
  BOOST_TEST((code_of(run(outbox_sent{"mark-me", {77}, 0, fence_token{3, 4}}))
              == engine_errc::fenced));
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
             == 1);
  BOOST_TEST(must(outbox_sent{"mark-me", {77}, 0, fence_token{3, 5}}).n == 1);
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox WHERE status = 'sent' "
                       "AND telegram_message_ids = '{77}'")
             == 1);
}

BOOST_AUTO_TEST_CASE(outbox_rows_belong_to_the_writers_partition) {
  // To the chat of another team.
  auto r = copy_for(chat_in(6), "cross", "you have a new worker");
  must(outbox_put{r, 0, fence_token{3, 5}});
  // Sent by partition 3's owner, which wrote it.
  BOOST_TEST(
      db.scalar("SELECT partition FROM outbox WHERE dedupe_key = 'cross'")
      == 3);
  // Without a fence, the chat's own partition sends it.
  r.dedupe_key = "unfenced";
  must(outbox_put{r});
  BOOST_TEST(
      db.scalar("SELECT partition FROM outbox WHERE dedupe_key = 'unfenced'")
      == 6);
  auto mine = must(outbox_unsent{0, 100, 0, 0, {3}});
  BOOST_REQUIRE_EQUAL(mine.rows.size(), 1u);
  BOOST_TEST(mine.rows[0].dedupe_key == "cross");
  BOOST_TEST(mine.rows[0].partition == 3);
  // Its sent mark from a stale epoch is refused; the current one sticks.
  BOOST_TEST((code_of(run(outbox_sent{"cross", {77}, 0, fence_token{3, 2}}))
              == engine_errc::fenced));
  BOOST_TEST(must(outbox_sent{"cross", {77}, 0, fence_token{3, 5}}).n == 1);
}

BOOST_AUTO_TEST_CASE(a_link_moves_the_worker_and_tells_the_manager) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, "manager");
  user(worker, "worker");
  // The worker's /join (20), and a text written before the link
  // committed (21).
  inbox_put put;
  put.rows.push_back({20, worker, "{}"});
  put.rows.push_back({21, worker, "{}"});
  must(put);
  BOOST_TEST(partition_of_chat(worker) == 6);
  link_worker link{worker, manager, 0, fence_token{6, 1}};
  link.tell_manager = true;
  link.name = "Ana";
  link.cause = 20;
  must(link);
  // The worker is in the manager's team, and its unfinished update moved
  // with it; the /join itself stays where it is being handled (moved, the
  // manager's partition would handle it, and link, again).
  BOOST_TEST(partition_of_chat(worker) == 3);
  BOOST_TEST(db.scalar("SELECT partition FROM inbox WHERE update_id = 21")
             == 3);
  BOOST_TEST(db.scalar("SELECT partition FROM inbox WHERE update_id = 20")
             == 6);
  // The note waits in the manager's partition, above any update id.
  auto notes = must(inbox_pending{note_id_base - 1, 10, 0, 0, {3}});
  BOOST_REQUIRE_EQUAL(notes.rows.size(), 1u);
  BOOST_TEST(notes.rows[0].chat_id == manager);
  BOOST_TEST(is_note_id(notes.rows[0].update_id));
  BOOST_TEST(notes.rows[0].payload.find("\"worker_joined\"")
             != std::string::npos);
  BOOST_TEST(notes.rows[0].payload.find("\"Ana\"") != std::string::npos);
  // A link from a stale owner of the worker's partition changes nothing.
  auto other = chat_in(5);
  user(other, "worker");
  link_worker late{other, manager, 0, fence_token{5, 0}};
  BOOST_TEST((code_of(run(late)) == engine_errc::fenced));
  BOOST_TEST(partition_of_chat(other) == 5);
}

BOOST_AUTO_TEST_CASE(a_refused_join_tells_the_manager_and_links_nothing) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, "manager");
  user(worker, "worker");
  must(join_refused{worker, manager, "Ivan", 40, 0, fence_token{6, 1}});
  // Nothing moved: the worker stays in its own partition, unlinked.
  BOOST_TEST(partition_of_chat(worker) == 6);
  auto notes = must(inbox_pending{note_id_base - 1, 10, 0, 0, {3}});
  BOOST_REQUIRE_EQUAL(notes.rows.size(), 1u);
  BOOST_TEST(notes.rows[0].chat_id == manager);
  BOOST_TEST(notes.rows[0].payload.find("\"join_refused\"")
             != std::string::npos);
  BOOST_TEST(notes.rows[0].payload.find("\"Ivan\"") != std::string::npos);
  // From a stale owner of the worker's partition: no note.
  BOOST_TEST((code_of(run(join_refused{worker, manager, "Ivan", 41, 0,
                                       fence_token{6, 0}}))
              == engine_errc::fenced));
  BOOST_TEST(must(inbox_pending{note_id_base - 1, 10, 0, 0, {3}}).rows.size()
             == 1u);
  // Bad ids are refused before the database.
  BOOST_TEST(
      (code_of(run(join_refused{0, manager})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_reset_sends_the_partners_home_and_tells_them) {
  auto manager = chat_in(3);
  auto w1 = chat_in(1);
  auto w2 = chat_in(2);
  user(manager, "manager");
  user(w1, "worker");
  user(w2, "worker");
  must(link_worker{w1, manager});
  must(link_worker{w2, manager});
  inbox_put put;
  put.rows.push_back({30, w1, "{}"});
  must(put);
  BOOST_TEST(db.scalar("SELECT partition FROM inbox WHERE update_id = 30")
             == 3);
  user_reset reset{manager, 0, fence_token{3, 5}};
  reset.tell_partners = true;
  reset.name = "Boss";
  reset.cause = 29;
  auto r = must(reset);
  BOOST_TEST(r.unlinked.size() == 2u);
  BOOST_TEST(partition_of_chat(w1) == 1);
  BOOST_TEST(db.scalar("SELECT partition FROM inbox WHERE update_id = 30")
             == 1);
  // Each worker's note waits in its own partition now.
  for (auto [w, p] : {std::pair{w1, 1}, std::pair{w2, 2}}) {
    auto notes = must(inbox_pending{note_id_base - 1, 10, 0, 0, {p}});
    BOOST_REQUIRE_EQUAL(notes.rows.size(), 1u);
    BOOST_TEST(notes.rows[0].chat_id == w);
    BOOST_TEST(notes.rows[0].payload.find("\"partner_left\"")
               != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_takeover_waits_for_a_fenced_write_in_flight) {
  // A writer holds partition 3's lease lock shared (its fence) in an open
  // transaction; a takeover (the lock exclusively, epoch + 1) must wait.
  pqxx::connection writer{db.dsn()};
  pqxx::work w{writer};
  w.exec("SELECT bridge_fence('{3}', '{5}')");
  pqxx::connection taker{db.dsn()};
  taker.set_variable("lock_timeout", "'200ms'");
  const std::string take =
      "SELECT pg_advisory_xact_lock(bridge_lease_lock_class(), 3)";
  pqxx::work t{taker};
  BOOST_CHECK_THROW(t.exec(take), pqxx::sql_error);
  t.abort();
  // The writer locked no lease row: nothing was written into it.
  BOOST_TEST(db.query("SELECT xmax::text FROM partition_leases "
                      "WHERE partition = 3")[0][0]
                 .as<std::string>()
             == "0");
  w.commit();
  // Once the writer committed, the takeover goes through, and the old
  // epoch is refused from then on.
  pqxx::work t2{taker};
  t2.exec(take);
  t2.exec("UPDATE partition_leases SET epoch = epoch + 1 WHERE partition = 3");
  t2.commit();
  BOOST_TEST((code_of(run(inbox_done{{1}, 0, fence_token{3, 5}}))
              == engine_errc::fenced));
}

BOOST_AUTO_TEST_CASE(a_write_during_a_takeover_waits_and_is_refused) {
  // The other order: the takeover holds the lock and has raised the epoch
  // but not committed; a write under the old epoch checks meanwhile. It
  // waits for the takeover's commit, then reads the new epoch.
  pqxx::connection taker{db.dsn()};
  pqxx::work t{taker};
  t.exec("SELECT pg_advisory_xact_lock(bridge_lease_lock_class(), 3)");
  t.exec("UPDATE partition_leases SET epoch = epoch + 1 WHERE partition = 3");
  auto epoch = db.query("SELECT epoch FROM partition_leases "
                        "WHERE partition = 3")[0][0]
                   .as<int64_t>();
  auto refused = std::async(std::launch::async, [&] {
    pqxx::connection writer{db.dsn()};
    pqxx::work w{writer};
    auto r = w.exec("SELECT bridge_fence('{3}', '{" + std::to_string(epoch)
                    + "}')")[0][0]
                 .as<std::string>();
    w.commit();
    return r;
  });
  // The write is waiting on the lease lock before the takeover commits.
  bool waiting = false;
  for (int i = 0; i < 1000 && !waiting; ++i)
    waiting = db.query("SELECT count(*) FROM pg_locks WHERE locktype = "
                       "'advisory' AND objid = 3 AND NOT granted")[0][0]
                      .as<int>()
                  == 1
              || refused.wait_for(std::chrono::milliseconds{10})
                     == std::future_status::ready;
  BOOST_TEST(
      (refused.wait_for(std::chrono::seconds{0}) != std::future_status::ready));
  t.commit();
  BOOST_TEST(refused.get() == "{1}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
