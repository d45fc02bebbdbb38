// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_server.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/socket_io.hpp"

namespace bridge::tg_sim {

namespace {

/// Bytes taken from the socket at once; a request's headers fit.
constexpr size_t read_chunk = 16 * 1024;
/// Answer bytes held before they are sent even though more may follow
/// (an event log read can be large).
constexpr size_t write_hold = 64 * 1024;

/// Waits for `events` on `fd`; true when they came before `timeout`.
bool wait_for(int fd, short events, std::chrono::milliseconds timeout) {
  return poll_one(fd, events, timeout) > 0;
}

/// One connection's stream for all of its requests: what was read past a
/// request (a pipelined next one) stays for the next, and an answer is
/// held until the handler is done or the stream must read again.
class connection_stream final : public httplib::Stream {
public:
  connection_stream(int fd, connection_timeouts t)
      : fd_(fd), timeouts_(t), peer_(address_of(fd, true)),
        local_(address_of(fd, false)) {}

  int peer_port() const { return peer_.port; }

  /// Waits for the next request's first bytes; false when the connection
  /// stayed quiet for the keep-alive time or was closed.
  bool await_request() {
    return at_ < in_.size() || wait_for(fd_, POLLIN, timeouts_.keep_alive);
  }

  /// Sends what the answer has written so far; false when the client
  /// stopped taking it.
  bool flush() {
    size_t sent = 0;
    while (sent < out_.size() && !failed_) {
      auto n = ::send(fd_, out_.data() + sent, out_.size() - sent,
                      MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        failed_ = !wait_for(fd_, POLLOUT, timeouts_.write);
      } else {
        failed_ = true;
      }
    }
    out_.clear();
    return !failed_;
  }

  bool is_readable() const override {
    return at_ < in_.size() || wait_for(fd_, POLLIN, timeouts_.read);
  }

  bool is_writable() const override { return !failed_; }

  ssize_t read(char* ptr, size_t size) override {
    if (size == 0)
      return 0;
    if (!flush())
      return -1;
    if (at_ == in_.size()) {
      auto n = receive();
      if (n <= 0)
        return n;
    }
    auto n = std::min(size, in_.size() - at_);
    std::memcpy(ptr, in_.data() + at_, n);
    at_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (failed_)
      return -1;
    out_.append(ptr, size);
    if (out_.size() >= write_hold && !flush())
      return -1;
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = peer_.ip;
    port = peer_.port;
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = local_.ip;
    port = local_.port;
  }

  socket_t socket() const override { return fd_; }

private:
  /// Refills the buffer. The bytes are most often there already (the
  /// connection was woken for them), so it asks before it waits.
  ssize_t receive() {
    in_.resize(read_chunk);
    at_ = 0;
    auto n = receive_now();
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
        && wait_for(fd_, POLLIN, timeouts_.read))
      n = receive_now();
    in_.resize(static_cast<size_t>(std::max<ssize_t>(n, 0)));
    return n;
  }

  ssize_t receive_now() {
    ssize_t n = 0;
    do {
      n = ::recv(fd_, in_.data(), in_.size(), MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    return n;
  }

  int fd_;
  connection_timeouts timeouts_;
  socket_endpoint peer_;
  socket_endpoint local_;
  std::vector<char> in_;
  size_t at_ = 0;
  std::string out_;
  bool failed_ = false;
};

} // namespace

bool sim_server::process_and_close_socket(socket_t sock) {
  connection_stream strm{sock, timeouts_};
  {
    std::lock_guard<std::mutex> guard{mu_};
    open_.emplace(sock, strm.peer_port());
  }
  bool ok = true;
  // svr_sock_ turns invalid when the server stops; the stop also shuts
  // every open connection down, which ends a wait in await_request.
  while (ok && svr_sock_ != INVALID_SOCKET && strm.await_request()) {
    bool closed = false;
    ok = process_request(strm, false, closed, nullptr);
    ok = strm.flush() && ok && !closed;
  }
  {
    std::lock_guard<std::mutex> guard{mu_};
    open_.erase(sock);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

void sim_server::drop(int peer_port) {
  std::lock_guard<std::mutex> guard{mu_};
  for (auto [fd, port] : open_) {
    if (port == peer_port) {
      ::shutdown(fd, SHUT_RDWR);
      return;
    }
  }
}

void sim_server::shut_down_connections() {
  std::lock_guard<std::mutex> guard{mu_};
  for (auto [fd, port] : open_)
    ::shutdown(fd, SHUT_RDWR);
}

size_t sim_server::open_connections() const {
  std::lock_guard<std::mutex> guard{mu_};
  return open_.size();
}

} // namespace bridge::tg_sim
