// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

#include <caf/event_based_actor.hpp>

#include "common/clock.hpp"
#include "domain/idle_timer.hpp"
#include "messages/atoms.hpp"

namespace bridge {

/// An actor's passivation timer: `domain::idle_timer` wired to the one
/// `idle_atom` the actor keeps armed (instead of a `caf::after` that every
/// message re-arms). The actor stamps activity with `touch`, and at each
/// `idle_atom` asks `due`. Time is read from the actor's injected clock.
class idle_watch {
public:
  using duration = domain::idle_timer::clock::duration;

  explicit idle_watch(caf::event_based_actor* self) : self_(self) {}

  /// Starts watching on `c`: idle from now, first look a whole `timeout`
  /// away.
  void start(duration timeout, const bridge::clock& c) {
    steady_ns_ = c.steady_ns;
    timer_ = domain::idle_timer{timeout};
    touch();
    again();
  }

  void touch() { timer_.touch(now()); }

  /// Looks again a whole timeout from now (the actor could not stop yet).
  void again() { arm(timer_.timeout()); }

  /// At an `idle_atom`: true when idle for the timeout (try to stop; call
  /// `again` if that fails), else false with the next look armed.
  bool due() {
    if (auto wait = timer_.check(now())) {
      arm(*wait);
      return false;
    }
    return true;
  }

private:
  domain::idle_timer::clock::time_point now() const {
    return domain::idle_timer::clock::time_point{
        std::chrono::nanoseconds{steady_ns_()}};
  }

  void arm(duration delay) {
    self_->delayed_send(self_, delay, idle_atom::value);
  }

  caf::event_based_actor* self_;
  std::function<int64_t()> steady_ns_ = system_steady_ns;
  domain::idle_timer timer_{std::chrono::seconds{300}};
};

} // namespace bridge
