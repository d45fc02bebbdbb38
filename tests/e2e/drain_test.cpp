// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <set>
#include <thread>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_drain)

// SIGTERM under load: the engine stops taking updates, lets what it took
// finish, exits 0; after a restart every message has arrived exactly once,
// in order.

using namespace bridge::test;

BOOST_AUTO_TEST_CASE(sigterm_under_load_loses_and_duplicates_nothing) {
  sim_world w{unthrottled_engine({"--translator.backend=fake",
                                  "--translator.fake_latency_ms=100",
                                  "--translator.fake_jitter_ms=100",
                                  "--shutdown.drain_deadline_ms=20000"}),
              unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);

  constexpr int total = 40;
  for (int i = 1; i <= total; ++i) {
    w.say(ana, "item " + std::to_string(i));
    if (i == total / 2)
      w.engine().signal(SIGTERM);
  }
  auto status = w.engine().wait_exit(std::chrono::seconds{30});
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST(*status == 0, w.engine().log_tail());
  BOOST_TEST(w.engine().log_tail(1 << 20).find("drained") != std::string::npos);
  w.restart_engine();

  auto got =
      collect_numbered(w, bob.id, "item", total, std::chrono::seconds{60});
  BOOST_TEST(got.distinct == static_cast<size_t>(total), w.engine().log_tail());
  BOOST_TEST(got.order.size() == static_cast<size_t>(total), "duplicates seen");
  BOOST_TEST(std::is_sorted(got.order.begin(), got.order.end()));
  BOOST_TEST(got.others == 0u);
  // Nothing more arrives later either.
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::seconds{1}).empty());
}

namespace {

/// Ana (manager, English) and Bob (worker, Spanish), paired, on an engine
/// whose translations take a minute: a drain can only end by its deadline
/// or by a second signal.
struct slow_pair {
  sim_world w;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit slow_pair(const std::string& drain_deadline_ms)
      : w{unthrottled_engine(
              {"--translator.backend=fake",
               "--translator.fake_latency_ms=60000",
               "--translator.queued_notice_after_ms=600000",
               "--shutdown.drain_deadline_ms=" + drain_deadline_ms}),
          unthrottled_sim()} {
    auto code = register_manager(w, ana, "en");
    register_worker(w, bob, "es", code, ana);
  }

  /// Ana writes `text`; returns its update once the engine has taken it
  /// (stored in the inbox, unfinished), so a drain has to wait for it.
  int64_t write_and_wait_until_taken(const std::string& text) {
    auto said = w.say(ana, text);
    BOOST_REQUIRE_MESSAGE(db_eventually(w, unfinished(said.update_id)),
                          "update " << said.update_id << " was never taken");
    return said.update_id;
  }

  static std::string unfinished(int64_t update_id) {
    return "SELECT count(*) FROM inbox WHERE processed_at IS NULL AND "
           "update_id = "
           + std::to_string(update_id);
  }

  /// The engine again, with translations that take no time: what the
  /// stopped engine left in the inbox is finished now, once.
  void restart_quick() {
    w.set_engine_args(unthrottled_engine({"--translator.backend=fake"}));
    w.restart_engine();
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_drain_past_its_deadline_exits_0_and_the_rest_resumes) {
  slow_pair p{"1000"};
  auto& w = p.w;
  auto update = p.write_and_wait_until_taken("Left for later");
  w.engine().signal(SIGTERM);
  // The translation needs a minute; the drain gives up after a second,
  // says so, and the engine still exits 0 (README).
  auto status = w.engine().wait_exit(std::chrono::seconds{30});
  BOOST_REQUIRE_MESSAGE(status.has_value(),
                        "no exit within 30 s of a 1 s deadline");
  BOOST_TEST(*status == 0, w.engine().log_tail());
  auto log = w.engine().log_tail(1 << 20);
  BOOST_TEST(log.find("drain deadline passed") != std::string::npos, log);
  BOOST_TEST(log.find("drained: every update taken is finished")
             == std::string::npos);
  // Nothing reached Bob, and the update is still unfinished in the inbox.
  BOOST_TEST(w.unread(p.bob.id).empty());
  BOOST_TEST(db_value(w, slow_pair::unfinished(update)) == 1);
  // It resumes at the next start, and arrives once.
  p.restart_quick();
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Left for later"));
  auto extra = arrived_unread(w, {p.ana.id, p.bob.id});
  BOOST_TEST(extra.empty(), extra);
}

BOOST_AUTO_TEST_CASE(a_second_signal_ends_a_drain_at_once) {
  slow_pair p{"600000"};
  auto& w = p.w;
  auto update = p.write_and_wait_until_taken("Interrupted");
  w.engine().signal(SIGTERM);
  // The drain has begun (it would last ten minutes)...
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (w.engine().log_tail().find("received, draining") == std::string::npos
         && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  BOOST_REQUIRE_MESSAGE(
      w.engine().log_tail().find("received, draining") != std::string::npos,
      "the engine never started draining: " << w.engine().log_tail());
  BOOST_TEST(w.engine().running());
  // ...and a second signal ends the process without waiting for it.
  w.engine().signal(SIGINT);
  auto status = w.engine().wait_exit(std::chrono::seconds{30});
  BOOST_REQUIRE_MESSAGE(status.has_value(),
                        "still running 30 s after the second signal");
  BOOST_TEST(*status == 130);
  BOOST_TEST(w.engine().log_tail().find("second signal, exiting now")
                 != std::string::npos,
             w.engine().log_tail());
  BOOST_TEST(db_value(w, slow_pair::unfinished(update)) == 1);
  // The update it was handling resumes at the next start, once.
  p.restart_quick();
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Interrupted"));
  auto extra = arrived_unread(w, {p.ana.id, p.bob.id});
  BOOST_TEST(extra.empty(), extra);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_drain
