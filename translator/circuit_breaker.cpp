// SPDX-License-Identifier: Apache-2.0
#include "translator/circuit_breaker.hpp"

namespace bridge::translation {

circuit_breaker::state circuit_breaker::current(time_point now) const {
  if (!open_)
    return state::closed;
  return now < open_until_ ? state::open : state::half_open;
}

bool circuit_breaker::try_acquire(time_point now) {
  switch (current(now)) {
  case state::closed:
    return true;
  case state::open:
    return false;
  case state::half_open:
    if (probing_)
      return false;
    probing_ = true;
    return true;
  }
  return false;
}

void circuit_breaker::on_success() {
  failures_ = 0;
  open_ = false;
  probing_ = false;
}

void circuit_breaker::on_failure(time_point now) {
  ++failures_;
  if (open_) {
    // A failed probe, or a call started before the breaker opened: either
    // way the backend is still unwell.
    if (probing_ || now >= open_until_)
      trip(now);
    return;
  }
  if (failures_ >= threshold_)
    trip(now);
}

void circuit_breaker::trip(time_point now) {
  open_ = true;
  probing_ = false;
  open_until_ = now + cooldown_;
  ++opens_;
}

const char* to_string(circuit_breaker::state s) {
  switch (s) {
  case circuit_breaker::state::closed:
    return "closed";
  case circuit_breaker::state::open:
    return "open";
  case circuit_breaker::state::half_open:
    return "half_open";
  }
  return "unknown";
}

} // namespace bridge::translation
