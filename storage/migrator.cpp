// SPDX-License-Identifier: Apache-2.0
#include "storage/migrations.hpp"

#include <pqxx/pqxx>

#include "common/error.hpp"
#include "storage/pg_session.hpp"

namespace bridge::storage {

namespace {

/// Key of the advisory lock that serializes migrating instances.
constexpr int64_t migration_lock_key = 0x4252494447450001; // "BRIDGE" 1

std::vector<applied_migration> read_applied(pqxx::connection& conn) {
  pqxx::nontransaction tx{conn};
  std::vector<applied_migration> out;
  for (const auto& r :
       tx.exec("SELECT version, name, checksum FROM schema_migrations"))
    out.push_back(
        {r[0].as<int>(), r[1].as<std::string>(), r[2].as<std::string>()});
  return out;
}

} // namespace

caf::expected<std::vector<int>> apply_migrations(const std::string& dsn) {
  std::vector<int> done;
  std::string step = "connecting";
  try {
    pqxx::connection conn{dsn};
    step = "taking the migration lock";
    {
      pqxx::nontransaction tx{conn};
      tx.exec("SELECT pg_advisory_lock(" + std::to_string(migration_lock_key)
              + ")");
      tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
              " version integer PRIMARY KEY,"
              " name text NOT NULL,"
              " checksum text NOT NULL,"
              " applied_at timestamptz NOT NULL DEFAULT now())");
    }
    step = "reading schema_migrations";
    auto plan = plan_migrations(embedded_migrations(), read_applied(conn));
    if (plan.database_newer)
      return make_error(engine_errc::schema_newer, plan.error);
    if (!plan.error.empty())
      return make_error(engine_errc::db_error, "schema check: " + plan.error);
    for (auto m : plan.pending) {
      step = "applying migration " + std::to_string(m->version) + " (" + m->name
             + ")";
      pqxx::work tx{conn};
      tx.exec(m->sql);
      tx.exec_params("INSERT INTO schema_migrations (version, name, checksum)"
                     " VALUES ($1, $2, $3)",
                     m->version, std::string{m->name},
                     migration_checksum(m->sql));
      tx.commit();
      done.push_back(m->version);
    }
    // The session lock ends with the connection.
  } catch (const std::exception& e) {
    return make_error(engine_errc::db_unavailable,
                      step + " failed: " + first_line(e.what()));
  }
  return done;
}

} // namespace bridge::storage
