// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/event_log.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_event_log)

using namespace bridge::tg_sim;

namespace {

std::string fields(const std::string& text) {
  return "\"method\":\"sendMessage\",\"text\":\"" + text + "\"";
}

std::string all(const event_log& log, int64_t after = 0, size_t limit = 100) {
  std::string out;
  log.render_all(after, limit, out);
  return out;
}

std::string chat(const event_log& log, int64_t id, int64_t after = 0) {
  std::string out;
  log.render_chat(id, after, 100, out);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(sequence_numbers_are_global_and_increasing) {
  event_log log{10};
  BOOST_TEST(log.append(1, 7, fields("a")) == 1);
  BOOST_TEST(log.append(2, 3, fields("b")) == 2);
  BOOST_TEST(log.append(1, 0, "\"method\":\"sendChatAction\"") == 3);
  BOOST_TEST(
      all(log)
      == R"({"seq":1,"chat_id":1,"message_id":7,"method":"sendMessage","text":"a"},)"
         R"({"seq":2,"chat_id":2,"message_id":3,"method":"sendMessage","text":"b"},)"
         R"({"seq":3,"chat_id":1,"method":"sendChatAction"})");
}

BOOST_AUTO_TEST_CASE(a_chat_reads_only_its_own_events_after_a_cursor) {
  event_log log{10};
  log.append(1, 1, fields("a"));
  log.append(2, 1, fields("b"));
  log.append(1, 2, fields("c"));
  BOOST_TEST(
      chat(log, 1)
      == R"({"seq":1,"chat_id":1,"message_id":1,"method":"sendMessage","text":"a"},)"
         R"({"seq":3,"chat_id":1,"message_id":2,"method":"sendMessage","text":"c"})");
  BOOST_TEST(
      chat(log, 1, 1)
      == R"({"seq":3,"chat_id":1,"message_id":2,"method":"sendMessage","text":"c"})");
  BOOST_TEST(chat(log, 1, 3).empty());
  BOOST_TEST(chat(log, 99).empty());
  BOOST_TEST(log.has_after(1, 1));
  BOOST_TEST(!log.has_after(1, 3));
  BOOST_TEST(!log.has_after(99, 0));
  BOOST_TEST(log.has_any_after(2));
  BOOST_TEST(!log.has_any_after(3));
}

BOOST_AUTO_TEST_CASE(global_reads_honour_cursor_and_limit) {
  event_log log{10};
  for (int i = 0; i < 5; ++i)
    log.append(i, 0, "\"n\":" + std::to_string(i));
  BOOST_TEST(all(log, 3)
             == R"({"seq":4,"chat_id":3,"n":3},{"seq":5,"chat_id":4,"n":4})");
  BOOST_TEST(all(log, 0, 1) == R"({"seq":1,"chat_id":0,"n":0})");
  BOOST_TEST(all(log, 5).empty());
  BOOST_TEST(all(log, INT64_MAX).empty());
  BOOST_TEST(all(log, -100, 1) == R"({"seq":1,"chat_id":0,"n":0})");
}

BOOST_AUTO_TEST_CASE(the_bound_drops_the_oldest_and_counts_it) {
  event_log log{3};
  log.append(1, 1, fields("a"));
  log.append(2, 1, fields("b"));
  log.append(1, 2, fields("c"));
  log.append(3, 1, fields("d"));
  log.append(1, 3, fields("e"));
  BOOST_TEST(log.size() == 3u);
  BOOST_TEST(log.dropped() == 2u);
  BOOST_TEST(log.recorded() == 5u);
  // Chat 2 lost its only event; chat 1 lost its first.
  BOOST_TEST(chat(log, 2).empty());
  BOOST_TEST(
      chat(log, 1)
      == R"({"seq":3,"chat_id":1,"message_id":2,"method":"sendMessage","text":"c"},)"
         R"({"seq":5,"chat_id":1,"message_id":3,"method":"sendMessage","text":"e"})");
  // A cursor older than what is retained starts at the oldest retained.
  BOOST_TEST(
      all(log, 1, 1)
      == R"({"seq":3,"chat_id":1,"message_id":2,"method":"sendMessage","text":"c"})");
}

BOOST_AUTO_TEST_CASE(clear_forgets_events_but_never_reuses_a_sequence_number) {
  event_log log{10};
  log.append(1, 1, fields("a"));
  log.append(1, 2, fields("b"));
  log.clear();
  BOOST_TEST(all(log).empty());
  BOOST_TEST(chat(log, 1).empty());
  BOOST_TEST(log.recorded() == 0u);
  BOOST_TEST(log.append(1, 1, fields("c")) == 3);
  BOOST_TEST(
      chat(log, 1, 2)
      == R"({"seq":3,"chat_id":1,"message_id":1,"method":"sendMessage","text":"c"})");
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_event_log
