// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/update_queue.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_update_queue)

using namespace bridge::tg_sim;

namespace {

std::string body(int64_t id) {
  return "{\"update_id\":" + std::to_string(id) + "}";
}

update_queue filled(std::initializer_list<int64_t> ids) {
  update_queue q{1000, 1 << 20};
  for (auto id : ids)
    q.push(id, body(id));
  return q;
}

std::string render(update_queue& q, size_t limit = 100) {
  std::string out;
  q.render(limit, out);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(offset_zero_confirms_nothing) {
  auto q = filled({10, 11, 12});
  BOOST_TEST(q.apply_offset(0) == 0u);
  BOOST_TEST(render(q) == body(10) + "," + body(11) + "," + body(12));
  // Fetching alone confirms nothing: the same updates come again.
  BOOST_TEST(q.size() == 3u);
}

BOOST_AUTO_TEST_CASE(positive_offset_forgets_smaller_ids) {
  auto q = filled({10, 11, 12});
  BOOST_TEST(q.apply_offset(12) == 2u);
  BOOST_TEST(render(q) == body(12));
  BOOST_TEST(q.apply_offset(13) == 1u);
  BOOST_TEST(q.empty());
  BOOST_TEST(q.bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(offset_beyond_everything_empties_and_later_ids_survive) {
  auto q = filled({10, 11});
  BOOST_TEST(q.apply_offset(1'000) == 2u);
  q.push(1'000, body(1'000));
  BOOST_TEST(q.apply_offset(1'000) == 0u);
  BOOST_TEST(q.size() == 1u);
}

BOOST_AUTO_TEST_CASE(negative_offset_keeps_the_last_n) {
  auto q = filled({10, 11, 12, 13});
  BOOST_TEST(q.apply_offset(-2) == 2u);
  BOOST_TEST(render(q) == body(12) + "," + body(13));
  BOOST_TEST(q.apply_offset(-5) == 0u);
  BOOST_TEST(q.size() == 2u);
}

BOOST_AUTO_TEST_CASE(most_negative_offset_does_not_overflow) {
  auto q = filled({10, 11});
  BOOST_TEST(q.apply_offset(INT64_MIN) == 0u);
  BOOST_TEST(q.size() == 2u);
}

BOOST_AUTO_TEST_CASE(limit_caps_one_reply) {
  auto q = filled({1, 2, 3, 4, 5});
  std::string out;
  BOOST_TEST(q.render(2, out) == 2u);
  BOOST_TEST(out == body(1) + "," + body(2));
  BOOST_TEST(q.size() == 5u);
}

BOOST_AUTO_TEST_CASE(raw_entry_stays_until_an_offset_confirms_it) {
  // Its bytes name no id, but it has one, as every Telegram update does:
  // a bot that asks at its id again gets it again.
  update_queue q{1000, 1 << 20};
  q.push(1, body(1));
  q.push(2, "{not json", true);
  q.push(3, body(3));
  BOOST_TEST(render(q) == body(1) + ",{not json," + body(3));
  BOOST_TEST(q.apply_offset(2) == 1u);
  BOOST_TEST(render(q) == "{not json," + body(3));
  BOOST_TEST(render(q) == "{not json," + body(3));
  BOOST_TEST(q.front().raw);
  BOOST_TEST(q.apply_offset(3) == 1u);
  BOOST_TEST(render(q) == body(3));
}

BOOST_AUTO_TEST_CASE(bounds_count_entries_and_bytes) {
  update_queue by_count{2, 1 << 20};
  by_count.push(1, body(1));
  BOOST_TEST(!by_count.would_overflow(10));
  by_count.push(2, body(2));
  BOOST_TEST(by_count.would_overflow(10));

  update_queue by_bytes{100, 20};
  BOOST_TEST(!by_bytes.would_overflow(20));
  BOOST_TEST(by_bytes.would_overflow(21));
  by_bytes.push(1, std::string(15, 'x'), true);
  BOOST_TEST(by_bytes.would_overflow(6));
  by_bytes.pop_front();
  BOOST_TEST(by_bytes.bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(allowed_updates_default_excludes_member_and_reactions) {
  allowed_updates all;
  BOOST_TEST(all.allows("message"));
  BOOST_TEST(all.allows("callback_query"));
  BOOST_TEST(!all.allows("chat_member"));
  BOOST_TEST(!all.allows("message_reaction"));
}

BOOST_AUTO_TEST_CASE(allowed_updates_parses_a_list) {
  allowed_updates a;
  BOOST_TEST(!allowed_updates::parse(R"(["message","message"])", a));
  BOOST_TEST(a.allows("message"));
  BOOST_TEST(!a.allows("callback_query"));
  BOOST_TEST(a.kinds().size() == 1u);
  // An empty list restores the default.
  BOOST_TEST(!allowed_updates::parse("[]", a));
  BOOST_TEST(a.allows("callback_query"));
}

BOOST_AUTO_TEST_CASE(allowed_updates_refuses_malformed_input) {
  allowed_updates a;
  BOOST_TEST(!allowed_updates::parse(R"(["message"])", a));
  for (auto bad : {"", "message", "[1]", "{\"a\":1}", "[\"message\"", "null",
                   "[[\"message\"]]"}) {
    auto r = allowed_updates::parse(bad, a);
    BOOST_TEST(r.code == 400, "input " << bad);
  }
  // A refused setting leaves the previous one.
  BOOST_TEST(!a.allows("callback_query"));
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_update_queue
