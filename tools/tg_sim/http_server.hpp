// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "tools/tg_sim/sim_state.hpp"

namespace bridge::tg_sim {

/// How the simulator's HTTP server listens and how far clients may go.
struct server_settings {
  std::string host = "127.0.0.1";
  /// 0 picks a free port.
  int port = 0;
  /// Serving threads: each kept-alive connection and each long poll holds
  /// one, so the pool grows on demand from min to max.
  size_t min_threads = 8;
  size_t max_threads = 256;
  /// Largest Bot API request body; Telegram's own text limit fits many
  /// times over.
  size_t max_api_body = 1024 * 1024;
  /// Largest control request body (raw injections may be big on purpose).
  size_t max_control_body = 16 * 1024 * 1024;
  /// Largest POST /sim/messages body: a thousand long texts fit.
  size_t max_batch_body = 8 * 1024 * 1024;
  /// Caps on a getUpdates timeout and an event read's wait_ms.
  std::chrono::seconds max_poll{60};
  std::chrono::milliseconds max_wait{60'000};
  /// How long an idle kept-alive connection stays open.
  std::chrono::seconds keep_alive{30};
  /// How long the webhook pusher waits for the bot's answer.
  std::chrono::milliseconds webhook_timeout{5'000};
};

/// tg-sim's HTTP front: the Bot API under /bot<token>/<method>, the
/// control API under /sim/, and the webhook pusher, all over one state.
/// Loopback only by default; no TLS.
class http_server {
public:
  http_server(sim_state& state, server_settings settings);
  ~http_server();

  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// Binds and serves on background threads. Returns the bound port, or
  /// 0 with `error` set.
  int start(std::string& error);

  /// Shuts the state down (waking every long poll), stops accepting and
  /// joins every thread. Idempotent.
  void stop();

  int port() const;

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace bridge::tg_sim
