// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace bridge::service {

/// Tells systemd (a `Type=notify` unit) the engine is ready to serve.
/// Like every call here, does nothing when NOTIFY_SOCKET is unset, so the
/// engine runs the same outside systemd. True when a notice was sent.
bool notify_ready();

/// Tells systemd the engine is draining and will exit by itself.
bool notify_stopping();

/// Sends a one-line STATUS= systemd shows in `systemctl status`.
bool notify_status(const char* text);

/// Watches the engine's readiness on a thread of its own (never a
/// scheduler thread) and sends READY=1 the first time `is_ready` holds.
/// Stops on destruction; no notice is sent after that.
class readiness_watch {
public:
  readiness_watch(std::function<bool()> is_ready,
                  std::chrono::milliseconds interval);
  ~readiness_watch();

  readiness_watch(const readiness_watch&) = delete;
  readiness_watch& operator=(const readiness_watch&) = delete;

  /// Whether READY=1 was sent (or would have been, outside systemd).
  bool became_ready() const { return ready_; }

private:
  std::atomic<bool> stop_{false};
  std::atomic<bool> ready_{false};
  std::thread thread_;
};

} // namespace bridge::service
