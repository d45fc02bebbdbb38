// SPDX-License-Identifier: Apache-2.0
#pragma once

// A scripted stand-in for a PostgreSQL session: records every statement
// and answers (or throws) what the test says, so repository and turn code
// runs without a server.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "storage/dispatch.hpp"

namespace bridge::test {

class fake_sql : public storage::db_session {
public:
  using answer_fn = std::function<storage::rows(const storage::statement&)>;

  answer_fn answer = [](const storage::statement&) { return storage::rows{}; };
  std::vector<storage::statement> seen;
  /// Transaction control, in order: "begin", "commit", "rollback".
  std::vector<std::string> log;

  storage::rows run(const storage::statement& st) override {
    seen.push_back(st);
    return answer(st);
  }

  void begin() override { log.emplace_back("begin"); }
  /// Thrown by the next commit, if set.
  std::optional<storage::db_failure> commit_failure;

  void commit() override {
    if (commit_failure) {
      auto f = *commit_failure;
      commit_failure.reset();
      log.emplace_back("commit-failed");
      throw f;
    }
    log.emplace_back("commit");
  }
  /// Logged only when a transaction is open, as only then it matters.
  void rollback() noexcept override {
    if (!log.empty() && log.back() == "begin")
      log.emplace_back("rollback");
  }

  /// Statement names seen, in order.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (auto& s : seen)
      out.emplace_back(s.name);
    return out;
  }
};

/// A row of text cells.
inline storage::row cells(std::initializer_list<const char*> xs) {
  storage::row r;
  for (auto x : xs)
    r.push_back(x == nullptr ? storage::cell{} : storage::cell{std::string{x}});
  return r;
}

} // namespace bridge::test
