// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <random>
#include <vector>

#include <caf/typed_actor.hpp>
#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "common/backoff.hpp"
#include "config/defaults.hpp"
#include "messages/storage.hpp"
#include "storage/pg_session.hpp"

namespace bridge::storage {

/// A pool worker: one connection, one turn at a time. `connect` is
/// answered (with the server process id) once the connection is up;
/// `retry` is its own reconnect timer.
using db_worker_actor =
    caf::typed_actor<caf::replies_to<db_turn>::with<db_turn_result>,
                     caf::replies_to<connect_atom>::with<int64_t>,
                     caf::reacts_to<retry_atom>>;

/// Counters the workers share with their pool.
struct db_worker_counters {
  std::atomic<int64_t> connections_open{0};
  std::atomic<int64_t> connect_failures{0};
};

/// What a worker needs.
struct db_worker_options {
  pg_options pg;
  size_t batch_max = defaults::db::batch_max;
  std::chrono::milliseconds reconnect_base{100};
  std::chrono::milliseconds reconnect_max = defaults::db::reconnect_backoff_max;
  std::shared_ptr<db_worker_counters> counters;
};

/// A detached actor (libpqxx blocks) owning at most one connection. A
/// broken connection is closed at once; the next is opened when the pool
/// asks, retried with exponential backoff and full jitter.
struct db_worker_state {
  static inline const char* name = "db_worker";

  explicit db_worker_state(db_worker_actor::pointer self) : self(self) {}
  ~db_worker_state();

  db_worker_actor::behavior_type make_behavior(db_worker_options opts);

private:
  db_turn_result run(db_turn& turn);
  void try_connect();
  void close();

  db_worker_actor::pointer self;
  db_worker_options opts_;
  std::unique_ptr<pg_session> session_;
  /// The server process of the current connection, for log lines.
  int64_t backend_pid_ = 0;
  std::vector<caf::typed_response_promise<int64_t>> waiting_;
  bool retry_scheduled_ = false;
  std::unique_ptr<retry_state> retry_;
  std::mt19937_64 rng_{std::random_device{}()};
};

using db_worker_impl = db_worker_actor::stateful_pointer<db_worker_state>;

/// Spawn function of a pool worker.
db_worker_actor::behavior_type db_worker(db_worker_impl self,
                                         db_worker_options opts);

} // namespace bridge::storage
