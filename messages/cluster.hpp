// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

/// What the lease keeper tells the engine about ownership, and the fencing
/// token every write of an owner carries.
namespace bridge {

/// The partition number of the intake role's lease (the one engine that
/// polls Telegram).
constexpr int32_t intake_partition = -1;

/// A write's fencing token: the partition it is made for and the epoch of
/// the lease its writer held when it began. PostgreSQL refuses the write
/// when that partition's lease has another epoch now. `partition < 0`:
/// not fenced (operators' writes, the intake's inbox rows).
struct fence_token {
  int32_t partition = -1;
  int64_t epoch = 0;

  bool fenced() const { return partition >= 0; }
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, fence_token& x) {
  return f(caf::meta::type_name("fence_token"), x.partition, x.epoch);
}

/// This engine now owns `partition` under `epoch`: the owner resumes the
/// partition's unfinished inbox and outbox rows, then takes new ones.
struct partition_owned {
  int32_t partition = 0;
  int64_t epoch = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, partition_owned& x) {
  return f(caf::meta::type_name("partition_owned"), x.partition, x.epoch);
}

/// This engine no longer owns `partition`: its actors stop and what they
/// held is dropped (the next owner resumes it from PostgreSQL). Answered
/// `true` once nothing of the partition runs here any more; the keeper
/// hands a lease over only after that answer.
struct partition_lost {
  int32_t partition = 0;
  int64_t epoch = 0;
  /// Handed over on purpose (a rebalance, a drain) rather than expired.
  bool handed_over = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, partition_lost& x) {
  return f(caf::meta::type_name("partition_lost"), x.partition, x.epoch,
           x.handed_over);
}

/// New unfinished rows may wait in `partition` (another engine took them
/// in): its owner looks for them now rather than at the next sweep.
struct partition_nudge {
  int32_t partition = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, partition_nudge& x) {
  return f(caf::meta::type_name("partition_nudge"), x.partition);
}

/// One lease as the lease store holds it.
struct lease_record {
  int32_t partition = 0;
  std::string owner;
  int64_t epoch = 0;
  int64_t acquired_ms = 0;
  int64_t expires_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, lease_record& x) {
  return f(caf::meta::type_name("lease_record"), x.partition, x.owner, x.epoch,
           x.acquired_ms, x.expires_ms);
}

/// One live engine.
struct member_record {
  std::string instance_id;
  std::string address;
  int64_t started_ms = 0;
  int64_t heartbeat_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, member_record& x) {
  return f(caf::meta::type_name("member_record"), x.instance_id, x.address,
           x.started_ms, x.heartbeat_ms);
}

/// What `/admin/cluster` shows: the members, every lease, and this
/// engine's own counters.
struct cluster_view {
  std::string self;
  int32_t partitions = 0;
  int64_t lease_ttl_ms = 0;
  /// PostgreSQL's clock when the view was read (lease ages are against it).
  int64_t now_ms = 0;
  std::vector<member_record> members;
  std::vector<lease_record> leases;
  uint64_t rebalances = 0;
  uint64_t leases_lost = 0;
  uint64_t fenced_writes = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cluster_view& x) {
  return f(caf::meta::type_name("cluster_view"), x.self, x.partitions,
           x.lease_ttl_ms, x.now_ms, x.members, x.leases, x.rebalances,
           x.leases_lost, x.fenced_writes);
}

} // namespace bridge
