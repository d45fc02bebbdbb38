// SPDX-License-Identifier: Apache-2.0
#include "app/service_notify.hpp"

#include <string>

#include <systemd/sd-daemon.h>

namespace bridge::service {

namespace {

/// sd_notify answers 0 when NOTIFY_SOCKET is unset and < 0 on a failed
/// send; only a sent notice counts.
bool send(const std::string& state) {
  return sd_notify(0, state.c_str()) > 0;
}

} // namespace

bool notify_ready() {
  return send("READY=1\nSTATUS=serving");
}

bool notify_stopping() {
  return send("STOPPING=1\nSTATUS=draining");
}

bool notify_status(const char* text) {
  return send(std::string{"STATUS="} + text);
}

readiness_watch::readiness_watch(std::function<bool()> is_ready,
                                 std::chrono::milliseconds interval)
    : thread_([this, is_ready = std::move(is_ready), interval] {
        // Readiness is a set of flags the rooms raise from their own
        // threads; polling them costs nothing next to a start's seconds.
        while (!stop_) {
          if (is_ready()) {
            notify_ready();
            ready_ = true;
            return;
          }
          std::this_thread::sleep_for(interval);
        }
      }) {}

readiness_watch::~readiness_watch() {
  stop_ = true;
  thread_.join();
}

} // namespace bridge::service
