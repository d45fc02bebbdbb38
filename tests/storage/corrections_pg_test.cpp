// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_corrections_pg)

// Corrections: a reply to the reader's copy of a message finds that
// message; corrections are listed for operators, and the repeated ones
// become a manager's glossary suggestions.

using namespace bridge;
using bridge::test::code_of;

namespace {

/// Manager 1 (en) and worker 2 (es) talk; worker 2's message of update
/// 500 (Telegram id 40 in her chat) reached manager 1 as message 900.
struct corrections_fixture : bridge::test::pool_fixture {
  int64_t conv = 0;

  corrections_fixture() {
    must(user_put{1, user_role::manager, "en", "Mia"});
    must(user_put{2, user_role::worker, "es", "Lu"});
    conv = must(conversation_open{1, 2}).id;
    deliver(500, 40, 1, "<b>Hola</b> &amp; adiós", "<b>Hello</b> &amp; bye",
            {900, 901});
  }

  /// Stores the message of update `update` and its copy, sent as `ids`.
  void deliver(int64_t update, int64_t source_id, int64_t seq,
               const std::string& original, const std::string& translation,
               std::vector<int64_t> ids) {
    inbox_put in;
    in.rows = {{update, 2,
                R"({"update_id":)" + std::to_string(update)
                    + R"(,"message":{"message_id":)" + std::to_string(source_id)
                    + R"(,"chat":{"id":2}}})"}};
    must(in);
    message_row m;
    m.conversation_id = conv;
    m.seq = seq;
    m.sender_id = 2;
    m.source_message_id = source_id;
    m.original_text = original;
    m.original_lang = "es";
    m.translated_text = translation;
    m.translated_lang = "en";
    m.status = message_status::translated;
    outbox_record copy;
    copy.dedupe_key = "d" + std::to_string(update) + "." + std::to_string(conv);
    copy.chat_id = 1;
    copy.kind = "send_message";
    copy.text = "Lu: " + translation;
    must(message_put{{m}, {copy}});
    must(outbox_sent{copy.dedupe_key, std::move(ids)});
  }

  correction_put fix(const std::string& original, const std::string& better) {
    correction_put p;
    p.row = {0, 1, 2, conv, 900, original, "es", "", "en", better, 0};
    return p;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(corrections, corrections_fixture)

BOOST_AUTO_TEST_CASE(a_reply_to_any_part_of_a_copy_finds_its_message) {
  for (int64_t id : {900, 901}) {
    auto src = must(correction_target{1, id});
    BOOST_TEST(src.found);
    BOOST_TEST(src.conversation_id == conv);
    BOOST_TEST(src.writer_id == 2);
    // Stored as written: markup-looking text is text.
    BOOST_TEST(src.original_text == "<b>Hola</b> &amp; adiós");
    BOOST_TEST(src.translated_text == "<b>Hello</b> &amp; bye");
    BOOST_TEST(src.original_lang == "es");
    BOOST_TEST(src.translated_lang == "en");
  }
}

BOOST_AUTO_TEST_CASE(a_reply_to_anything_else_finds_nothing) {
  // Another message of the chat, another chat, the writer's own chat.
  BOOST_TEST(!must(correction_target{1, 899}).found);
  BOOST_TEST(!must(correction_target{1, 902}).found);
  BOOST_TEST(!must(correction_target{3, 900}).found);
  BOOST_TEST(!must(correction_target{2, 40}).found);
  // A bot note under a message key with a suffix is no copy.
  outbox_record note;
  note.dedupe_key = "d500." + std::to_string(conv) + ".queued";
  note.chat_id = 1;
  must(outbox_put{note});
  must(outbox_sent{note.dedupe_key, {950}});
  BOOST_TEST(!must(correction_target{1, 950}).found);
  BOOST_TEST(
      (code_of(run(correction_target{1, 0})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(corrections_are_stored_and_listed_after_a_cursor) {
  auto a = must(fix("Hola", "Hi there")).id;
  auto b = must(fix("Hola", "Hi there")).id;
  BOOST_TEST(b > a);
  auto page = must(correction_list{0, 10});
  BOOST_REQUIRE(page.rows.size() == 2u);
  const auto& r = page.rows.front();
  BOOST_TEST(r.id == a);
  BOOST_TEST(r.author_id == 1);
  BOOST_TEST(r.writer_id == 2);
  BOOST_TEST(r.conversation_id == conv);
  BOOST_TEST(r.message_id == 900);
  BOOST_TEST(r.correction == "Hi there");
  BOOST_TEST(r.created_at_ms > 0);
  BOOST_TEST(must(correction_list{a, 10}).rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_corrections_are_refused) {
  BOOST_TEST((code_of(run(fix("Hola", ""))) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(fix("Hola", std::string("a\0b", 3))))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(fix("Hola", std::string(20000, 'x'))))
              == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(correction_list{-1, 10})) == engine_errc::invalid_input));
  BOOST_TEST(must(correction_list{0, 10}).rows.empty());
}

BOOST_AUTO_TEST_CASE(repeated_corrections_become_suggestions) {
  must(fix("Hola", "Hi there"));
  must(fix("  hola ", "hi there"));
  must(fix("Hola", "Hello!"));
  must(fix("Adiós", "Bye"));
  must(fix("Adiós", "Bye"));
  must(fix("Adiós", "Bye"));
  auto page = must(correction_suggestions{1, 2, 10});
  BOOST_REQUIRE(page.rows.size() == 2u);
  BOOST_TEST(page.rows[0].original_text == "Adiós");
  BOOST_TEST(page.rows[0].correction == "Bye");
  BOOST_TEST(page.rows[0].times == 3);
  // The same wording, ignoring case and surrounding spaces.
  BOOST_TEST(page.rows[1].times == 2);
  BOOST_TEST(page.rows[1].original_lang == "es");
  BOOST_TEST(page.rows[1].target_lang == "en");
  // Another manager's team sees none of them.
  BOOST_TEST(must(correction_suggestions{7, 2, 10}).rows.empty());
  BOOST_TEST((code_of(run(correction_suggestions{1, 0, 10}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(one_correction_is_counted_alone) {
  must(fix("Hola", "Hi there"));
  must(fix(" HOLA", "hi there"));
  must(fix("Adiós", "Bye"));
  must(fix("Adiós", "Bye"));
  must(fix("Adiós", "Bye"));
  correction_suggestions one{1, 2, 1};
  one.only = {"hola", "es", "en", "Hi There", 0};
  auto page = must(one);
  BOOST_REQUIRE(page.rows.size() == 1u);
  BOOST_TEST(page.rows[0].times == 2);
  // Another pair of languages, another wording: none.
  one.only.target_lang = "pt";
  BOOST_TEST(must(one).rows.empty());
  one.only = {"hola", "es", "en", "Hello", 0};
  BOOST_TEST(must(one).rows.empty());
  // Hostile filters are refused, not run.
  one.only = {std::string("a\0b", 3), "es", "en", "x", 0};
  BOOST_TEST((code_of(run(one)) == engine_errc::invalid_input));
  one.only = {"hola", std::string(300, 'e'), "en", "x", 0};
  BOOST_TEST((code_of(run(one)) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(recent_corrections_are_listed_newest_first) {
  BOOST_TEST(must(correction_recent{1, 10}).rows.empty());
  must(fix("Hola", "Hi there"));
  must(fix("Adiós", "Bye"));
  auto page = must(correction_recent{1, 10});
  BOOST_REQUIRE(page.rows.size() == 2u);
  BOOST_TEST(page.rows[0].correction == "Bye");
  BOOST_TEST(page.rows[1].correction == "Hi there");
  BOOST_TEST(page.rows[0].author_name == "Mia");
  BOOST_TEST(page.rows[1].machine_text.empty()); // as the fixture stores it
  BOOST_TEST(page.rows[0].created_at_ms > 0);
  BOOST_TEST(must(correction_recent{1, 1}).rows.size() == 1u);
  // Another team sees none; bad pages are refused.
  BOOST_TEST(must(correction_recent{7, 10}).rows.empty());
  BOOST_TEST(
      (code_of(run(correction_recent{1, 0})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(correction_recent{0, 10})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(correction_recent{1, 1000000}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_corrections_pg
