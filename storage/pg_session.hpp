// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

#include "config/defaults.hpp"
#include "storage/dispatch.hpp"

namespace bridge::storage {

/// How a worker connects.
/// How long connecting may take for a given request deadline: not much
/// longer than a request, nor cut too short on a loaded server.
constexpr std::chrono::seconds
connect_timeout_for(std::chrono::milliseconds request_timeout) {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(request_timeout);
  return std::clamp(secs, std::chrono::seconds{2}, std::chrono::seconds{30});
}

struct pg_options {
  /// libpq connection string (a secret: it may carry a password).
  std::string dsn;
  /// Every statement is cut after this long (PostgreSQL statement_timeout).
  std::chrono::milliseconds statement_timeout = defaults::db::request_timeout;
  std::chrono::seconds connect_timeout =
      connect_timeout_for(defaults::db::request_timeout);
  std::string application_name = "bridge";
  /// A transaction left open this long is ended by the server
  /// (idle_in_transaction_session_timeout; 0: never). A pool runs its
  /// turns back to back, so only a frozen engine leaves one open, and its
  /// fenced writes' row locks would keep the other engines from taking
  /// its partitions over.
  std::chrono::milliseconds idle_in_transaction_timeout{0};
};

/// One PostgreSQL connection knowing every statement of `all_statements()`,
/// each prepared at its first use (the process's first session prepares
/// them all at connect): what a pool worker runs turns on. The one place
/// besides the migrator that speaks libpqxx; everything it throws is a
/// `db_failure`.
class pg_session final : public db_session {
public:
  /// Connects (and, the process's first, prepares every statement);
  /// throws `db_failure` (`connection_lost` when the server cannot be
  /// reached) with a message free of the password.
  explicit pg_session(const pg_options& opts);
  ~pg_session() override;

  pg_session(const pg_session&) = delete;
  pg_session& operator=(const pg_session&) = delete;

  rows run(const statement& st) override;
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  /// False once the connection broke.
  bool is_open() const;

  /// The server process serving this connection (pg_stat_activity.pid).
  int backend_pid() const;

private:
  /// The libpqxx connection and open transaction, kept out of this header.
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// The first line of a server or library message: PostgreSQL's DETAIL
/// lines can quote whole rows, which is user data a log must not carry.
std::string first_line(std::string_view text);

/// Rethrows the exception in flight as a `db_failure`. `committing`: the
/// failure happened while committing, so a broken connection leaves the
/// outcome in doubt.
[[noreturn]] void rethrow_as_failure(bool committing);

} // namespace bridge::storage
