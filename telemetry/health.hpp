// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace bridge::telemetry {

/// What /readyz reports: each room sets its own flag; the HTTP thread only
/// reads them. Plain atomics, since the writers are actors and the reader
/// is a server thread. Redis is not needed to serve (the engine falls back
/// to PostgreSQL), so its loss makes the engine degraded, not unready.
struct health {
  std::atomic<bool> database{false};
  std::atomic<bool> migrations{false};
  std::atomic<bool> cache{false};
  /// Polling: the last getUpdates answered; webhook: setWebhook succeeded.
  std::atomic<bool> intake{false};
  std::atomic<bool> draining{false};

  /// True when every part the engine needs is ready and it is not
  /// draining (the cache is not one of them).
  bool ready() const { return database && migrations && intake && !draining; }

  /// True while the engine serves without a part it would rather have.
  bool degraded() const { return !cache; }

  /// The /readyz body:
  /// `{"ready":bool,"not_ready":[...],"degraded":[...]}`.
  std::string render() const;
};

/// The process's health flags.
health& engine_health();

} // namespace bridge::telemetry
