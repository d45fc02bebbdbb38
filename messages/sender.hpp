// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"
#include "messages/budget.hpp"
#include "messages/cluster.hpp"
#include "messages/telegram.hpp"

/// The sender's typed interface: what the rooms that reply to users ask
/// of the outbox (its message types are in messages/telegram.hpp).
namespace bridge {

/// The outbox: fire-and-forget sends, or a request that answers once
/// Telegram accepted the call (with the ids of the messages it made).
/// `tick`, `watch`, `retry` and `sweep` are its own timers;
/// `cluster_members` says how many instances share the bot's send limit.
/// A partition won is resumed (its pending rows sent); one lost is
/// answered once nothing of it will leave from here any more.
using sender_actor =
    caf::typed_actor<caf::reacts_to<outbound>, caf::reacts_to<cluster_members>,
                     caf::reacts_to<tick_atom>, caf::reacts_to<watch_atom>,
                     caf::reacts_to<retry_atom>, caf::reacts_to<sweep_atom>,
                     caf::reacts_to<send_outcome>,
                     caf::replies_to<deliver_atom, outbound>::with<delivery>,
                     caf::reacts_to<partition_owned>,
                     caf::replies_to<partition_lost>::with<bool>>;

} // namespace bridge
