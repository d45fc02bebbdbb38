#pragma once

#include <vector>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/front.hpp"
#include "messages/storage.hpp"
#include "messages/telegram.hpp"

namespace bridge {

/// Whether intake should hold back: the database queue is a quarter full
/// or more, so the engine is behind, and taking in more updates would only
/// fill its queues until requests are refused. Telegram keeps what is not
/// fetched yet.
bool engine_is_behind(const db_pool_status& pool);

/// Asks the pool for its status and applies `engine_is_behind`; false
/// when the pool does not answer within a second (then the inbox write
/// itself tells). Blocks like `store_and_hand_on`.
bool ask_engine_behind(caf::scoped_actor& blocking, const db_actor& db);

/// The one way updates enter the engine, for polling and webhook alike:
/// stores `updates` in the inbox and, once PostgreSQL has them, hands the
/// new ones to `dispatcher` (none while draining: the next start does).
/// Blocks the calling thread, which must not be a scheduler thread (the
/// front's own, or an HTTP server thread). False when the inbox could not
/// store them: the caller must not confirm them to Telegram. One
/// `blocking` actor serves a whole intake (the hold-back question and the
/// write); it dies with the caller's scope, and stale answers with it.
bool store_and_hand_on(caf::scoped_actor& blocking, const db_actor& db,
                       const caf::actor& dispatcher,
                       std::vector<tg_update>& updates,
                       front_counters& counters);

/// Hands on every unfinished inbox row, oldest first (at start, before
/// new updates are taken). Blocks like `store_and_hand_on`. Returns how
/// many were handed on; a row that cannot be decoded is logged, counted
/// as skipped and left.
size_t resume_from_inbox(caf::actor_system& sys, const db_actor& db,
                         const caf::actor& dispatcher,
                         front_counters& counters);

} // namespace bridge
