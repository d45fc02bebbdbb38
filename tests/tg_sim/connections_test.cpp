// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

// The simulator's own connection loop (sim_server) over raw loopback
// sockets: requests that arrive together or in pieces, a client that asks
// for `100 Continue`, a connection left quiet past its keep-alive time,
// and hostile bytes. A client deadline far above what any step needs
// turns a missed answer into a failure; no test asserts timing.

#include <string>

#include "server_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_connections)

using namespace tg_sim_test;

namespace {

std::string get_me() {
  return "GET /bot" + token + "/getMe HTTP/1.1\r\nHost: x\r\n\r\n";
}

std::string send_message(const std::string& text, bool expect_continue) {
  auto body = R"({"chat_id":1001,"text":")" + text + "\"}";
  return "POST /bot" + token
         + "/sendMessage HTTP/1.1\r\nHost: x\r\n"
           "Content-Type: application/json\r\n"
         + (expect_continue ? "Expect: 100-continue\r\n" : "")
         + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool has_status(const std::string& answer, int status) {
  return answer.rfind("HTTP/1.1 " + std::to_string(status), 0) == 0;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(requests_sent_together_are_answered_in_order,
                        server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  raw_connection c{port};
  BOOST_REQUIRE(c.connected());
  BOOST_REQUIRE(c.send(send_message("one", false) + get_me()
                       + send_message("two", false)));
  auto first = c.answer();
  auto second = c.answer();
  auto third = c.answer();
  BOOST_TEST(has_status(first, 200), first);
  BOOST_TEST(first.find("\"text\":\"one\"") != std::string::npos, first);
  BOOST_TEST(second.find("\"is_bot\":true") != std::string::npos, second);
  BOOST_TEST(third.find("\"text\":\"two\"") != std::string::npos, third);
  // And the connection carries one more, sent on its own.
  BOOST_REQUIRE(c.send(get_me()));
  BOOST_TEST(has_status(c.answer(), 200));
}

BOOST_FIXTURE_TEST_CASE(a_request_in_pieces_is_answered, server_fixture) {
  raw_connection c{port};
  BOOST_REQUIRE(c.connected());
  auto request = get_me();
  for (char byte : request) {
    BOOST_REQUIRE(c.send(std::string(1, byte)));
    std::this_thread::sleep_for(1ms);
  }
  BOOST_TEST(has_status(c.answer(), 200));
}

BOOST_FIXTURE_TEST_CASE(a_client_asking_to_continue_gets_100_then_its_answer,
                        server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  raw_connection c{port};
  BOOST_REQUIRE(c.connected());
  auto request = send_message("espera", true);
  auto head_end = request.find("\r\n\r\n") + 4;
  BOOST_REQUIRE(c.send(request.substr(0, head_end)));
  // The body is sent only once the server said to go on: an answer held
  // back until the request ends would never come.
  auto go_on = c.answer();
  BOOST_REQUIRE_MESSAGE(has_status(go_on, 100), go_on);
  BOOST_REQUIRE(c.send(request.substr(head_end)));
  auto answer = c.answer();
  BOOST_TEST(has_status(answer, 200), answer);
  BOOST_TEST(answer.find("\"text\":\"espera\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_quiet_connection_is_closed_after_its_keep_alive) {
  sim_state state{server_fixture::options(), std::make_shared<real_clock>()};
  server_settings settings;
  settings.keep_alive = 1s;
  http_server server{state, settings};
  std::string error;
  auto port = server.start(error);
  BOOST_REQUIRE(port > 0);
  raw_connection c{port};
  BOOST_REQUIRE(c.connected());
  BOOST_REQUIRE(c.send(get_me()));
  BOOST_TEST(has_status(c.answer(), 200));
  BOOST_TEST(c.closed_by_server());
  // The server itself serves on.
  raw_connection next{port};
  BOOST_REQUIRE(next.send(get_me()));
  BOOST_TEST(has_status(next.answer(), 200));
  server.stop();
}

BOOST_FIXTURE_TEST_CASE(connection_close_is_honoured, server_fixture) {
  raw_connection c{port};
  BOOST_REQUIRE(c.connected());
  BOOST_REQUIRE(c.send("GET /bot" + token
                       + "/getMe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                         "\r\n"));
  BOOST_TEST(has_status(c.answer(), 200));
  BOOST_TEST(c.closed_by_server());
}

BOOST_FIXTURE_TEST_CASE(
    hostile_bytes_get_400_or_a_close_and_the_server_serves_on, server_fixture) {
  for (std::string junk :
       {std::string{"\r\n\r\n"}, std::string{"GARBAGE\r\n\r\n"},
        std::string(70 * 1024, 'A') + "\r\n\r\n",
        std::string{"GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n"},
        std::string{"\0\0\0\0\r\n\r\n", 8}}) {
    raw_connection c{port};
    BOOST_REQUIRE(c.connected());
    c.send(junk);
    auto answer = c.answer();
    BOOST_TEST((answer.empty() || has_status(answer, 400)
                || has_status(answer, 404) || has_status(answer, 414)),
               answer.substr(0, 40));
  }
  raw_connection c{port};
  BOOST_REQUIRE(c.send(get_me()));
  BOOST_TEST(has_status(c.answer(), 200));
}

BOOST_FIXTURE_TEST_CASE(a_client_gone_mid_request_leaves_the_server_serving,
                        server_fixture) {
  {
    raw_connection c{port};
    BOOST_REQUIRE(c.connected());
    auto request = send_message("cortado", false);
    BOOST_REQUIRE(c.send(request.substr(0, request.size() - 5)));
  }
  raw_connection next{port};
  BOOST_REQUIRE(next.send(get_me()));
  BOOST_TEST(has_status(next.answer(), 200));
}

BOOST_AUTO_TEST_SUITE_END()
