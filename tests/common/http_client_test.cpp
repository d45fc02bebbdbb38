// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "tests/tg_sim/server_fixture.hpp"

BOOST_AUTO_TEST_SUITE(common_http_client)

using namespace tg_sim_test;

BOOST_FIXTURE_TEST_CASE(a_body_past_the_cap_fails_but_keeps_its_head,
                        server_fixture) {
  // One update of 64 KiB, and a client that takes 16: the transfer fails
  // as too large, and its first bytes are kept, so the intake can still
  // read which update it was.
  std::string update = R"({"update_id":777,"message":{"text":")"
                       + std::string(64 * 1024, 'a') + R"("}})";
  BOOST_REQUIRE(!state.inject_raw(update).refused);
  http_client capped;
  capped.set_max_body(16 * 1024);
  auto resp = capped.post(api + "getUpdates", R"({"timeout":0})",
                          {"Content-Type: application/json"}, 10s);
  BOOST_TEST(resp.transport_failed());
  BOOST_TEST(resp.too_large);
  BOOST_TEST(resp.error == "response body too large");
  BOOST_TEST(resp.body.empty());
  BOOST_REQUIRE_EQUAL(resp.head.size(), kept_head_bytes);
  BOOST_TEST(resp.head.rfind(R"({"ok":true,"result":[{"update_id":777,)", 0)
             == 0u);
}

BOOST_FIXTURE_TEST_CASE(other_failures_keep_no_head, server_fixture) {
  http_client client;
  auto resp = client.post("http://127.0.0.1:1/nothing", "{}", {}, 2s);
  BOOST_TEST(resp.transport_failed());
  BOOST_TEST(!resp.too_large);
  BOOST_TEST(resp.head.empty());
  auto ok =
      client.post(api + "getMe", "{}", {"Content-Type: application/json"}, 10s);
  BOOST_TEST(ok.status == 200);
  BOOST_TEST(!ok.too_large);
  BOOST_TEST(ok.head.empty());
}

BOOST_FIXTURE_TEST_CASE(a_post_whose_answer_is_lost_is_not_sent_again_unseen,
                        server_fixture) {
  // The peer acts on a POST and closes the kept-alive connection without
  // an answer. libcurl would send the POST again on a fresh connection
  // and report only that second answer: a message delivered twice with
  // nothing to count. The failure is reported instead, with the request
  // marked sent, so the caller retries and counts the possible duplicate.
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  limit_settings off;
  off.enabled = false;
  state.set_limits(off);
  http_client client;
  auto send = [&](const std::string& text) {
    return client.post(api + "sendMessage",
                       R"({"chat_id":1001,"text":")" + text + R"("})",
                       {"Content-Type: application/json"}, 10s);
  };
  BOOST_REQUIRE_EQUAL(send("first").status, 200); // the connection is kept
  BOOST_REQUIRE(
      sim.fail_after_running("sendMessage", 1, fault_answer_kind::drop));
  auto lost = send("second");
  BOOST_TEST(lost.transport_failed());
  BOOST_TEST(lost.request_sent);
  auto events = sim.chat_events(1001);
  BOOST_REQUIRE(events);
  BOOST_TEST(events->size() == 2u);
  BOOST_TEST(send("third").status == 200);
}

BOOST_AUTO_TEST_SUITE_END() // common_http_client
