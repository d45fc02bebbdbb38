// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/bridge_replay/traffic.hpp"
#include "tools/tg_sim/sim_model.hpp"

namespace bridge::replay {

/// A user of the run, as the bot knows them after registration.
struct run_user {
  tg_sim::sim_user user;
  std::string lang;
  bool is_manager = false;
  /// A worker's manager.
  int64_t manager = 0;
  /// A manager's workers in the order they joined (what /switch N counts).
  std::vector<int64_t> workers;
  bool registered = false;
};

/// What the registration phase left behind.
struct registration {
  std::unordered_map<int64_t, run_user> users;
  /// Per chat, the bot's last message (what a press line presses on).
  std::unordered_map<int64_t, int64_t> last_bot_message;
  /// The highest event seq the dialogues read: the feed is followed after it.
  int64_t last_seq = 0;
  int64_t teams = 0;
  int64_t failed = 0;
  /// One line per failed team, at most a few.
  std::vector<std::string> failures;
  double seconds = 0;
};

/// Runs every register_* line as a person does it, through the bot's
/// buttons and with the invitation code read from its answer. Teams run
/// `threads` at a time; the workers of one team join in file order, so
/// the join order is known. Users ids are shifted by `id_offset`.
registration register_all(const std::vector<traffic_line>& lines, int sim_port,
                          int threads, int64_t id_offset,
                          std::chrono::steady_clock::time_point deadline);

/// The file's teams as if registered, without a word to the bot: workers
/// join in file order, the last one is each manager's current worker. For
/// measuring what the replay can offer to a tg-sim with no engine behind.
registration assume_registered(const std::vector<traffic_line>& lines,
                               int64_t id_offset);

} // namespace bridge::replay
