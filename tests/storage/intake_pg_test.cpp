#define BOOST_TEST_MODULE storage_intake_pg
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "tests/support/pool_fixture.hpp"

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
  "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd8\xb9\xd8\xa7\xd9\x84\xd9\x85", // Hebrew, Arabic
  "\xe2\x80\x8f\xe2\x80\xae rtl marks \xf0\x9f\x98\x80\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
  "'); DROP TABLE inbox; --",
  std::string(5000, 'x') + "\xf0\x9f\x98\x80",
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(intake, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(inbox_reports_new_ids_and_ignores_duplicates) {
  inbox_put first;
  for (int64_t id : {10, 11, 12, 11})
    first.rows.push_back({id, 500, "{\"update_id\":" + std::to_string(id) + "}"});
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
  BOOST_TEST(must(inbox_done{done_ids}).n == static_cast<int64_t>(done_ids.size()));
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
  BOOST_TEST((code_of(run(inbox_pending{0, 5000})) == engine_errc::invalid_input));
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
  BOOST_TEST(must(outbox_failed{"k3", "chat_gone: 403 \"Forbidden\"", 5}).n == 1);
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
  auto sent = db.query("SELECT status, telegram_message_ids::text, attempts FROM outbox "
                       "WHERE dedupe_key = 'k0'");
  BOOST_TEST(sent[0][0].as<std::string>() == "sent");
  BOOST_TEST(sent[0][1].as<std::string>() == "{5}");
  auto failed = db.query("SELECT status, last_error, attempts FROM outbox "
                         "WHERE dedupe_key = 'k3'");
  BOOST_TEST(failed[0][0].as<std::string>() == "failed");
  BOOST_TEST(failed[0][1].as<std::string>() == "chat_gone: 403 \"Forbidden\"");
  BOOST_TEST(failed[0][2].as<int>() == 5);
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
  auto stored = db.query("SELECT last_error FROM outbox WHERE dedupe_key = 'long-reason'")[0][0]
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
