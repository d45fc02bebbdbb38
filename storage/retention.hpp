// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <caf/typed_event_based_actor.hpp>

#include "config/config.hpp"
#include "config/defaults.hpp"
#include "messages/cache.hpp"

namespace bridge::storage {

/// One round of deletes: every target in turn, in batches, until a batch
/// comes back short or the round's batch budget is spent. Pure.
class retention_round {
public:
  retention_round(int64_t cutoff_ms, int64_t batch_size, int64_t max_batches)
      : cutoff_ms_(cutoff_ms), batch_(batch_size), budget_(max_batches) {}

  /// The next purge to run (unfenced), or nothing when the round is over.
  std::optional<purge> next() const;

  /// Records what the last purge deleted.
  void deleted(int64_t n);

  int64_t total(purge_target t) const {
    return totals_[static_cast<size_t>(t)];
  }

private:
  static constexpr std::array<purge_target, 3> order_ = {
      purge_target::messages, purge_target::inbox, purge_target::outbox};

  int64_t cutoff_ms_;
  int64_t batch_;
  int64_t budget_;
  size_t target_ = 0;
  std::array<int64_t, 3> totals_{};
};

/// What the retention job needs.
struct retention_options {
  db_actor db;
  cache_actor cache;
  int64_t message_days = defaults::retention::message_days;
  int64_t batch_size = defaults::retention::batch_size;
  std::chrono::seconds interval = defaults::retention::interval;
  /// Batches per round at most; the rest waits for the next round.
  int64_t max_batches = 10000;
  /// Lock lifetime; renewed before every batch.
  std::chrono::milliseconds lock_ttl{60000};
  /// This instance in the lock (unique across instances).
  std::string owner;
  /// Wall clock in Unix milliseconds.
  std::function<int64_t()> now_ms;
  /// False: rounds start only on `tick` from outside (tests).
  bool timer = true;
};

/// Deletes rows older than the retention period, in bounded batches, on
/// one engine instance at a time: each round runs under the "retention"
/// leader lock, and every batch carries the lock's fencing token so that
/// a leader that lost its lock is refused by PostgreSQL.
struct retention_state {
  static inline const char* name = "retention";

  explicit retention_state(retention_actor::pointer self) : self(self) {}

  retention_actor::behavior_type make_behavior(retention_options opts);

private:
  void start_round();
  void step(std::shared_ptr<retention_round> round, int64_t token);
  void end_round(int64_t token);
  void schedule();
  int64_t now_ms() const;

  retention_actor::pointer self;
  retention_options opts_;
  retention_status counters_;
};

/// Spawn function of the retention job.
retention_actor::behavior_type
retention(retention_actor::stateful_pointer<retention_state> self,
          retention_options opts);

/// Options from the `retention.*` keys; `owner` names this instance.
retention_options retention_options_from(const bridge_config& cfg, db_actor db,
                                         cache_actor cache, std::string owner);

} // namespace bridge::storage
