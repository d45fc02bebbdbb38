// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include <pqxx/pqxx>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_crash)

// The engine is killed (SIGKILL) while messages are on their way and
// started again: every message still reaches the partner, in order, and
// a message reaches them twice only where README's rule allows it, each
// time counted in bridge_possible_duplicates_total.

using namespace bridge::test;

namespace {

/// Ana (manager, English) and Bob (worker, Spanish), paired, on an engine
/// and a tg-sim without send limits; `engine_args` are the engine's.
struct crash_pair {
  sim_world w;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit crash_pair(std::vector<std::string> engine_args)
      : w{unthrottled_engine(std::move(engine_args)), unthrottled_sim()} {
    auto code = register_manager(w, ana, "en");
    register_worker(w, bob, "es", code, ana);
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_killed_engine_loses_no_message) {
  // A kill also costs Ana the free messages her session held (at most
  // twice session.allowance_lease, README), and replayed updates are
  // counted again; this suite is about messages, so the limit is lifted.
  crash_pair p{{"--translator.backend=fake", "--translator.fake_latency_ms=150",
                "--translator.fake_jitter_ms=100",
                "--session.free_daily_messages=1000000"}};
  auto& [w, ana, bob] = p;

  constexpr int total = 40;
  for (int i = 1; i <= total; ++i) {
    w.say(ana, "note " + std::to_string(i));
    if (i == total / 2)
      w.crash_engine();
  }
  auto got =
      collect_numbered(w, bob.id, "note", total, std::chrono::seconds{90});
  BOOST_TEST(got.distinct == static_cast<size_t>(total), w.engine().log_tail());
  // First arrivals in the order written.
  std::vector<int> firsts;
  std::set<int> seen;
  for (auto n : got.order)
    if (seen.insert(n).second)
      firsts.push_back(n);
  BOOST_TEST(std::is_sorted(firsts.begin(), firsts.end()));
  // README: a partner receives each message once, except a send Telegram
  // accepted just before the kill whose "sent" mark was not yet stored;
  // each such send is counted by the engine that repeats it. So every
  // extra arrival (a repeat of a note, or anything else in Bob's chat)
  // is matched by a count, and none is allowed beyond it.
  double allowed = 0;
  for (auto cause : {"resumed", "swept", "retried"})
    allowed += std::max(
        0.0,
        w.engine_metric(std::string{"bridge_possible_duplicates_total{cause=\""}
                        + cause + "\"}"));
  auto extra = got.order.size() - firsts.size() + got.others;
  BOOST_TEST(static_cast<double>(extra) <= allowed,
             extra << " extra arrival(s) in Bob's chat, " << allowed
                   << " counted as possible duplicates");
  BOOST_TEST_MESSAGE(extra << " extra arrival(s), " << allowed
                           << " possible duplicate(s) counted");
}

BOOST_AUTO_TEST_CASE(a_send_in_flight_at_the_kill_is_counted_when_repeated) {
  // Telegram delivers the copy and holds its answer; the engine is killed
  // while it waits, so the copy's "sent" mark is never stored. The next
  // engine sends the row again: Bob gets it twice, and that second send
  // is counted as a possible duplicate.
  crash_pair p{{"--translator.backend=fake"}};
  auto& [w, ana, bob] = p;

  BOOST_REQUIRE(w.sim().fail_after_running(
      "sendMessage", 1, bridge::tg_sim::fault_answer_kind::hold, 0,
      std::chrono::minutes{10}, bob.id));
  w.say(ana, "In flight");
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] In flight");
  w.crash_engine();
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] In flight");
  double counted = 0;
  for (auto cause : {"resumed", "swept", "retried"})
    counted += std::max(
        0.0,
        w.engine_metric(std::string{"bridge_possible_duplicates_total{cause=\""}
                        + cause + "\"}"));
  BOOST_TEST(counted >= 1.0,
             "the repeated send was not counted as a possible duplicate");
  w.say(ana, "Next");
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] Next");
}

namespace {

/// One value from the world's database.
int64_t scalar(sim_world& w, const std::string& sql) {
  pqxx::connection c{w.database_url()};
  pqxx::nontransaction q{c};
  auto r = q.exec(sql);
  return r[0][0].is_null() ? -1 : r[0][0].as<int64_t>();
}

/// Waits until `sql` answers 1; false after 30 s.
bool eventually(sim_world& w, const std::string& sql) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (std::chrono::steady_clock::now() < deadline) {
    if (scalar(w, sql) == 1)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  return false;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_replayed_update_reaches_the_partner_once) {
  // An update whose inbox row is open although its copy is stored (the
  // engine finishes both in one write, so here the row is reopened by
  // hand, as an engine before that change could leave it): at start the
  // update runs again. Its message is stored again, with the same outbox
  // copy, and the outbox says the copy exists: the partner does not get
  // it twice.
  crash_pair p{{"--translator.backend=fake"}};
  auto& [w, ana, bob] = p;

  auto said = w.say(ana, "Hello Bob");
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] Hello Bob");
  auto done =
      "SELECT (processed_at IS NOT NULL)::int FROM inbox WHERE update_id = "
      + std::to_string(said.update_id);
  BOOST_REQUIRE(eventually(w, done));
  scalar(w, "WITH u AS (UPDATE inbox SET processed_at = NULL WHERE update_id = "
                + std::to_string(said.update_id)
                + " RETURNING 1) SELECT count(*) FROM u");
  w.restart_engine();
  BOOST_REQUIRE_MESSAGE(eventually(w, done), w.engine().log_tail());
  BOOST_TEST(
      scalar(w,
             "SELECT count(*) FROM messages WHERE original_text = 'Hello Bob'")
      == 2);
  BOOST_TEST(
      scalar(w,
             "SELECT count(*) FROM outbox WHERE text = 'Ana: [es] Hello Bob'")
      == 1);

  // The next message is the next Bob sees: nothing came in between.
  w.say(ana, "Second");
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] Second");
}

BOOST_AUTO_TEST_CASE(a_stored_copy_is_sent_from_the_outbox_after_a_crash) {
  // The message and its copy are stored and the update finished in one
  // write; Telegram refuses the send (429, retry in a minute) and the
  // engine is killed while it waits. At start the outbox sends the copy;
  // the update is not run again, so the message is stored once.
  crash_pair p{{"--translator.backend=fake"}};
  auto& [w, ana, bob] = p;

  BOOST_REQUIRE(w.sim().fail_next("sendMessage", 1, 429, 60));
  auto said = w.say(ana, "Held back");
  BOOST_REQUIRE_MESSAGE(
      eventually(
          w, "SELECT (count(*) = 1)::int FROM outbox WHERE status = 'pending' "
             "AND attempts = 0 AND text = 'Ana: [es] Held back'"),
      w.engine().log_tail());
  BOOST_TEST(scalar(w, "SELECT (processed_at IS NOT NULL)::int FROM inbox "
                       "WHERE update_id = "
                           + std::to_string(said.update_id))
             == 1);
  w.crash_engine();
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] Held back");
  BOOST_TEST(
      scalar(w,
             "SELECT count(*) FROM messages WHERE original_text = 'Held back'")
      == 1);
  w.say(ana, "Second");
  BOOST_TEST(w.next_message(bob.id).text == "Ana: [es] Second");
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::seconds{2}).empty());
}

BOOST_AUTO_TEST_CASE(a_switch_waits_for_the_messages_before_it) {
  // A manager's message is translating when she switches workers, and the
  // engine is killed just after the switch is answered. The message was
  // written to the first worker: after the restart it must reach them,
  // not the worker she switched to (the route is the one it had).
  sim_world w{unthrottled_engine({"--translator.backend=fake",
                                  "--translator.fake_latency_ms=1500",
                                  "--session.free_daily_messages=1000"}),
              unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto carl = make_user(3003, "Carl", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  register_worker(w, carl, "es", code, ana);
  w.say(ana, "/switch 1");
  auto first = w.next_message(ana.id).text;
  const bool bob_first = first.find("Bob") != std::string::npos;
  const auto& to = bob_first ? bob : carl;
  const auto& other = bob_first ? carl : bob;

  w.say(ana, "Before the switch");
  w.say(ana, "/switch 2");
  auto switched = w.next_message(ana.id).text;
  BOOST_TEST(switched.find(other.first_name) != std::string::npos, switched);
  w.crash_engine();
  BOOST_TEST(w.next_message(to.id).text == "Ana: [es] Before the switch");
  auto leaked = w.await_messages(other.id, 1, std::chrono::seconds{3});
  BOOST_TEST(leaked.empty(), (leaked.empty() ? "" : leaked[0].text));
  // And the switch holds: the next message goes to the other worker.
  w.say(ana, "After the switch");
  BOOST_TEST(w.next_message(other.id).text == "Ana: [es] After the switch");
}

BOOST_AUTO_TEST_SUITE_END() // e2e_crash
