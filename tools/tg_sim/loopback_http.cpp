// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/loopback_http.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/content_length.hpp"
#include "common/socket_io.hpp"
#include "tools/tg_sim/http_framing.hpp"

namespace bridge::tg_sim {

namespace {

using clock_type = std::chrono::steady_clock;

/// Bytes taken from the socket at once.
constexpr size_t answer_chunk = 16 * 1024;

std::chrono::milliseconds left_until(clock_type::time_point deadline) {
  return std::chrono::ceil<std::chrono::milliseconds>(deadline
                                                      - clock_type::now());
}

bool failed(http_response& out, std::string why) {
  out.status = 0;
  out.error = std::move(why);
  return false;
}

} // namespace

loopback_http::loopback_http(int port) : port_(port) {}

loopback_http::~loopback_http() {
  close();
}

loopback_http::loopback_http(loopback_http&& other) noexcept
    : port_(other.port_), fd_(std::exchange(other.fd_, -1)),
      in_(std::move(other.in_)), max_body_(other.max_body_) {}

loopback_http& loopback_http::operator=(loopback_http&& other) noexcept {
  if (this != &other) {
    close();
    port_ = other.port_;
    fd_ = std::exchange(other.fd_, -1);
    in_ = std::move(other.in_);
    max_body_ = other.max_body_;
  }
  return *this;
}

http_response loopback_http::get(std::string_view path,
                                 std::chrono::milliseconds timeout) {
  return exchange("GET", path, nullptr, {}, timeout);
}

http_response loopback_http::post(std::string_view path, std::string_view body,
                                  std::string_view content_type,
                                  std::chrono::milliseconds timeout) {
  return exchange("POST", path, &body, content_type, timeout);
}

http_response loopback_http::exchange(std::string_view method,
                                      std::string_view path,
                                      const std::string_view* body,
                                      std::string_view content_type,
                                      std::chrono::milliseconds timeout) {
  http_response out;
  // A path or type that would end its line early, and so write a
  // request nobody asked for, is refused before anything is sent.
  auto breaks = [](std::string_view s, std::string_view stops) {
    return s.find_first_of(stops) != std::string_view::npos;
  };
  using namespace std::string_view_literals;
  if (path.empty() || path.front() != '/' || breaks(path, " \r\n\0"sv)
      || (body != nullptr && breaks(content_type, "\r\n\0"sv))) {
    failed(out, "refused to send a request path or content type holding "
                "line breaks (or, in a path, spaces)");
    return out;
  }
  auto deadline = clock_type::now() + timeout;
  drop_if_closed();
  if (fd_ < 0 && !open(deadline, out))
    return out;
  request_.clear();
  request_.append(method).append(" ").append(path).append(" HTTP/1.1\r\n");
  request_.append("Host: 127.0.0.1:").append(std::to_string(port_));
  request_.append("\r\n");
  if (body != nullptr) {
    request_.append("Content-Type: ").append(content_type).append("\r\n");
    request_.append("Content-Length: ")
        .append(std::to_string(body->size()))
        .append("\r\n");
  }
  request_.append("\r\n");
  if (body != nullptr)
    request_.append(*body);
  if (!write_all(request_, deadline, out) || !read_answer(deadline, out)) {
    close();
    out.status = 0;
  }
  return out;
}

void loopback_http::drop_if_closed() {
  if (fd_ < 0)
    return;
  // Open and quiet is the only state to reuse: an end of stream, a reset
  // or bytes nobody asked for all mean a new connection.
  char c = 0;
  auto n = ::recv(fd_, &c, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return;
  close();
}

bool loopback_http::open(time_point deadline, http_response& out) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd_ < 0)
    return failed(out, std::string{"socket: "} + std::strerror(errno));
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  auto where = "connect to 127.0.0.1:" + std::to_string(port_) + ": ";
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    if (errno != EINPROGRESS) {
      auto why = std::strerror(errno);
      close();
      return failed(out, where + why);
    }
    if (poll_one(fd_, POLLOUT, left_until(deadline)) <= 0) {
      close();
      out.timed_out = true;
      return failed(out, where + "timed out");
    }
    int err = 0;
    socklen_t len = sizeof(err);
    ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      close();
      return failed(out, where + std::strerror(err));
    }
  }
  return true;
}

bool loopback_http::write_all(const std::string& bytes, time_point deadline,
                              http_response& out) {
  size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::send(fd_, bytes.data() + done, bytes.size() - done,
                    MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      done += static_cast<size_t>(n);
      out.request_sent = true;
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (poll_one(fd_, POLLOUT, left_until(deadline)) > 0)
        continue;
      out.timed_out = true;
      return failed(out, "timed out sending the request");
    }
    return failed(out, std::string{"sending the request: "}
                           + std::strerror(n < 0 ? errno : EPIPE));
  }
  return true;
}

bool loopback_http::read_more(time_point deadline, http_response& out) {
  char chunk[answer_chunk];
  for (;;) {
    // Waiting first: an answer is rarely there the moment it is wanted,
    // and a read that finds nothing would be a call for nothing.
    int rc = poll_one(fd_, POLLIN, left_until(deadline));
    if (rc == 0) {
      out.timed_out = true;
      return failed(out, "timed out waiting for the answer");
    }
    if (rc < 0)
      return failed(out, std::string{"waiting for the answer: "}
                             + std::strerror(errno));
    auto n = ::recv(fd_, chunk, sizeof(chunk), MSG_DONTWAIT);
    if (n > 0) {
      in_.append(chunk, static_cast<size_t>(n));
      return true;
    }
    if (n == 0)
      return false; // the end of the stream; the caller names it
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)
      return failed(out,
                    std::string{"reading the answer: "} + std::strerror(errno));
  }
}

bool loopback_http::read_answer(time_point deadline, http_response& out) {
  in_.clear();
  size_t end = std::string::npos;
  for (;;) {
    while ((end = in_.find("\r\n\r\n")) == std::string::npos) {
      if (in_.size() > max_head)
        return failed(out, "answer headers longer than "
                               + std::to_string(max_head) + " bytes");
      if (!read_more(deadline, out))
        return out.error.empty()
                   ? failed(out, in_.empty()
                                     ? "connection closed before the answer"
                                     : "connection closed inside the answer's "
                                       "headers")
                   : false;
    }
    if (end > max_head)
      return failed(out, "answer headers longer than "
                             + std::to_string(max_head) + " bytes");
    auto head = framing::parse_head(std::string_view{in_.data(), end});
    if (head.status == 0)
      return failed(out, std::move(head.error));
    out.headers = std::move(head.headers);
    long status = head.status;
    in_.erase(0, end + 4);
    if (status >= 200) {
      out.status = status;
      break;
    }
    // 100 Continue and the like come before the real answer.
  }
  return read_body(deadline, out);
}

bool loopback_http::read_body(time_point deadline, http_response& out) {
  bool closes = framing::has_token(out.header("connection"), "close");
  if (framing::has_token(out.header("transfer-encoding"), "chunked")) {
    if (!read_chunked(deadline, out))
      return false;
  } else if (auto cl = out.header("content-length"); !cl.empty()) {
    uint64_t declared = 0;
    if (!parse_content_length(cl, declared))
      return failed(out, "malformed Content-Length");
    if (declared > max_body_) {
      // Enough of it to name what it held, then the connection goes.
      auto want =
          static_cast<size_t>(std::min<uint64_t>(declared, kept_head_bytes));
      while (in_.size() < want && read_more(deadline, out)) {
      }
      out.head = in_.substr(0, std::min(in_.size(), want));
      out.too_large = true;
      return failed(out, "answer body of " + std::to_string(declared)
                             + " bytes is over the limit of "
                             + std::to_string(max_body_));
    }
    auto length = static_cast<size_t>(declared);
    while (in_.size() < length)
      if (!read_more(deadline, out))
        return out.error.empty()
                   ? failed(out, "connection closed inside the answer's body")
                   : false;
    out.body.assign(in_, 0, length);
    in_.erase(0, length);
  } else if (out.status != 204 && out.status != 304) {
    // No length: the body runs to the end of the stream.
    while (read_more(deadline, out))
      if (in_.size() > max_body_) {
        out.head = in_.substr(0, kept_head_bytes);
        out.too_large = true;
        return failed(out, "answer body over the limit of "
                               + std::to_string(max_body_) + " bytes");
      }
    if (!out.error.empty())
      return false;
    out.body = std::move(in_);
    closes = true;
  }
  // Bytes past the answer were not asked for: the stream cannot be
  // trusted for the next request.
  if (closes || !in_.empty())
    close();
  in_.clear();
  return true;
}

bool loopback_http::read_chunked(time_point deadline, http_response& out) {
  auto closed = [&] {
    return out.error.empty()
               ? failed(out, "connection closed inside a chunked body")
               : false;
  };
  size_t at = 0;
  for (;;) {
    size_t eol = 0;
    while ((eol = in_.find("\r\n", at)) == std::string::npos) {
      if (in_.size() - at > 1024)
        return failed(out, "malformed chunk size line");
      if (!read_more(deadline, out))
        return closed();
    }
    size_t size = 0;
    if (!framing::parse_chunk_size(std::string_view{in_}.substr(at, eol - at),
                                   size))
      return failed(out, "malformed chunk size line");
    at = eol + 2;
    if (size == 0)
      break;
    if (out.body.size() + size > max_body_) {
      out.head = out.body.substr(0, kept_head_bytes);
      out.too_large = true;
      return failed(out, "chunked answer body over the limit of "
                             + std::to_string(max_body_) + " bytes");
    }
    while (in_.size() < at + size + 2)
      if (!read_more(deadline, out))
        return closed();
    if (in_.compare(at + size, 2, "\r\n") != 0)
      return failed(out, "malformed chunk: no line break after its data");
    out.body.append(in_, at, size);
    at += size + 2;
    in_.erase(0, at);
    at = 0;
  }
  // Trailers, if any, end with an empty line.
  for (;;) {
    if (in_.size() >= at + 2 && in_.compare(at, 2, "\r\n") == 0) {
      in_.erase(0, at + 2);
      return true;
    }
    if (auto end = in_.find("\r\n\r\n", at); end != std::string::npos) {
      in_.erase(0, end + 4);
      return true;
    }
    if (in_.size() - at > max_head)
      return failed(out, "chunked answer trailers too long");
    if (!read_more(deadline, out))
      return closed();
  }
}

void loopback_http::close() {
  if (fd_ >= 0)
    ::close(fd_);
  fd_ = -1;
  in_.clear();
}

} // namespace bridge::tg_sim
