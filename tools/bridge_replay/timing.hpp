// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace bridge::replay {

/// How long one message took, in milliseconds, measured from when it was
/// due: a sender that falls behind its schedule shows as latency instead
/// of hiding as a slower send rate (coordinated omission).
struct delivery_timing {
  /// From the due time to the partner's copy: what a user would have seen.
  int64_t latency_ms = 0;
  /// From the actual send to the partner's copy: the engine's share alone.
  int64_t from_send_ms = 0;
  /// How far the send fell behind the due time.
  int64_t send_lag_ms = 0;
};

/// How late `sent_ms` went out after `due_ms` (unix ms); never negative,
/// since a send within the same millisecond is on time.
int64_t send_lag(int64_t due_ms, int64_t sent_ms);

/// The timing of a message due at `due_ms`, sent at `sent_ms` and
/// delivered at `at_ms` (unix ms). A `due_ms` of 0 means unscheduled: the
/// send time stands in for it. Figures below zero (clocks a millisecond
/// apart) read as 0.
delivery_timing time_delivery(int64_t due_ms, int64_t sent_ms, int64_t at_ms);

} // namespace bridge::replay
