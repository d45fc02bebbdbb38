// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

// The tools' plain HTTP client (loopback_http) against a scripted server
// on a loopback socket: every way an answer can be framed, a kept-alive
// connection the server closed, an answer that never comes, and broken
// or hostile answers. Its use against tg-sim itself is every other suite
// that drives a simulator through sim_client. No test asserts timing: a
// held answer is waited for with a short deadline and judged by the
// outcome only.

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tools/tg_sim/http_framing.hpp"
#include "tools/tg_sim/loopback_http.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_loopback_http)

using namespace std::chrono_literals;
using bridge::tg_sim::loopback_http;

namespace {

/// What the scripted server does with the next request it reads.
struct step {
  /// Written verbatim.
  std::string answer;
  /// Closes the connection after the answer (or at once, without one).
  bool close = false;
  /// Writes nothing and keeps the connection open until the end.
  bool hold = false;
};

/// Reads requests one connection at a time and plays `steps` in order.
class scripted_server {
public:
  explicit scripted_server(std::vector<step> steps) : steps_(std::move(steps)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(
        ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr))
        == 0);
    BOOST_REQUIRE(::listen(listener_, 8) == 0);
    socklen_t len = sizeof(addr);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread{[this] { run(); }};
  }

  ~scripted_server() {
    stop_ = true;
    thread_.join();
    for (int fd : held_)
      ::close(fd);
    ::close(listener_);
  }

  int port() const { return port_; }
  int connections() const { return connections_; }
  /// Connections the server has closed.
  int closed() const { return closed_; }
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> guard{mu_};
    return requests_;
  }

private:
  bool readable(int fd) {
    while (!stop_) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 20) > 0)
        return true;
    }
    return false;
  }

  /// One request: its headers and a Content-Length body. False at the end
  /// of the connection.
  bool read_request(int fd, std::string& buffer, std::string& request) {
    size_t end = 0;
    char chunk[4096];
    auto fill = [&] {
      if (!readable(fd))
        return false;
      auto n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0)
        return false;
      buffer.append(chunk, static_cast<size_t>(n));
      return true;
    };
    while ((end = buffer.find("\r\n\r\n")) == std::string::npos)
      if (!fill())
        return false;
    size_t length = 0;
    if (auto cl = buffer.find("Content-Length: "); cl < end)
      length = std::stoul(buffer.substr(cl + 16));
    while (buffer.size() < end + 4 + length)
      if (!fill())
        return false;
    request = buffer.substr(0, end + 4 + length);
    buffer.erase(0, end + 4 + length);
    return true;
  }

  void run() {
    size_t next = 0;
    while (!stop_) {
      if (!readable(listener_))
        return;
      int fd = ::accept(listener_, nullptr, nullptr);
      ++connections_;
      std::string buffer;
      std::string request;
      bool open = true;
      while (open && read_request(fd, buffer, request)) {
        {
          std::lock_guard<std::mutex> guard{mu_};
          requests_.push_back(request);
        }
        step s = next < steps_.size() ? steps_[next++] : step{"", true};
        if (s.hold) {
          held_.push_back(fd);
          fd = -1;
          break;
        }
        if (!s.answer.empty())
          (void)::send(fd, s.answer.data(), s.answer.size(), MSG_NOSIGNAL);
        open = !s.close;
      }
      if (fd >= 0) {
        ::close(fd);
        ++closed_;
      }
    }
  }

  std::vector<step> steps_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::atomic<int> closed_{0};
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
  std::vector<int> held_;
  std::thread thread_;
};

std::string ok(const std::string& body, const std::string& extra = {}) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra
         + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

BOOST_AUTO_TEST_CASE(answers_by_length_share_one_kept_connection) {
  scripted_server server{
      {{ok(R"({"n":1})", "X-Trace:  abc \r\n")}, {ok(R"({"n":2})")}}};
  loopback_http http{server.port()};
  auto first =
      http.post("/sim/message", R"({"text":"hola"})", "application/json", 5s);
  BOOST_TEST(first.status == 200);
  BOOST_TEST(first.body == R"({"n":1})");
  BOOST_TEST(first.header("x-trace") == "abc");
  BOOST_TEST(first.request_sent);
  auto second = http.get("/sim/stats", 5s);
  BOOST_TEST(second.status == 200);
  BOOST_TEST(second.body == R"({"n":2})");
  BOOST_TEST(server.connections() == 1);
  auto seen = server.requests();
  BOOST_REQUIRE(seen.size() == 2u);
  BOOST_TEST(seen[0].rfind("POST /sim/message HTTP/1.1\r\n", 0) == 0);
  BOOST_TEST(seen[0].find("Content-Length: 15\r\n") != std::string::npos);
  BOOST_TEST(seen[0].find("\r\n\r\n{\"text\":\"hola\"}") != std::string::npos);
  BOOST_TEST(seen[1].rfind("GET /sim/stats HTTP/1.1\r\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(
    a_chunked_answer_is_joined_with_its_extensions_and_trailers) {
  scripted_server server{
      {{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "4;name=x\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Sum: 9\r\n\r\n"},
       {"HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n0\r\n\r\n"},
       {ok("after")}}};
  loopback_http http{server.port()};
  auto joined = http.get("/a", 5s);
  BOOST_TEST(joined.status == 200);
  BOOST_TEST(joined.body == "Wikipedia");
  auto empty = http.get("/b", 5s);
  BOOST_TEST(empty.status == 200);
  BOOST_TEST(empty.body.empty());
  // The stream stayed in step: the third answer is the third's.
  BOOST_TEST(http.get("/c", 5s).body == "after");
  BOOST_TEST(server.connections() == 1);
}

BOOST_AUTO_TEST_CASE(an_answer_without_a_length_runs_to_the_close) {
  scripted_server server{
      {{"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it", true},
       {ok("next")}}};
  loopback_http http{server.port()};
  auto r = http.get("/a", 5s);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "all of it");
  BOOST_TEST(!http.connected());
  BOOST_TEST(http.get("/b", 5s).body == "next");
  BOOST_TEST(server.connections() == 2);
}

BOOST_AUTO_TEST_CASE(connection_close_and_informational_answers_are_honoured) {
  scripted_server server{
      {{"HTTP/1.1 100 Continue\r\n\r\n" + ok("real", "Connection: close\r\n"),
        true},
       {ok("again")}}};
  loopback_http http{server.port()};
  auto r = http.post("/a", "x", "text/plain", 5s);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "real");
  BOOST_TEST(!http.connected());
  BOOST_TEST(http.get("/b", 5s).body == "again");
  BOOST_TEST(server.connections() == 2);
}

BOOST_AUTO_TEST_CASE(a_kept_connection_the_server_closed_is_replaced_first) {
  // The server answers and then closes without saying so: the next
  // request must go out once, on a new connection.
  scripted_server server{{{ok("one"), true}, {ok("two")}}};
  loopback_http http{server.port()};
  BOOST_TEST(http.get("/a", 5s).body == "one");
  // The close is on this side's socket before the next request is made.
  while (server.closed() == 0)
    std::this_thread::yield();
  auto r = http.post("/b", "payload", "text/plain", 5s);
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "two");
  BOOST_TEST(server.requests().size() == 2u);
  BOOST_TEST(server.connections() == 2);
}

BOOST_AUTO_TEST_CASE(a_request_whose_answer_is_lost_is_not_sent_again) {
  // The server reads the request and closes without an answer: the call
  // fails with the request marked sent, and nothing is repeated.
  scripted_server server{{{"", true}, {ok("later")}}};
  loopback_http http{server.port()};
  auto lost = http.post("/sim/message", "x", "text/plain", 5s);
  BOOST_TEST(lost.transport_failed());
  BOOST_TEST(lost.request_sent);
  BOOST_TEST(!lost.timed_out);
  BOOST_TEST(lost.error.find("closed before the answer") != std::string::npos);
  BOOST_TEST(server.requests().size() == 1u);
  BOOST_TEST(http.get("/again", 5s).body == "later");
}

BOOST_AUTO_TEST_CASE(
    an_answer_that_never_comes_times_out_and_is_not_read_later) {
  scripted_server server{{{"", false, true}, {ok("fresh")}}};
  loopback_http http{server.port()};
  auto held = http.get("/slow", 200ms);
  BOOST_TEST(held.transport_failed());
  BOOST_TEST(held.timed_out);
  BOOST_TEST(held.request_sent);
  BOOST_TEST(!http.connected());
  auto next = http.get("/next", 5s);
  BOOST_TEST(next.body == "fresh");
  BOOST_TEST(server.connections() == 2);
}

BOOST_AUTO_TEST_CASE(nothing_listening_is_a_failure_before_sending) {
  int port = 0;
  {
    scripted_server gone{{}};
    port = gone.port();
  }
  loopback_http http{port};
  auto r = http.get("/a", 2s);
  BOOST_TEST(r.transport_failed());
  BOOST_TEST(!r.request_sent);
  BOOST_TEST(r.error.find("connect to 127.0.0.1:" + std::to_string(port))
             != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_path_or_type_that_would_split_the_request_is_refused) {
  scripted_server server{{{ok("x")}}};
  loopback_http http{server.port()};
  for (auto path :
       {"/a\r\nX-Evil: 1", "/a b", "", "no-slash", "/a\nHost: evil"}) {
    auto r = http.get(path, 2s);
    BOOST_TEST(r.transport_failed());
    BOOST_TEST(!r.request_sent);
  }
  auto typed = http.post("/a", "x", "text/plain\r\nX-Evil: 1", 2s);
  BOOST_TEST(typed.transport_failed());
  BOOST_TEST(server.requests().empty());
  // A type with parameters has spaces, and is fine.
  BOOST_TEST(
      http.post("/fine", "{}", "application/json; charset=utf-8", 5s).body
      == "x");
}

BOOST_AUTO_TEST_CASE(malformed_answers_fail_and_drop_the_connection) {
  const std::vector<std::pair<std::string, std::string>> broken = {
      {"garbage\r\n\r\n", "malformed status line"},
      {"HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", "malformed status line"},
      {"HTTP/2 200 OK\r\nContent-Length: 0\r\n\r\n", "malformed status line"},
      {"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header line"},
      {"HTTP/1.1 200 OK\r\n: empty name\r\n\r\n", "malformed header line"},
      {"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n", "Content-Length"},
      {"HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
       "Content-Length"},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
       "chunk size"},
      {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef",
       "no line break"},
      {"HTTP/1.1 200 OK\r\n" + std::string(70'000, 'h'), "headers longer"},
  };
  for (const auto& [answer, why] : broken) {
    BOOST_TEST_CONTEXT(why) {
      scripted_server server{{{answer, true}}};
      loopback_http http{server.port()};
      auto r = http.get("/a", 5s);
      BOOST_TEST(r.transport_failed());
      BOOST_TEST(r.error.find(why) != std::string::npos, r.error);
      BOOST_TEST(!http.connected());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_body_cut_short_or_over_the_limit_fails) {
  {
    scripted_server server{
        {{"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true}}};
    loopback_http http{server.port()};
    auto r = http.get("/a", 5s);
    BOOST_TEST(r.transport_failed());
    BOOST_TEST(r.error.find("inside the answer's body") != std::string::npos);
  }
  {
    scripted_server server{{{ok(std::string(100, 'b')), true}}};
    loopback_http http{server.port()};
    http.set_max_body(10);
    auto r = http.get("/a", 5s);
    BOOST_TEST(r.transport_failed());
    BOOST_TEST(r.too_large);
    BOOST_TEST(r.head.size() == 100u);
    BOOST_TEST(!http.connected());
  }
  {
    scripted_server server{
        {{"HTTP/1.1 200 OK\r\nTransfer-Encoding: "
          "chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n",
          true}}};
    loopback_http http{server.port()};
    http.set_max_body(12);
    auto r = http.get("/a", 5s);
    BOOST_TEST(r.too_large);
    BOOST_TEST(r.head == "12345678");
  }
}

BOOST_AUTO_TEST_CASE(framing_reads_whole_fields_and_refuses_the_rest) {
  namespace framing = bridge::tg_sim::framing;
  auto head =
      framing::parse_head("HTTP/1.0 404 Not Found\r\nA-B:x\r\nC: \t y z \t");
  BOOST_TEST(head.status == 404);
  BOOST_REQUIRE(head.headers.size() == 2u);
  BOOST_TEST(head.headers[0].first == "a-b");
  BOOST_TEST(head.headers[1].second == "y z");
  BOOST_TEST(framing::parse_head("HTTP/1.1 204").status == 204);
  for (auto bad : {"", "HTTP/1.1", "HTTP/1.1 20", "HTTP/1.1 099 Low",
                   "HTTP/1.1 2000 OK", "http/1.1 200 OK", "HTTP/1.1 200 OK\r\n",
                   "HTTP/1.1 200 OK\r\nName : v", "HTTP/1.1 200 OK\r\n\0: v"}) {
    BOOST_TEST_CONTEXT(bad) {
      auto h = framing::parse_head(bad);
      BOOST_TEST(h.status == 0);
      BOOST_TEST(!h.error.empty());
      BOOST_TEST(h.headers.empty());
    }
  }
  size_t n = 0;
  BOOST_TEST(framing::parse_chunk_size("fF;ext=\"a;b\"", n));
  BOOST_TEST(n == 255u);
  for (auto bad : {"", ";ext", "g", "-1", "1000000000000000"})
    BOOST_TEST(!framing::parse_chunk_size(bad, n), bad);
  BOOST_TEST(framing::has_token("Keep-Alive, CLOSE", "close"));
  BOOST_TEST(!framing::has_token("keep-alive", "close"));
}

BOOST_AUTO_TEST_SUITE_END()
