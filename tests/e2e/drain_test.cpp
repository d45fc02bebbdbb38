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
  sim_world w{{"--translator.backend=fake", "--translator.fake_latency_ms=100",
               "--translator.fake_jitter_ms=100",
               "--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
               "--sender.global_per_second=1000",
               "--session.updates_per_minute=1000",
               "--shutdown.drain_deadline_ms=20000"},
              {"--per-chat-per-second", "100", "--per-chat-burst", "100",
               "--global-per-second", "1000"}};
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

  std::vector<int> order;
  std::set<int> seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
  while (seen.size() < static_cast<size_t>(total)
         && std::chrono::steady_clock::now() < deadline) {
    for (auto& m : w.await_messages(bob.id, 1, std::chrono::seconds{5})) {
      auto at = m.text.find("item ");
      BOOST_REQUIRE_MESSAGE(at != std::string::npos, m.text);
      auto n = std::stoi(m.text.substr(at + 5));
      order.push_back(n);
      seen.insert(n);
    }
  }
  BOOST_TEST(seen.size() == static_cast<size_t>(total), w.engine().log_tail());
  BOOST_TEST(order.size() == static_cast<size_t>(total), "duplicates seen");
  BOOST_TEST(std::is_sorted(order.begin(), order.end()));
  // Nothing more arrives later either.
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::seconds{1}).empty());
}
