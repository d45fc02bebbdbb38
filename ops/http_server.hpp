// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "config/config.hpp"
#include "config/defaults.hpp"

namespace httplib {
class Server;
}

namespace bridge::ops {

/// Where and how the operator surface listens.
struct http_options {
  std::string address{defaults::http::listen_address};
  int port = static_cast<int>(defaults::http::port);
  size_t threads = defaults::http::threads;
  size_t max_body_bytes = defaults::http::max_body_bytes;
  std::chrono::milliseconds read_timeout = defaults::http::read_timeout;
};

/// The server's options from the `http.*` keys.
http_options http_options_from(const bridge_config& cfg);

/// The engine's HTTP server (metrics, health, admin, dashboard, webhook),
/// cpp-httplib on its own threads, never the actor scheduler's. Routes are
/// added through `routes()` before `start`.
class http_server {
public:
  explicit http_server(http_options opts);
  ~http_server();

  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  httplib::Server& routes() { return *server_; }

  /// Binds and starts serving. False with `err` set when the port is taken.
  bool start(std::string& err);

  /// The bound port (useful with port 0).
  int port() const { return port_; }

  /// Stops accepting and waits for the listener thread.
  void stop();

private:
  http_options opts_;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;
  int port_ = 0;
};

/// Compares two secrets in time independent of where they differ.
bool constant_time_equal(const std::string& a, const std::string& b);

} // namespace bridge::ops
