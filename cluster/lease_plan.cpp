// SPDX-License-Identifier: Apache-2.0
#include "cluster/lease_plan.hpp"

#include <algorithm>
#include <set>

#include "cluster/partition.hpp"

namespace bridge::cluster {

namespace {

/// The leases of one read, by partition.
std::map<int32_t, const lease_record*>
by_partition(const std::vector<lease_record>& leases) {
  std::map<int32_t, const lease_record*> out;
  for (const auto& l : leases)
    out[l.partition] = &l;
  return out;
}

bool live(const lease_record& l, int64_t now_ms) {
  return !l.owner.empty() && l.expires_ms > now_ms;
}

/// One partition's decision; `target` is its rendezvous owner, or empty
/// for the intake role (which follows no rendezvous).
void decide(const lease_inputs& in, const lease_record& row,
            const std::string& target, lease_actions& out) {
  bool intake = row.partition == intake_partition;
  bool mine = live(row, in.now_ms) && row.owner == in.me;
  auto held = in.held.find(row.partition);
  bool believed = held != in.held.end();
  bool current = mine && believed && held->second == row.epoch;
  if (believed && !current)
    out.lost.push_back({row.partition, held->second});
  bool wanted = !in.leaving && (intake ? in.wants_intake : target == in.me);
  if (current) {
    if (wanted)
      out.renew.push_back(row.partition);
    else
      out.release.push_back({row.partition, row.epoch});
    return;
  }
  if (mine) {
    // Mine by the row but not by what runs here: an earlier life of this
    // id, or an acquire whose answer was lost. Taken again under a new
    // epoch when wanted (a stale write of that life is then refused),
    // freed otherwise.
    if (wanted)
      out.acquire.push_back(row.partition);
    else
      out.release.push_back({row.partition, row.epoch});
    return;
  }
  if (!live(row, in.now_ms) && wanted)
    out.acquire.push_back(row.partition);
}

} // namespace

lease_actions plan_leases(const lease_inputs& in) {
  std::vector<std::string> members = in.members;
  if (std::find(members.begin(), members.end(), in.me) == members.end())
    members.push_back(in.me);
  std::sort(members.begin(), members.end());
  lease_actions out;
  auto rows = by_partition(in.leases);
  std::set<int32_t> seen;
  for (const auto& [p, row] : rows) {
    if (p < intake_partition || p >= in.partitions)
      continue;
    seen.insert(p);
    auto target =
        p == intake_partition ? std::string{} : rendezvous_owner(p, members);
    decide(in, *row, target, out);
  }
  // A partition believed held that has no row at all is lost too.
  for (const auto& [p, epoch] : in.held)
    if (seen.count(p) == 0)
      out.lost.push_back({p, epoch});
  std::sort(out.lost.begin(), out.lost.end(),
            [](const lease_ref& a, const lease_ref& b) {
              return a.partition < b.partition;
            });
  return out;
}

} // namespace bridge::cluster
