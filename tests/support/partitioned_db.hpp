// SPDX-License-Identifier: Apache-2.0
#pragma once

// A scratch database with a running pool, set up for the fencing suites:
// `partitioned_db::parts` partitions, partition 3 leased at epoch 5 and
// every other one (the intake role's -1 among them) at epoch 1.

#include <cstdint>
#include <string>

#include "tests/support/pool_fixture.hpp"

namespace bridge::test {

struct partitioned_db : pool_fixture {
  static constexpr int32_t parts = 8;

  partitioned_db() {
    db.query("INSERT INTO cluster_settings (partitions) VALUES ("
             + std::to_string(parts) + ")");
    db.query(
        "INSERT INTO partition_leases (partition, owner, epoch, expires_at) "
        "SELECT p, 'test', CASE WHEN p = 3 THEN 5 ELSE 1 END, "
        "now() + interval '1 hour' FROM generate_series(-1, "
        + std::to_string(parts - 1) + ") AS p");
  }

  /// The partition SQL places chat `chat` in.
  int64_t partition_of_chat(int64_t chat) {
    return db.scalar("SELECT bridge_chat_partition(" + std::to_string(chat)
                     + ")");
  }
};

/// Chat ids that land in partition `p` of a partitioned_db by their own id
/// (the fold changes nothing below 2^20, so small ids map by modulo).
inline int64_t chat_in(int32_t p, int64_t nth = 0) {
  return p + partitioned_db::parts * (nth + 1);
}

} // namespace bridge::test
