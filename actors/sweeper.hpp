// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/intake.hpp"
#include "common/clock.hpp"
#include "config/defaults.hpp"
#include "messages/storage.hpp"

namespace bridge {

/// What the inbox sweep needs.
struct sweeper_options {
  db_actor db;
  /// Receives every update handed on again (the registry).
  caf::actor dispatcher;
  /// The intake's state: only updates it handed on are swept (those above
  /// were stored and not handed on, and wait for the intake or the next
  /// start).
  std::shared_ptr<intake_state> intake;
  std::chrono::milliseconds interval = defaults::intake::sweep_interval;
  std::chrono::milliseconds after = defaults::intake::sweep_after;
  bridge::clock clock;
  /// With several engines: only the partitions owned here are swept.
  std::shared_ptr<const ownership> owned;
};

/// The inbox sweep: every `interval`, hands on again the updates that were
/// stored and handed on more than `after` ago and are still unfinished and
/// not parked, oldest first. Their owners drop what they already hold, so
/// this only ever finds work whose holder lost it (a write whose answer was
/// lost, an actor that stopped): it is what makes an in-doubt write resolve
/// while the engine runs instead of at its next start.
struct sweeper_state {
  static inline const char* name = "sweeper";

  explicit sweeper_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(sweeper_options opts);

private:
  /// Reads the next page after `after_id` and hands its rows on.
  void sweep_page(int64_t after_id, int64_t before_ms, int64_t up_to,
                  std::vector<int32_t> parts);

  caf::event_based_actor* self;
  sweeper_options opts_;
  /// A sweep is running (pages in flight): the next tick waits for it.
  bool running_ = false;
};

caf::behavior sweeper(caf::stateful_actor<sweeper_state>* self,
                      sweeper_options opts);

} // namespace bridge
