// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

#include <caf/response_promise.hpp>
#include <caf/typed_event_based_actor.hpp>

#include "config/defaults.hpp"
#include "messages/storage.hpp"
#include "storage/call_queue.hpp"
#include "storage/db_worker.hpp"

namespace bridge::storage {

/// What the pool needs at start (see `pool_options_from` for the config).
struct db_pool_options {
  pg_options pg;
  /// Told of what each write changed in cached rows, on the pool's own
  /// thread, before the writer is answered (an in-memory copy dropped
  /// here cannot be read by the writer's next step). Memory only.
  std::function<void(const cache_invalidate&)> on_change;
  /// Where the pool publishes its queue's depth and limit (see
  /// `db_pressure`); none if null.
  std::shared_ptr<db_pressure> pressure;
  /// Workers, each with at most one connection: the pool's connection
  /// bound, `db.pool_size` less the one the lease keeper holds
  /// (storage/start.cpp).
  size_t pool_size = defaults::db::pool_size - 1;
  /// Connections opened at start. Each further one, up to `pool_size`,
  /// opens when a request waits with every open connection busy, one at
  /// a time, and stays open: an engine at a moderate load holds the few
  /// it uses, not twenty server processes.
  size_t pool_min = defaults::db::pool_min;
  size_t queue_limit = defaults::db::queue_limit;
  /// Deadline of a request that names none.
  std::chrono::milliseconds request_timeout = defaults::db::request_timeout;
  /// Rows (or requests) of one kind written in one turn.
  size_t batch_max = defaults::db::batch_max;
  /// Turns of one batchable kind running at once. Idle workers beyond it
  /// leave that kind waiting, so it leaves in larger batches: twenty
  /// workers each taking whatever waits write 20-row batches and pay a
  /// commit for each. While a full batch (`batch_max`) of the kind waits,
  /// it may run up to half of `pool_size` turns instead. With
  /// `combine_writes` it bounds the turns carrying combined writes
  /// instead, whatever their types.
  size_t batch_turns = defaults::db::batch_turns;
  /// Batches of different write types that wait together (inbox rows,
  /// message rows, outbox rows and marks) leave in one turn and commit in
  /// one transaction: one WAL flush for all of them.
  bool combine_writes = defaults::db::combine_writes;
  /// Below `batch_turns`, a partial batch of combined writes waits until
  /// its oldest call has waited this long: the writes of one burst (the
  /// updates of one poll, finished within a millisecond or two of each
  /// other) then share a turn and a commit. 0 starts a turn at once.
  std::chrono::microseconds write_linger = defaults::db::write_linger;
  std::chrono::milliseconds reconnect_base{100};
  std::chrono::milliseconds reconnect_max = defaults::db::reconnect_backoff_max;
  /// Times a request is run again after its connection broke.
  uint32_t max_retries = 2;
};

/// Whether another turn of a batchable write kind may start while
/// `running` turns of it run and calls of weight `waiting` wait: below
/// `batch_turns`, or with a full batch waiting and fewer than half the
/// workers on it. Pure, for the pool's dispatch and its tests.
bool write_turn_allowed(const db_pool_options& opts, size_t running,
                        size_t waiting);

/// `write_turn_allowed` for combined writes whose oldest call has waited
/// `waited`: below `batch_turns` a partial batch also waits out
/// `write_linger`. Pure.
bool combined_turn_allowed(const db_pool_options& opts, size_t running,
                           size_t waiting, std::chrono::microseconds waited);

/// The database pool. Requests wait in a bounded queue with a deadline;
/// an idle worker takes the oldest, together with waiting requests of the
/// same batchable kind, and runs them as one turn. Overload is refused at
/// once (`queue_full`), late requests are answered `deadline_exceeded`,
/// and a broken connection fails only the requests on it, retrying the
/// ones that surely did not commit (or are idempotent).
struct db_pool_state {
  static inline const char* name = "db_pool";

  using clock = std::chrono::steady_clock;

  explicit db_pool_state(db_actor::pointer self) : self(self) {}

  db_actor::behavior_type make_behavior(db_pool_options opts);

private:
  /// A request as it waits and runs.
  struct pending {
    caf::message call;
    caf::response_promise promise;
    uint32_t retries = 0;
  };

  using queue = call_queue<pending>;

  /// `closed`: no worker yet (beyond `pool_min`, until one is needed).
  enum class phase { closed, connecting, idle, busy };

  struct worker_slot {
    db_worker_actor handle;
    phase state = phase::closed;
  };

  /// A turn a worker runs now.
  struct turn {
    size_t worker = 0;
    /// The request types it carries, each once.
    std::vector<uint32_t> kinds;
    /// It counts against the combined writes' `batch_turns`.
    bool combined = false;
    std::vector<queue::entry> calls;
    /// Calls already answered (their deadline passed while running).
    std::vector<bool> answered;
    clock::time_point started;
  };

  template <class... Ops> db_actor::behavior_type behavior(db_op_list<Ops...>);

  template <class Op> auto handler();

  void admit(uint32_t op, size_t weight, int64_t timeout_ms, caf::error invalid,
             caf::message call, caf::response_promise promise);
  void dispatch();
  /// Stores the queue's depth in `opts_.pressure`, if any.
  void publish_pressure();
  bool may_leave(uint32_t op) const;
  bool combines(uint32_t op) const;
  void start_turn(size_t worker, std::vector<queue::entry> calls);
  void finish_turn(uint64_t id, db_turn_result& result);
  void connect(size_t worker);
  /// Opens one more connection when a request waits with every open one
  /// busy and none is being opened.
  void grow();
  void sweep();
  void schedule_sweep(clock::time_point at);
  /// Combined writes linger with workers idle: dispatch again when the
  /// oldest has waited `write_linger`.
  void wake_after_linger();
  void answer(queue::entry& e, caf::message& reply);
  void refuse(caf::response_promise& promise, caf::error err);
  void spawn_worker(size_t index);
  void fail_all(const caf::error& err);
  db_pool_status status() const;

  db_actor::pointer self;
  db_pool_options opts_;
  std::unique_ptr<queue> queue_;
  std::vector<worker_slot> workers_;
  std::vector<size_t> idle_;
  std::unordered_map<uint64_t, turn> turns_;
  /// Turns running per request kind (see `batch_turns`).
  std::vector<size_t> running_;
  /// Turns running that carry combined writes.
  size_t combined_running_ = 0;
  uint64_t next_turn_ = 1;
  std::shared_ptr<db_worker_counters> worker_counters_ =
      std::make_shared<db_worker_counters>();
  invalidation_sink watcher_;
  clock::time_point sweep_at_ = clock::time_point::max();
  /// When the pending linger wake-up comes (max: none pending).
  clock::time_point linger_at_ = clock::time_point::max();
  db_pool_status counters_;
};

using db_pool_impl = db_actor::stateful_pointer<db_pool_state>;

/// Spawn function of the pool.
db_actor::behavior_type db_pool(db_pool_impl self, db_pool_options opts);

} // namespace bridge::storage
