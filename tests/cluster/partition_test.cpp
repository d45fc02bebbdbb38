// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "cluster/partition.hpp"

BOOST_AUTO_TEST_SUITE(cluster_partition)

using namespace bridge::cluster;

namespace {

/// How many of `keys` land in each of `n` partitions.
std::vector<int> spread(const std::vector<int64_t>& keys, int32_t n) {
  std::vector<int> counts(static_cast<size_t>(n), 0);
  for (auto k : keys)
    ++counts[static_cast<size_t>(partition_of(k, n))];
  return counts;
}

std::vector<std::string> ids(std::initializer_list<const char*> names) {
  return {names.begin(), names.end()};
}

/// Every partition's owner among `members`.
std::vector<std::string> owners(int32_t partitions,
                                const std::vector<std::string>& members) {
  std::vector<std::string> out;
  for (int32_t p = 0; p < partitions; ++p)
    out.push_back(rendezvous_owner(p, members));
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(partitions_stay_in_bounds) {
  constexpr auto lo = std::numeric_limits<int64_t>::min();
  constexpr auto hi = std::numeric_limits<int64_t>::max();
  for (int32_t n : {1, 2, 7, 64, 1000, 4096})
    for (int64_t k :
         {lo, lo + 1, int64_t{-1001234567890}, int64_t{-1}, int64_t{0},
          int64_t{1}, int64_t{7000000001}, hi - 1, hi}) {
      auto p = partition_of(k, n);
      BOOST_TEST((p >= 0 && p < n),
                 "key " << k << " over " << n << " gave " << p);
    }
  BOOST_TEST(partition_of(123456789, 1) == 0);
}

BOOST_AUTO_TEST_CASE(the_fold_works_on_negative_keys_as_sql_does) {
  // Worked by hand: k ^ (k >> 20) with an arithmetic shift, then a
  // modulo that is never negative.
  BOOST_TEST(partition_of(-1, 64) == 0);       // -1 ^ -1
  BOOST_TEST(partition_of(-2, 64) == 1);       // -2 ^ -1 = 1
  BOOST_TEST(partition_of(1 << 20, 64) == 1);  // 2^20 ^ 1
  BOOST_TEST(partition_of(-1048577, 64) == 1); // -(2^20+1) ^ -2 = 2^20 + 1
  BOOST_TEST(partition_of(-65, 64) == 0);      // -65 ^ -1 = 64
  BOOST_TEST(partition_of(63, 64) == 63);
}

BOOST_AUTO_TEST_CASE(sequential_ids_spread_evenly) {
  for (int64_t base :
       {int64_t{1}, int64_t{5000000000}, int64_t{-1001000000000}}) {
    std::vector<int64_t> keys;
    for (int64_t i = 0; i < 64000; ++i)
      keys.push_back(base + i);
    for (auto c : spread(keys, 64))
      BOOST_TEST((c >= 800 && c <= 1200), "base " << base << ": " << c);
  }
}

BOOST_AUTO_TEST_CASE(random_ids_spread_evenly) {
  std::mt19937_64 rng{20261205};
  std::uniform_int_distribution<int64_t> users{1, 8000000000};
  std::uniform_int_distribution<int64_t> groups{-1009999999999, -1000000000000};
  std::vector<int64_t> keys;
  for (int i = 0; i < 64000; ++i)
    keys.push_back(i % 2 == 0 ? users(rng) : groups(rng));
  for (auto c : spread(keys, 64))
    BOOST_TEST((c >= 700 && c <= 1300), c);
}

BOOST_AUTO_TEST_CASE(member_hash_is_fnv1a) {
  BOOST_TEST(member_hash("") == 0xcbf29ce484222325ULL);
  BOOST_TEST(member_hash("a") == 0xaf63dc4c8601ec8cULL);
}

BOOST_AUTO_TEST_CASE(rendezvous_is_deterministic_and_order_free) {
  auto a = ids({"engine-a", "engine-b", "engine-c"});
  auto b = ids({"engine-c", "engine-a", "engine-b"});
  BOOST_TEST((owners(256, a) == owners(256, a)));
  BOOST_TEST((owners(256, a) == owners(256, b)));
  BOOST_TEST(rendezvous_owner(5, {}).empty());
  BOOST_TEST(rendezvous_owner(5, ids({"only"})) == "only");
  // Every member gets a share.
  std::map<std::string, int> share;
  for (const auto& o : owners(256, a))
    ++share[o];
  BOOST_TEST(share.size() == 3u);
  for (const auto& [m, n] : share)
    BOOST_TEST((n > 50 && n < 120), m << " owns " << n);
}

BOOST_AUTO_TEST_CASE(a_newcomer_takes_only_what_moves_to_it) {
  constexpr int32_t partitions = 1024;
  auto three = ids({"engine-a", "engine-b", "engine-c"});
  auto four = ids({"engine-a", "engine-b", "engine-c", "engine-d"});
  auto before = owners(partitions, three);
  auto after = owners(partitions, four);
  int moved = 0;
  for (size_t p = 0; p < before.size(); ++p) {
    if (before[p] == after[p])
      continue;
    ++moved;
    BOOST_TEST(after[p] == "engine-d",
               "partition " << p << " moved to " << after[p]);
  }
  // About a quarter move (256 of 1024), nothing else does.
  BOOST_TEST((moved > 200 && moved < 315), moved);
}

BOOST_AUTO_TEST_CASE(a_leaver_gives_up_only_its_own) {
  constexpr int32_t partitions = 1024;
  auto four = ids({"engine-a", "engine-b", "engine-c", "engine-d"});
  auto three = ids({"engine-a", "engine-c", "engine-d"});
  auto before = owners(partitions, four);
  auto after = owners(partitions, three);
  for (size_t p = 0; p < before.size(); ++p) {
    if (before[p] != "engine-b")
      BOOST_TEST(after[p] == before[p], "partition " << p);
    else
      BOOST_TEST(after[p] != "engine-b");
  }
}

BOOST_AUTO_TEST_SUITE_END() // cluster_partition
