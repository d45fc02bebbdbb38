// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "actors/bot_api_endpoint.hpp"
#include "actors/ownership.hpp"
#include "common/backoff.hpp"
#include "common/call_watch.hpp"
#include "common/clock.hpp"
#include "common/http_multi.hpp"
#include "config/defaults.hpp"
#include "messages/budget.hpp"
#include "messages/sender.hpp"
#include "messages/storage.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/outbox_ledger.hpp"
#include "telegram/send_scheduler.hpp"

namespace bridge {

/// What the sender needs to know at start.
struct sender_options {
  bot_api_endpoint endpoint;
  telegram::send_limits limits;
  /// Calls to the Bot API in flight at once (one connection each).
  size_t http_workers = defaults::sender::http_workers;
  size_t queue_limit = defaults::sender::queue_limit;
  /// Calls one chat may have queued: one busy chat cannot fill the queue.
  size_t per_chat_queue_limit = defaults::sender::per_chat_queue_limit;
  uint32_t max_attempts = defaults::sender::max_attempts;
  /// The outbox: when set, every message with a dedupe key is a row
  /// before it is sent and is marked when Telegram accepts it; rows left
  /// pending by a crash are sent at start. A key already sent is not sent
  /// again, so a replayed update does not reach the chat twice.
  db_actor db;
  /// Pending rows older than this that nothing holds are sent again by the
  /// sweep (rows whose sender forgot them: a write whose answer was lost).
  std::chrono::milliseconds sweep_after = defaults::intake::sweep_after;
  /// How often the sweep looks (0: never).
  std::chrono::milliseconds sweep_interval = defaults::intake::sweep_interval;
  /// Wall time, for the sweep's age bound.
  bridge::clock clock;
  /// The partitions this engine owns: only their rows are resumed, swept
  /// and sent, each write and mark carrying the partition's epoch. None
  /// (tests of the sender alone): every row, unfenced, resumed at start.
  std::shared_ptr<const ownership> owned;
  /// The buckets the bot's instances share (`cluster.send_budget = "redis"`):
  /// while others send too, the global limit is drawn from there. Unset:
  /// each instance spends its share of it.
  budget_actor budgets;
};

/// Counters an operator reads (and tests assert).
struct sender_counters {
  uint64_t sent = 0;
  uint64_t retried_429 = 0;
  uint64_t retried_transient = 0;
  uint64_t failed = 0;
  uint64_t refused_full = 0;
  /// Refused because their chat had `per_chat_queue_limit` calls queued.
  uint64_t refused_chat_full = 0;
  /// Not sent because the outbox had sent that key already.
  uint64_t deduplicated = 0;
  /// Pending outbox rows sent again at start.
  uint64_t resumed = 0;
  /// Pending rows nothing held, found and sent by the sweep.
  uint64_t swept = 0;
  /// Rows not sent because their write failed for good.
  uint64_t dropped = 0;
};

/// The outbox's sending half: queues every Bot API call per chat, keeps
/// Telegram's limits through `send_scheduler`, splits long texts, and
/// hands at most `http_workers` calls at once to its HTTP client (one
/// thread of its own, `http_multi`), at most one per chat at a time so
/// each chat sees its messages in order. The client answers each call as
/// a `send_outcome` message whose `job_id` is the call's.
struct sender_state {
  static inline const char* name = "sender";

  /// Calls that belong together: the pieces of one split text.
  struct tracker {
    std::string dedupe_key;
    std::vector<int64_t> message_ids;
    size_t pieces_left = 0;
    bool failed = false;
    /// Has an outbox row to mark.
    bool durable = false;
    /// When the update that caused it arrived (steady ns), or 0.
    int64_t origin_ns = 0;
    caf::typed_response_promise<delivery> promise;
    bool has_promise = false;
    /// The lease its writer held: once this engine no longer owns the
    /// partition under that epoch, what is still queued is dropped.
    fence_token fence;
    /// Pieces out with the HTTP client now.
    uint32_t in_flight = 0;
  };

  /// One queued call.
  struct job {
    uint64_t tracker_id = 0;
    telegram::api_call call;
    bool counts = true;
    uint32_t attempts = 0;
  };

  /// A call whose outbox row is being written; released in arrival order,
  /// so the outbox never reorders a chat's messages.
  struct staged {
    outbound out;
    std::optional<caf::typed_response_promise<delivery>> promise;
    bool ready = false;
    /// Not to be sent from here: another way holds the row, or its
    /// stored state says it was sent or given up on.
    bool already_sent = false;
    /// The row's write failed transiently: written again at the next
    /// retry round (nothing behind it is released meanwhile).
    bool write_failed = false;
    uint32_t write_attempts = 0;
    /// Written under a lease this engine has since lost and won again:
    /// its row (if written) is the resume's to send, in order with the
    /// partition's other pending rows; the ledger no longer holds it here.
    bool abandoned = false;
  };

  /// A call the HTTP client has.
  struct out_call {
    int64_t chat_id = 0;
    job j;
  };

  explicit sender_state(sender_actor::pointer self) : self(self) {}

  sender_actor::behavior_type make_behavior(sender_options opts);

private:
  /// Whether `out` has an outbox row (an outbox is set and the call is
  /// a message with a dedupe key).
  bool keeps_row(const outbound& out) const;

  // -- the outbox half (sender_outbox.cpp) ------------------------------------
  void accept(outbound& out, caf::typed_response_promise<delivery>* promise);
  /// Writes the row of staged call `seq` (again, after a failure).
  void write_row(uint64_t seq);
  /// The row of staged call `seq` is written (or found) as `r` says.
  void row_written(uint64_t seq, const outbox_put_result& r);
  void row_failed(uint64_t seq, const caf::error& err);
  void release_staged();
  /// Pages through pending rows after `after_id` (created before
  /// `before_ms`, 0: all) and queues those nothing holds; `resuming`
  /// tells the start's resume from the periodic sweep.
  void scan_outbox(int64_t after_id, int64_t before_ms, bool resuming,
                   std::vector<int32_t> partitions = {});
  /// Resumes the partitions won since the last resume began, in one scan:
  /// an engine wins dozens at its start, and one read each at once would
  /// fill the database queue.
  void resume_won();
  /// Whether `p`'s resume is to come or running.
  bool resuming(int32_t p) const;
  /// Hands on the held rows whose partition's resume has ended.
  void release_held();
  /// Whether `fence` names a lease this engine no longer holds.
  bool stale(const fence_token& fence) const;
  /// The token a row of `partition` is written and marked with now.
  fence_token fence_of(int32_t partition) const;
  /// Marks a row sent (again, after a failure); the key stays in hand
  /// until the mark is stored.
  void mark_sent(std::string key, std::vector<int64_t> message_ids,
                 fence_token fence);
  /// Runs the writes and marks that failed transiently, and arms the next
  /// round while some are left.
  void retry_round();
  void arm_retry();

  // -- sending (sender.cpp) ---------------------------------------------------
  /// Queues a call for sending (its outbox row, if any, is written).
  void enqueue(outbound& out, caf::typed_response_promise<delivery>* promise);
  void pump();
  /// The HTTP client answered call `id` of `calls_`.
  void answered(uint64_t id, const send_outcome& outcome);
  /// Gives up on calls the client did not answer in time.
  void expire_calls();
  void arm_watch();
  void on_outcome(int64_t chat_id, job j, const send_outcome& outcome);
  void finish_piece(uint64_t tracker_id, int64_t message_id);
  void fail(uint64_t tracker_id, const std::string& why);
  /// Drops a call whose partition moved to another engine.
  void drop_stale(uint64_t tracker_id);
  /// Partition `p` is this engine's again at `epoch` (lost while the
  /// database was away, and won back): what an older lease queued and has
  /// not sent yet is let go, so that the resume reads every pending row of
  /// the partition and sends each chat's rows in order.
  void abandon_older(int32_t p, int64_t epoch);
  void schedule_tick();

  // -- the bot's global limit, shared (sender_budget.cpp) ---------------------
  void set_members(uint32_t n);
  /// Asks the shared bucket for a grant when one would be spent now.
  void ask_grant();

  using clock = std::chrono::steady_clock;

  sender_actor::pointer self;
  sender_options opts_;
  std::unique_ptr<telegram::send_scheduler<job>> sched_;
  std::unique_ptr<http_multi> http_;
  /// Calls the client may take now (`http_workers` minus those it has).
  size_t free_slots_ = 0;
  call_watch<out_call> calls_;
  std::unordered_map<uint64_t, tracker> trackers_;
  std::deque<staged> staged_;
  /// Which outbox rows are in hand: each is queued once, whichever way it
  /// comes in (live, resume, sweep, a retried write).
  telegram::outbox_ledger ledger_;
  /// Marks whose write failed transiently, by key, to write again.
  struct mark_due {
    std::vector<int64_t> message_ids;
    fence_token fence;
  };
  std::unordered_map<std::string, mark_due> marks_due_;
  bool retry_armed_ = false;
  /// Partitions won and not resumed yet, and whether a resume runs.
  std::vector<int32_t> won_;
  bool resuming_ = false;
  /// The partitions the running resume reads.
  std::vector<int32_t> scanning_;
  /// Rows handed in live for a partition whose resume has not ended: they
  /// wait, in order, so that no newer row of a chat leaves before the
  /// older ones the resume brings.
  struct held_row {
    outbound out;
    std::optional<caf::typed_response_promise<delivery>> promise;
  };
  std::deque<held_row> held_;
  /// Consecutive retry rounds that still failed (the backoff's exponent).
  uint32_t retry_rounds_ = 0;
  /// Sequence number of `staged_.front()`.
  uint64_t staged_base_ = 0;
  uint64_t next_id_ = 1;
  clock::time_point tick_at_ = clock::time_point::max();
  clock::time_point last_sweep_;
  backoff_policy backoff_{std::chrono::milliseconds{500},
                          std::chrono::milliseconds{30000}};
  std::minstd_rand rng_{std::random_device{}()};
  sender_counters counters_;
};

using sender_impl = sender_actor::stateful_pointer<sender_state>;

/// Spawn function of the sender.
sender_actor::behavior_type sender(sender_impl self, sender_options opts);

} // namespace bridge
