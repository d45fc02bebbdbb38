// SPDX-License-Identifier: Apache-2.0
#pragma once

// The simulator over real loopback sockets: the server in-process on a
// free port with a real clock and fast webhook retries.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "common/http_client.hpp"
#include "tools/tg_sim/http_server.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace tg_sim_test {

using namespace bridge;
using namespace bridge::tg_sim;
using namespace std::chrono_literals;

inline const std::string token = "42:test-token";

/// Waits until `done` holds, polling; false when `limit` passes first, so
/// a wait that never ends fails the test with its own message instead of
/// spinning until CTest's timeout.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = 20s) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

/// A raw client connection; every read gives up after `timeout`.
class raw_connection {
public:
  raw_connection(int port, std::chrono::seconds timeout = 20s)
      : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{static_cast<time_t>(timeout.count()), 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    connected_ =
        ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~raw_connection() { ::close(fd_); }

  raw_connection(const raw_connection&) = delete;
  raw_connection& operator=(const raw_connection&) = delete;

  bool connected() const { return connected_; }

  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL)
           == static_cast<ssize_t>(bytes.size());
  }

  /// Reads one whole answer (its headers and a Content-Length body); ""
  /// when the connection closed or timed out before it was whole.
  std::string answer() {
    for (;;) {
      auto end = buffer_.find("\r\n\r\n");
      if (end != std::string::npos) {
        size_t length = 0;
        auto at = buffer_.find("Content-Length: ");
        if (at != std::string::npos && at < end)
          length = std::stoul(buffer_.substr(at + 16));
        auto whole = end + 4 + length;
        if (buffer_.size() >= whole) {
          auto one = buffer_.substr(0, whole);
          buffer_.erase(0, whole);
          return one;
        }
      }
      if (!fill())
        return {};
    }
  }

  /// True when the server closed the connection (before the timeout) with
  /// nothing more to say.
  bool closed_by_server() { return buffer_.empty() && !fill() && eof_; }

private:
  bool fill() {
    char buf[4096];
    auto n = ::recv(fd_, buf, sizeof(buf), 0);
    eof_ = n == 0;
    if (n <= 0)
      return false;
    buffer_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  bool eof_ = false;
  std::string buffer_;
};

struct server_fixture {
  server_fixture() : state(options(), std::make_shared<real_clock>()) {
    std::string error;
    port = server->start(error);
    BOOST_REQUIRE_MESSAGE(port > 0, error);
    base = "http://127.0.0.1:" + std::to_string(port);
    api = base + "/bot" + token + "/";
  }

  ~server_fixture() { server->stop(); }

  static sim_options options() {
    sim_options o;
    o.token = token;
    o.webhook_retry_base = 10ms;
    o.webhook_retry_cap = 50ms;
    return o;
  }

  http_response bot_post(const std::string& method, const std::string& body,
                         const std::string& type = "application/json",
                         std::chrono::milliseconds timeout = 10s) {
    return http.post(api + method, body, {"Content-Type: " + type}, timeout);
  }

  sim_state state;
  std::unique_ptr<http_server> server =
      std::make_unique<http_server>(state, server_settings{});
  int port = 0;
  std::string base;
  std::string api;
  http_client http;
  sim_user ana{1001, "Ana", "", "ana", "es", false};
};

} // namespace tg_sim_test
