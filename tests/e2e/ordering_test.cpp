// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_ordering)

// Hundreds of conversations at once, translations finishing in random
// order (fake backend, random latency, several in flight per
// conversation): each partner receives each message exactly once, in the
// order it was written.

using namespace bridge::test;

BOOST_AUTO_TEST_CASE(every_conversation_keeps_its_order) {
  constexpr int pairs = 200;
  constexpr int per_side = 8;
  sim_world w{
      {"--translator.backend=fake", "--translator.fake_latency_ms=30",
       "--translator.fake_jitter_ms=30",
       "--translator.requests_per_minute=1000000",
       "--translator.tokens_per_minute=100000000",
       "--translator.max_in_flight=64", "--conversation.max_in_flight=4",
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
  // What each chat received, in order, against exactly what the fake
  // translator makes of each message; every chat is judged and reported
  // on its own.
  auto received = [&](const sim_user& reader) {
    std::vector<std::string> texts;
    for (auto& m :
         w.await_messages(reader.id, per_side, std::chrono::seconds{60}))
      texts.push_back(m.text);
    return texts;
  };
  auto expected = [&](const sim_user& writer, const std::string& lang,
                      const std::string& prefix) {
    std::vector<std::string> texts;
    for (int k = 0; k < per_side; ++k)
      texts.push_back(
          fake_copy(writer, lang, prefix + " " + std::to_string(k)));
    return texts;
  };
  auto show = [](const std::vector<std::string>& texts) {
    std::string out;
    for (auto& t : texts)
      out += "\n  '" + t + "'";
    return out;
  };
  for (int p = 0; p < pairs; ++p) {
    auto p_ = std::to_string(p);
    auto to_worker = received(workers[p]);
    auto want_worker = expected(managers[p], "es", "m" + p_);
    BOOST_TEST((to_worker == want_worker),
               "worker chat " << workers[p].id << " got:" << show(to_worker)
                              << "\nexpected:" << show(want_worker));
    auto to_manager = received(managers[p]);
    auto want_manager = expected(workers[p], "en", "w" + p_);
    BOOST_TEST((to_manager == want_manager),
               "manager chat " << managers[p].id << " got:" << show(to_manager)
                               << "\nexpected:" << show(want_manager));
  }
  // Then nothing else arrives in any chat, within a window long after the
  // last message: no duplicate, no late stray reply.
  std::vector<int64_t> chats;
  for (int p = 0; p < pairs; ++p) {
    chats.push_back(managers[p].id);
    chats.push_back(workers[p].id);
  }
  auto extra = arrived_unread(w, chats, std::chrono::seconds{3});
  BOOST_TEST(extra.empty(),
             "arrived after the last expected message:" << extra);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_ordering
