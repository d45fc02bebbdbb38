// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <string>

#include "ops/http_gate.hpp"
#include "ops/http_screen.hpp"
#include "ops/http_stream.hpp"

BOOST_AUTO_TEST_SUITE(ops_http_guard)

// The HTTP server's defences, one piece at a time and on virtual time:
// the screening of a body's framing from the headers, the request stream
// that ends a request at its deadline or byte budget, and the gate that
// caps held connections and closes those that never send a request.

using namespace bridge;
using namespace bridge::ops;

namespace {

httplib::Headers
headers(std::initializer_list<std::pair<std::string, std::string>> kv) {
  httplib::Headers h;
  for (const auto& [k, v] : kv)
    h.emplace(k, v);
  return h;
}

constexpr size_t limit = 1000;

int screened(const std::string& method, const httplib::Headers& h) {
  return screen_body(method, h, limit).status;
}

/// Both ends of a local stream socket; closed at the end of the test.
struct socket_pair {
  int server = -1;
  int client = -1;
  socket_pair() {
    int fds[2];
    BOOST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
    server = fds[0];
    client = fds[1];
    // A bound on every blocking read of the test's side, so a broken gate
    // fails the test instead of hanging it.
    timeval tv{10, 0};
    ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~socket_pair() {
    if (client >= 0)
      ::close(client);
  }
  void send(const std::string& s) const {
    BOOST_REQUIRE(::write(client, s.data(), s.size())
                  == static_cast<ssize_t>(s.size()));
  }
  /// What the server side wrote until it closed (or 10 s passed).
  std::string read_all() const {
    std::string out;
    char buf[512];
    ssize_t n = 0;
    while ((n = ::read(client, buf, sizeof(buf))) > 0)
      out.append(buf, static_cast<size_t>(n));
    return out;
  }
};

http_connection connection_on(int fd) {
  http_connection c;
  c.fd = fd;
  return c;
}

/// A clock the test moves by hand.
struct manual_clock {
  std::atomic<int64_t> now_ns{1'000'000'000};
  bridge::clock get() {
    bridge::clock c;
    c.steady_ns = [this] { return now_ns.load(); };
    return c;
  }
};

} // namespace

// -- screening ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_sound_length_passes_and_says_a_body_follows) {
  auto s = screen_body("POST", headers({{"Content-Length", "12"}}), limit);
  BOOST_TEST(s.status == 0);
  BOOST_TEST(s.has_body);
  BOOST_TEST(!s.body_left_unread);
  BOOST_TEST(screened("POST", headers({{"Content-Length", "1000"}})) == 0);
}

BOOST_AUTO_TEST_CASE(an_empty_body_is_no_body) {
  auto s = screen_body("POST", headers({{"Content-Length", "0"}}), limit);
  BOOST_TEST(s.status == 0);
  BOOST_TEST(!s.has_body);
  BOOST_TEST(screened("GET", {}) == 0);
  BOOST_TEST(screened("DELETE", {}) == 0);
}

BOOST_AUTO_TEST_CASE(a_length_past_the_limit_is_refused_unread) {
  BOOST_TEST(screened("POST", headers({{"Content-Length", "1001"}})) == 413);
  BOOST_TEST(
      screened("PUT", headers({{"Content-Length", "9999999999999999999"}}))
      == 413);
}

BOOST_AUTO_TEST_CASE(a_malformed_length_is_a_bad_request) {
  for (const char* bad : {"", "abc", "-1", "+5", " 5", "5 ", "1,2", "0x10",
                          "99999999999999999999", "1e3"})
    BOOST_TEST(screened("POST", headers({{"Content-Length", bad}})) == 400,
               "Content-Length '" << bad << "'");
}

BOOST_AUTO_TEST_CASE(two_framings_at_once_are_refused) {
  // How requests are smuggled past a proxy that reads the other framing.
  BOOST_TEST(screened("POST", headers({{"Content-Length", "5"},
                                       {"Content-Length", "6"}}))
             == 400);
  BOOST_TEST(screened("POST", headers({{"Content-Length", "5"},
                                       {"Transfer-Encoding", "chunked"}}))
             == 400);
  BOOST_TEST(screened("POST", headers({{"Transfer-Encoding", "chunked"},
                                       {"Transfer-Encoding", "chunked"}}))
             == 400);
}

BOOST_AUTO_TEST_CASE(chunked_passes_and_other_codings_do_not) {
  auto s =
      screen_body("POST", headers({{"Transfer-Encoding", "Chunked"}}), limit);
  BOOST_TEST(s.status == 0);
  BOOST_TEST(s.has_body);
  BOOST_TEST(screened("POST", headers({{"Transfer-Encoding", "gzip, chunked"}}))
             == 501);
  BOOST_TEST(screened("POST", headers({{"Transfer-Encoding", "identity"}}))
             == 501);
}

BOOST_AUTO_TEST_CASE(a_body_without_a_length_is_refused) {
  BOOST_TEST(screened("POST", {}) == 411);
  BOOST_TEST(screened("PUT", {}) == 411);
  BOOST_TEST(screened("PATCH", {}) == 411);
}

BOOST_AUTO_TEST_CASE(a_body_the_parser_skips_closes_the_connection) {
  auto s = screen_body("GET", headers({{"Content-Length", "10"}}), limit);
  BOOST_TEST(s.status == 0);
  BOOST_TEST(s.body_left_unread);
}

// -- the request stream
// --------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_stream_hands_out_what_arrived_and_keeps_the_rest) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::seconds{5}, 100};
  request_stream s{conn, lim, t.get()};
  p.send("GET / HTTP/1.1\r\n\r\nNEXT");
  char buf[18];
  BOOST_TEST(s.read(buf, sizeof(buf)) == 18);
  BOOST_TEST(std::string(buf, 18) == "GET / HTTP/1.1\r\n\r\n");
  // What came after belongs to the next request on the connection.
  BOOST_TEST(conn.has_pending());
  BOOST_TEST(static_cast<int>(s.fault())
             == static_cast<int>(stream_fault::none));
  ::close(p.server);
}

BOOST_AUTO_TEST_CASE(a_stream_past_its_deadline_reads_nothing_more) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::seconds{5}, 100};
  request_stream s{conn, lim, t.get()};
  p.send("GET / HT");
  t.now_ns += 2'000'000'000;
  // What had arrived by then is taken; nothing more is waited for.
  char buf[16];
  BOOST_TEST(s.read(buf, sizeof(buf)) == 8);
  BOOST_TEST(s.taken() == 8u);
  BOOST_TEST(s.read(buf, sizeof(buf)) == -1);
  BOOST_TEST(static_cast<int>(s.fault())
             == static_cast<int>(stream_fault::timeout));
  ::close(p.server);
}

BOOST_AUTO_TEST_CASE(a_quiet_socket_times_the_request_out) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::milliseconds{0},
                     100};
  request_stream s{conn, lim, t.get()};
  char buf[4];
  BOOST_TEST(s.read(buf, sizeof(buf)) == -1);
  BOOST_TEST(static_cast<int>(s.fault())
             == static_cast<int>(stream_fault::timeout));
  // Its answer was not written by the parser: the fault's own is.
  BOOST_TEST(s.write("HTTP/1.1 400", 12) == -1);
  answer_fault(p.server, s.fault());
  ::close(p.server);
  BOOST_TEST(p.read_all().rfind("HTTP/1.1 408 Request Timeout\r\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_stream_over_its_budget_is_too_large) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::seconds{5}, 10};
  request_stream s{conn, lim, t.get()};
  p.send(std::string(64, 'x'));
  char buf[8];
  BOOST_TEST(s.read(buf, sizeof(buf)) == 8);
  BOOST_TEST(s.read(buf, sizeof(buf)) == -1);
  BOOST_TEST(static_cast<int>(s.fault())
             == static_cast<int>(stream_fault::too_large));
  BOOST_TEST(s.read(buf, sizeof(buf)) == -1);
  answer_fault(p.server, s.fault());
  ::close(p.server);
  BOOST_TEST(p.read_all().rfind("HTTP/1.1 413 Payload Too Large\r\n", 0) == 0);
}

BOOST_AUTO_TEST_CASE(an_answer_not_taken_in_time_is_given_up) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::seconds{5}, 100,
                     std::chrono::seconds{3}};
  request_stream s{conn, lim, t.get()};
  BOOST_TEST(s.write("HTTP/1.1 200 OK\r\n", 17) == 17);
  // The client stopped reading; from the answer's first byte it has
  // three seconds, however long the handler took before.
  t.now_ns += 2'000'000'000;
  BOOST_TEST(s.write("a", 1) == 1);
  t.now_ns += 2'000'000'000;
  BOOST_TEST(s.write("b", 1) == -1);
  ::close(p.server);
}

BOOST_AUTO_TEST_CASE(a_closed_client_reads_as_the_end) {
  socket_pair p;
  manual_clock t;
  auto conn = connection_on(p.server);
  request_limits lim{t.now_ns + 1'000'000'000, std::chrono::seconds{5}, 10};
  request_stream s{conn, lim, t.get()};
  ::close(p.client);
  p.client = -1;
  char buf[8];
  BOOST_TEST(s.read(buf, sizeof(buf)) == 0);
  BOOST_TEST(static_cast<int>(s.fault())
             == static_cast<int>(stream_fault::none));
  ::close(p.server);
}

// -- the gate ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(connections_past_the_cap_are_answered_503_and_closed) {
  manual_clock t;
  std::atomic<int> refusals{0};
  gate_options o;
  o.threads = 1;
  o.max_connections = 2;
  connection_gate gate{o, [](http_connection&) { return false; },
                       [&] { ++refusals; }, t.get()};
  gate.start();
  socket_pair a, b, c;
  gate.admit(a.server);
  gate.admit(b.server);
  BOOST_TEST(gate.held() == 2u);
  gate.admit(c.server);
  BOOST_TEST(refusals.load() == 1);
  BOOST_TEST(gate.held() == 2u);
  auto said = c.read_all();
  BOOST_TEST(said.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0) == 0);
  BOOST_TEST(said.find("Retry-After: 1\r\n") != std::string::npos);
  gate.stop();
}

BOOST_AUTO_TEST_CASE(a_connection_that_sends_gets_served_then_released) {
  manual_clock t;
  std::atomic<int> served{0};
  gate_options o;
  o.threads = 1;
  o.max_connections = 1;
  connection_gate gate{o,
                       [&](http_connection& conn) {
                         ++served;
                         const char answer[] = "done";
                         (void)!::write(conn.fd, answer, 4);
                         return false;
                       },
                       [] {}, t.get()};
  gate.start();
  socket_pair a;
  gate.admit(a.server);
  a.send("x");
  BOOST_TEST(a.read_all() == "done");
  BOOST_TEST(served.load() == 1);
  gate.stop();
}

BOOST_AUTO_TEST_CASE(a_connection_that_never_sends_is_closed_at_its_deadline) {
  manual_clock t;
  gate_options o;
  o.threads = 1;
  o.max_connections = 8;
  o.request_deadline = std::chrono::seconds{10};
  std::atomic<int> served{0};
  connection_gate gate{o,
                       [&](http_connection&) {
                         ++served;
                         return false;
                       },
                       [] {}, t.get()};
  gate.start();
  socket_pair idle, late;
  gate.admit(idle.server);
  t.now_ns += 11'000'000'000;
  // The next arrival wakes the loop, which finds the first past its time.
  gate.admit(late.server);
  BOOST_TEST(idle.read_all().empty()); // closed, without an answer
  BOOST_TEST(served.load() == 0);
  BOOST_TEST(gate.held() == 1u);
  gate.stop();
}

BOOST_AUTO_TEST_SUITE_END()
