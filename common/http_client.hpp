// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace bridge {

/// A response, or why there is none.
struct http_response {
  /// 0 when the transfer failed (see `error`).
  long status = 0;
  /// Response headers, names lower-cased.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// curl's message when the transfer failed; empty otherwise.
  std::string error;
  /// True when the failure was a timeout.
  bool timed_out = false;
  /// True when the request left (some of it was written to the peer): a
  /// failure after that may have been acted on.
  bool request_sent = false;
  /// True when the failure was a body longer than the client accepts.
  bool too_large = false;
  /// The first `kept_head_bytes` of a body refused as too large (for
  /// naming what it held); empty otherwise.
  std::string head;

  bool transport_failed() const { return status == 0; }
  /// Value of header `name` (lower case), or empty.
  std::string header(const std::string& name) const;
};

/// How much of a body refused as too large `http_response::head` keeps:
/// enough for a Bot API reply's envelope and the start of its first
/// element.
constexpr size_t kept_head_bytes = 4096;

/// One libcurl easy handle, reused so that its connection stays alive.
/// Blocking: owned by a detached actor or its own thread, never used on
/// the scheduler's workers. Not thread-safe.
class http_client {
public:
  http_client();
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  /// POSTs `body` to `url`. `headers` are full lines ("Name: value").
  http_response post(const std::string& url, const std::string& body,
                     const std::vector<std::string>& headers,
                     std::chrono::milliseconds timeout);

  /// GETs `url`.
  http_response get(const std::string& url,
                    const std::vector<std::string>& headers,
                    std::chrono::milliseconds timeout);

  /// Any other method ("PUT", "DELETE", ...) with `body` (sent even when
  /// empty).
  http_response request(const std::string& method, const std::string& url,
                        const std::string& body,
                        const std::vector<std::string>& headers,
                        std::chrono::milliseconds timeout);

  /// Largest response body accepted; a longer one fails the transfer.
  void set_max_body(size_t bytes) { max_body_ = bytes; }

private:
  http_response perform(const std::string& url, const std::string* body,
                        const std::vector<std::string>& headers,
                        std::chrono::milliseconds timeout,
                        const char* method = nullptr);

  void* handle_;
  size_t max_body_ = 64 * 1024 * 1024;
};

} // namespace bridge
