// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the backup suites drive: scripts/backup.sh and scripts/restore.sh
// as an operator runs them, and a PostgreSQL server of their own to
// restore into.

#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace bridge::test {

/// How a script ended: its exit status and what it wrote (stdout and
/// stderr together).
struct script_run {
  int status = -1;
  std::string output;
};

/// Runs scripts/`name` from the source tree with `args`, waiting for it
/// to end (a run still going after two minutes fails the test).
script_run run_script(const std::string& name, std::vector<std::string> args,
                      child_process::env_list env = {});

/// Whether `text` holds `part`.
inline bool holds(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A PostgreSQL server of its own (scripts/services.sh under `run_dir`,
/// with its empty `bridge` database), purged when the object goes: the
/// fresh server a backup is restored into after a disaster.
class fresh_server {
public:
  explicit fresh_server(std::string run_dir);
  ~fresh_server();

  fresh_server(const fresh_server&) = delete;
  fresh_server& operator=(const fresh_server&) = delete;

  /// Connection string of its `bridge` database.
  const std::string& dsn() const { return dsn_; }

private:
  std::string run_dir_;
  std::string dsn_;
};

} // namespace bridge::test
