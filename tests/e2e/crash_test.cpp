#define BOOST_TEST_MODULE e2e.crash
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "tests/support/team.hpp"

// The engine is killed (SIGKILL) while messages are on their way and
// started again: every message still reaches the partner, in order, and
// duplicates stay within what was in flight.

using namespace bridge::test;

BOOST_AUTO_TEST_CASE(a_killed_engine_loses_no_message) {
  sim_world w{{"--translator.backend=fake", "--translator.fake_latency_ms=150",
               "--translator.fake_jitter_ms=100",
               "--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
               "--sender.global_per_second=1000",
               "--session.updates_per_minute=1000"},
              {"--per-chat-per-second", "100", "--per-chat-burst", "100",
               "--global-per-second", "1000"}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);

  constexpr int total = 40;
  for (int i = 1; i <= total; ++i) {
    w.say(ana, "note " + std::to_string(i));
    if (i == total / 2)
      w.crash_engine();
  }
  // Collect until every note arrived once (or time runs out).
  std::vector<int> order;
  std::set<int> seen;
  // A bot reply Telegram took just before the kill, whose outbox row was
  // not yet marked sent, is sent once more at start: bounded, and allowed.
  size_t resent_replies = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
  while (seen.size() < static_cast<size_t>(total)
         && std::chrono::steady_clock::now() < deadline) {
    for (auto& m : w.await_messages(bob.id, 1, std::chrono::seconds{5})) {
      auto at = m.text.find("note ");
      if (at == std::string::npos) {
        ++resent_replies;
        BOOST_TEST_MESSAGE("resent: " << m.text);
        continue;
      }
      auto n = std::stoi(m.text.substr(at + 5));
      order.push_back(n);
      seen.insert(n);
    }
  }
  BOOST_TEST(seen.size() == static_cast<size_t>(total), w.engine().log_tail());
  // First arrivals in the order written.
  std::vector<int> firsts;
  std::set<int> got;
  for (auto n : order)
    if (got.insert(n).second)
      firsts.push_back(n);
  BOOST_TEST(std::is_sorted(firsts.begin(), firsts.end()));
  // A repeat is a message that was in flight at the kill: translations in
  // flight per conversation plus what waited for them.
  auto repeats = order.size() - firsts.size();
  BOOST_TEST(repeats <= 10u, repeats << " repeats");
  BOOST_TEST(resent_replies <= 2u, resent_replies << " replies resent");
  BOOST_TEST_MESSAGE(repeats << " repeat(s) after the kill");
}
