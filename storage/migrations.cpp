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
  // Versions rise strictly; a gap is allowed, because changes developed
  // side by side each take their own number and may land in either order.
  std::map<int, const migration*> known;
  for (size_t i = 0; i < available.size(); ++i) {
    auto v = available[i].version;
    if (v < 1 || (i > 0 && v <= available[i - 1].version)) {
      plan.error = "migration versions must rise from 1 without repeats; "
                   "found "
                   + std::to_string(v) + " at position "
                   + std::to_string(i + 1);
      return plan;
    }
    known[v] = &available[i];
  }
  std::map<int, const applied_migration*> done;
  for (auto& a : applied)
    done[a.version] = &a;
  auto newest_known = known.empty() ? 0 : known.rbegin()->first;
  if (!done.empty() && done.rbegin()->first > newest_known) {
    auto& [newest, a] = *done.rbegin();
    plan.database_newer = true;
    plan.error = "the database's schema is at version " + std::to_string(newest)
                 + " (" + a->name + ") but this build knows versions up to "
                 + std::to_string(newest_known)
                 + ": it was migrated by a newer version "
                   "of Bridge; run that version or a later one, or restore a "
                   "backup this version made";
    return plan;
  }
  for (auto& [version, a] : done) {
    auto it = known.find(version);
    if (it == known.end()) {
      plan.error = "the database has migration " + std::to_string(version)
                   + " (" + a->name + "), which no build has";
      return plan;
    }
    auto& m = *it->second;
    if (a->checksum != migration_checksum(m.sql)) {
      plan.error = "migration " + std::to_string(version) + " (" + m.name
                   + ") differs from the one applied to the database; a "
                     "migration must never change once released";
      return plan;
    }
  }
  // A version below the newest applied one may still be pending (it
  // landed after a higher one was applied): it runs now, in order.
  for (auto& m : available)
    if (done.count(m.version) == 0)
      plan.pending.push_back(&m);
  return plan;
}

} // namespace bridge::storage
