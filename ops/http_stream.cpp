// SPDX-License-Identifier: Apache-2.0
#include "ops/http_stream.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/socket_io.hpp"

namespace bridge::ops {

namespace {

constexpr size_t read_chunk = 4096;

/// Sends what the kernel takes now; a client that does not read its answer
/// loses it rather than holding the thread.
void send_now(int fd, const std::string& bytes) {
  (void)::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

} // namespace

request_stream::request_stream(http_connection& conn, request_limits limits,
                               clock clk)
    : conn_(conn), limits_(limits), clock_(std::move(clk)) {}

bool request_stream::is_readable() const {
  if (fault_ != stream_fault::none)
    return false;
  if (conn_.has_pending())
    return true;
  auto left_ms = (limits_.deadline_ns - clock_.steady_ns()) / 1'000'000;
  auto wait = std::clamp<int64_t>(left_ms, 0, limits_.read_timeout.count());
  return poll_one(conn_.fd, POLLIN, std::chrono::milliseconds{wait}) > 0;
}

bool request_stream::is_writable() const {
  return poll_one(conn_.fd, POLLOUT, limits_.read_timeout) > 0;
}

bool request_stream::wait_readable() {
  // Past the deadline, bytes already waiting are still taken: a request
  // that queued for a thread is not the client's fault, and the byte
  // budget bounds how long taking them lasts. Waiting for more is over.
  auto left_ms = (limits_.deadline_ns - clock_.steady_ns()) / 1'000'000;
  auto wait = std::clamp<int64_t>(left_ms, 0, limits_.read_timeout.count());
  int rc = poll_one(conn_.fd, POLLIN, std::chrono::milliseconds{wait});
  if (rc == 0)
    fault_ = stream_fault::timeout;
  return rc > 0;
}

ssize_t request_stream::hand_out(char* ptr, size_t size) {
  auto n = std::min(size, conn_.pending.size() - conn_.pending_at);
  std::memcpy(ptr, conn_.pending.data() + conn_.pending_at, n);
  conn_.pending_at += n;
  taken_ += n;
  if (taken_ > limits_.max_request_bytes) {
    fault_ = stream_fault::too_large;
    return -1;
  }
  return static_cast<ssize_t>(n);
}

ssize_t request_stream::read(char* ptr, size_t size) {
  if (fault_ != stream_fault::none)
    return -1;
  if (size == 0)
    return 0;
  if (conn_.has_pending())
    return hand_out(ptr, size);
  // The deadline is checked before every read, not only when the socket
  // is quiet: a client sending a byte a second is never quiet for long.
  if (!wait_readable())
    return -1;
  conn_.pending.resize(read_chunk);
  conn_.pending_at = 0;
  ssize_t n = 0;
  do {
    n = ::recv(conn_.fd, conn_.pending.data(), read_chunk, 0);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    conn_.pending.clear();
    return n;
  }
  conn_.pending.resize(static_cast<size_t>(n));
  return hand_out(ptr, size);
}

ssize_t request_stream::write(const char* ptr, size_t size) {
  // cpp-httplib answers a failed read with 400; the fault's own answer
  // (408 or 413) is written instead, once the parser gave up.
  if (fault_ != stream_fault::none)
    return -1;
  auto now = clock_.steady_ns();
  if (write_by_ns_ == 0)
    write_by_ns_ =
        now + static_cast<int64_t>(limits_.answer_time.count()) * 1'000'000;
  auto left_ms = (write_by_ns_ - now) / 1'000'000;
  if (left_ms <= 0)
    return -1;
  auto wait = std::min<int64_t>(left_ms, limits_.read_timeout.count());
  if (poll_one(conn_.fd, POLLOUT, std::chrono::milliseconds{wait}) <= 0)
    return -1;
  ssize_t n = 0;
  do {
    n = ::send(conn_.fd, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void request_stream::get_remote_ip_and_port(std::string& ip, int& port) const {
  auto e = address_of(conn_.fd, true);
  ip = std::move(e.ip);
  port = e.port;
}

void request_stream::get_local_ip_and_port(std::string& ip, int& port) const {
  auto e = address_of(conn_.fd, false);
  ip = std::move(e.ip);
  port = e.port;
}

void answer_and_forget(int fd, int status, const char* reason,
                       const char* description) {
  std::string body = std::string{R"({"error":")"} + description + "\"}";
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason
                     + "\r\nConnection: close\r\n"
                       "Content-Type: application/json\r\n"
                       "Content-Length: "
                     + std::to_string(body.size()) + "\r\n";
  if (status == 503)
    head += "Retry-After: 1\r\n";
  send_now(fd, head + "\r\n" + body);
}

void answer_fault(int fd, stream_fault fault) {
  if (fault == stream_fault::timeout)
    answer_and_forget(fd, 408, "Request Timeout",
                      "the request was not sent in time");
  else if (fault == stream_fault::too_large)
    answer_and_forget(fd, 413, "Payload Too Large",
                      "the request is larger than the server accepts");
}

} // namespace bridge::ops
