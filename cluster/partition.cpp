// SPDX-License-Identifier: Apache-2.0
#include "cluster/partition.hpp"

namespace bridge::cluster {

namespace {

/// A 64-bit finaliser that spreads every input bit over the output.
uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

} // namespace

int32_t partition_of(int64_t team_key, int32_t partitions) {
  // `>>` on a negative int64 is an arithmetic shift (GCC and Clang, and
  // C++20 by rule), as PostgreSQL's bigint `>>` is; `%` truncates towards
  // zero in both, hence the second modulo.
  int64_t folded = team_key ^ (team_key >> 20);
  int64_t n = partitions;
  return static_cast<int32_t>(((folded % n) + n) % n);
}

uint64_t member_hash(const std::string& id) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : id) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t rendezvous_weight(int32_t partition, const std::string& member) {
  auto p = static_cast<uint64_t>(static_cast<uint32_t>(partition));
  return splitmix64(member_hash(member) ^ splitmix64(p));
}

std::string rendezvous_owner(int32_t partition,
                             const std::vector<std::string>& members) {
  const std::string* best = nullptr;
  uint64_t best_weight = 0;
  for (const auto& m : members) {
    auto w = rendezvous_weight(partition, m);
    if (best == nullptr || w > best_weight || (w == best_weight && m < *best)) {
      best = &m;
      best_weight = w;
    }
  }
  return best != nullptr ? *best : std::string{};
}

} // namespace bridge::cluster
