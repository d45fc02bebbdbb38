// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "cluster/partition.hpp"
#include "tests/cluster/cluster_fixture.hpp"

BOOST_AUTO_TEST_SUITE(cluster_partition_pg)

using namespace bridge::cluster;

// Rows are placed by SQL and actors by C++: both must compute the same.
BOOST_AUTO_TEST_CASE(partition_of_agrees_with_sql) {
  bridge::test::cluster_db c;
  std::mt19937_64 rng{42};
  std::vector<int64_t> keys{std::numeric_limits<int64_t>::min(),
                            std::numeric_limits<int64_t>::min() + 1,
                            std::numeric_limits<int64_t>::max(),
                            std::numeric_limits<int64_t>::max() - 1,
                            0,
                            1,
                            -1,
                            1 << 20,
                            -(1 << 20),
                            -1001234567890};
  for (int i = 0; i < 3000; ++i)
    keys.push_back(static_cast<int64_t>(rng()));
  for (int i = 0; i < 1000; ++i)
    keys.push_back(static_cast<int64_t>(rng() % 20000000000) - 10000000000);
  std::string list;
  for (auto k : keys)
    list += (list.empty() ? "" : ",") + std::to_string(k);
  for (int32_t n : {1, 7, 64, 4096}) {
    auto res =
        c.db.query("SELECT k, bridge_partition_of(k, " + std::to_string(n)
                   + ") FROM unnest(ARRAY[" + list + "]::bigint[]) AS k");
    BOOST_REQUIRE(res.size() == keys.size());
    size_t agree = 0;
    for (const auto& r : res) {
      auto k = r[0].as<int64_t>();
      auto p = r[1].as<int32_t>();
      if (p == partition_of(k, n))
        ++agree;
      else
        BOOST_TEST(p == partition_of(k, n), "key " << k << " over " << n);
    }
    BOOST_TEST(agree == keys.size());
  }
}

BOOST_AUTO_TEST_SUITE_END() // cluster_partition_pg
