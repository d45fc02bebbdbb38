// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/bridge_replay/batching.hpp"
#include "tools/bridge_replay/checker.hpp"
#include "tools/bridge_replay/registrar.hpp"
#include "tools/bridge_replay/runner.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace bridge::replay {

/// Milliseconds since the epoch: tg-sim stamps its events on this clock.
int64_t unix_ms();

/// What the injecting threads, the feed follower and the monitor share;
/// everything but the atomics under `mu`.
struct shared {
  shared(std::string tag, bool exact) : checker(std::move(tag), exact) {}

  std::mutex mu;
  delivery_checker checker;
  std::map<std::string, int64_t> errors;
  std::map<std::string, int64_t> events;
  std::unordered_map<int64_t, int64_t> last_bot_message;
  std::vector<int64_t> sent_ms;
  /// How late each of those went out after its due time.
  std::vector<int64_t> send_lag_ms;
  /// When sending started (unix ms): a line's due time is this plus its
  /// `due_ms`. Set before the senders start.
  int64_t start_ms = 0;
  std::string first_error;
  std::atomic<bool> stop{false};
  std::atomic<int> senders_left{0};

  /// Counts an error of `kind`; the first one's detail is kept for stderr.
  void error(const std::string& kind, const std::string& detail);
};

/// Plays the lines of the users one thread owns. The managers' current
/// workers live in `targets`: only the thread owning a manager changes
/// its entry.
class injector {
public:
  injector(shared& s, const registration& reg, const run_options& o,
           std::unordered_map<int64_t, int64_t>& targets);

  /// Plays `n` batchable lines from `first` in one /sim/messages call;
  /// their messages carry the call's time as their send time.
  void play_batch(const timed_line* first, size_t n);

  /// Plays one line that cannot be batched (a press, an update, raw bytes).
  void play(const timed_line& t);

private:
  /// Adds line `t`'s message to the batch being built, or counts why it
  /// has none.
  void add(const timed_line& t);

  /// Runs one control call; a full simulator (503) is waited out, as
  /// backpressure, for up to ten seconds.
  template <class F> bool attempt(F call);

  shared& s_;
  const registration& reg_;
  const run_options& opts_;
  std::unordered_map<int64_t, int64_t>& targets_;
  tg_sim::sim_client sim_;
  /// The batch being built: its messages, each one's marker (0 when no
  /// delivery is expected), the deliveries to expect and the users who may
  /// be answered.
  tg_sim::message_batch batch_;
  std::vector<int64_t> markers_;
  std::vector<sent_message> expected_;
  std::vector<int64_t> answered_;
};

} // namespace bridge::replay
