// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "storage/validate.hpp"
#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_people_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

const std::string rtl_name =
    "\xd7\x93\xd7\x95\xd7\x93 \xf0\x9f\x91\xb7 O'Brien \"\\\"";

} // namespace

BOOST_FIXTURE_TEST_SUITE(people, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(users_are_created_updated_and_found) {
  BOOST_TEST((code_of(run(user_get{1001})) == engine_errc::not_found));
  auto u = must(user_put{1001, user_role::manager, "en", rtl_name});
  BOOST_TEST(u.telegram_id == 1001);
  BOOST_TEST((u.role == user_role::manager));
  BOOST_TEST(u.display_name == rtl_name);
  BOOST_TEST(u.created_at_ms > 0);
  auto v = must(user_put{1001, user_role::manager, "es", "Ana"});
  BOOST_TEST(v.language == "es");
  BOOST_TEST(v.created_at_ms == u.created_at_ms);
  BOOST_TEST(v.updated_at_ms >= u.updated_at_ms);
  auto w = must(user_get{1001});
  BOOST_TEST(w.display_name == "Ana");
  BOOST_TEST((code_of(run(user_get{0})) == engine_errc::invalid_input));
  BOOST_TEST((
      code_of(run(user_put{5, user_role::worker, "en", std::string{"a\0b", 3}}))
      == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(user_put{5, user_role::worker, "en", std::string(300, 'n')}))
       == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(invitation_codes_are_unique_and_found_by_index) {
  must(user_put{1, user_role::manager, "en", "M1"});
  must(user_put{2, user_role::manager, "en", "M2"});
  auto a = must(user_issue_code{1, false});
  BOOST_TEST(storage::is_invitation_code(a.invitation_code));
  // Asking again keeps the code; replacing gives another.
  BOOST_TEST(must(user_issue_code{1, false}).invitation_code
             == a.invitation_code);
  auto b = must(user_issue_code{2, false});
  BOOST_TEST(b.invitation_code != a.invitation_code);
  BOOST_TEST(must(user_by_code{a.invitation_code}).telegram_id == 1);
  BOOST_TEST(must(user_by_code{b.invitation_code}).telegram_id == 2);
  BOOST_TEST(
      (code_of(run(user_by_code{"BRIDGE-10000"})) == engine_errc::not_found
       || a.invitation_code == "BRIDGE-10000"
       || b.invitation_code == "BRIDGE-10000"));
  for (auto bad : {"", "bridge-12345", "BRIDGE-1234", "BRIDGE-123456",
                   "BRIDGE-12a45", "BRIDGE-12345' OR '1'='1", " BRIDGE-12345"})
    BOOST_TEST((code_of(run(user_by_code{bad})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(user_issue_code{999, false})) == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(old_codes_do_not_crowd_the_new_code_space) {
  // Every five-digit code of the first release taken: a new code never
  // meets one of them (another shape, 2^40 of them).
  db.query("INSERT INTO users (telegram_id, role, invitation_code) "
           "SELECT 10000000 + n, 'manager', 'BRIDGE-' || (10000 + n)::text "
           "FROM generate_series(0, 89999) AS n");
  must(user_put{7, user_role::manager, "en", "late"});
  auto r = must(user_issue_code{7, false});
  BOOST_TEST(storage::is_invitation_code(r.invitation_code));
  BOOST_TEST(r.invitation_code.size() == 16u);
}

BOOST_AUTO_TEST_CASE(workers_link_to_one_manager_and_reset_unlinks) {
  for (int64_t id : {10, 11})
    must(user_put{id, user_role::manager, "en", "m"});
  for (int64_t id : {20, 21, 22})
    must(user_put{id, user_role::worker, "es", "w"});
  BOOST_TEST(must(link_worker{20, 10}).previous_manager_id == 0);
  BOOST_TEST(must(link_worker{21, 10}).previous_manager_id == 0);
  BOOST_TEST(must(link_worker{22, 11}).previous_manager_id == 0);
  // A worker has one manager: linking again moves them.
  BOOST_TEST(must(link_worker{22, 10}).previous_manager_id == 11);
  BOOST_TEST(must(user_get{22}).manager_id == 10);
  auto page = must(workers_of{10, 0, 2});
  BOOST_REQUIRE_EQUAL(page.rows.size(), 2u);
  BOOST_TEST(page.rows[0].telegram_id == 20);
  BOOST_TEST(page.rows[1].telegram_id == 21);
  BOOST_TEST(must(workers_of{10, 21, 2}).rows.size() == 1u);
  BOOST_TEST((code_of(run(link_worker{20, 999})) == engine_errc::not_found));
  BOOST_TEST((code_of(run(link_worker{20, 20})) == engine_errc::invalid_input));
  must(user_issue_code{10, false});
  auto reset = must(user_reset{10});
  std::sort(reset.unlinked.begin(), reset.unlinked.end());
  BOOST_TEST((reset.unlinked == std::vector<int64_t>{20, 21, 22}));
  auto m = must(user_get{10});
  BOOST_TEST((m.role == user_role::none));
  BOOST_TEST(m.invitation_code.empty());
  BOOST_TEST(m.language == "en");
  BOOST_TEST(must(user_get{20}).manager_id == 0);
  BOOST_TEST(must(unlink_worker{20}).n == 0);
  must(link_worker{20, 11});
  BOOST_TEST(must(unlink_worker{20}).n == 1);
}

BOOST_AUTO_TEST_CASE(chat_session_state_round_trips) {
  BOOST_TEST((code_of(run(session_get{-100123})) == engine_errc::not_found));
  chat_session_record s{
      -100123, "code", "worker", "es", 0, "{\"name\":\"" + rtl_name + "\"}", 0};
  BOOST_TEST(must(session_put{s}).n == 1);
  auto got = must(session_get{-100123});
  BOOST_TEST(got.step == "code");
  BOOST_TEST(got.pending == s.pending);
  BOOST_TEST(got.updated_at_ms > 0);
  s.step = "ready";
  s.current_worker = 77;
  must(session_put{s});
  got = must(session_get{-100123});
  BOOST_TEST(got.step == "ready");
  BOOST_TEST(got.current_worker == 77);
  BOOST_TEST((code_of(run(session_get{0})) == engine_errc::invalid_input));
  s.pending = std::string(20000, 'p');
  BOOST_TEST((code_of(run(session_put{s})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(the_original_mode_is_stored_and_read_with_the_profile) {
  auto u = must(user_put{1301, user_role::manager, "en", "Ann"});
  BOOST_TEST(u.original_mode == "auto");
  auto on = must(user_original_set{1301, "on"});
  BOOST_TEST(on.original_mode == "on");
  BOOST_TEST(on.display_name == "Ann");
  BOOST_TEST(must(user_get{1301}).original_mode == "on");
  // A profile write that does not name the mode keeps it.
  must(user_put{1301, user_role::manager, "es", "Ann"});
  BOOST_TEST(must(user_get{1301}).original_mode == "on");
  // Every read of users carries it: a team's list too.
  must(user_put{1302, user_role::worker, "es", "Bo"});
  must(link_worker{1302, 1301});
  must(user_original_set{1302, "off"});
  auto team = must(workers_of{1301, 0, 10});
  BOOST_REQUIRE(team.rows.size() == 1u);
  BOOST_TEST(team.rows.front().original_mode == "off");
  BOOST_TEST(must(user_original_set{1302, "auto"}).original_mode == "auto");
}

BOOST_AUTO_TEST_CASE(a_bad_original_mode_or_user_is_refused) {
  must(user_put{1311, user_role::worker, "en", "Cy"});
  for (const auto& bad :
       std::vector<std::string>{"", "ON", "yes", "on ", std::string{"on\0", 3},
                                std::string(5000, 'x')})
    BOOST_TEST((code_of(run(user_original_set{1311, bad}))
                == engine_errc::invalid_input),
               bad);
  BOOST_TEST(must(user_get{1311}).original_mode == "auto");
  BOOST_TEST(
      (code_of(run(user_original_set{0, "on"})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(user_original_set{1319, "on"})) == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(feedback_is_stored_verbatim) {
  auto id = must(feedback_put{60, 60, rtl_name}).id;
  BOOST_TEST(id > 0);
  BOOST_TEST(db.query("SELECT text FROM feedback WHERE id = "
                      + std::to_string(id))[0][0]
                 .as<std::string>()
             == rtl_name);
  BOOST_TEST(
      (code_of(run(feedback_put{60, 60, ""})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(feedback_put{60, 60, "\xff\xfe"}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_people_pg
