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
  auto ok = client.post(api + "getMe", "{}", {"Content-Type: application/json"},
                        10s);
  BOOST_TEST(ok.status == 200);
  BOOST_TEST(!ok.too_large);
  BOOST_TEST(ok.head.empty());
}

BOOST_AUTO_TEST_SUITE_END() // common_http_client
