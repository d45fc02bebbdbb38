// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/http_multi.hpp"
#include "tests/tg_sim/server_fixture.hpp"

BOOST_AUTO_TEST_SUITE(common_http_multi)

using namespace bridge;
using namespace std::chrono_literals;

namespace {

/// Collects answers from the client's thread; waits for a count.
struct answers {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<int, http_response>> got;

  http_multi::done_fn slot(int tag) {
    return [this, tag](http_response r) {
      std::lock_guard<std::mutex> guard{mu};
      got.emplace_back(tag, std::move(r));
      cv.notify_all();
    };
  }

  bool wait_for(size_t n) {
    std::unique_lock<std::mutex> lock{mu};
    return cv.wait_for(lock, 60s, [&] { return got.size() >= n; });
  }
};

/// A loopback socket that listens and never answers: connections complete
/// in the kernel's backlog and then hear nothing.
struct silent_port {
  int fd = -1;
  int port = 0;

  silent_port() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(fd, 64);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~silent_port() { ::close(fd); }

  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port) + "/bot1:x/getMe";
  }
};

/// A port nothing listens on (bound, then closed).
int closed_port() {
  silent_port p;
  int port = p.port;
  return port;
}

const std::vector<std::string> json_type = {"Content-Type: application/json"};

} // namespace

BOOST_FIXTURE_TEST_CASE(many_calls_at_once_are_each_answered_once,
                        tg_sim_test::server_fixture) {
  answers a;
  constexpr int n = 300;
  {
    http_multi client{8};
    for (int i = 0; i < n; ++i)
      client.post(api + "getMe", "{}", json_type, 10s, a.slot(i));
    BOOST_REQUIRE(a.wait_for(n));
    BOOST_TEST(client.in_flight() == 0u);
  }
  std::set<int> tags;
  for (auto& [tag, r] : a.got) {
    tags.insert(tag);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("\"ok\":true") != std::string::npos);
    BOOST_TEST(!r.header("content-type").empty());
  }
  BOOST_TEST(tags.size() == static_cast<size_t>(n));
  BOOST_TEST(a.got.size() == static_cast<size_t>(n));
}

BOOST_FIXTURE_TEST_CASE(an_error_answer_keeps_its_status_and_body,
                        tg_sim_test::server_fixture) {
  answers a;
  http_multi client{2};
  client.post(api + "noSuchMethod", "{}", json_type, 10s, a.slot(1));
  client.post(base + "/botwrong:token/getMe", "{}", json_type, 10s, a.slot(2));
  client.post(api + "sendMessage", "{not json", json_type, 10s, a.slot(3));
  BOOST_REQUIRE(a.wait_for(3));
  for (auto& [tag, r] : a.got) {
    BOOST_TEST(r.status >= 400, "call " << tag << " answered " << r.status);
    BOOST_TEST(r.body.find("\"ok\":false") != std::string::npos);
    BOOST_TEST(r.error.empty());
  }
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_a_transport_failure) {
  answers a;
  http_multi client{2};
  client.post("http://127.0.0.1:" + std::to_string(closed_port()) + "/x", "{}",
              json_type, 5s, a.slot(1));
  BOOST_REQUIRE(a.wait_for(1));
  BOOST_TEST(a.got[0].second.transport_failed());
  BOOST_TEST(!a.got[0].second.error.empty());
  BOOST_TEST(!a.got[0].second.timed_out);
}

BOOST_AUTO_TEST_CASE(a_silent_server_times_out_and_others_go_on) {
  silent_port silent;
  tg_sim_test::server_fixture sim;
  answers a;
  http_multi client{4};
  client.post(silent.url(), "{}", json_type, 300ms, a.slot(1));
  client.post(sim.api + "getMe", "{}", json_type, 10s, a.slot(2));
  BOOST_REQUIRE(a.wait_for(2));
  for (auto& [tag, r] : a.got) {
    if (tag == 1) {
      BOOST_TEST(r.transport_failed());
      BOOST_TEST(r.timed_out);
    } else {
      BOOST_TEST(r.status == 200);
    }
  }
}

BOOST_FIXTURE_TEST_CASE(an_oversize_body_fails_the_call,
                        tg_sim_test::server_fixture) {
  answers a;
  http_multi client{1, 16};
  client.post(api + "getMe", "{}", json_type, 10s, a.slot(1));
  BOOST_REQUIRE(a.wait_for(1));
  BOOST_TEST(a.got[0].second.transport_failed());
  BOOST_TEST(a.got[0].second.error == "response body too large");
  BOOST_TEST(a.got[0].second.body.empty());
}

BOOST_AUTO_TEST_CASE(malformed_and_empty_urls_are_answered_not_dropped) {
  answers a;
  http_multi client{2};
  client.post("", "", {}, 1s, a.slot(1));
  client.post("not a url at all", "{}", json_type, 1s, a.slot(2));
  client.post("ftp://127.0.0.1/file", "{}", json_type, 1s, a.slot(3));
  client.post("http://[::1/bad", std::string(1 << 20, 'x'), json_type, 1s,
              a.slot(4));
  BOOST_REQUIRE(a.wait_for(4));
  for (auto& [tag, r] : a.got) {
    BOOST_TEST(r.transport_failed(), "call " << tag);
    BOOST_TEST(!r.error.empty(), "call " << tag);
  }
}

BOOST_AUTO_TEST_CASE(stopping_answers_the_calls_still_running) {
  silent_port silent;
  answers a;
  {
    http_multi client{4};
    for (int i = 0; i < 6; ++i)
      client.post(silent.url(), "{}", json_type, 60s, a.slot(i));
    // Destroyed with every call waiting on the silent server.
  }
  BOOST_TEST(a.got.size() == 6u);
  for (auto& [tag, r] : a.got) {
    BOOST_TEST(r.transport_failed());
    BOOST_TEST(r.error == "HTTP client stopped");
  }
}

BOOST_AUTO_TEST_SUITE_END() // common_http_multi
