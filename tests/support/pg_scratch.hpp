// SPDX-License-Identifier: Apache-2.0
#pragma once

// A fresh PostgreSQL database for one test, on the server DATABASE_URL
// names, dropped when the test ends: suites run in parallel without
// seeing each other's rows. Without DATABASE_URL the test fails.

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

#include <pqxx/pqxx>
#include <unistd.h>

#include "storage/dsn.hpp"

namespace bridge::test {

/// The value of an environment variable a suite cannot run without.
inline std::string required_env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0')
    throw std::runtime_error(
        std::string{name}
        + " is not set: start the services "
          "(scripts/services.sh start) and source their env");
  return v;
}

class pg_scratch {
public:
  pg_scratch() : server_dsn_(required_env("DATABASE_URL")) {
    static std::atomic<int> counter{0};
    std::random_device rd;
    name_ = "bridge_t" + std::to_string(::getpid()) + "_"
            + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
    pqxx::connection admin{server_dsn_};
    pqxx::nontransaction tx{admin};
    tx.exec("CREATE DATABASE " + name_);
    dsn_ = storage::dsn_with_database(server_dsn_, name_);
  }

  ~pg_scratch() {
    try {
      pqxx::connection admin{server_dsn_};
      pqxx::nontransaction tx{admin};
      tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
      // A leftover scratch database is harmless; the run directory goes.
    }
  }

  pg_scratch(const pg_scratch&) = delete;
  pg_scratch& operator=(const pg_scratch&) = delete;

  /// Connection string of the scratch database.
  const std::string& dsn() const { return dsn_; }

  const std::string& name() const { return name_; }

  /// Runs `sql` on a connection of its own and returns the result.
  pqxx::result query(const std::string& sql) const {
    pqxx::connection c{dsn_};
    pqxx::nontransaction tx{c};
    return tx.exec(sql);
  }

  /// The single value `sql` returns, as an integer.
  long long scalar(const std::string& sql) const {
    auto r = query(sql);
    return r.at(0).at(0).as<long long>();
  }

private:
  std::string server_dsn_;
  std::string name_;
  std::string dsn_;
};

} // namespace bridge::test
