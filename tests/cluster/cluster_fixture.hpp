// SPDX-License-Identifier: Apache-2.0
#pragma once

// A migrated scratch database for the cluster suites, and what they use
// to look at the lease rows from outside the store.

#include <chrono>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "cluster/lease_store.hpp"
#include "common/error.hpp"
#include "storage/migrations.hpp"
#include "tests/support/pg_scratch.hpp"

namespace bridge::test {

struct cluster_db {
  pg_scratch db;

  cluster_db() {
    auto applied = storage::apply_migrations(db.dsn());
    if (!applied)
      throw std::runtime_error("migrations failed: "
                               + describe(applied.error()));
  }

  /// Store options on the scratch database, named `name` in
  /// pg_stat_activity, quick to reconnect.
  cluster::lease_store_options store_options(const std::string& name) const {
    cluster::lease_store_options so;
    so.dsn = db.dsn();
    so.application_name = name;
    so.lock_timeout = std::chrono::seconds{30};
    so.statement_timeout = std::chrono::seconds{60};
    so.reconnect_base = std::chrono::milliseconds{10};
    so.reconnect_max = std::chrono::milliseconds{100};
    return so;
  }

  /// Every lease row: partition -> (owner, epoch).
  std::map<int32_t, std::pair<std::string, int64_t>> rows() const {
    std::map<int32_t, std::pair<std::string, int64_t>> out;
    for (const auto& r :
         db.query("SELECT partition, coalesce(owner, ''), epoch "
                  "FROM partition_leases"))
      out[r[0].as<int32_t>()] = {r[1].as<std::string>(), r[2].as<int64_t>()};
    return out;
  }

  int64_t epoch_of(int32_t p) const {
    return db.scalar("SELECT epoch FROM partition_leases WHERE partition = "
                     + std::to_string(p));
  }
};

} // namespace bridge::test
