// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <future>
#include <thread>

#include <pqxx/pqxx>

#include "common/http_client.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_holdback)

// README: while the database queue is a quarter full (db.queue_limit), the
// engine stops fetching updates until it drains
// (bridge_intake_held_back_total counts the polls put off), and Telegram
// keeps what it has not handed over. Here in polling mode: the queue is
// filled by operator requests stuck behind a table lock, an update waits
// in tg-sim meanwhile, and it is delivered once the queue drains.

using namespace bridge::test;

namespace {

constexpr const char* admin_token = "holdback-admin-token-0123456789";

/// Waits until the engine has put off `more` polls beyond `from`; the
/// value then, or -1 after 30 s.
double held_back_past(sim_world& w, double from, double more) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (std::chrono::steady_clock::now() < deadline) {
    auto now = w.engine_metric("bridge_intake_held_back_total");
    if (now >= from + more)
      return now;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return -1;
}

} // namespace

BOOST_AUTO_TEST_CASE(polling_is_put_off_while_the_database_is_behind) {
  // One connection and a queue of four: one waiting request is a quarter.
  // Requests wait two minutes for a connection, so the ones filling the
  // queue stay there until the lock goes; spare HTTP threads keep
  // /metrics answering while operator requests hang.
  sim_world w{unthrottled_engine({"--translator.backend=fake",
                                  "--db.pool_size=2", "--db.queue_limit=4",
                                  "--db.request_timeout_ms=120000",
                                  "--http.threads=8"}),
              unthrottled_sim(),
              {{"BRIDGE_ADMIN_TOKEN", admin_token}}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  BOOST_REQUIRE_MESSAGE(
      db_eventually(
          w,
          "SELECT (count(*) = 0)::int FROM inbox WHERE processed_at IS NULL"),
      "registration's updates were not all finished");
  // Registration's own writes may already have filled a quarter of the
  // queue now and then (one waiting request is enough): only what is
  // held back from here on counts.
  auto before = w.engine_metric("bridge_intake_held_back_total");

  // Two operator requests that read users, which are locked: the first
  // takes the one connection and waits on the lock, the second waits for
  // the connection.
  pqxx::connection blocker{w.database_url()};
  pqxx::work lock{blocker};
  lock.exec("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
  auto url =
      "http://127.0.0.1:" + std::to_string(w.engine_port()) + "/admin/users";
  auto operator_asks = [url] {
    bridge::http_client c;
    return c.get(url, {std::string{"Authorization: Bearer "} + admin_token},
                 std::chrono::seconds{30});
  };
  auto first = std::async(std::launch::async, operator_asks);
  auto second = std::async(std::launch::async, operator_asks);
  auto held = held_back_past(w, before, 1);
  BOOST_REQUIRE_MESSAGE(held > 0, "the engine never held intake back; log:\n"
                                      << w.engine().log_tail());

  // An update arrives meanwhile. The engine keeps putting its polls off
  // (a poll would have fetched it and then waited on the queue, and the
  // count would have stopped), so Telegram still holds it: nothing of it
  // in the inbox, nothing for Bob.
  auto said = w.say(ana, "Wait for me");
  BOOST_REQUIRE_MESSAGE(
      held_back_past(w, w.engine_metric("bridge_intake_held_back_total"), 5)
          > 0,
      "the engine stopped holding back while the queue was full");
  auto pending = w.sim().stat("/updates/pending");
  BOOST_REQUIRE(pending);
  BOOST_TEST(*pending >= 1);
  BOOST_TEST(db_value(w, "SELECT count(*) FROM inbox WHERE update_id = "
                             + std::to_string(said.update_id))
             == 0);
  BOOST_TEST(w.unread(bob.id).empty());
  BOOST_TEST(w.engine().log_tail().find("holding getUpdates back")
             != std::string::npos);

  // The lock goes, the queue drains, polling resumes: the update is
  // fetched from Telegram and delivered, once.
  lock.abort();
  first.wait();
  second.wait();
  BOOST_TEST(w.next_message(bob.id).text
             == fake_copy(ana, "es", "Wait for me"));
  auto extra = arrived_unread(w, {ana.id, bob.id});
  BOOST_TEST(extra.empty(), extra);
  BOOST_TEST(db_eventually(
      w, "SELECT (count(*) = 0)::int FROM inbox WHERE processed_at IS NULL"));
  BOOST_TEST(w.engine().log_tail().find("polling again after holding back")
             != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_holdback
