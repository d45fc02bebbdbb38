// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_business_pg)

// Business figures against hand-built rows. Every expected figure below is
// counted by hand from the rows each case writes; "now" is fixed at
// 2026-06-15 12:00 UTC, so the windows do not move with the clock.

using namespace bridge;
using bridge::test::code_of;

namespace {

constexpr int64_t now_ms = 1781524800000; // 2026-06-15T12:00:00Z
const std::string now_sql = "timestamptz '2026-06-15 12:00:00+00'";

/// `now` shifted by an interval, as SQL ("- interval '3 days'").
std::string at(const std::string& shift) {
  return "(" + now_sql + " " + shift + ")";
}

struct business_fixture : bridge::test::pool_fixture {
  void sql(const std::string& text) { db.query(text); }

  void user(int64_t id, const std::string& role, const std::string& lang) {
    sql("INSERT INTO users (telegram_id, role, language) VALUES ("
        + std::to_string(id) + ", '" + role + "', '" + lang + "')");
  }

  void subscription(int64_t id, const std::string& status,
                    const std::string& expires, const std::string& updated) {
    sql("INSERT INTO subscriptions (user_id, status, expires_at, updated_at) "
        "VALUES ("
        + std::to_string(id) + ", '" + status + "', " + expires + ", " + updated
        + ")");
  }

  void usage(int64_t manager, const std::string& day, int messages) {
    sql("INSERT INTO daily_usage (manager_id, day, messages) VALUES ("
        + std::to_string(manager) + ", date '" + day + "', "
        + std::to_string(messages) + ")");
  }

  /// A conversation of `manager` with a fresh worker and one message at
  /// `when`.
  void message(int64_t manager, const std::string& when) {
    static int64_t next_worker = 900000;
    auto worker = next_worker++;
    user(worker, "worker", "es");
    auto conv =
        db.scalar("INSERT INTO conversations (manager_id, worker_id) VALUES ("
                  + std::to_string(manager) + ", " + std::to_string(worker)
                  + ") RETURNING id");
    sql("INSERT INTO messages (conversation_id, seq, sender_id, "
        "original_text, status, created_at) VALUES ("
        + std::to_string(conv) + ", 1, " + std::to_string(manager)
        + ", 'hola', 'delivered', " + when + ")");
  }

  /// A Stars payment of `user`, with its order (30 days) and, unless
  /// `expires` is "NULL", Telegram's expiry.
  void payment(const std::string& charge, int64_t user, int stars, bool renewal,
               const std::string& paid, const std::string& expires) {
    auto order =
        db.scalar("INSERT INTO star_orders (user_id, payload, stars, "
                  "period_s, status) VALUES ("
                  + std::to_string(user) + ", 'order-" + charge + "', "
                  + std::to_string(stars) + ", 2592000, 'paid') RETURNING id");
    sql("INSERT INTO star_payments (charge_id, order_id, user_id, stars, "
        "renewal, expires_at, paid_at) VALUES ('"
        + charge + "', " + std::to_string(order) + ", " + std::to_string(user)
        + ", " + std::to_string(stars) + ", " + (renewal ? "true" : "false")
        + ", " + expires + ", " + paid + ")");
  }

  void refund(const std::string& charge, int stars, const std::string& when) {
    sql("INSERT INTO star_refunds (charge_id, stars, refunded_at) VALUES ('"
        + charge + "', " + std::to_string(stars) + ", " + when + ")");
  }

  business_figures figures() { return must(business_get{now_ms}); }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(business, business_fixture)

BOOST_AUTO_TEST_CASE(an_empty_database_has_every_figure_at_zero) {
  auto f = figures();
  BOOST_TEST(f.now_ms == now_ms);
  BOOST_TEST(f.users.empty());
  BOOST_TEST(f.active_teams_7d == 0);
  BOOST_TEST(f.active_teams_30d == 0);
  BOOST_TEST(f.paying_managers == 0);
  BOOST_TEST(f.paying_managers_stars == 0);
  BOOST_TEST(f.stars_taken_30d.payments == 0);
  BOOST_TEST(f.stars_taken_30d.stars == 0);
  BOOST_TEST(f.stars_refunded_30d.stars == 0);
  BOOST_TEST(f.renewals_30d.payments == 0);
  BOOST_TEST(f.churned_30d == 0);
}

BOOST_AUTO_TEST_CASE(a_reading_without_a_time_is_refused) {
  BOOST_TEST((code_of(run(business_get{0})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(business_get{-now_ms})) == engine_errc::invalid_input));
  // Past the year 9999 PostgreSQL has no timestamp for it.
  BOOST_TEST(
      (code_of(run(business_get{INT64_MAX})) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(users_count_by_role_and_language) {
  user(1, "manager", "en");
  user(2, "manager", "en");
  user(3, "manager", "es");
  user(4, "worker", "es");
  user(5, "worker", "es");
  user(6, "none", "");   // started, chose nothing
  user(7, "worker", ""); // chose a role, no language yet
  auto f = figures();
  BOOST_REQUIRE(f.users.size() == 5u);
  auto is = [&](size_t i, const char* role, const char* lang, int64_t n) {
    BOOST_TEST(f.users[i].role == role);
    BOOST_TEST(f.users[i].language == lang);
    BOOST_TEST(f.users[i].users == n);
  };
  is(0, "manager", "en", 2);
  is(1, "manager", "es", 1);
  is(2, "none", "", 1);
  is(3, "worker", "", 1);
  is(4, "worker", "es", 2);
}

BOOST_AUTO_TEST_CASE(active_teams_count_the_newest_day_a_manager_wrote) {
  for (int64_t m = 1; m <= 8; ++m)
    user(m, "manager", "en");
  must(team_active{1, 20260615}); // today: 7 and 30
  must(team_active{2, 20260609}); // today - 6, the 7-day window's first day
  must(team_active{3, 20260608}); // today - 7: 30 only
  must(team_active{4, 20260517}); // today - 29: 30 only
  must(team_active{5, 20260516}); // today - 30: out
  must(team_active{6, 20260616}); // tomorrow, past "now": out
  // An older day than the one kept changes nothing.
  BOOST_TEST(must(team_active{7, 20260612}).n == 1);
  BOOST_TEST(must(team_active{7, 20260601}).n == 0);
  BOOST_TEST(must(team_active{7, 20260612}).n == 0);
  // History alone is not read: a charged day or a message that was never
  // noted does not count (migration 014 noted what came before it).
  usage(8, "2026-06-15", 3);
  message(8, at("- interval '2 days'"));
  auto f = figures();
  BOOST_TEST(f.active_teams_7d == 3);  // 1, 2, 7
  BOOST_TEST(f.active_teams_30d == 5); // 1, 2, 3, 4, 7
  // The day moves on: 3 leaves the 30 days' count only when it is old.
  BOOST_TEST(must(team_active{3, 20260614}).n == 1);
  f = figures();
  BOOST_TEST(f.active_teams_7d == 4);
  BOOST_TEST(f.active_teams_30d == 5);
}

BOOST_AUTO_TEST_CASE(a_bad_active_day_is_refused) {
  user(1, "manager", "en");
  BOOST_TEST(
      (code_of(run(team_active{0, 20260615})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(team_active{-1, 20260615})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(team_active{1, 0})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(team_active{1, 20261340})) == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(team_active{1, 99999999999}))
              == engine_errc::invalid_input));
  // Someone who is not a user (a purge got there first) is an error, and
  // nothing is noted.
  BOOST_TEST(!run(team_active{424242, 20260615}));
  BOOST_TEST(figures().active_teams_30d == 0);
}

BOOST_AUTO_TEST_CASE(paying_managers_tell_stars_from_the_admin_api) {
  for (int64_t m = 1; m <= 7; ++m)
    user(m, "manager", "en");
  user(8, "worker", "es");
  auto running = at("+ interval '10 days'");
  subscription(1, "active", running, now_sql); // given by an operator
  subscription(2, "active", running, now_sql);
  payment("c2", 2, 100, false, at("- interval '5 days'"),
          at("+ interval '25 days'"));
  subscription(3, "active", running, now_sql); // paid, then refunded
  payment("c3", 3, 100, true, at("- interval '5 days'"),
          at("+ interval '25 days'"));
  refund("c3", 100, at("- interval '1 day'"));
  subscription(4, "active", running, now_sql); // paid once, long ago
  payment("c4", 4, 150, true, at("- interval '40 days'"),
          at("- interval '10 days'"));
  refund("c4", 150, at("- interval '2 days'"));
  subscription(5, "active", running, now_sql); // no expiry: the order's
  payment("c5", 5, 250, true, at("- interval '10 days'"), "NULL");
  subscription(6, "active", at("- interval '1 day'"), now_sql); // ran out
  payment("c6", 6, 100, false, at("- interval '30 days'"),
          at("- interval '1 day'")); // on the window's open edge: out
  subscription(7, "canceled", running, now_sql);
  payment("c7", 7, 100, false, at("+ interval '1 hour'"), // after "now"
          at("+ interval '30 days'"));
  subscription(8, "active", running, now_sql); // a worker: not a manager
  auto f = figures();
  BOOST_TEST(f.paying_managers == 5);          // 1 to 5
  BOOST_TEST(f.paying_managers_stars == 2);    // 2 and 5
  BOOST_TEST(f.stars_taken_30d.payments == 3); // c2, c3, c5
  BOOST_TEST(f.stars_taken_30d.stars == 450);
  BOOST_TEST(f.renewals_30d.payments == 2); // c3, c5
  BOOST_TEST(f.renewals_30d.stars == 350);
  // c3's and c4's: a refund counts when made, whenever its payment was.
  BOOST_TEST(f.stars_refunded_30d.payments == 2);
  BOOST_TEST(f.stars_refunded_30d.stars == 250);
}

BOOST_AUTO_TEST_CASE(churn_counts_subscriptions_that_ended_in_the_window) {
  for (int64_t m = 1; m <= 8; ++m)
    user(m, "manager", "en");
  auto long_ago = at("- interval '90 days'");
  subscription(1, "active", at("- interval '1 day'"), long_ago);   // in
  subscription(2, "active", at("- interval '31 days'"), long_ago); // before
  subscription(3, "active", at("+ interval '5 days'"), long_ago);  // runs
  // Canceled by an operator three days ago, paid until later: in.
  subscription(4, "canceled", at("+ interval '20 days'"),
               at("- interval '3 days'"));
  // Canceled two days ago, but it had run out 40 days ago: out.
  subscription(5, "canceled", at("- interval '40 days'"),
               at("- interval '2 days'"));
  subscription(6, "canceled", at("- interval '35 days'"),
               at("- interval '40 days'"));                        // out
  subscription(7, "active", at("- interval '30 days'"), long_ago); // edge: out
  subscription(8, "active", now_sql, long_ago); // ends at "now": in
  auto f = figures();
  BOOST_TEST(f.churned_30d == 3); // 1, 4, 8
  BOOST_TEST(f.paying_managers == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
