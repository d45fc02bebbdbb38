// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// The simulator's counters, as GET /sim/stats shows them.
struct sim_stats {
  struct method_counts {
    uint64_t calls = 0;
    /// Answers other than 200.
    uint64_t failures = 0;
  };

  // -- updates
  uint64_t updates_injected = 0;
  /// Excluded by the bot's allowed_updates when created.
  uint64_t updates_filtered = 0;
  /// Refused because the pending queue was full.
  uint64_t updates_refused = 0;
  uint64_t raw_injected = 0;
  /// Entries handed out (getUpdates results and webhook pushes accepted);
  /// an update fetched twice counts twice.
  uint64_t updates_delivered = 0;
  /// Updates forgotten through an offset or an accepted push.
  uint64_t updates_confirmed = 0;
  size_t updates_pending = 0;

  // -- calls
  std::array<method_counts, bot_method_count> methods{};
  uint64_t get_updates_conflicts = 0;
  /// 1 while a getUpdates call is being answered (a long poll waits).
  uint64_t get_updates_in_progress = 0;
  uint64_t unauthorized = 0;
  uint64_t unknown_methods = 0;
  /// Every 429 answered, from limits or from armed faults.
  uint64_t too_many_requests = 0;
  uint64_t limited_global = 0;
  uint64_t limited_chat = 0;
  uint64_t limited_group = 0;
  uint64_t faults_fired = 0;

  // -- callback queries
  uint64_t callback_queries = 0;
  uint64_t callback_unanswered = 0;

  // -- webhook
  uint64_t webhook_pushes = 0;
  uint64_t webhook_failures = 0;

  // -- events and population
  uint64_t events_recorded = 0;
  uint64_t events_dropped = 0;
  size_t events_retained = 0;
  int64_t last_seq = 0;
  /// Event reads waiting for something to happen.
  uint64_t events_waiting = 0;
  int64_t last_update_id = 0;
  size_t chats = 0;
  size_t users = 0;
};

/// Encodes `s` as the JSON object GET /sim/stats returns.
std::string to_json(const sim_stats& s);

} // namespace bridge::tg_sim
