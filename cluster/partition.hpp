// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

/// Where a team lives and which engine owns it: both computed, never
/// searched, so every engine reaches the same answer from the same inputs.
namespace bridge::cluster {

/// The partition of a team key (a manager's chat, or a chat in no team):
/// the id's high bits folded onto its low ones, then taken modulo
/// `partitions`. The same arithmetic as SQL `bridge_partition_of`, so rows
/// placed by PostgreSQL and actors placed here agree. `partitions` > 0.
int32_t partition_of(int64_t team_key, int32_t partitions);

/// A stable 64-bit hash of a member id (FNV-1a): the same on every engine
/// and every build, unlike std::hash.
uint64_t member_hash(const std::string& id);

/// How much `member` wants `partition` under highest-random-weight
/// hashing; the highest weight owns it.
uint64_t rendezvous_weight(int32_t partition, const std::string& member);

/// The member that should own `partition` among `members`: the highest
/// weight, ties to the smaller id. A member joining takes only the
/// partitions it now wins, and one leaving gives up only its own, so a
/// change of membership moves about P / members partitions. Empty when
/// there are no members.
std::string rendezvous_owner(int32_t partition,
                             const std::vector<std::string>& members);

} // namespace bridge::cluster
