// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include <simdjson.h>

#include "ops/admin_business.hpp"

BOOST_AUTO_TEST_SUITE(ops_business_render)

// The JSON of GET /admin/business: every role named, sums that add up, the
// derived figures (admin-given subscriptions, net Stars) computed from the
// stored ones, and text from the database escaped whatever it holds.

using namespace bridge;

namespace {

simdjson::dom::element parse(simdjson::dom::parser& p, const std::string& s) {
  simdjson::dom::element doc;
  BOOST_REQUIRE_MESSAGE(p.parse(s).get(doc) == simdjson::SUCCESS, s);
  return doc;
}

int64_t at(simdjson::dom::element doc, const char* pointer) {
  int64_t v = -1;
  BOOST_REQUIRE_MESSAGE(
      doc.at_pointer(pointer).get_int64().get(v) == simdjson::SUCCESS, pointer);
  return v;
}

} // namespace

BOOST_AUTO_TEST_CASE(no_users_still_names_every_role) {
  simdjson::dom::parser p;
  business_figures f;
  f.now_ms = 1781524800000;
  auto doc = parse(p, ops::render(f));
  BOOST_TEST(at(doc, "/as_of_ms") == 1781524800000);
  BOOST_TEST(at(doc, "/users/total") == 0);
  BOOST_TEST(at(doc, "/users/by_role/manager") == 0);
  BOOST_TEST(at(doc, "/users/by_role/worker") == 0);
  BOOST_TEST(at(doc, "/users/by_role/none") == 0);
  BOOST_TEST(doc.at_pointer("/users/by_role_language").get_array().size()
             == 0u);
  BOOST_TEST(at(doc, "/stars_30d/net_stars") == 0);
  BOOST_TEST(at(doc, "/churned_30d") == 0);
}

BOOST_AUTO_TEST_CASE(figures_add_up_and_derived_ones_follow) {
  simdjson::dom::parser p;
  business_figures f;
  f.now_ms = 1;
  f.users = {{"manager", "en", 3},
             {"manager", "es", 2},
             {"none", "", 4},
             {"worker", "", 1},
             {"worker", "es", 7}};
  f.active_teams_7d = 2;
  f.active_teams_30d = 4;
  f.paying_managers = 5;
  f.paying_managers_stars = 3;
  f.stars_taken_30d = {6, 900};
  f.stars_refunded_30d = {2, 250};
  f.renewals_30d = {4, 600};
  f.churned_30d = 7;
  f.uncredited_30d = {2, 257};
  f.uncredited_unrefunded = 3;
  f.refused_checkouts_30d = 5;
  auto doc = parse(p, ops::render(f));
  BOOST_TEST(at(doc, "/users/total") == 17);
  BOOST_TEST(at(doc, "/users/by_role/manager") == 5);
  BOOST_TEST(at(doc, "/users/by_role/worker") == 8);
  BOOST_TEST(at(doc, "/users/by_role/none") == 4);
  BOOST_TEST(at(doc, "/users/by_role_language/2/users") == 4);
  std::string_view lang;
  BOOST_TEST((doc.at_pointer("/users/by_role_language/2/language")
                  .get_string()
                  .get(lang)
              == simdjson::SUCCESS));
  BOOST_TEST(lang.empty());
  BOOST_TEST(at(doc, "/active_teams/days_7") == 2);
  BOOST_TEST(at(doc, "/active_teams/days_30") == 4);
  BOOST_TEST(at(doc, "/paying_managers/total") == 5);
  BOOST_TEST(at(doc, "/paying_managers/stars") == 3);
  BOOST_TEST(at(doc, "/paying_managers/admin") == 2);
  BOOST_TEST(at(doc, "/stars_30d/taken/stars") == 900);
  BOOST_TEST(at(doc, "/stars_30d/refunded/payments") == 2);
  BOOST_TEST(at(doc, "/stars_30d/net_stars") == 650);
  BOOST_TEST(at(doc, "/renewals_30d/payments") == 4);
  BOOST_TEST(at(doc, "/churned_30d") == 7);
  // Stars that credited nothing stand apart from the books above.
  BOOST_TEST(at(doc, "/uncredited_30d/payments") == 2);
  BOOST_TEST(at(doc, "/uncredited_30d/stars") == 257);
  BOOST_TEST(at(doc, "/uncredited_unrefunded") == 3);
  BOOST_TEST(at(doc, "/refused_checkouts_30d") == 5);
}

BOOST_AUTO_TEST_CASE(hostile_text_from_the_database_stays_inside_its_string) {
  // A role or language the schema would refuse still renders as data.
  simdjson::dom::parser p;
  business_figures f;
  f.users = {{"role\"}],\"x\":{", "a\\b\n\x01", 1},
             {std::string(10000, 'r'), "", 2}};
  auto doc = parse(p, ops::render(f));
  BOOST_TEST(at(doc, "/users/total") == 3);
  std::string_view role;
  BOOST_TEST(
      (doc.at_pointer("/users/by_role_language/0/role").get_string().get(role)
       == simdjson::SUCCESS));
  BOOST_TEST(role == "role\"}],\"x\":{");
  BOOST_TEST(doc.at_pointer("/x").error() != simdjson::SUCCESS);
  BOOST_TEST(at(doc, "/users/by_role/manager") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
