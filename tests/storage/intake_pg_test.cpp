// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_intake_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

/// Text that breaks naive quoting, array literals and encodings.
const std::vector<std::string> hostile = {
    "plain",
    "it's \"quoted\" with \\backslashes\\ and \\\\doubles",
    "{braces},commas,\"NULL\"",
    "NULL",
    "",
    "  leading and trailing spaces  ",
    "line\nbreaks\r\nand\ttabs",
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d "
    "\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85", // Hebrew, Arabic
    "\xe2\x80\x8f\xe2\x80\xae rtl marks "
    "\xf0\x9f\x98\x80\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
    "'); DROP TABLE inbox; --",
    std::string(5000, 'x') + "\xf0\x9f\x98\x80",
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(intake, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(inbox_reports_new_ids_and_ignores_duplicates) {
  inbox_put first;
  for (int64_t id : {10, 11, 12, 11})
    first.rows.push_back(
        {id, 500, "{\"update_id\":" + std::to_string(id) + "}"});
  auto r1 = must(first);
  BOOST_TEST((r1.new_ids == std::vector<int64_t>{10, 11, 12}));
  inbox_put second;
  for (int64_t id : {12, 13})
    second.rows.push_back({id, 500, "{}"});
  auto r2 = must(second);
  BOOST_TEST((r2.new_ids == std::vector<int64_t>{13}));
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox") == 4);
}

BOOST_AUTO_TEST_CASE(inbox_keeps_hostile_payloads_verbatim) {
  inbox_put put;
  for (size_t i = 0; i < hostile.size(); ++i)
    put.rows.push_back({static_cast<int64_t>(100 + i), -1001, hostile[i]});
  BOOST_TEST(must(put).new_ids.size() == hostile.size());
  auto page = must(inbox_pending{0, 100});
  BOOST_REQUIRE_EQUAL(page.rows.size(), hostile.size());
  for (size_t i = 0; i < hostile.size(); ++i) {
    BOOST_TEST(page.rows[i].payload == hostile[i]);
    BOOST_TEST(page.rows[i].chat_id == -1001);
    BOOST_TEST(page.rows[i].received_at_ms > 0);
  }
}

BOOST_AUTO_TEST_CASE(inbox_refuses_nul_bytes_and_bad_utf8_alone) {
  inbox_put nul;
  nul.rows.push_back({1, 1, std::string{"a\0b", 3}});
  BOOST_TEST((code_of(run(nul)) == engine_errc::invalid_input));
  inbox_put bad;
  bad.rows.push_back({2, 1, "\xc3\x28"});
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
  inbox_put empty;
  BOOST_TEST((code_of(run(empty)) == engine_errc::invalid_input));
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox") == 0);
}

BOOST_AUTO_TEST_CASE(inbox_lists_unfinished_rows_in_pages) {
  inbox_put put;
  for (int64_t id = 1; id <= 25; ++id)
    put.rows.push_back({id, 7, "{}"});
  must(put);
  std::vector<int64_t> done_ids;
  for (int64_t id = 1; id <= 25; id += 2)
    done_ids.push_back(id);
  BOOST_TEST(must(inbox_done{done_ids}).n
             == static_cast<int64_t>(done_ids.size()));
  std::vector<int64_t> seen;
  int64_t after = 0;
  for (;;) {
    auto page = must(inbox_pending{after, 5});
    for (auto& r : page.rows)
      seen.push_back(r.update_id);
    if (page.rows.size() < 5)
      break;
    after = page.rows.back().update_id;
  }
  std::vector<int64_t> want;
  for (int64_t id = 2; id <= 24; id += 2)
    want.push_back(id);
  BOOST_TEST(seen == want);
  BOOST_TEST((code_of(run(inbox_pending{0, 0})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(inbox_pending{0, 5000})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(inbox_reports_stored_rows_that_are_still_unfinished) {
  // The answer to a write was lost, so the intake writes it again: rows
  // stored before but not finished are named, to be handed on now rather
  // than at the next start.
  inbox_put first;
  for (int64_t id : {20, 21, 22})
    first.rows.push_back({id, 9, "{}"});
  must(first);
  must(inbox_done{{21}});
  must(inbox_park{22, "db_unavailable"});
  inbox_put again;
  for (int64_t id : {20, 21, 22, 23})
    again.rows.push_back({id, 9, "{}"});
  auto r = must(again);
  BOOST_TEST((r.new_ids == std::vector<int64_t>{23}));
  // 21 is finished and 22 is parked: neither is handed on again.
  BOOST_TEST((r.unfinished == std::vector<int64_t>{20}));
}

BOOST_AUTO_TEST_CASE(inbox_pending_skips_parked_and_recent_rows) {
  inbox_put put;
  for (int64_t id : {30, 31, 32})
    put.rows.push_back({id, 9, "{}"});
  must(put);
  BOOST_TEST(must(inbox_park{31, "storage refused: bad text"}).n == 1);
  auto all = must(inbox_pending{0, 10});
  BOOST_REQUIRE_EQUAL(all.rows.size(), 2u);
  BOOST_TEST(all.rows[0].update_id == 30);
  BOOST_TEST(all.rows[1].update_id == 32);
  // Rows received after the bound are left to whoever is handling them.
  auto old = must(inbox_pending{0, 10, 0, all.rows[0].received_at_ms - 1});
  BOOST_TEST(old.rows.empty());
  auto up_to_now =
      must(inbox_pending{0, 10, 0, all.rows[1].received_at_ms + 1});
  BOOST_TEST(up_to_now.rows.size() == 2u);
  // Backlog counts parked rows apart from the unfinished ones.
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE parked_at IS NOT NULL")
             == 1);
}

BOOST_AUTO_TEST_CASE(parking_is_refused_for_finished_or_unknown_updates) {
  inbox_put put;
  put.rows.push_back({40, 9, "{}"});
  must(put);
  must(inbox_done{{40}});
  BOOST_TEST(must(inbox_park{40, "late"}).n == 0);
  BOOST_TEST(must(inbox_park{41, "unknown"}).n == 0);
  BOOST_TEST(must(inbox_parked{0, 10}).rows.empty());
  BOOST_TEST((code_of(run(inbox_park{0, "x"})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(inbox_parked{0, 0})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_parked_update_is_listed_then_retried_or_dropped) {
  inbox_put put;
  for (int64_t id : {50, 51, 52})
    put.rows.push_back(
        {id, 60 + id, "{\"update_id\":" + std::to_string(id) + "}"});
  must(put);
  must(inbox_park{50, "db_unavailable after 8 tries"});
  must(inbox_park{52, hostile[1]});
  auto page = must(inbox_parked{0, 10});
  BOOST_REQUIRE_EQUAL(page.rows.size(), 2u);
  BOOST_TEST(page.rows[0].update_id == 50);
  BOOST_TEST(page.rows[0].chat_id == 110);
  BOOST_TEST(page.rows[0].reason == "db_unavailable after 8 tries");
  BOOST_TEST(page.rows[0].parked_at_ms >= page.rows[0].received_at_ms);
  BOOST_TEST(page.rows[1].reason == hostile[1]);
  BOOST_TEST(must(inbox_parked{50, 10}).rows.size() == 1u);

  // Retry: unparked, its payload back to be handed on, pending again.
  auto row = must(inbox_release{50, park_action::retry});
  BOOST_TEST(row.update_id == 50);
  BOOST_TEST(row.payload == "{\"update_id\":50}");
  auto pending = must(inbox_pending{0, 10});
  BOOST_REQUIRE_EQUAL(pending.rows.size(), 2u);
  BOOST_TEST(pending.rows[0].update_id == 50);
  BOOST_TEST(pending.rows[1].update_id == 51);

  // Drop: finished without being handled, gone from every list.
  must(inbox_release{52, park_action::drop});
  BOOST_TEST(must(inbox_parked{0, 10}).rows.empty());
  BOOST_TEST(must(inbox_pending{0, 10}).rows.size() == 2u);
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE update_id = 52 "
                       "AND processed_at IS NOT NULL")
             == 1);

  // Neither works twice, nor on an update that is not parked.
  BOOST_TEST((code_of(run(inbox_release{52, park_action::drop}))
              == engine_errc::not_found));
  BOOST_TEST((code_of(run(inbox_release{51, park_action::retry}))
              == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(a_reply_and_its_update_end_are_written_together) {
  inbox_put put;
  for (int64_t id : {70, 71})
    put.rows.push_back({id, 9, "{}"});
  must(put);
  outbox_record a;
  a.dedupe_key = "u70.9.0";
  a.chat_id = 9;
  a.kind = "send_message";
  a.text = hostile[2];
  outbox_record b = a;
  b.dedupe_key = "u70.9.1";
  b.text = "second";
  auto r = must(reply_put{{a, b}, {70}});
  BOOST_REQUIRE_EQUAL(r.outbox.size(), 2u);
  BOOST_TEST(r.outbox[0].created);
  BOOST_TEST((r.outbox[1].status == outbox_status::pending));
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE update_id = 70 "
                       "AND processed_at IS NOT NULL")
             == 1);
  // Handled again (a replay): the same keys create nothing, and a row
  // already sent is reported so it is not sent twice.
  must(outbox_sent{"u70.9.0", {1000}});
  auto again = must(reply_put{{a, b}, {70}});
  BOOST_TEST(!again.outbox[0].created);
  BOOST_TEST((again.outbox[0].status == outbox_status::sent));
  BOOST_TEST((again.outbox[1].status == outbox_status::pending));
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox") == 2);
  // An end without replies, and replies without an end.
  BOOST_TEST(must(reply_put{{}, {71}}).outbox.empty());
  outbox_record c = a;
  c.dedupe_key = "note.9.0";
  BOOST_TEST(must(reply_put{{c}, {}}).outbox.size() == 1u);
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
             == 0);
}

BOOST_AUTO_TEST_CASE(a_refused_reply_write_changes_nothing) {
  inbox_put put;
  put.rows.push_back({80, 9, "{}"});
  must(put);
  outbox_record ok;
  ok.dedupe_key = "u80.9.0";
  ok.chat_id = 9;
  ok.kind = "send_message";
  ok.text = "fine";
  outbox_record keyless = ok;
  keyless.dedupe_key.clear();
  BOOST_TEST((code_of(run(reply_put{{ok, keyless}, {80}}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(reply_put{{}, {}})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(reply_put{{}, {-3}})) == engine_errc::invalid_input));
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox") == 0);
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE processed_at IS NULL")
             == 1);
}

BOOST_AUTO_TEST_CASE(outbox_insert_is_idempotent_per_dedupe_key) {
  outbox_record item;
  item.dedupe_key = "msg:1:2";
  item.chat_id = 42;
  item.kind = "send_message";
  item.text = hostile[1];
  item.markup = "[[{\"text\":\"ok\",\"callback_data\":\"a\"}]]";
  auto a = must(outbox_put{item});
  BOOST_TEST(a.created);
  BOOST_TEST((a.status == outbox_status::pending));
  auto b = must(outbox_put{item});
  BOOST_TEST(!b.created);
  BOOST_TEST(b.id == a.id);
  BOOST_TEST(must(outbox_sent{"msg:1:2", {900, 901}}).n == 1);
  auto c = must(outbox_put{item});
  BOOST_TEST(!c.created);
  BOOST_TEST((c.status == outbox_status::sent));
  BOOST_TEST(must(outbox_sent{"no-such-key", {1}}).n == 0);
}

BOOST_AUTO_TEST_CASE(outbox_lists_unsent_rows_and_keeps_their_content) {
  for (size_t i = 0; i < hostile.size(); ++i) {
    outbox_record item;
    item.dedupe_key = "k" + std::to_string(i);
    item.chat_id = static_cast<int64_t>(i) + 1;
    item.kind = "send_message";
    item.text = hostile[i];
    item.target_message_id = 77;
    must(outbox_put{item});
  }
  BOOST_TEST(must(outbox_sent{"k0", {5}}).n == 1);
  BOOST_TEST(must(outbox_failed{"k3", "chat_gone: 403 \"Forbidden\"", 5}).n
             == 1);
  // A failure mark never overrides a sent one.
  BOOST_TEST(must(outbox_failed{"k0", "late", 9}).n == 0);
  auto page = must(outbox_unsent{0, 100});
  BOOST_REQUIRE_EQUAL(page.rows.size(), hostile.size() - 2);
  for (auto& r : page.rows) {
    auto i = static_cast<size_t>(r.chat_id - 1);
    BOOST_TEST(r.text == hostile[i]);
    BOOST_TEST(r.target_message_id == 77);
    BOOST_TEST((r.status == outbox_status::pending));
  }
  auto sent = db.query(
      "SELECT status, telegram_message_ids::text, attempts FROM outbox "
      "WHERE dedupe_key = 'k0'");
  BOOST_TEST(sent[0][0].as<std::string>() == "sent");
  BOOST_TEST(sent[0][1].as<std::string>() == "{5}");
  auto failed = db.query("SELECT status, last_error, attempts FROM outbox "
                         "WHERE dedupe_key = 'k3'");
  BOOST_TEST(failed[0][0].as<std::string>() == "failed");
  BOOST_TEST(failed[0][1].as<std::string>() == "chat_gone: 403 \"Forbidden\"");
  BOOST_TEST(failed[0][2].as<int>() == 5);
}

BOOST_AUTO_TEST_CASE(outbox_unsent_can_leave_recent_rows_alone) {
  auto a = must(outbox_put{[] {
    outbox_record r;
    r.dedupe_key = "old";
    r.chat_id = 5;
    r.kind = "send_message";
    r.text = "x";
    return r;
  }()});
  auto all = must(outbox_unsent{0, 10});
  BOOST_REQUIRE_EQUAL(all.rows.size(), 1u);
  BOOST_TEST(all.rows[0].id == a.id);
  const int64_t created = all.rows[0].created_at_ms;
  BOOST_TEST(must(outbox_unsent{0, 10, 0, created - 1}).rows.empty());
  BOOST_TEST(must(outbox_unsent{0, 10, 0, created + 1}).rows.size() == 1u);
  BOOST_TEST((code_of(run(outbox_unsent{0, 10, 0, -1}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(outbox_refuses_a_row_without_key) {
  outbox_record item;
  item.chat_id = 1;
  BOOST_TEST((code_of(run(outbox_put{item})) == engine_errc::invalid_input));
  item.dedupe_key = std::string(300, 'k');
  BOOST_TEST((code_of(run(outbox_put{item})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(outbox_truncates_an_overlong_reason_on_a_character) {
  outbox_record item;
  item.dedupe_key = "long-reason";
  item.chat_id = 1;
  must(outbox_put{item});
  std::string reason;
  while (reason.size() < 3000)
    reason += "\xf0\x9f\x98\x80";
  BOOST_TEST(must(outbox_failed{"long-reason", reason, 1}).n == 1);
  auto stored =
      db.query("SELECT last_error FROM outbox WHERE dedupe_key = 'long-reason'")
          [0][0]
              .as<std::string>();
  BOOST_TEST(stored.size() == 1000u);
  BOOST_TEST(stored == reason.substr(0, 1000));
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

/// One connection, so the statements a case runs share one plan cache.
struct one_connection : bridge::test::pool_fixture {
  one_connection() : pool_fixture(1) {}

  /// outbox's scan counters once the server shows `updates` updated rows
  /// (a backend publishes its counters a little after its transactions).
  std::pair<long long, long long> scans_after(long long updates) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
    for (;;) {
      auto r = db.query("SELECT n_tup_upd, seq_scan, idx_scan "
                        "FROM pg_stat_user_tables WHERE relname = 'outbox'");
      if (r.at(0).at(0).as<long long>() >= updates)
        return {r[0][1].as<long long>(), r[0][2].as<long long>()};
      if (std::chrono::steady_clock::now() > deadline)
        throw std::runtime_error("the server never showed the updates");
      std::this_thread::sleep_for(std::chrono::milliseconds{200});
    }
  }
};

outbox_record row_for(const std::string& key) {
  outbox_record item;
  item.dedupe_key = key;
  item.chat_id = 42;
  item.kind = "send_message";
  item.text = "hola";
  return item;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(outbox_plans, one_connection)

// A connection keeps a prepared statement's generic plan, made while the
// outbox was nearly empty; a fresh deployment's outbox then grows by
// thousands of rows a minute. Marking a row sent must look it up by its
// key however large the table has grown since, not scan the table.
BOOST_AUTO_TEST_CASE(marking_sent_finds_the_row_by_key_after_the_table_grew) {
  long long updates = 0;
  for (int i = 0; i < 12; ++i) {
    auto key = "early:" + std::to_string(i);
    must(outbox_put{row_for(key)});
    BOOST_TEST(must(outbox_sent{key, {1000 + i}}).n == 1);
    ++updates;
  }
  db.query("INSERT INTO outbox (dedupe_key, chat_id) "
           "SELECT 'bulk:' || g, 7 FROM generate_series(1, 50000) g");
  auto before = scans_after(updates);
  must(outbox_put{row_for("late")});
  BOOST_TEST(must(outbox_sent{"late", {2000}}).n == 1);
  auto after = scans_after(updates + 1);
  BOOST_TEST(after.first == before.first); // no sequential scan
  BOOST_TEST(after.second > before.second);
  auto ids = db.query("SELECT telegram_message_ids::text FROM outbox "
                      "WHERE dedupe_key = 'late'");
  BOOST_TEST(ids.at(0).at(0).as<std::string>() == "{2000}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_intake_pg
