// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "common/http_client.hpp"

namespace bridge::tg_sim {

/// A kept-alive HTTP/1.1 connection to a server on this machine's
/// loopback, for tg-sim's own clients: the load tester, the command line
/// and the tests. It speaks what such a server answers (a status line,
/// headers, then a body by Content-Length, by chunks or up to the close)
/// and nothing a general client needs besides (no proxies, TLS, redirects
/// or name lookups), so a call costs about a third of libcurl's CPU
/// (BENCHMARKS.md, "A plain client for the harness"). The engine itself
/// keeps libcurl. Blocking and not thread-safe: one per thread.
///
/// A request is never sent twice. A connection the server closed while it
/// sat idle is replaced before the request is written; a failure after the
/// request was written is reported with `request_sent`, and the connection
/// is dropped, so a late answer is never read as the next one's.
class loopback_http {
public:
  /// Talks to 127.0.0.1:`port`; connects at the first request.
  explicit loopback_http(int port);
  ~loopback_http();
  loopback_http(loopback_http&& other) noexcept;
  loopback_http& operator=(loopback_http&& other) noexcept;
  loopback_http(const loopback_http&) = delete;
  loopback_http& operator=(const loopback_http&) = delete;

  http_response get(std::string_view path, std::chrono::milliseconds timeout);
  http_response post(std::string_view path, std::string_view body,
                     std::string_view content_type,
                     std::chrono::milliseconds timeout);

  /// Largest body accepted; a longer one fails the call (`too_large`,
  /// its start in `head`).
  void set_max_body(size_t bytes) { max_body_ = bytes; }
  /// Largest status line and headers accepted.
  static constexpr size_t max_head = 64 * 1024;

  int port() const { return port_; }
  /// True while a connection is open (for tests).
  bool connected() const { return fd_ >= 0; }

private:
  using time_point = std::chrono::steady_clock::time_point;

  http_response exchange(std::string_view method, std::string_view path,
                         const std::string_view* body,
                         std::string_view content_type,
                         std::chrono::milliseconds timeout);
  /// Drops an open connection that the server has closed meanwhile.
  void drop_if_closed();
  bool open(time_point deadline, http_response& out);
  bool write_all(const std::string& bytes, time_point deadline,
                 http_response& out);
  /// Appends what the socket has to `in_`, waiting until `deadline`.
  /// False at the end of the stream or a failure (`out` then says which).
  bool read_more(time_point deadline, http_response& out);
  bool read_answer(time_point deadline, http_response& out);
  /// The body after the head in `out`, by its framing.
  bool read_body(time_point deadline, http_response& out);
  bool read_chunked(time_point deadline, http_response& out);
  void close();

  int port_;
  int fd_ = -1;
  std::string in_;
  std::string request_;
  size_t max_body_ = 64 * 1024 * 1024;
};

} // namespace bridge::tg_sim
