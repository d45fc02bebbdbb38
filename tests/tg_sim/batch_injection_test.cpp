// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

// POST /sim/messages: many user messages in one call. A body that is not
// a JSON array of at most max_batch_messages elements, or that the queue
// cannot take whole, is refused whole and injects nothing; a bad element
// is refused in its place and the others go in, in array order.

#include "server_fixture.hpp"
#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_batch_injection)

using namespace tg_sim_test;

namespace {

std::string message_json(int64_t user, const std::string& text) {
  return R"({"from":{"id":)" + std::to_string(user)
         + R"(,"first_name":"U"},"text":)" + bridge::json::quote(text) + "}";
}

/// A JSON array of `n` messages of user 7: "m0", "m1", ...
std::string many(size_t n) {
  std::string body = "[";
  for (size_t i = 0; i < n; ++i)
    body += (i > 0 ? "," : "") + message_json(7, "m" + std::to_string(i));
  return body + "]";
}

int64_t injected(const sim_state& state) {
  return static_cast<int64_t>(state.stats().updates_injected);
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_batch_injects_every_message_in_array_order,
                        sim_fixture) {
  auto r = parse(control.messages(
      "[" + message_json(1001, "uno") + ","
      + R"({"from":{"id":1002},"media":"photo","caption":"look"})" + ","
      + message_json(1001, "dos") + "]"));
  BOOST_TEST(r.status == 200);
  BOOST_REQUIRE(r.count("") == 3u);
  BOOST_TEST(r.integer("/0/update_id") == 1);
  BOOST_TEST(r.integer("/1/update_id") == 2);
  BOOST_TEST(r.integer("/2/update_id") == 3);
  BOOST_TEST(r.integer("/0/message_id") == 1);
  BOOST_TEST(r.integer("/2/message_id") == 2); // the next in chat 1001
  BOOST_TEST(r.integer("/1/chat_id") == 1002);
  auto u = updates();
  BOOST_REQUIRE(u.count("/result") == 3u);
  BOOST_TEST(u.text("/result/0/message/text") == "uno");
  BOOST_TEST(u.text("/result/1/message/caption") == "look");
  BOOST_TEST(u.text("/result/2/message/text") == "dos");
  BOOST_TEST(u.integer("/result/2/update_id") == 3);
}

BOOST_FIXTURE_TEST_CASE(an_empty_array_injects_nothing, sim_fixture) {
  auto r = control.messages("[]");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "[]");
  BOOST_TEST(injected(state) == 0);
}

BOOST_FIXTURE_TEST_CASE(a_body_that_is_not_an_array_is_refused_whole,
                        sim_fixture) {
  for (const std::string& body : {message_json(1, "a"), std::string{"\"text\""},
                                  std::string{"42"}, std::string{"null"}}) {
    auto r = parse(control.messages(body));
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.description() == "body must be a JSON array of messages");
  }
  BOOST_TEST(injected(state) == 0);
}

BOOST_FIXTURE_TEST_CASE(malformed_json_is_refused_whole, sim_fixture) {
  for (const std::string& body :
       {"[" + message_json(1, "a") + ",", "[" + message_json(1, "a") + "}]",
        std::string{""}, std::string{"[\"\xff\"]"}}) {
    auto r = parse(control.messages(body));
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.description().rfind("body is not valid JSON", 0) == 0);
  }
  BOOST_TEST(injected(state) == 0);
}

BOOST_FIXTURE_TEST_CASE(more_than_the_bound_is_refused_whole, sim_fixture) {
  auto r = parse(control.messages(many(max_batch_messages + 1)));
  BOOST_TEST(r.status == 413);
  BOOST_TEST(r.description() == "at most 1000 messages per call");
  BOOST_TEST(injected(state) == 0);
  auto full = parse(control.messages(many(max_batch_messages)));
  BOOST_TEST(full.status == 200);
  BOOST_TEST(full.count("") == max_batch_messages);
  BOOST_TEST(injected(state) == static_cast<int64_t>(max_batch_messages));
}

BOOST_FIXTURE_TEST_CASE(hostile_elements_are_refused_in_their_place,
                        sim_fixture) {
  auto r = parse(control.messages(
      "[" + message_json(5, "first") + "," + //
      R"({"text":"no sender"},)"             // 1: no from
      R"({"from":{"id":"5"},"text":"x"},)"   // 2: id of the wrong type
      R"(42,)"                               // 3: not an object
      R"({"from":{"id":5},"text":"a","media":"photo"},)" // 4: both
      R"({"from":{"id":5},"text":7},)"                   // 5: text a number
      R"({"from":{"id":5},"chat_id":6,"text":"x"},)"     // 6: another's chat
      R"({"from":{"id":5},"media":"hologram"},)"         // 7: unknown media
      + message_json(5, "last") + "]"));
  BOOST_TEST(r.status == 200);
  BOOST_REQUIRE(r.count("") == 9u);
  BOOST_TEST(r.integer("/0/update_id") == 1);
  for (int i = 1; i <= 7; ++i) {
    auto at = "/" + std::to_string(i);
    BOOST_TEST(r.integer(at + "/status") == 400, "element " << i);
    BOOST_TEST(!r.text(at + "/error").empty());
  }
  BOOST_TEST(r.text("/1/error") == "from is required");
  BOOST_TEST(r.text("/2/error") == "from.id must be an integer");
  BOOST_TEST(r.text("/3/error") == "a message must be a JSON object");
  BOOST_TEST(r.text("/5/error") == "text must be a string");
  BOOST_TEST(r.text("/6/error") == "a private chat's id is its user's id");
  // The good ones took consecutive ids, in array order.
  BOOST_TEST(r.integer("/8/update_id") == 2);
  auto u = updates();
  BOOST_REQUIRE(u.count("/result") == 2u);
  BOOST_TEST(u.text("/result/0/message/text") == "first");
  BOOST_TEST(u.text("/result/1/message/text") == "last");
}

namespace {

sim_options small_queue() {
  auto o = test_options();
  o.max_pending_updates = 3;
  return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_batch_the_queue_cannot_take_whole_is_refused_whole) {
  sim_fixture f{small_queue()};
  BOOST_TEST(f.control.messages(many(2)).status == 200);
  auto r = parse(f.control.messages(many(2)));
  BOOST_TEST(r.status == 503);
  BOOST_TEST(r.description() == "update queue is full");
  BOOST_TEST(injected(f.state) == 2);
  BOOST_TEST(f.state.stats().updates_refused == 2u);
  // What fits still goes in, as through /sim/message.
  BOOST_TEST(f.control.messages(many(1)).status == 200);
  BOOST_TEST(injected(f.state) == 3);
}

BOOST_FIXTURE_TEST_CASE(say_many_round_trips_through_the_server,
                        server_fixture) {
  auto sim = sim_client::on_port(port);
  message_batch batch;
  batch.say(ana, "uno");
  batch.say(ana, "");
  batch.send_media(ana, "voice");
  batch.say(ana, "dos");
  auto got = sim.say_many(batch);
  BOOST_REQUIRE_MESSAGE(got, (got ? "" : describe(got.error())));
  BOOST_REQUIRE(got->size() == 4u);
  BOOST_TEST((*got)[0].ok());
  BOOST_TEST(!(*got)[1].ok());
  BOOST_TEST((*got)[1].status == 400);
  BOOST_TEST((*got)[1].error == "text must not be empty");
  BOOST_TEST((*got)[2].value.update_id > (*got)[0].value.update_id);
  BOOST_TEST((*got)[3].value.update_id > (*got)[2].value.update_id);
  BOOST_TEST((*got)[3].value.chat_id == ana.id);
  auto empty = sim.say_many(message_batch{});
  BOOST_REQUIRE(empty);
  BOOST_TEST(empty->empty());
}

BOOST_FIXTURE_TEST_CASE(an_oversize_body_is_refused_with_413, server_fixture) {
  auto sim = sim_client::on_port(port);
  std::string body =
      "[" + std::string(server_settings{}.max_batch_body, ' ') + "]";
  auto r = sim.post("/sim/messages", body);
  BOOST_TEST(r.status == 413);
  BOOST_TEST(r.body.find("request body too large") != std::string::npos);
  BOOST_TEST(state.stats().updates_injected == 0u);
  // The connection is still good for the next call.
  BOOST_TEST(sim.post("/sim/messages", "[]").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
