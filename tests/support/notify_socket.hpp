// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "tests/support/process.hpp"

namespace bridge::test {

/// systemd's side of Type=notify: a UNIX datagram socket in a scratch
/// folder, for NOTIFY_SOCKET. Closed and removed with the object.
class notify_socket {
public:
  notify_socket() {
    if (fd_ < 0 || path_.size() >= sizeof(sockaddr_un::sun_path))
      throw std::runtime_error("cannot make a notify socket at " + path_);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path_.copy(addr.sun_path, path_.size());
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("cannot bind " + path_);
  }
  ~notify_socket() {
    close(fd_);
    std::filesystem::remove_all(dir_);
  }
  notify_socket(const notify_socket&) = delete;
  notify_socket& operator=(const notify_socket&) = delete;

  const std::string& path() const { return path_; }

  /// The next notice, or nothing within `ms` (a bound on waiting for what
  /// should come, never a measure of time).
  std::optional<std::string> next(int ms) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, ms) != 1)
      return std::nullopt;
    char buf[1024];
    auto n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0)
      return std::nullopt;
    return std::string(buf, static_cast<size_t>(n));
  }

  /// Whether `notice` holds the assignment `line` (`READY=1`).
  static bool has(const std::string& notice, const std::string& line) {
    return ("\n" + notice + "\n").find("\n" + line + "\n") != std::string::npos;
  }

private:
  std::string dir_ = make_scratch_dir("notify");
  std::string path_ = dir_ + "/notify.sock";
  int fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
};

} // namespace bridge::test
