// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_cluster.hpp"

#include <algorithm>
#include <vector>

#include "common/json_writer.hpp"

namespace bridge::ops {

namespace {

bool live(const lease_record& l, int64_t now_ms) {
  return !l.owner.empty() && l.expires_ms > now_ms;
}

/// An age against the view's clock; never negative (a heartbeat written
/// after the clock was read is as fresh as can be).
int64_t age(int64_t now_ms, int64_t at_ms) {
  return std::max<int64_t>(0, now_ms - at_ms);
}

void write_member(json::writer& w, const cluster_view& v,
                  const member_record& m) {
  bool intake = false;
  w.begin_object()
      .field("instance_id", m.instance_id)
      .field("address", m.address)
      .field("started_ms", m.started_ms)
      .field("heartbeat_age_ms", age(v.now_ms, m.heartbeat_ms));
  w.key("owns").begin_array();
  for (const auto& l : v.leases) {
    if (l.owner != m.instance_id || !live(l, v.now_ms))
      continue;
    if (l.partition == intake_partition) {
      intake = true;
      continue;
    }
    w.begin_object()
        .field("partition", l.partition)
        .field("epoch", l.epoch)
        .end_object();
  }
  w.end_array();
  w.field("intake", intake).end_object();
}

void write_lease(json::writer& w, int64_t now_ms, const lease_record& l) {
  bool freed = l.owner.empty();
  w.begin_object().field("partition", l.partition).key("owner");
  freed ? w.null() : w.value(l.owner);
  w.field("epoch", l.epoch).key("age_ms");
  freed || l.acquired_ms <= 0 ? w.null() : w.value(age(now_ms, l.acquired_ms));
  w.key("expires_in_ms");
  freed ? w.null() : w.value(l.expires_ms - now_ms);
  w.field("expired", !freed && !live(l, now_ms)).end_object();
}

void write_intake_leader(json::writer& w, const cluster_view& v) {
  w.key("intake_leader");
  auto it = std::find_if(v.leases.begin(), v.leases.end(), [&](const auto& l) {
    return l.partition == intake_partition && live(l, v.now_ms);
  });
  if (it == v.leases.end()) {
    w.null();
    return;
  }
  w.begin_object()
      .field("instance_id", it->owner)
      .field("epoch", it->epoch)
      .field("age_ms", age(v.now_ms, it->acquired_ms))
      .field("expires_in_ms", it->expires_ms - v.now_ms)
      .end_object();
}

/// Partitions 0 to partitions - 1 with no live lease (bounded by the
/// view's own count, whatever rows the leases hold).
void write_free(json::writer& w, const cluster_view& v) {
  std::vector<bool> held(
      static_cast<size_t>(std::max<int32_t>(0, v.partitions)));
  for (const auto& l : v.leases)
    if (l.partition >= 0 && l.partition < v.partitions && live(l, v.now_ms))
      held[static_cast<size_t>(l.partition)] = true;
  w.key("free").begin_array();
  for (size_t p = 0; p < held.size(); ++p)
    if (!held[p])
      w.value(static_cast<int64_t>(p));
  w.end_array();
}

} // namespace

std::string render(const cluster_view& v, uint64_t fenced_writes) {
  json::writer w;
  w.begin_object()
      .field("self", v.self)
      .field("partitions", v.partitions)
      .field("lease_ttl_ms", v.lease_ttl_ms)
      .field("now_ms", v.now_ms);
  w.key("members").begin_array();
  for (const auto& m : v.members)
    write_member(w, v, m);
  w.end_array();
  write_intake_leader(w, v);
  w.key("leases").begin_array();
  for (const auto& l : v.leases)
    write_lease(w, v.now_ms, l);
  w.end_array();
  write_free(w, v);
  w.field("rebalances", v.rebalances)
      .field("leases_lost", v.leases_lost)
      .field("fenced_writes", fenced_writes);
  return std::move(w.end_object()).str();
}

} // namespace bridge::ops
