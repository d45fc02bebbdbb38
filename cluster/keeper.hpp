// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "cluster/lease_plan.hpp"
#include "cluster/lease_store.hpp"
#include "common/clock.hpp"
#include "config/defaults.hpp"
#include "messages/cluster.hpp"

namespace bridge::cluster {

/// What the keeper needs at start.
struct keeper_options {
  /// The database the leases live in (a secret).
  std::string dsn;
  /// This engine's name among the live ones; unique in the cluster.
  std::string instance_id;
  /// Where this engine's admin door is, for the members list.
  std::string address;
  int32_t partitions = static_cast<int32_t>(defaults::cluster::partitions);
  /// A lease not renewed this long is lost; the keeper renews at ttl / 4.
  std::chrono::milliseconds ttl = defaults::cluster::lease_ttl;
  /// Whether this engine may poll Telegram (hold the intake role).
  bool wants_intake = true;
  /// Told `partition_owned`, `partition_lost` (asked, for a handover) and
  /// `partition_nudge`. Without one, handovers need no answer.
  caf::actor subscriber;
  /// Told `cluster_members` whenever the number of live engines changes
  /// (the sender and the translator: they share the bot's budgets).
  std::vector<caf::actor> member_watchers;
  /// Steady time: when the next round is due, reconnect backoff.
  bridge::clock clock;
  /// Longest wait for notifications before the mailbox is looked at again
  /// (how late a view request or a stop may be answered).
  std::chrono::milliseconds listen_slice{50};
};

/// The lease keeper: a detached actor (its store blocks) that every ttl/4
/// says this engine lives, reads the leases, and takes, renews and hands
/// over partitions as `plan_leases` decides, telling the subscriber of
/// every change. A handover first asks the subscriber (`partition_lost`
/// with `handed_over`) and releases only once it answered `true`; without
/// an answer the lease is left to expire. Between rounds it forwards the
/// notifications of its partitions as `partition_nudge`.
///
/// Answers `view_atom` with a `cluster_view`. On `stop_atom` it hands
/// everything over, leaves the members and quits, answering `true` when
/// every lease was handed over. An exit message stops it at once, its
/// leases left to expire (what a crash looks like to the others).
struct keeper_state {
  static inline const char* name = "cluster_keeper";

  explicit keeper_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(keeper_options opts);

private:
  /// Runs a round when one is due, then waits one slice for
  /// notifications; false once the keeper quit.
  bool step();
  /// One round: heartbeat, read, plan, act. True when every handover the
  /// plan asked for was confirmed.
  bool round(bool leaving);
  /// Creates the settings and lease rows once; false to try again later.
  bool prepared();
  /// Acts on a plan; returns false when a handover went unanswered.
  bool act(const lease_actions& plan);
  void renew(const std::vector<int32_t>& parts);
  void acquire(const std::vector<int32_t>& parts);
  /// Asks the subscriber about each, releases those it answered for.
  bool hand_over(const std::vector<lease_ref>& leases);
  void lose(const lease_ref& lease);
  /// Logs a failed store call: the first of a streak as a warning.
  void failed(const caf::error& err);
  void publish_gauges();
  /// Tells the watchers how many engines live, when that changed.
  void tell_members(uint32_t n);
  cluster_view view() const;

  caf::event_based_actor* self;
  keeper_options opts_;
  std::unique_ptr<lease_store> store_;
  bool prepared_ = false;
  /// Start-up found a setting it cannot work with; the keeper quit.
  bool fatal_ = false;
  /// What the subscriber was told it owns, with the epochs.
  std::map<int32_t, int64_t> held_;
  /// The last read, for the view.
  lease_snapshot last_;
  int64_t next_round_ns_ = 0;
  uint32_t failures_ = 0;
  uint64_t rebalances_ = 0;
  uint64_t leases_lost_ = 0;
  /// Live engines at the last read, as the watchers were told.
  uint32_t members_told_ = 0;
  /// What the current round changed, for its one summary line.
  std::vector<int32_t> taken_, given_, lost_;
};

using keeper_actor = caf::stateful_actor<keeper_state>;

/// Spawn function of the keeper; spawn it `caf::detached`.
caf::behavior keeper(keeper_actor* self, keeper_options opts);

} // namespace bridge::cluster
