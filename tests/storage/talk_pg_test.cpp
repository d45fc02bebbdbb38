// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_talk_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

struct talk_fixture : bridge::test::pool_fixture {
  int64_t conv = 0;

  talk_fixture() {
    must(user_put{1, user_role::manager, "en", "Manager"});
    must(user_put{2, user_role::worker, "es", "Worker"});
    conv = must(conversation_open{1, 2}).id;
  }

  message_row row(int64_t seq, std::string text) {
    message_row m;
    m.conversation_id = conv;
    m.seq = seq;
    m.sender_id = seq % 2 == 0 ? 2 : 1;
    m.source_message_id = 1000 + seq;
    m.original_text = std::move(text);
    m.original_lang = "en";
    m.status = message_status::pending;
    return m;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(talk, talk_fixture)

BOOST_AUTO_TEST_CASE(a_pair_has_one_conversation) {
  auto again = must(conversation_open{1, 2});
  BOOST_TEST(again.id == conv);
  BOOST_TEST(again.last_seq == 0);
  BOOST_TEST(must(conversation_open{2, 1}).id != conv);
  BOOST_TEST(
      (code_of(run(conversation_open{1, 1})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(conversation_open{1, 99})) == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(sequence_numbers_resume_after_stored_messages) {
  auto r = must(conversation_reserve{conv, 3});
  BOOST_TEST(r.first == 1);
  BOOST_TEST(r.last == 3);
  // Messages stored beyond the reservation (a crash between reserve and
  // record) still push the next reservation past them.
  must(message_put{{row(1, "a"), row(2, "b"), row(7, "c")}});
  BOOST_TEST(must(conversation_open{1, 2}).last_seq == 7);
  auto next = must(conversation_reserve{conv, 1});
  BOOST_TEST(next.first == 8);
  BOOST_TEST((code_of(run(conversation_reserve{conv, 0}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(conversation_reserve{424242, 1}))
              == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(messages_are_rows_and_duplicates_are_skipped) {
  auto ids = must(message_put{{row(1, "one"), row(2, "two")}}).ids;
  BOOST_REQUIRE_EQUAL(ids.size(), 2u);
  BOOST_TEST(ids[0] > 0);
  BOOST_TEST(ids[1] > ids[0]);
  // A row stored before is kept as it was and answered with its id, so a
  // write run again after its answer was lost answers the same.
  auto again = must(message_put{{row(2, "two again"), row(3, "three")}}).ids;
  BOOST_TEST(again[0] == ids[1]);
  BOOST_TEST(again[1] > ids[1]);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 3);
  BOOST_TEST(db.query("SELECT original_text FROM messages WHERE seq = 2")[0][0]
                 .as<std::string>()
             == "two");
}

BOOST_AUTO_TEST_CASE(hostile_texts_round_trip_exactly) {
  std::vector<std::string> texts = {
      "quote ' double \" backslash \\ end\\",
      "{\"json\": [1, 2, {\"k\": null}]}",
      "NULL",
      "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xe2\x80\x8f(rtl)\xe2\x80\x8e "
      "\xf0\x9f\x87\xba\xf0\x9f\x87\xa6",
      "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
      " family",
      std::string(4097, 'a'),
      std::string(3000, 'z') + "\xe4\xbd\xa0\xe5\xa5\xbd"
          + std::string(3000, 'z'),
  };
  message_put put;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto m = row(static_cast<int64_t>(i) + 1, texts[i]);
    m.translated_text = texts[texts.size() - 1 - i];
    m.translated_lang = "es";
    put.rows.push_back(m);
  }
  must(put);
  auto page = must(message_recent{conv, 50, 0});
  BOOST_REQUIRE_EQUAL(page.rows.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    BOOST_TEST(page.rows[i].original_text == texts[i]);
    BOOST_TEST(page.rows[i].translated_text == texts[texts.size() - 1 - i]);
  }
}

BOOST_AUTO_TEST_CASE(bad_rows_fail_alone_and_before_the_database) {
  auto nul = row(1, std::string{"nul\0byte", 8});
  BOOST_TEST((code_of(run(message_put{{nul}})) == engine_errc::invalid_input));
  auto bad = row(1, "\xed\xa0\x80 surrogate");
  BOOST_TEST((code_of(run(message_put{{bad}})) == engine_errc::invalid_input));
  auto huge = row(1, std::string(70000, 'h'));
  BOOST_TEST((code_of(run(message_put{{huge}})) == engine_errc::invalid_input));
  auto zero = row(0, "seq zero");
  BOOST_TEST((code_of(run(message_put{{zero}})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(message_put{})) == engine_errc::invalid_input));
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 0);
}

BOOST_AUTO_TEST_CASE(a_photo_is_stored_with_its_kind_and_its_copy_source) {
  auto photo = row(1, "la pared");
  photo.media_kind = "photo";
  auto album = row(2, "");
  album.media_kind = "document";
  message_put put{{photo, album, row(3, "text")}};
  outbox_record copy;
  copy.dedupe_key = "d1.1";
  copy.chat_id = 2;
  copy.kind = "copyMessage";
  copy.text = "Worker: the wall";
  copy.markup =
      R"({"from_chat_id":1,"message_ids":[1001],"caption_after":false})";
  put.outbox = {copy};
  must(put);
  auto page = must(message_recent{conv, 10, 0});
  BOOST_REQUIRE_EQUAL(page.rows.size(), 3u);
  BOOST_TEST(page.rows[0].media_kind == "photo");
  BOOST_TEST(page.rows[1].media_kind == "document");
  BOOST_TEST(page.rows[1].original_text == ""); // no caption
  BOOST_TEST(page.rows[2].media_kind == "");
  BOOST_TEST(
      db.query("SELECT markup FROM outbox WHERE dedupe_key = 'd1.1'")[0][0]
          .as<std::string>()
      == copy.markup);
  // A kind past any real one is refused, and nothing of it is stored.
  auto odd = row(4, "x");
  odd.media_kind = std::string(65, 'k');
  BOOST_TEST((code_of(run(message_put{{odd}})) == engine_errc::invalid_input));
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 3);
}

BOOST_AUTO_TEST_CASE(a_message_and_its_copy_are_stored_together) {
  auto copy = [](std::string key, std::string text) {
    outbox_record o;
    o.dedupe_key = std::move(key);
    o.chat_id = 2;
    o.kind = "send_message";
    o.text = std::move(text);
    return o;
  };
  message_put put{{row(1, "one"), row(3, "three")}};
  put.outbox = {copy("d1.1", "Manager: uno"), copy("d3.1", "Manager: tres")};
  auto r = must(put);
  BOOST_REQUIRE_EQUAL(r.outbox.size(), 2u);
  BOOST_TEST(r.outbox[0].created);
  BOOST_TEST(r.outbox[1].created);
  BOOST_TEST(r.outbox[0].id != r.outbox[1].id);
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox WHERE status = 'pending'")
             == 2);
  BOOST_TEST(db.query("SELECT text FROM outbox WHERE dedupe_key = 'd3.1'")[0][0]
                 .as<std::string>()
             == "Manager: tres");

  // A replayed update: a new seq, the same copy key. The message is a new
  // row, the copy is the old one and says so.
  message_put replay{{row(5, "one")}};
  replay.outbox = {copy("d1.1", "Manager: uno")};
  auto again = must(replay);
  BOOST_REQUIRE_EQUAL(again.outbox.size(), 1u);
  BOOST_TEST(!again.outbox[0].created);
  BOOST_TEST(again.outbox[0].id == r.outbox[0].id);
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox") == 2);

  // A copy the outbox refuses refuses its messages too: nothing is stored.
  message_put bad{{row(7, "seven")}};
  bad.outbox = {copy("", "no key")};
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
  bad.outbox = {copy("d7.1", std::string{"nul\0byte", 8})};
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
  bad.outbox = {copy("d7.1", std::string(70000, 'o'))};
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages WHERE seq = 7") == 0);
  BOOST_TEST(db.scalar("SELECT count(*) FROM outbox") == 2);
}

BOOST_AUTO_TEST_CASE(a_batch_past_one_statement_is_stored_in_parts_as_one) {
  // The fixture's batch bound is 100 rows: 120 messages with their copies
  // and finishes take the statements one at a time, in one transaction.
  inbox_put in;
  message_put put;
  for (int64_t seq = 1; seq <= 120; ++seq) {
    in.rows.push_back({600 + seq, 1, "{}"});
    put.rows.push_back(row(seq, "m" + std::to_string(seq)));
    outbox_record o;
    o.dedupe_key = "big." + std::to_string(seq);
    o.chat_id = 2;
    o.kind = "message";
    o.text = "copy";
    put.outbox.push_back(o);
    put.finishes.push_back(600 + seq);
  }
  must(in);
  auto r = must(put);
  BOOST_TEST(r.ids.size() == 120u);
  BOOST_TEST(r.outbox.size() == 120u);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 120);
  BOOST_TEST(
      db.scalar("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'big.%'")
      == 120);
  BOOST_TEST(
      db.scalar("SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL")
      == 120);
}

BOOST_AUTO_TEST_CASE(a_stored_message_finishes_its_update) {
  must(inbox_put{{{501, 1, "{}"}, {502, 1, "{}"}, {503, 1, "{}"}}, 0});
  auto done = [&](int64_t id) {
    return db.scalar("SELECT (processed_at IS NOT NULL)::int FROM inbox "
                     "WHERE update_id = "
                     + std::to_string(id));
  };
  message_put put{{row(1, "one"), row(2, "two")}};
  put.finishes = {501, 502};
  must(put);
  BOOST_TEST(done(501) == 1);
  BOOST_TEST(done(502) == 1);
  BOOST_TEST(done(503) == 0);

  // A refused copy refuses the finish too: the update stays to be replayed.
  message_put bad{{row(3, "three")}};
  bad.finishes = {503};
  outbox_record keyless;
  keyless.chat_id = 2;
  bad.outbox = {keyless};
  BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
  BOOST_TEST(done(503) == 0);
  // Ids that name no update are refused before the database.
  for (int64_t id : {int64_t{0}, int64_t{-7}}) {
    message_put odd{{row(3, "three")}};
    odd.finishes = {id};
    BOOST_TEST((code_of(run(odd)) == engine_errc::invalid_input));
  }
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages WHERE seq = 3") == 0);
  // An id with no inbox row (written by hand, or long cleaned up) is no
  // error: the message is stored all the same.
  message_put unknown{{row(3, "three")}};
  unknown.finishes = {999999};
  must(unknown);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages WHERE seq = 3") == 1);
}

BOOST_AUTO_TEST_CASE(a_message_is_updated_by_seq_or_by_telegram_id) {
  must(message_put{{row(1, "helo"), row(2, "hi")}});
  message_update by_seq;
  by_seq.conversation_id = conv;
  by_seq.seq = 1;
  by_seq.translated_text = "hola";
  by_seq.translated_lang = "es";
  by_seq.status = message_status::translated;
  auto m = must(by_seq);
  BOOST_TEST(m.translated_text == "hola");
  BOOST_TEST(m.original_text == "helo");
  BOOST_TEST((m.status == message_status::translated));
  BOOST_TEST(m.updated_at_ms > 0);
  message_update edit;
  edit.conversation_id = conv;
  edit.source_message_id = 1001;
  edit.original_text = "hello";
  edit.status = message_status::pending;
  auto e = must(edit);
  BOOST_TEST(e.seq == 1);
  BOOST_TEST(e.original_text == "hello");
  BOOST_TEST(e.translated_text == "hola");
  edit.source_message_id = 5555;
  BOOST_TEST((code_of(run(edit)) == engine_errc::not_found));
  edit.source_message_id = 0;
  BOOST_TEST((code_of(run(edit)) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(recent_messages_page_backwards_oldest_first) {
  message_put put;
  for (int64_t s = 1; s <= 10; ++s)
    put.rows.push_back(row(s, "m" + std::to_string(s)));
  must(put);
  auto last = must(message_recent{conv, 6, 0});
  BOOST_REQUIRE_EQUAL(last.rows.size(), 6u);
  BOOST_TEST(last.rows.front().seq == 5);
  BOOST_TEST(last.rows.back().seq == 10);
  auto older = must(message_recent{conv, 6, 5});
  BOOST_REQUIRE_EQUAL(older.rows.size(), 4u);
  BOOST_TEST(older.rows.front().seq == 1);
  BOOST_TEST(older.rows.back().seq == 4);
  BOOST_TEST(
      (code_of(run(message_recent{conv, 0, 0})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(messages_are_counted_in_a_time_window) {
  int64_t day = 86400000;
  int64_t t0 = 1700000000000;
  message_put put;
  for (int64_t s = 1; s <= 6; ++s) {
    auto m = row(s, "x");
    m.created_at_ms = t0 + (s - 1) * day / 2; // two a day
    put.rows.push_back(m);
  }
  must(put);
  BOOST_TEST(must(message_count{conv, t0, t0 + day}).n == 2);
  BOOST_TEST(must(message_count{conv, t0, t0 + 3 * day}).n == 6);
  BOOST_TEST(must(message_count{conv, t0 + 10 * day, t0 + 11 * day}).n == 0);
  BOOST_TEST((code_of(run(message_count{conv, t0 + day, t0}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(tasks_are_listed_by_owner_and_status) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(must(task_create{1, 2, "task " + std::to_string(i)}).id);
  auto done = must(task_done{ids[1], 2});
  BOOST_TEST((done.status == task_status::done));
  BOOST_TEST(done.done_at_ms > 0);
  // Marking twice keeps the first time; a stranger cannot.
  BOOST_TEST(must(task_done{ids[1], 1}).done_at_ms == done.done_at_ms);
  BOOST_TEST((code_of(run(task_done{ids[1], 3})) == engine_errc::not_found));
  task_list open_of_manager{1, 0, task_filter::open, 0, 10};
  auto open = must(open_of_manager);
  BOOST_REQUIRE_EQUAL(open.rows.size(), 4u);
  BOOST_TEST(open.rows.front().id == ids[4]);
  task_list all_of_worker{0, 2, task_filter::all, 0, 2};
  auto page1 = must(all_of_worker);
  BOOST_REQUIRE_EQUAL(page1.rows.size(), 2u);
  all_of_worker.before_id = page1.rows.back().id;
  auto page2 = must(all_of_worker);
  BOOST_REQUIRE_EQUAL(page2.rows.size(), 2u);
  BOOST_TEST(page2.rows.front().id == ids[2]);
  task_list done_of_worker{0, 2, task_filter::done, 0, 10};
  BOOST_TEST(must(done_of_worker).rows.size() == 1u);
  task_list both{1, 2, task_filter::all, 0, 10};
  BOOST_TEST((code_of(run(both)) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(task_create{1, 2, ""})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(task_create{1, 77, "x"})) == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(a_tasks_translations_are_kept_once_per_language) {
  auto written = must(task_create{1, 2, "Clean the warehouse", 0, "en"}).id;
  auto before = must(task_create{1, 2, "Older task"}).id; // no language kept
  auto texts = must(task_texts{{written, before, 999999}, "es"});
  BOOST_REQUIRE_EQUAL(texts.rows.size(), 2u); // unknown ids are left out
  for (const auto& t : texts.rows) {
    BOOST_TEST(t.translation.empty());
    BOOST_TEST(t.language == (t.task_id == written ? "en" : ""));
  }
  BOOST_TEST(must(task_translated{written, "es", "Barre el almacén"}).n == 1);
  // The first stays: a second reading that translated meanwhile changes
  // nothing.
  BOOST_TEST(must(task_translated{written, "es", "Otra cosa"}).n == 0);
  BOOST_TEST(must(task_translated{999999, "es", "Nada"}).n == 0);
  auto again = must(task_texts{{written}, "es"});
  BOOST_REQUIRE_EQUAL(again.rows.size(), 1u);
  BOOST_TEST(again.rows[0].translation == "Barre el almacén");
  BOOST_TEST(must(task_texts{{written}, "pt"}).rows[0].translation.empty());
  BOOST_TEST(must(task_texts{{}, "es"}).rows.empty());
  // Malformed and hostile requests fail before the database.
  BOOST_TEST((code_of(run(task_translated{written, "", "x"}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(task_translated{written, "es", ""}))
              == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(task_translated{written, "es", std::string("a\0b", 3)}))
       == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(task_translated{0, "es", "x"}))
              == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(task_texts{{-1}, "es"})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(task_texts{std::vector<int64_t>(5000, written), "es"}))
       == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(task_translated{written, "es", std::string(20000, 'x')}))
       == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_talk_pg
