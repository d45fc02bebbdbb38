// SPDX-License-Identifier: Apache-2.0
#include "storage/migrations.hpp"

#include <cstdio>
#include <map>

namespace bridge::storage {

std::string migration_checksum(std::string_view sql) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : sql) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(h));
  return buf;
}

migration_plan plan_migrations(const std::vector<migration>& available,
                               const std::vector<applied_migration>& applied) {
  migration_plan plan;
  for (size_t i = 0; i < available.size(); ++i) {
    if (available[i].version != static_cast<int>(i) + 1) {
      plan.error = "migration versions must run 1..N without gaps; found "
                   + std::to_string(available[i].version) + " at position "
                   + std::to_string(i + 1);
      return plan;
    }
  }
  std::map<int, const applied_migration*> done;
  for (auto& a : applied)
    done[a.version] = &a;
  auto known = static_cast<int>(available.size());
  if (!done.empty() && done.rbegin()->first > known) {
    auto& [newest, a] = *done.rbegin();
    plan.database_newer = true;
    plan.error = "the database's schema is at version " + std::to_string(newest)
                 + " (" + a->name + ") but this build knows versions up to "
                 + std::to_string(known)
                 + ": it was migrated by a newer version "
                   "of Bridge; run that version or a later one, or restore a "
                   "backup this version made";
    return plan;
  }
  for (auto& [version, a] : done) {
    if (version < 1) {
      plan.error = "the database has migration " + std::to_string(version)
                   + " (" + a->name + "), which no build has";
      return plan;
    }
    auto& m = available[static_cast<size_t>(version) - 1];
    if (a->checksum != migration_checksum(m.sql)) {
      plan.error = "migration " + std::to_string(version) + " (" + m.name
                   + ") differs from the one applied to the database; a "
                     "migration must never change once released";
      return plan;
    }
  }
  for (auto& m : available)
    if (done.count(m.version) == 0)
      plan.pending.push_back(&m);
  return plan;
}

} // namespace bridge::storage
