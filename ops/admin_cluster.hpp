// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include "messages/cluster.hpp"

/// `/admin/cluster`'s answer, pure: the keeper's view in, JSON out. Every
/// age is against the view's `now_ms` (PostgreSQL's clock), so engines
/// whose clocks disagree still show the same ages.
namespace bridge::ops {

/// Renders `v` as
///
/// ```
/// {"self":"a","partitions":64,"lease_ttl_ms":10000,"now_ms":T,
///  "members":[{"instance_id":"a","address":"h:p","started_ms":T,
///              "heartbeat_age_ms":N,"intake":true,
///              "owns":[{"partition":0,"epoch":3},...]}],
///  "intake_leader":{"instance_id":"a","epoch":2,"age_ms":N,
///                   "expires_in_ms":N}|null,
///  "leases":[{"partition":-1,"owner":"a"|null,"epoch":2,"age_ms":N|null,
///             "expires_in_ms":N|null,"expired":false}],
///  "free":[5,6],
///  "rebalances":N,"leases_lost":N,"fenced_writes":N}
/// ```
///
/// A lease is live while it has an owner and has not expired; `owns`,
/// `intake_leader` and `free` count live leases only. `free` lists the
/// partitions (0 to partitions - 1, the intake role not among them) that
/// no live lease holds, a partition without a lease row included.
/// `expires_in_ms` is negative once a lease expired; a freed lease has
/// no owner, age or expiry. `fenced_writes` is the caller's (the keeper
/// does not count refused writes).
std::string render(const cluster_view& v, uint64_t fenced_writes);

} // namespace bridge::ops
