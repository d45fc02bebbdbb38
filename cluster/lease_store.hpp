// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <caf/error.hpp>
#include <caf/expected.hpp>

#include "common/backoff.hpp"
#include "common/clock.hpp"
#include "messages/cluster.hpp"

/// The lease rows in PostgreSQL, on one connection of the store's own.
namespace bridge::cluster {

/// How the store connects.
struct lease_store_options {
  /// libpq connection string (a secret: never logged as is).
  std::string dsn;
  std::string application_name = "bridge-cluster";
  std::chrono::seconds connect_timeout{5};
  /// Every statement is cut after this long.
  std::chrono::milliseconds statement_timeout{10000};
  /// How long a release waits behind writes in flight (they hold their
  /// partitions' lease locks shared) before giving up for this round.
  std::chrono::milliseconds lock_timeout{10000};
  /// Backoff between attempts to reopen a broken connection.
  std::chrono::milliseconds reconnect_base{100};
  std::chrono::milliseconds reconnect_max{5000};
  /// Steady time, for the backoff.
  bridge::clock clock;
};

/// One read of the cluster: PostgreSQL's clock, the live members, and
/// every lease row (by partition, -1 first).
struct lease_snapshot {
  int64_t now_ms = 0;
  std::vector<member_record> members;
  std::vector<lease_record> leases;
};

/// Blocking: used from one thread only (the keeper's). Every failure is
/// an error value (`db_unavailable` when the connection is down, naming
/// the wait before the next attempt; `db_error` otherwise), never an
/// exception. A connection that served and then broke (killed while idle,
/// a server restarted) is reopened at the next call; one that cannot be
/// opened, or broke before serving a call, is tried again after a
/// backoff. A reopened connection listens again if it listened.
class lease_store {
public:
  explicit lease_store(lease_store_options opts);
  ~lease_store();

  lease_store(const lease_store&) = delete;
  lease_store& operator=(const lease_store&) = delete;

  /// Sets the partition count of a new database, or checks it against the
  /// stored one (refused with a message naming `cluster.partitions`);
  /// creates the lease rows -1 .. partitions-1; places the unfinished
  /// inbox and outbox rows written before partitions existed.
  caf::error prepare(int32_t partitions);

  /// Says `me` lives (and where its admin door is).
  caf::error heartbeat(const std::string& me, const std::string& address);

  /// PostgreSQL's now, the members whose heartbeat is younger than `ttl`,
  /// and every lease.
  caf::expected<lease_snapshot> read(std::chrono::milliseconds ttl);

  /// Takes those of `parts` that are free or expired, each under its next
  /// epoch, for `ttl`. A partition with a fenced write in flight is left
  /// for a later call (the epoch moves only once that write ended).
  /// Answers what was taken.
  caf::expected<std::vector<lease_record>>
  acquire(const std::string& me, const std::vector<int32_t>& parts,
          std::chrono::milliseconds ttl);

  /// Extends those of `parts` that `me` holds and that have not expired.
  /// Never waits for writers (they lock no lease row).
  /// Answers what was extended: a partition missing from it is lost.
  caf::expected<std::vector<lease_record>>
  renew(const std::string& me, const std::vector<int32_t>& parts,
        std::chrono::milliseconds ttl);

  /// Frees those of `parts` that `me` holds, raising their epochs, so a
  /// write still queued under the old epoch is refused. Answers what was
  /// freed, with the new epochs.
  caf::expected<std::vector<lease_record>>
  release(const std::string& me, const std::vector<int32_t>& parts);

  /// Frees every lease of `me` and removes its member row.
  caf::error leave(const std::string& me);

  /// Listens on `bridge_partitions` from now on (and after reconnects).
  caf::error listen();

  /// Waits up to `timeout` for notifications; answers the partitions they
  /// named (payloads that are not a partition number are dropped).
  caf::expected<std::vector<int32_t>> wait(std::chrono::milliseconds timeout);

  /// True while the connection is up.
  bool is_open() const;

  /// Connections opened after the first (reconnects).
  uint64_t reconnects() const { return reconnects_; }

  /// Failed attempts to connect since the last success.
  uint32_t failures() const { return retry_.failures(); }

private:
  struct impl;

  /// Opens the connection when it is down and its backoff has passed.
  caf::error ensure_open();
  /// Drops a broken connection and schedules the next attempt: at once
  /// when it had served a call, after a backoff otherwise.
  void drop();
  /// Runs `fn` on the open connection, turning exceptions into errors.
  template <class F> caf::error guarded(const char* what, F&& fn);

  lease_store_options opts_;
  std::unique_ptr<impl> impl_;
  retry_state retry_;
  std::minstd_rand rng_{std::random_device{}()};
  /// Steady time before which no reconnect is tried.
  int64_t next_attempt_ns_ = 0;
  bool listening_ = false;
  bool ever_open_ = false;
  /// The open connection completed a call.
  bool served_ = false;
  uint64_t reconnects_ = 0;
};

} // namespace bridge::cluster
