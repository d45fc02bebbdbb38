#pragma once

#include <caf/typed_actor.hpp>
#include <caf/replies_to.hpp>

#include "messages/atoms.hpp"
#include "messages/telegram.hpp"

/// Typed interfaces of the stable protocols between rooms.
namespace bridge {

/// The outbox: fire-and-forget sends, or a request that answers once
/// Telegram accepted the call (with the ids of the messages it made).
/// `tick` is its own timer.
using sender_actor = caf::typed_actor<
  caf::reacts_to<outbound>,
  caf::reacts_to<tick_atom>,
  caf::reacts_to<watch_atom>,
  caf::reacts_to<send_outcome>,
  caf::replies_to<deliver_atom, outbound>::with<delivery>>;

} // namespace bridge
