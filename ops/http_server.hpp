// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "config/defaults.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace bridge::ops {

/// Where and how the operator surface listens.
struct http_options {
  std::string address{defaults::http::listen_address};
  int port = static_cast<int>(defaults::http::port);
  size_t threads = defaults::http::threads;
  size_t max_body_bytes = defaults::http::max_body_bytes;
  std::chrono::milliseconds read_timeout = defaults::http::read_timeout;
  std::chrono::milliseconds request_deadline = defaults::http::request_deadline;
  size_t max_connections = defaults::http::max_connections;
};

class connection_gate;
class gated_server;

/// A route's say on a request with a body, from its headers alone: true
/// when it refused it (and filled the answer), so the body is never read.
using body_gate =
    std::function<bool(const httplib::Request&, httplib::Response&)>;

/// The server's options from the `http.*` keys.
http_options http_options_from(const bridge_config& cfg);

/// The engine's HTTP server (metrics, health, admin, dashboard, webhook),
/// cpp-httplib on its own threads, never the actor scheduler's. Routes are
/// added through `routes()` before `start`.
///
/// cpp-httplib parses and routes; who gets a thread, for how long, and
/// which bodies are read is decided here (see connection_gate and
/// request_stream): at most `max_connections` are held, each request must
/// be whole within `request_deadline` (408 otherwise) and within
/// `max_body_bytes` plus its headers, chunked or not (413), and a body is
/// read only when its framing is sound and a route that takes bodies
/// under its path (`guard_bodies`) let it in; anything else is answered
/// from the headers and the connection closed.
class http_server {
public:
  explicit http_server(http_options opts);
  ~http_server();

  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  httplib::Server& routes();

  /// Lets bodies in under `prefix` once `gate` agreed; requests with a
  /// body anywhere else are answered 404 unread.
  void guard_bodies(std::string prefix, body_gate gate);

  /// Binds and starts serving. False with `err` set when the port is taken.
  bool start(std::string& err);

  /// The bound port (useful with port 0).
  int port() const { return port_; }

  /// Stops accepting and waits for the listener thread.
  void stop();

private:
  /// The pre-routing check: framing, size, then the path's gate.
  bool screen(const httplib::Request& req, httplib::Response& res);

  http_options opts_;
  std::vector<std::pair<std::string, body_gate>> gates_;
  std::unique_ptr<gated_server> server_;
  std::unique_ptr<connection_gate> conns_;
  std::thread listener_;
  int port_ = 0;
};

/// Compares two secrets in time independent of where they differ.
bool constant_time_equal(const std::string& a, const std::string& b);

} // namespace bridge::ops
