// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <mutex>
#include <unordered_map>

#include <httplib.h>

namespace bridge::tg_sim {

/// How long a connection may wait, read and write.
struct connection_timeouts {
  /// Quiet time allowed between two requests on a kept-alive connection.
  std::chrono::milliseconds keep_alive{30'000};
  /// The longest pause while a request is read.
  std::chrono::milliseconds read{5'000};
  /// The longest a client may leave its answer unread.
  std::chrono::milliseconds write{5'000};
};

/// cpp-httplib's server with its connection loop replaced.
///
/// cpp-httplib 0.11 waits for a kept-alive connection's next request in a
/// loop of 10 ms polls and 1 ms sleeps (about 180 wake-ups a second for
/// each quiet connection), asks the socket for both its addresses at every
/// request, and writes an answer's headers and body in two sends, each
/// after two polls, so the client is woken twice. Under a bot's load that
/// cost the simulator more than its own work. Here a connection waits for
/// its next request in one blocking poll, its addresses are read once, and
/// an answer leaves in one send (written out before any further read, so
/// a `100 Continue` still reaches the client before its body is awaited).
///
/// The server also keeps the set of its open connections, so one can be
/// dropped by its client's port (the `drop` fault) and all of them shut
/// down when the server stops, which ends their waits at once.
/// `process_and_close_socket` is virtual in 0.11 and `process_request`
/// (parse, route and answer one request from any stream) is protected.
class sim_server final : public httplib::Server {
public:
  void set_timeouts(connection_timeouts t) { timeouts_ = t; }

  /// Shuts down the connection whose client is on `peer_port`, without an
  /// answer. No effect when there is none.
  void drop(int peer_port);

  /// Shuts down every open connection: waits and reads on them end now.
  void shut_down_connections();

  /// Connections open now.
  size_t open_connections() const;

private:
  bool process_and_close_socket(socket_t sock) override;

  connection_timeouts timeouts_;
  mutable std::mutex mu_;
  /// Socket → its client's port, while the connection is served.
  std::unordered_map<int, int> open_;
};

} // namespace bridge::tg_sim
