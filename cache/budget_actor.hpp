// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <memory>
#include <random>
#include <string>

#include <caf/typed_event_based_actor.hpp>

#include "cache/redis_client.hpp"
#include "common/backoff.hpp"
#include "config/config.hpp"
#include "config/defaults.hpp"
#include "messages/budget.hpp"

namespace bridge::cache {

/// What the shared buckets need at start.
struct budget_options {
  /// REDIS_URL (a secret: it may carry a password).
  std::string url;
  /// Connect and command timeout: a hung Redis must not hold a grant
  /// longer than the share would.
  std::chrono::milliseconds command_timeout = defaults::cache::command_timeout;
  std::chrono::milliseconds reconnect_base{100};
  std::chrono::milliseconds reconnect_max =
      defaults::cache::reconnect_backoff_max;
};

/// The budgets the bot's instances share, as token buckets in Redis: one
/// detached actor (hiredis blocks) with a connection of its own, so a
/// grant never queues behind the cache's reads. One Lua script takes from
/// a bucket atomically (EVALSHA, loaded at connect; EVAL when Redis lost
/// it). While Redis is away every ask is refused at once
/// (`cache_unavailable`): the asker spends its share meanwhile, and the
/// connection is re-established with backoff.
struct budget_state {
  static inline const char* name = "budgets";

  explicit budget_state(budget_actor::pointer self) : self(self) {}

  budget_actor::behavior_type make_behavior(budget_options opts);

private:
  caf::result<budget_grant> take(const budget_take& x);
  /// Runs the script; nothing when the connection failed.
  std::optional<redis_reply> run_script(const budget_take& x);
  void went_down();
  void try_connect();
  void schedule_reconnect();

  budget_actor::pointer self;
  budget_options opts_;
  redis_endpoint endpoint_;
  redis_client redis_;
  /// SHA1 of the loaded script.
  std::string sha_;
  bool up_ = false;
  bool usable_ = false;
  bool reconnect_scheduled_ = false;
  std::unique_ptr<retry_state> retry_;
  std::mt19937_64 rng_{std::random_device{}()};
};

using budget_impl = budget_actor::stateful_pointer<budget_state>;

/// Spawn function of the shared buckets (spawn it detached).
budget_actor::behavior_type budget_service(budget_impl self,
                                           budget_options opts);

/// Spawns the shared buckets when `cluster.send_budget` or
/// `cluster.translation_budget` is "redis"; an unset
/// handle otherwise (each instance keeps its share). Refuses a missing or
/// malformed REDIS_URL; Redis being down is no reason to refuse.
caf::expected<budget_actor> start_budgets(caf::actor_system& sys,
                                          const bridge_config& cfg);

} // namespace bridge::cache
