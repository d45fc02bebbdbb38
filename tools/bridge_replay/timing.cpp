// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/timing.hpp"

#include <algorithm>

namespace bridge::replay {

int64_t send_lag(int64_t due_ms, int64_t sent_ms) {
  return std::max<int64_t>(0, sent_ms - due_ms);
}

delivery_timing time_delivery(int64_t due_ms, int64_t sent_ms, int64_t at_ms) {
  auto due = due_ms == 0 ? sent_ms : due_ms;
  delivery_timing t;
  t.from_send_ms = std::max<int64_t>(0, at_ms - sent_ms);
  t.send_lag_ms = send_lag(due, sent_ms);
  t.latency_ms = std::max<int64_t>(0, at_ms - std::min(due, sent_ms));
  return t;
}

} // namespace bridge::replay
