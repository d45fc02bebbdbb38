// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_feedback_pg)

// Feedback as operators read it: stored with its author's role and
// language, listed in pages, its translation stored once made.

using namespace bridge;
using bridge::test::code_of;

BOOST_FIXTURE_TEST_SUITE(feedback, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(feedback_keeps_its_authors_role_and_language) {
  feedback_put f{2002, 2002, "Muy útil", 0};
  f.role = "worker";
  f.language = "es";
  auto id = must(f).id;
  auto page = must(feedback_list{0, 10});
  BOOST_REQUIRE(page.rows.size() == 1);
  const auto& r = page.rows.front();
  BOOST_TEST(r.id == id);
  BOOST_TEST(r.user_id == 2002);
  BOOST_TEST(r.role == "worker");
  BOOST_TEST(r.language == "es");
  BOOST_TEST(r.text == "Muy útil");
  BOOST_TEST(r.translated_text.empty());
  BOOST_TEST(r.created_at_ms > 0);
  f.language = std::string(100, 'x');
  BOOST_TEST((code_of(run(f)) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(older_feedback_shows_its_authors_profile_now) {
  // Stored as before roles and languages were kept: without them.
  must(user_put{1001, user_role::manager, "pt", "Ana"});
  must(feedback_put{1001, 1001, "Bom", 0});
  must(feedback_put{4040, 4040, "gone", 0});
  auto page = must(feedback_list{0, 10});
  BOOST_REQUIRE(page.rows.size() == 2);
  BOOST_TEST(page.rows[0].role == "manager");
  BOOST_TEST(page.rows[0].language == "pt");
  BOOST_TEST(page.rows[1].role.empty());
  BOOST_TEST(page.rows[1].language.empty());
}

BOOST_AUTO_TEST_CASE(feedback_lists_in_pages_after_a_cursor) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(must(feedback_put{60, 60, "n" + std::to_string(i), 0}).id);
  auto first = must(feedback_list{0, 2});
  BOOST_REQUIRE(first.rows.size() == 2);
  BOOST_TEST(first.rows[1].id == ids[1]);
  auto second = must(feedback_list{first.rows[1].id, 2});
  BOOST_REQUIRE(second.rows.size() == 2);
  BOOST_TEST(second.rows[0].id == ids[2]);
  auto last = must(feedback_list{second.rows[1].id, 2});
  BOOST_REQUIRE(last.rows.size() == 1);
  BOOST_TEST(last.rows[0].text == "n4");
  BOOST_TEST(must(feedback_list{ids[4], 2}).rows.empty());
  BOOST_TEST(
      (code_of(run(feedback_list{-1, 2})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(feedback_list{0, 0})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(feedback_list{0, 1001})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_translation_is_stored_and_replaced_by_another_language) {
  auto id = must(feedback_put{60, 60, "Lento", 0}).id;
  BOOST_TEST(must(feedback_translated{id, "Slow", "en"}).n == 1);
  auto r = must(feedback_list{0, 1}).rows.at(0);
  BOOST_TEST(r.translated_text == "Slow");
  BOOST_TEST(r.translated_lang == "en");
  BOOST_TEST(must(feedback_translated{id, "Langsam", "de"}).n == 1);
  r = must(feedback_list{0, 1}).rows.at(0);
  BOOST_TEST(r.translated_text == "Langsam");
  BOOST_TEST(r.translated_lang == "de");
  BOOST_TEST(must(feedback_translated{id + 100, "x", "en"}).n == 0);
  BOOST_TEST((code_of(run(feedback_translated{id, "", "en"}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(feedback_translated{0, "x", "en"}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(feedback_translated{id, "\xff", "en"}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_feedback_pg
