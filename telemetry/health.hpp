#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace bridge::telemetry {

/// What /readyz reports: each room sets its own flag; the HTTP thread only
/// reads them. Plain atomics, since the writers are actors and the reader
/// is a server thread.
struct health {
  std::atomic<bool> database{false};
  std::atomic<bool> migrations{false};
  std::atomic<bool> cache{false};
  /// Polling: the last getUpdates answered; webhook: setWebhook succeeded.
  std::atomic<bool> intake{false};
  std::atomic<bool> draining{false};

  /// True when every part is ready and the engine is not draining.
  bool ready() const {
    return database && migrations && cache && intake && !draining;
  }

  /// The /readyz body: `{"ready":bool,"not_ready":[...]}`.
  std::string render() const;
};

/// The process's health flags.
health& engine_health();

} // namespace bridge::telemetry
