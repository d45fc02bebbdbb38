// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

namespace bridge {

/// Waits for `events` (POLLIN, POLLOUT) on `fd`, retrying an interrupted
/// wait. Above 0 when they came, 0 when `timeout` passed first (a negative
/// timeout counts as 0), below 0 when the wait itself failed.
int poll_one(int fd, short events, std::chrono::milliseconds timeout);

/// One end of a connected socket.
struct socket_endpoint {
  std::string ip;
  /// -1 when the address could not be read.
  int port = -1;
};

/// The peer's (`peer`) or this side's address of socket `fd`.
socket_endpoint address_of(int fd, bool peer);

} // namespace bridge
