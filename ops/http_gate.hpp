// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "ops/http_stream.hpp"

namespace bridge::ops {

/// How many connections the server holds and how long they may wait.
struct gate_options {
  /// Threads reading and answering requests.
  size_t threads = 4;
  /// Connections held at once (waiting, queued or being answered); more
  /// are answered 503 and closed at once.
  size_t max_connections = 512;
  /// Time a connection has from its acceptance to send its first whole
  /// request; later requests count from their first byte.
  std::chrono::milliseconds request_deadline{10000};
  /// Time an open connection may stay quiet between two requests.
  std::chrono::milliseconds keep_alive_idle{5000};
};

/// Decides what each accepted connection gets. cpp-httplib gives every
/// socket a thread from accept on and queues the rest without bound, so a
/// few hundred idle sockets starve every other client. Here a connection
/// waits for its request in one poll() loop and gets a thread only once
/// bytes arrived; the connections held are capped, and one waiting past
/// its deadline is closed without ever holding a thread.
class connection_gate {
public:
  /// Answers the requests on one connection that has bytes to read;
  /// true when it stays open for another request.
  using serve_fn = std::function<bool(http_connection&)>;
  /// Called once per socket refused because the cap was reached.
  using refused_fn = std::function<void()>;

  connection_gate(gate_options opts, serve_fn serve, refused_fn refused,
                  clock clk = {});
  ~connection_gate();

  connection_gate(const connection_gate&) = delete;
  connection_gate& operator=(const connection_gate&) = delete;

  /// Starts the poll loop and the threads.
  void start();

  /// Takes an accepted socket (the gate closes it), or refuses it when
  /// the cap is reached. Never blocks.
  void admit(int fd);

  /// Closes every connection and joins the threads; requests being
  /// answered are cut at their next read.
  void stop();

  /// Connections held now (for tests and the log).
  size_t held() const;

private:
  struct parked {
    std::unique_ptr<http_connection> conn;
    int64_t until_ns;
  };

  void poll_loop();
  void work_loop();
  void wake_poller();
  /// Moves readable connections to the ready queue and closes those past
  /// their time; returns the nearest time left to wait, in ms.
  int64_t sort_parked(const std::vector<int>& readable);
  void release(std::unique_ptr<http_connection> conn);
  void park(std::unique_ptr<http_connection> conn, int64_t until_ns);

  gate_options opts_;
  serve_fn serve_;
  refused_fn refused_;
  clock clock_;

  mutable std::mutex mtx_;
  std::condition_variable ready_cv_;
  std::vector<parked> parked_;
  std::deque<std::unique_ptr<http_connection>> ready_;
  std::set<int> serving_;
  size_t held_ = 0;
  bool stopping_ = false;
  /// Refusals of the current burst; logged when it starts and ends.
  uint64_t burst_refused_ = 0;

  int wake_fd_ = -1;
  std::thread poller_;
  std::vector<std::thread> workers_;
};

} // namespace bridge::ops
