// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include <httplib.h>

#include "ops/http_server.hpp"
#include "telemetry/metrics.hpp"

BOOST_AUTO_TEST_SUITE(ops_http_server)

// The engine's HTTP server in process, as polite clients use it: what the
// defences must not break (keep-alive, pipelining, chunked bodies within
// the limit) and where a chunked body's limit falls.

using namespace bridge::ops;

namespace {

/// A server on a free loopback port with one body route, /echo, that
/// answers with the body's size.
struct echo_server {
  http_server server;

  echo_server() : server{options()} {
    server.routes().Get("/ping",
                        [](const httplib::Request&, httplib::Response& res) {
                          res.set_content("pong", "text/plain");
                        });
    server.routes().Post(
        "/echo", [](const httplib::Request& req, httplib::Response& res) {
          res.set_content(std::to_string(req.body.size()), "text/plain");
        });
    server.guard_bodies(
        "/echo", [](const httplib::Request& req, httplib::Response& res) {
          if (req.get_header_value("X-Key") == "right")
            return false;
          res.status = 401;
          return true;
        });
    std::string err;
    BOOST_REQUIRE_MESSAGE(server.start(err), err);
  }

  static http_options options() {
    http_options o;
    o.address = "127.0.0.1";
    o.port = 0;
    o.threads = 2;
    o.max_body_bytes = 1024;
    return o;
  }
};

/// A raw connection to `port`.
struct raw {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);

  explicit raw(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a))
                  == 0);
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~raw() { ::close(fd); }

  void send(const std::string& s) {
    BOOST_REQUIRE(::send(fd, s.data(), s.size(), MSG_NOSIGNAL)
                  == static_cast<ssize_t>(s.size()));
  }

  /// Reads until `count` answers' ends ("\r\n\r\n" and a body of the
  /// length they give) arrived, or the server closed.
  std::string read_answers(int count) {
    std::string out;
    char buf[1024];
    while (complete(out) < count) {
      auto n = ::recv(fd, buf, sizeof(buf), 0);
      if (n <= 0)
        break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

  static int complete(const std::string& s) {
    int found = 0;
    size_t at = 0;
    while (true) {
      auto head_end = s.find("\r\n\r\n", at);
      if (head_end == std::string::npos)
        return found;
      auto cl = s.find("Content-Length: ", at);
      size_t len = 0;
      if (cl != std::string::npos && cl < head_end)
        len = std::stoul(s.substr(cl + 16));
      if (s.size() < head_end + 4 + len)
        return found;
      ++found;
      at = head_end + 4 + len;
    }
  }
};

int answers_of(const std::string& s, const std::string& status) {
  int n = 0;
  for (size_t at = s.find(status); at != std::string::npos;
       at = s.find(status, at + 1))
    ++n;
  return n;
}

const std::string ping = "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n";

} // namespace

BOOST_AUTO_TEST_CASE(a_connection_carries_several_requests) {
  echo_server s;
  raw c{s.server.port()};
  c.send(ping);
  BOOST_TEST(answers_of(c.read_answers(1), "HTTP/1.1 200 OK") == 1);
  c.send(ping);
  BOOST_TEST(answers_of(c.read_answers(1), "HTTP/1.1 200 OK") == 1);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_all_answered_in_order) {
  echo_server s;
  raw c{s.server.port()};
  c.send(ping
         + "POST /echo HTTP/1.1\r\nHost: x\r\nX-Key: right\r\n"
           "Content-Length: 3\r\n\r\nabc"
         + ping);
  auto said = c.read_answers(3);
  BOOST_TEST(answers_of(said, "HTTP/1.1 200 OK") == 3);
  BOOST_TEST(said.find("pong") < said.find("\r\n\r\n3"));
}

BOOST_AUTO_TEST_CASE(a_chunked_body_within_the_limit_is_read_whole) {
  echo_server s;
  raw c{s.server.port()};
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nX-Key: right\r\n"
         "Transfer-Encoding: chunked\r\n\r\n"
         "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  auto said = c.read_answers(1);
  BOOST_TEST(said.rfind("HTTP/1.1 200 OK", 0) == 0);
  BOOST_TEST(said.substr(said.size() - 2) == "11");
}

BOOST_AUTO_TEST_CASE(a_chunked_body_past_the_budget_is_413) {
  echo_server s;
  raw c{s.server.port()};
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nX-Key: right\r\n"
         "Transfer-Encoding: chunked\r\n\r\n");
  // 1 KiB of body and 64 KiB of headers are allowed; 80 KiB is past both.
  std::string chunk = "400\r\n" + std::string(1024, 'z') + "\r\n";
  auto& cut = bridge::telemetry::metrics().http_refused("too_large");
  auto before = cut.Value();
  for (int i = 0; i < 80; ++i)
    c.send(chunk);
  auto said = c.read_answers(1);
  // Closing with the client's bytes unread is a reset, which may reach
  // the client before the answer; the counter tells which cut it was.
  BOOST_TEST((said.rfind("HTTP/1.1 413 Payload Too Large", 0) == 0
              || errno == ECONNRESET));
  BOOST_TEST(cut.Value() == before + 1);
}

BOOST_AUTO_TEST_CASE(a_route_gate_refuses_a_chunked_body_unread) {
  echo_server s;
  raw c{s.server.port()};
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nX-Key: wrong\r\n"
         "Transfer-Encoding: chunked\r\n\r\n");
  BOOST_TEST(c.read_answers(1).rfind("HTTP/1.1 401", 0) == 0);
}

BOOST_AUTO_TEST_CASE(stopping_with_idle_connections_open_returns) {
  echo_server s;
  raw idle1{s.server.port()};
  raw idle2{s.server.port()};
  raw served{s.server.port()};
  served.send(ping);
  BOOST_TEST(answers_of(served.read_answers(1), "HTTP/1.1 200 OK") == 1);
  s.server.stop();
  char b;
  BOOST_TEST(::recv(idle1.fd, &b, 1, 0) == 0);
  BOOST_TEST(::recv(served.fd, &b, 1, 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
