// SPDX-License-Identifier: Apache-2.0
#pragma once

// What a turn does after a failure, shared by single-type turns
// (storage/dispatch.cpp) and combined ones (storage/combined_turn.cpp).

#include "messages/storage.hpp"
#include "storage/sql.hpp"

namespace bridge::storage {

/// Whether a failure broke the connection (then the turn ends there).
inline bool breaks_connection(failure_kind kind) {
  return kind == failure_kind::connection_lost
         || kind == failure_kind::in_doubt;
}

/// The connection's state after a failure that broke it: only an atomic
/// request lost before COMMIT surely left nothing behind.
inline link_state link_after(failure_kind kind, bool atomic) {
  return atomic && kind == failure_kind::connection_lost
             ? link_state::lost_uncommitted
             : link_state::lost_in_doubt;
}

/// Deadlocks and serialization failures are retried on the spot this many
/// times before the error goes back.
constexpr int rollback_retries = 3;

} // namespace bridge::storage
