// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/http_client.hpp"

namespace bridge {

/// Many HTTP calls at once on one thread of its own: libcurl's multi
/// interface, its connections kept alive and shared by the calls. Where
/// `http_client` needs a blocked thread per call in flight (each waking
/// to send and again to read), this thread waits on every socket at once
/// and takes up whatever is ready, so a busy sender pays a few wake-ups
/// per batch of calls instead of two per call.
///
/// `post` may be called from any thread; `done` runs on the client's own
/// thread, so it must be short and must not block (it hands the answer
/// on, e.g. as a message to an actor). Destruction stops the thread;
/// calls still running are answered with an error before it returns.
class http_multi {
public:
  using done_fn = std::function<void(http_response)>;

  /// At most `max_connections` connections open at once (further calls
  /// wait inside libcurl for one); bodies above `max_body` fail the call.
  explicit http_multi(size_t max_connections, size_t max_body = 1024 * 1024);
  ~http_multi();
  http_multi(const http_multi&) = delete;
  http_multi& operator=(const http_multi&) = delete;

  /// Starts a POST of `body` to `url`; `headers` are full lines
  /// ("Name: value"). `done` runs exactly once, with the response or the
  /// failure (timeout, refused, too large, stopped).
  void post(std::string url, std::string body, std::vector<std::string> headers,
            std::chrono::milliseconds timeout, done_fn done);

  /// Calls started and not answered yet (for tests and gauges).
  size_t in_flight() const;

private:
  struct call;
  void run();
  void start(std::unique_ptr<call> c);
  void finish(void* easy, int result);
  /// Counts the call out and runs its `done`.
  void answer(std::unique_ptr<call> c);

  /// The libcurl multi handle and the idle easy handles kept for reuse.
  struct handles;
  std::unique_ptr<handles> h_;
  size_t max_body_;

  mutable std::mutex mu_;
  std::vector<std::unique_ptr<call>> incoming_;
  size_t in_flight_ = 0;
  bool stopping_ = false;

  std::thread thread_;
};

} // namespace bridge
