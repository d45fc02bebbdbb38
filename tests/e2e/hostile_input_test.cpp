// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_hostile_input)

// Hostile and broken Bot API payloads mixed into a team's conversation,
// through tg-sim's raw injection (bytes as one getUpdates element) and its
// raw updates (an object given a real update_id). Every normal message
// around them must arrive, the intake must never stall, and every hostile
// one must be counted under its reason on /metrics.

using namespace bridge::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A Message object from `user` in their private chat, as members of an
/// Update, with `text_json` (a JSON value) as its text.
std::string message_from(int64_t user, const std::string& name,
                         const std::string& text_json,
                         const std::string& kind = "message") {
  auto id = std::to_string(user);
  return "\"" + kind + R"(":{"message_id":900001,"date":1,"chat":{"id":)" + id
         + R"(,"type":"private"},"from":{"id":)" + id + R"(,"first_name":")"
         + name + R"(","language_code":"en"},"text":)" + text_json + "}";
}

/// One hostile payload and the series it must move by one.
struct payload {
  const char* name;
  /// Raw bytes (`raw` true: no update id of their own, delivered once) or
  /// the members of an update tg-sim numbers.
  std::string bytes;
  bool raw;
  std::string series;
};

std::string refused(const std::string& reason) {
  return "bridge_updates_refused_total{reason=\"" + reason + "\"}";
}

std::string skipped(const std::string& reason) {
  return "bridge_updates_skipped_total{reason=\"" + reason + "\"}";
}

std::vector<payload> hostile_payloads() {
  std::string deep = std::string(3000, '[') + std::string(3000, ']');
  return {
      {"too deep, no id", R"({"message":)" + deep + "}", true,
       refused("too_deep")},
      {"too deep, an id behind the offset",
       R"({"update_id":1,"message":)" + deep + "}", true, refused("too_deep")},
      {"a number past 2^64",
       R"({"update_id":1,"message":{"message_id":99999999999999999999,"chat":{"id":1001},"from":{"id":1001},"text":"x"}})",
       true, refused("number_out_of_range")},
      {"a number past 2^63, numbered",
       R"("message":{"message_id":9223372036854775808,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"first_name":"Ana"},"text":"x"})",
       false, refused("number_out_of_range")},
      // Ids from 2^62 up are the engine's own notes: one from outside is
      // refused, and must not move the offset past every real update.
      {"an update id in the notes' range",
       R"({"update_id":4611686018427387904,"message":{"message_id":1,"date":1,"chat":{"id":1001,"type":"private"},"from":{"id":1001,"first_name":"Ana"},"text":"x"}})",
       true, refused("number_out_of_range")},
      {"raw control bytes",
       "{\"message\":{\"message_id\":1,\"text\":\"a\x01\x02\x1b"
       "b\"}}",
       true, refused("control_bytes")},
      {"a lone surrogate",
       R"({"update_id":1,"message":{"message_id":1,"text":"\ud800"}})", true,
       refused("lone_surrogate")},
      {"not JSON at all", "<html>502 Bad Gateway</html>", true,
       refused("not_json")},
      {"an oversize text, numbered",
       message_from(1001, "Ana", "\"" + std::string(70 * 1024, 'a') + "\""),
       false, refused("oversize")},
      {"a channel post",
       R"("channel_post":{"message_id":1,"chat":{"id":-100}})", false,
       skipped("channel_post")},
      {"a poll", R"("poll":{"id":"1","question":"?","options":[]})", false,
       skipped("poll")},
      {"my_chat_member", R"("my_chat_member":{})", false,
       skipped("my_chat_member")},
      {"an edited message from an unknown user",
       message_from(3003, "Eve", "\"edited\"", "edited_message"), false,
       "bridge_edits_ignored_total{reason=\"not_registered\"}"},
      {"an edited command from a registered user",
       message_from(1001, "Ana", "\"/help\"", "edited_message"), false,
       "bridge_edits_ignored_total{reason=\"command\"}"},
      // Last: a truncated element runs to the end of its answer and takes
      // what follows with it; a numbered update comes again, a raw entry
      // (delivered once) would be lost uncounted.
      {"a truncated object", R"({"update_id":1,"message":{"message_id":1)",
       true, refused("truncated")},
  };
}

struct hostile_world {
  sim_world world{unthrottled_engine({"--translator.backend=fake"}),
                  unthrottled_sim()};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  hostile_world() {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  void inject(const payload& p) {
    if (p.raw)
      BOOST_REQUIRE_MESSAGE(world.sim().inject_raw(p.bytes), p.name);
    else
      BOOST_REQUIRE_MESSAGE(world.sim().inject_raw_update("{" + p.bytes + "}"),
                            p.name);
  }

  /// Ana's numbered note reaches Bob, in time.
  void expect_note(int n) {
    auto copy = world.next_message(bob.id, std::chrono::seconds{20});
    BOOST_TEST(contains(copy.text, "note " + std::to_string(n)), copy.text);
  }

  std::map<std::string, double> read(const std::vector<payload>& ps) {
    std::map<std::string, double> out;
    for (const auto& p : ps)
      out[p.series] = std::max(0.0, world.engine_metric(p.series));
    return out;
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(hostile_payloads_are_counted_and_their_neighbours_arrive) {
  hostile_world h;
  auto payloads = hostile_payloads();
  auto before = h.read(payloads);
  std::map<std::string, double> expected;
  for (const auto& p : payloads)
    expected[p.series] += 1;

  // One at a time, each followed by a normal message that must arrive:
  // the intake moves past every hostile payload.
  int n = 0;
  for (const auto& p : payloads) {
    BOOST_TEST_CONTEXT(p.name) {
      h.inject(p);
      h.world.say(h.ana, "note " + std::to_string(++n));
      h.expect_note(n);
    }
  }

  // The same mixed into a burst: normal messages between hostile ones,
  // all queued before the engine fetches them.
  const int first_burst = n + 1;
  for (const auto& p : payloads) {
    h.inject(p);
    h.world.say(h.ana, "note " + std::to_string(++n));
  }
  auto burst =
      collect_numbered(h.world, h.bob.id, "note", n, std::chrono::seconds{60});
  for (int i = first_burst; i <= n; ++i)
    BOOST_TEST((std::find(burst.order.begin(), burst.order.end(), i)
                != burst.order.end()),
               "note " << i << " delivered");
  BOOST_TEST(burst.others == 0u);

  // Every hostile payload counted once under its reason, both times.
  auto after = h.read(payloads);
  for (const auto& [series, count] : expected)
    BOOST_TEST_CONTEXT(series) {
      BOOST_TEST(after[series] - before[series] == 2 * count);
    }
}

BOOST_AUTO_TEST_CASE(a_nul_text_is_delivered_cleaned) {
  hostile_world h;
  // "antes\u0000despues": valid JSON, and PostgreSQL cannot hold the NUL.
  BOOST_REQUIRE(h.world.sim().inject_raw_update(
      "{" + message_from(h.ana.id, "Ana", R"("antes\u0000despues")") + "}"));
  auto copy = h.world.next_message(h.bob.id);
  BOOST_TEST(copy.text == "Ana: [es] antes despues");
  // The conversation goes on behind it.
  h.world.say(h.ana, "after the NUL");
  BOOST_TEST(contains(h.world.next_message(h.bob.id).text, "after the NUL"));
  h.world.say(h.bob, "/history");
  auto history = h.world.next_message(h.bob.id).text;
  BOOST_TEST(contains(history, "antes despues"), history);
}

BOOST_AUTO_TEST_CASE(a_group_is_answered_once_without_a_profile_lookup) {
  // Every group message logged "cannot load profile: invalid_input:
  // telegram_id must be positive": a group has no user profile. A group is
  // told once that Bridge works in private chats; the rest is skipped and
  // counted, so a busy group cannot fill the send queue.
  hostile_world h;
  const std::string skipped = "bridge_updates_skipped_total{reason=\"group\"}";
  const double before = std::max(0.0, h.world.engine_metric(skipped));
  for (int i = 0; i < 3; ++i)
    BOOST_REQUIRE(h.world.sim().say(h.ana, "hola " + std::to_string(i), -500));
  auto told = h.world.next_message(-500);
  BOOST_TEST(contains(told.text, "private chats"), told.text);
  auto more = h.world.await_messages(-500, 1, std::chrono::seconds{2});
  BOOST_TEST(more.empty(), (more.empty() ? "" : more[0].text));
  BOOST_TEST(h.world.engine_metric(skipped) - before == 2.0);
  auto log = h.world.engine().log_tail(1 << 20);
  BOOST_TEST(!contains(log, "cannot load profile"), log.substr(0, 2000));
}

BOOST_AUTO_TEST_SUITE_END() // e2e_hostile_input
