#define BOOST_TEST_MODULE e2e.drain
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <set>

#include "tests/support/team.hpp"

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

  auto got = collect_numbered(w, bob.id, "item", total, std::chrono::seconds{60});
  BOOST_TEST(got.distinct == static_cast<size_t>(total), w.engine().log_tail());
  BOOST_TEST(got.order.size() == static_cast<size_t>(total), "duplicates seen");
  BOOST_TEST(std::is_sorted(got.order.begin(), got.order.end()));
  BOOST_TEST(got.others == 0u);
  // Nothing more arrives later either.
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::seconds{1}).empty());
}
