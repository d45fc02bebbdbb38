// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "messages/cluster.hpp"

/// What one keeper tick should do with the leases, decided from one read
/// of the rows. Pure: no I/O, no clock (PostgreSQL's time comes in as
/// `now_ms`), so every case is a table row in a unit test.
namespace bridge::cluster {

/// A lease by partition and the epoch it was held under.
struct lease_ref {
  int32_t partition = 0;
  int64_t epoch = 0;

  friend bool operator==(const lease_ref& a, const lease_ref& b) {
    return a.partition == b.partition && a.epoch == b.epoch;
  }
};

/// What the plan is given.
struct lease_inputs {
  std::string me;
  /// PostgreSQL's clock at the read.
  int64_t now_ms = 0;
  /// The partition count (leases 0 .. partitions-1; -1 is the intake).
  int32_t partitions = 0;
  /// The live members' ids; `me` counts whether listed or not.
  std::vector<std::string> members;
  /// Every lease row as read.
  std::vector<lease_record> leases;
  /// What this engine believes it holds, and under which epoch: what the
  /// subscriber was told it owns.
  std::map<int32_t, int64_t> held;
  bool wants_intake = false;
  /// Handing everything over before leaving the cluster.
  bool leaving = false;
};

/// What to do, each list by ascending partition.
struct lease_actions {
  /// Held, still mine: extend.
  std::vector<int32_t> renew;
  /// Free or expired, and mine by rendezvous (or the intake role).
  std::vector<int32_t> acquire;
  /// Held by me, to be given up: another live member is their rendezvous
  /// owner, or I am leaving, or the row is mine from an earlier life of
  /// this id (nothing runs here for it; not in `held`).
  std::vector<lease_ref> release;
  /// Believed held, but the row shows another owner, another epoch, or an
  /// expired lease: whatever runs here for it must stop.
  std::vector<lease_ref> lost;

  bool changes() const {
    return !acquire.empty() || !release.empty() || !lost.empty();
  }
};

/// Decides one tick. A lease held by another member is never taken before
/// it expires, whatever the membership says: expiry, not a heartbeat, is
/// what makes a partition free. The intake role stays with its holder
/// while the holder lives (no handover on rebalance).
lease_actions plan_leases(const lease_inputs& in);

} // namespace bridge::cluster
