// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_glossary_pg)

// A team's glossary in PostgreSQL: terms per manager and language pair,
// the limit counted in terms, proposals answered once.

using namespace bridge;
using bridge::test::code_of;

namespace {

glossary_row entry(const std::string& term, const std::string& translation,
                   const std::string& target = "es",
                   const std::string& status = "active") {
  return {0, "en", target, term, term, translation, 1001, status};
}

glossary_put put(std::vector<glossary_row> rows, int64_t max_terms = 200) {
  glossary_put p;
  p.manager_id = 1001;
  p.rows = std::move(rows);
  p.max_terms = max_terms;
  return p;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(glossary, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(terms_are_stored_replaced_listed_and_removed) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  auto stored = must(put({entry("site", "obra"), entry("site", "obra", "pt")}));
  BOOST_TEST(stored.rows.size() == 2u);
  // The same term again replaces its translation into that language.
  must(put({entry("site", "solar")}));
  auto list = must(glossary_list{1001});
  BOOST_REQUIRE(list.rows.size() == 2u);
  BOOST_TEST(list.rows[0].target_lang == "es");
  BOOST_TEST(list.rows[0].translation == "solar");
  BOOST_TEST(list.rows[1].translation == "obra");
  BOOST_TEST(must(glossary_remove{1001, "site"}).n == 2);
  BOOST_TEST(must(glossary_remove{1001, "site"}).n == 0);
  BOOST_TEST(must(glossary_list{1001}).rows.empty());
}

BOOST_AUTO_TEST_CASE(the_limit_counts_terms_not_languages) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  for (int i = 0; i < 200; ++i)
    BOOST_REQUIRE(must(put({entry("t" + std::to_string(i), "x")})).rows.size()
                  == 1u);
  // The 201st term is refused and nothing of it stays.
  BOOST_TEST(
      must(put({entry("t200", "x"), entry("t200", "y", "pt")})).rows.empty());
  // A known term still takes another language.
  BOOST_TEST(must(put({entry("t7", "y", "pt")})).rows.size() == 1u);
  BOOST_TEST(must(glossary_list{1001}).rows.size() == 201u);
}

BOOST_AUTO_TEST_CASE(a_proposal_is_answered_once) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  auto p = must(put({entry("crew", "cuadrilla", "es", "proposed")}));
  BOOST_REQUIRE(p.rows.size() == 1u);
  auto id = p.rows[0].id;
  BOOST_TEST(must(glossary_list{1001}).rows.empty());
  BOOST_TEST(must(glossary_list{1001, "proposed"}).rows.size() == 1u);
  // Another manager cannot answer it.
  BOOST_TEST((code_of(run(glossary_answer{2002, id, true}))
              == engine_errc::not_found));
  auto a = must(glossary_answer{1001, id, true});
  BOOST_TEST(a.status == "active");
  BOOST_TEST((code_of(run(glossary_answer{1001, id, true}))
              == engine_errc::not_found));
  BOOST_TEST(must(glossary_list{1001}).rows.size() == 1u);
  auto q = must(put({entry("site", "sitio", "es", "proposed")})).rows[0].id;
  BOOST_TEST(must(glossary_answer{1001, q, false}).status == "declined");
  BOOST_TEST(must(glossary_list{1001, "proposed"}).rows.empty());
}

BOOST_AUTO_TEST_CASE(accepting_past_the_limit_keeps_the_proposal) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  must(put({entry("a", "x")}, 1));
  auto id = must(put({entry("b", "y", "es", "proposed")}, 1)).rows.at(0).id;
  BOOST_TEST(must(glossary_answer{1001, id, true, 1}).status == "full");
  BOOST_TEST(must(glossary_list{1001, "proposed"}).rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_term_keeps_its_case_and_is_one_whatever_the_case) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  auto typed = entry("Back Room", "Trastienda");
  typed.term_key = "back room";
  must(put({typed}));
  auto list = must(glossary_list{1001});
  BOOST_REQUIRE(list.rows.size() == 1u);
  BOOST_TEST(list.rows[0].term == "Back Room");
  BOOST_TEST(list.rows[0].translation == "Trastienda");
  // The same term in another case is the same entry: updated, not added,
  // and shown as last typed.
  auto again = entry("back ROOM", "cuarto");
  again.term_key = "back room";
  must(put({again}, 1));
  list = must(glossary_list{1001});
  BOOST_REQUIRE(list.rows.size() == 1u);
  BOOST_TEST(list.rows[0].term == "back ROOM");
  BOOST_TEST(list.rows[0].translation == "cuarto");
  BOOST_TEST(must(glossary_remove{1001, "back room"}).n == 1);
}

BOOST_AUTO_TEST_CASE(the_same_proposal_twice_is_one_proposal) {
  must(user_put{1001, user_role::manager, "en", "Ana"});
  auto first = must(put({entry("crew", "cuadrilla", "es", "proposed")}));
  auto second = must(put({entry("crew", "Cuadrilla", "es", "proposed")}));
  BOOST_REQUIRE(first.rows.size() == 1u);
  BOOST_REQUIRE(second.rows.size() == 1u);
  BOOST_TEST(first.rows[0].id == second.rows[0].id);
  // Another translation of the same term is another proposal.
  must(put({entry("crew", "equipo", "es", "proposed")}));
  BOOST_TEST(must(glossary_list{1001, "proposed"}).rows.size() == 2u);
}

BOOST_AUTO_TEST_CASE(bad_requests_are_refused) {
  BOOST_TEST((code_of(run(put({}))) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(put({entry("", "x")}))) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(put({entry("x", "")}))) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(put({entry("x", "y", "es", "maybe")})))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(put({entry(std::string(300, 'a'), "y")})))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(glossary_list{1001, "gone"}))
              == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(glossary_remove{1001, ""})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(glossary_answer{1001, 0, true}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
