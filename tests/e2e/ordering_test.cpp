#define BOOST_TEST_MODULE e2e.ordering
#include <boost/test/unit_test.hpp>

#include <map>

#include "tests/support/team.hpp"

// Hundreds of conversations at once, translations finishing in random
// order (fake backend, random latency, several in flight per
// conversation): each partner receives each message exactly once, in the
// order it was written.

using namespace bridge::test;

BOOST_AUTO_TEST_CASE(every_conversation_keeps_its_order) {
  constexpr int pairs = 200;
  constexpr int per_side = 8;
  sim_world w{{"--translator.backend=fake", "--translator.fake_latency_ms=30",
               "--translator.fake_jitter_ms=30",
               "--translator.requests_per_minute=1000000",
               "--translator.tokens_per_minute=100000000",
               "--translator.max_in_flight=64",
               "--conversation.max_in_flight=4",
               "--sender.per_chat_per_second=1000", "--sender.per_chat_burst=1000",
               "--sender.global_per_second=100000", "--sender.http_workers=8"},
              {"--limits", "off"}};
  std::vector<sim_user> managers;
  std::vector<sim_user> workers;
  for (int p = 0; p < pairs; ++p) {
    managers.push_back(make_user(100000 + p, "M" + std::to_string(p), "en"));
    workers.push_back(make_user(200000 + p, "W" + std::to_string(p), "es"));
    auto code = register_manager(w, managers.back(), "en");
    register_worker(w, workers.back(), "es", code, managers.back());
  }
  for (int k = 0; k < per_side; ++k)
    for (int p = 0; p < pairs; ++p) {
      w.say(managers[p], "m" + std::to_string(p) + " " + std::to_string(k));
      w.say(workers[p], "w" + std::to_string(p) + " " + std::to_string(k));
    }
  // What each chat received, in order, and checks per chat.
  size_t bad = 0;
  for (int p = 0; p < pairs; ++p) {
    for (auto side : {0, 1}) {
      const auto& reader = side == 0 ? workers[p] : managers[p];
      auto got = w.await_messages(reader.id, per_side, std::chrono::seconds{60});
      std::string prefix = (side == 0 ? "m" : "w") + std::to_string(p) + " ";
      bool ok = got.size() == static_cast<size_t>(per_side);
      for (size_t k = 0; ok && k < got.size(); ++k)
        ok = got[k].text.find(prefix + std::to_string(k)) != std::string::npos;
      // Nothing else arrives for the chat: no duplicate, no stray reply.
      ok = ok && w.await_messages(reader.id, 1, std::chrono::milliseconds{1}).empty();
      if (!ok) {
        ++bad;
        std::string texts;
        for (auto& m : got)
          texts += "\n  " + m.text;
        BOOST_TEST_MESSAGE("chat " << reader.id << " got:" << texts);
      }
    }
  }
  BOOST_TEST(bad == 0u);
}
