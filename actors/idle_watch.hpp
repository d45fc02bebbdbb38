#pragma once

#include <chrono>

#include <caf/event_based_actor.hpp>

#include "domain/idle_timer.hpp"
#include "messages/atoms.hpp"

namespace bridge {

/// An actor's passivation timer: `domain::idle_timer` wired to the one
/// `idle_atom` the actor keeps armed (instead of a `caf::after` that every
/// message re-arms). The actor stamps activity with `touch`, and at each
/// `idle_atom` asks `due`.
class idle_watch {
public:
  using clock = std::chrono::steady_clock;

  explicit idle_watch(caf::event_based_actor* self) : self_(self) {}

  /// Starts watching: idle from now, first look a whole `timeout` away.
  void start(clock::duration timeout) {
    timer_ = domain::idle_timer{timeout};
    touch();
    again();
  }

  void touch() { timer_.touch(clock::now()); }

  /// Looks again a whole timeout from now (the actor could not stop yet).
  void again() { arm(timer_.timeout()); }

  /// At an `idle_atom`: true when idle for the timeout (try to stop; call
  /// `again` if that fails), else false with the next look armed.
  bool due() {
    if (auto wait = timer_.check(clock::now())) {
      arm(*wait);
      return false;
    }
    return true;
  }

private:
  void arm(clock::duration delay) {
    self_->delayed_send(self_, delay, idle_atom::value);
  }

  caf::event_based_actor* self_;
  domain::idle_timer timer_{std::chrono::seconds{300}};
};

} // namespace bridge
