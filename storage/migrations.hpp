// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <caf/expected.hpp>

/// Schema migrations: numbered SQL files compiled into the binary, applied
/// at start, each in one transaction, recorded in `schema_migrations`.
namespace bridge::storage {

/// One migration file.
struct migration {
  int version;
  const char* name;
  const char* sql;
};

/// The migrations of this build, ordered by version (generated from
/// storage/migrations/NNN_name.sql).
const std::vector<migration>& embedded_migrations();

/// A migration as the database recorded it.
struct applied_migration {
  int version = 0;
  std::string name;
  std::string checksum;
};

/// A stable fingerprint of a migration's text (FNV-1a, 16 hex digits), so
/// a file edited after it was applied is noticed.
std::string migration_checksum(std::string_view sql);

/// What start-up has to do.
struct migration_plan {
  std::vector<const migration*> pending;
  /// Non-empty when the database and this build disagree; start must stop.
  std::string error;
  /// The disagreement is a database migrated by a newer build: an older
  /// binary must refuse it, whatever else it would do.
  bool database_newer = false;
};

/// Compares what this build has with what the database recorded. Refuses
/// versions that do not run 1..N without gaps (a gap is a missing file), a
/// recorded version this build does not know (past its newest: the
/// database is newer), and a changed checksum. Every version not yet
/// recorded is pending, even one below the newest recorded.
migration_plan plan_migrations(const std::vector<migration>& available,
                               const std::vector<applied_migration>& applied);

/// Brings the database at `dsn` up to date. Concurrent starts wait for
/// each other (an advisory lock), so each migration runs once. Answers
/// the versions applied now (empty when already current), or an error
/// naming what failed; the password in `dsn` never appears in it.
caf::expected<std::vector<int>> apply_migrations(const std::string& dsn);

} // namespace bridge::storage
