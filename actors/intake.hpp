// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/ownership.hpp"
#include "messages/storage.hpp"
#include "messages/telegram.hpp"
#include "telegram/update_decoder.hpp"

namespace bridge {

/// The intake's shared state: its counters, read by the dashboard and the
/// drain, and whether the engine is draining, set by the drain.
struct intake_state {
  std::atomic<uint64_t> polls{0};
  std::atomic<uint64_t> updates{0};
  /// Updates skipped by kind, and refused as unreadable.
  std::atomic<uint64_t> skipped{0};
  std::atomic<uint64_t> refused{0};
  /// getUpdates calls that failed as a whole (at most one per poll).
  std::atomic<uint64_t> errors{0};
  std::atomic<uint64_t> conflicts{0};
  /// Updates stored before and handed on again at start.
  std::atomic<uint64_t> resumed{0};
  /// Updates Telegram sent again that the inbox had already.
  std::atomic<uint64_t> duplicates{0};
  /// Polls put off because the engine was behind.
  std::atomic<uint64_t> held_back{0};
  /// The highest update id handed on, for the drain: what is above it
  /// stays in the inbox for the next start.
  std::atomic<int64_t> last_handed_on{0};
  /// Set when the engine drains: updates are still stored, but no longer
  /// handed on (the next start does).
  std::atomic<bool> draining{false};
};

/// Whether intake should hold back: the database queue is a quarter full
/// or more, so the engine is behind, and taking in more updates would only
/// fill its queues until requests are refused. Telegram keeps what is not
/// fetched yet.
bool engine_is_behind(const db_pool_status& pool);

/// `engine_is_behind` on what the pool last published; false without a
/// gauge (then the inbox write itself tells).
bool engine_is_behind(const db_pressure* pool);

/// The one way updates enter the engine, for polling and webhook alike:
/// stores `updates` in the inbox and, once PostgreSQL has them, hands the
/// new ones to `dispatcher` (none while draining: the next start does).
/// The inbox places each in its chat's team's partition: those of
/// partitions `owned` by another engine are not handed on here, their
/// owners are woken instead (`partition_notify`); without `owned`, all
/// are handed on.
/// Blocks the calling thread, which must not be a scheduler thread (the
/// front's own, or an HTTP server thread). False when the inbox could not
/// store them: the caller must not confirm them to Telegram. One
/// `blocking` actor serves a whole intake (the hold-back question and the
/// write); it dies with the caller's scope, and stale answers with it.
bool store_and_hand_on(caf::scoped_actor& blocking, const db_actor& db,
                       const caf::actor& dispatcher,
                       std::vector<tg_update>& updates, intake_state& counters,
                       const ownership* owned = nullptr);

/// Counts and logs the updates of `batch` that were not handed on: each
/// skipped one under bridge_updates_skipped_total{reason}, each refused one
/// under bridge_updates_refused_total{reason}, with one log line each that
/// names its id when known and never its content. The first `repeated`
/// elements were counted when first seen and are only logged. `where`
/// names the intake in the log ("front", "webhook").
void count_left_out(const telegram::decoded_batch& batch,
                    intake_state& counters, const char* where,
                    size_t repeated = 0);

/// Registers every skip and refusal reason at zero, so that /metrics
/// shows each series before its first update.
void announce_intake_metrics();

/// Hands on every unfinished inbox row, oldest first (at start, before
/// new updates are taken). Blocks like `store_and_hand_on`. Returns how
/// many were handed on; a row that cannot be decoded is counted as
/// `count_left_out` counts it and marked done, so no start meets it again.
size_t resume_from_inbox(caf::actor_system& sys, const db_actor& db,
                         const caf::actor& dispatcher, intake_state& counters);

} // namespace bridge
