// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "common/http_client.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_http_abuse)

// The engine's HTTP server against clients that abuse it, each case on
// the running engine in webhook mode: clients trickling headers or a
// body, a chunked body past the limit, bodies the route or the secret
// refuses, hundreds of idle connections, more connections than the cap.
// Each time the bad client ends with a defined outcome (408, 413, 401,
// 404, 503 or a close, counted in bridge_http_refused_total) and a good
// client still gets /healthz and a webhook push answered.

using namespace bridge::test;

namespace {

constexpr const char* secret = "e2e-abuse-webhook-secret";
/// Short, so the cases do not wait long for a cut-off; the engine's
/// default is 10 s.
constexpr int deadline_ms = 1500;

std::vector<std::string> engine_args(int port, std::vector<std::string> extra) {
  std::vector<std::string> args{
      "--translator.backend=fake",
      "--telegram.mode=webhook",
      "--http.port=" + std::to_string(port),
      "--telegram.webhook_url=http://127.0.0.1:" + std::to_string(port)
          + "/telegram/webhook",
      "--http.threads=2",
      "--http.max_body_bytes=4096",
      "--http.request_deadline_ms=" + std::to_string(deadline_ms)};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

/// An engine in webhook mode on a port of its own.
struct abused_engine {
  explicit abused_engine(std::vector<std::string> extra = {})
      : port{free_port()}, w{engine_args(port, extra),
                             unthrottled_sim(),
                             {{"TELEGRAM_WEBHOOK_SECRET", secret}}} {
    // The port is open before the rooms started; pushes wait for them.
    for (int i = 0; i < 600 && ready() != 200; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds{100});
    BOOST_REQUIRE(ready() == 200);
  }

  int port;
  sim_world w;
  int64_t next_update = 1;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }

  long ready() {
    bridge::http_client c;
    return c.get(url("/readyz"), {}, std::chrono::seconds{30}).status;
  }

  long healthz() {
    bridge::http_client c;
    return c.get(url("/healthz"), {}, std::chrono::seconds{30}).status;
  }

  /// A push as Telegram makes it: a text from a stranger, with the secret.
  long push() {
    auto id = std::to_string(next_update++);
    std::string body = R"({"update_id":)" + id + R"(,"message":{"message_id":)"
                       + id
                       + R"(,"date":1,"chat":{"id":777,"type":"private"},)"
                         R"("from":{"id":777,"first_name":"Eve"},)"
                         R"("text":"hello"}})";
    bridge::http_client c;
    return c
        .post(url("/telegram/webhook"), body,
              {"Content-Type: application/json",
               std::string{"X-Telegram-Bot-Api-Secret-Token: "} + secret},
              std::chrono::seconds{30})
        .status;
  }

  /// The good client: /healthz and a push, both answered 200.
  void good_client_is_served() {
    BOOST_TEST(healthz() == 200);
    BOOST_TEST(push() == 200);
  }

  /// bridge_http_refused_total{reason} as /metrics says now.
  long refused(const std::string& reason) {
    bridge::http_client c;
    auto body = c.get(url("/metrics"), {}, std::chrono::seconds{30}).body;
    std::regex line{"bridge_http_refused_total\\{reason=\"" + reason
                    + "\"\\} ([0-9]+)"};
    std::smatch m;
    return std::regex_search(body, m, line) ? std::stol(m[1]) : -1;
  }
};

/// A raw client socket, for what no polite client library would send.
struct raw_client {
  int fd = -1;

  explicit raw_client(int port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a))
                  == 0);
    // A bound on the test's own reads, so a server that never cuts the
    // client off fails the case instead of hanging it.
    timeval tv{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
  ~raw_client() { ::close(fd); }
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  /// False once the server closed the connection.
  bool send(const std::string& s) {
    return ::send(fd, s.data(), s.size(), MSG_NOSIGNAL)
           == static_cast<ssize_t>(s.size());
  }

  /// Everything the server wrote until it closed; `reset` is set when the
  /// close was a reset (what a close with unread bytes looks like).
  std::string read_to_close(bool* reset = nullptr) {
    std::string out;
    char buf[1024];
    for (;;) {
      auto n = ::recv(fd, buf, sizeof(buf), 0);
      if (n > 0) {
        out.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EAGAIN)
        BOOST_FAIL("the server held the connection past 30 s");
      if (reset != nullptr)
        *reset = n < 0 && errno == ECONNRESET;
      return out;
    }
  }
};

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

/// Sends `bytes` one at a time, a tenth of a second apart, until the
/// server closes the connection or `bytes` runs out.
void trickle(raw_client& c, const std::string& bytes) {
  for (char ch : bytes) {
    if (!c.send(std::string(1, ch)))
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
}

std::string webhook_head(const std::string& framing) {
  return std::string{"POST /telegram/webhook HTTP/1.1\r\nHost: x\r\n"}
         + "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\n"
         + "Content-Type: application/json\r\n" + framing + "\r\n\r\n";
}

} // namespace

BOOST_AUTO_TEST_CASE(clients_trickling_headers_are_cut_off_with_408) {
  abused_engine e;
  auto before = e.refused("timeout");
  // More slow clients than the server has threads: each would hold one
  // for as long as it kept trickling.
  std::vector<std::unique_ptr<raw_client>> slow;
  std::vector<std::thread> senders;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(std::make_unique<raw_client>(e.port));
    senders.emplace_back(trickle, std::ref(*slow.back()),
                         "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                             + std::string(200, 'X'));
  }
  e.good_client_is_served();
  for (auto& c : slow)
    BOOST_TEST(starts_with(c->read_to_close(), "HTTP/1.1 408 "));
  for (auto& t : senders)
    t.join();
  BOOST_TEST(e.refused("timeout") >= before + 4);
  e.good_client_is_served();
}

BOOST_AUTO_TEST_CASE(a_client_trickling_its_body_is_cut_off_with_408) {
  abused_engine e;
  raw_client slow{e.port};
  BOOST_REQUIRE(slow.send(webhook_head("Content-Length: 300")));
  std::thread sender{trickle, std::ref(slow), std::string(300, ' ')};
  e.good_client_is_served();
  BOOST_TEST(starts_with(slow.read_to_close(), "HTTP/1.1 408 "));
  sender.join();
  e.good_client_is_served();
}

BOOST_AUTO_TEST_CASE(a_chunked_body_past_the_limit_is_cut_off_with_413) {
  abused_engine e;
  auto before = e.refused("too_large");
  raw_client big{e.port};
  BOOST_REQUIRE(big.send(webhook_head("Transfer-Encoding: chunked")));
  std::string chunk = "400\r\n" + std::string(1024, 'a') + "\r\n";
  // 1 MiB offered against a limit of 4 KiB: the server stops reading
  // long before, and the sends fail once it closed.
  for (int i = 0; i < 1024 && big.send(chunk); ++i) {
  }
  bool reset = false;
  auto said = big.read_to_close(&reset);
  // A close with the client's bytes unread is a reset, which may reach the
  // client before the answer does; the counter says which cut it was.
  BOOST_TEST((starts_with(said, "HTTP/1.1 413 ") || reset), said);
  BOOST_TEST(e.refused("too_large") == before + 1);
  e.good_client_is_served();
}

BOOST_AUTO_TEST_CASE(bodies_are_refused_before_they_are_read) {
  abused_engine e;
  // Each declares a body it never sends: an answer at all proves the
  // server did not wait to read it.
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send(webhook_head("Content-Length: 100000000")));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 413 "));
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send("POST /telegram/webhook HTTP/1.1\r\nHost: x\r\n"
                         "X-Telegram-Bot-Api-Secret-Token: wrong\r\n"
                         "Content-Length: 1000\r\n\r\n"));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 401 "));
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send("POST /telegram/webhook HTTP/1.1\r\nHost: x\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 401 "));
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send("POST /nowhere HTTP/1.1\r\nHost: x\r\n"
                         "Content-Length: 1000\r\n\r\n"));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 404 "));
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send("PUT /admin/log_level HTTP/1.1\r\nHost: x\r\n"
                         "Content-Length: 1000\r\n\r\n"));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 503 ")); // no token
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send(webhook_head("X-Nothing: 1")));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 411 "));
  }
  {
    raw_client c{e.port};
    BOOST_REQUIRE(c.send(webhook_head("Content-Length: 5\r\n"
                                      "Transfer-Encoding: chunked")));
    BOOST_TEST(starts_with(c.read_to_close(), "HTTP/1.1 400 "));
  }
  e.good_client_is_served();
}

BOOST_AUTO_TEST_CASE(hundreds_of_idle_connections_cost_no_one_an_answer) {
  abused_engine e;
  std::vector<std::unique_ptr<raw_client>> idle;
  for (int i = 0; i < 300; ++i)
    idle.push_back(std::make_unique<raw_client>(e.port));
  // Served while all 300 are open and quiet.
  e.good_client_is_served();
  // Each is closed at its deadline, without an answer: it asked nothing.
  for (auto& c : idle)
    BOOST_TEST(c->read_to_close().empty());
  e.good_client_is_served();
}

BOOST_AUTO_TEST_CASE(connections_past_the_cap_are_refused_with_503) {
  abused_engine e{{"--http.max_connections=20"}};
  auto before = e.refused("connections");
  std::vector<std::unique_ptr<raw_client>> idle;
  for (int i = 0; i < 40; ++i)
    idle.push_back(std::make_unique<raw_client>(e.port));
  int refused = 0;
  for (auto& c : idle) {
    bool reset = false;
    auto said = c->read_to_close(&reset);
    if (starts_with(said, "HTTP/1.1 503 "))
      ++refused;
    else
      BOOST_TEST((said.empty() || reset), said);
  }
  // Twenty are held; a connection of the test's own still closing may
  // take a place for a moment.
  BOOST_TEST(refused >= 18);
  BOOST_TEST(refused <= 22);
  BOOST_TEST(e.refused("connections") >= before + refused);
  // Once the idle ones were cut at their deadline, everyone is served.
  e.good_client_is_served();
}

BOOST_AUTO_TEST_SUITE_END()
