#pragma once

#include <caf/type_id.hpp>

#include "messages/interfaces.hpp"
#include "messages/telegram.hpp"

// Every message type that crosses a mailbox, announced to CAF in one place.
CAF_BEGIN_TYPE_ID_BLOCK(bridge, caf::first_custom_type_id)
  CAF_ADD_TYPE_ID(bridge, (bridge::tg_user))
  CAF_ADD_TYPE_ID(bridge, (bridge::tg_update))
  CAF_ADD_TYPE_ID(bridge, (bridge::inline_button))
  CAF_ADD_TYPE_ID(bridge, (bridge::outbound))
  CAF_ADD_TYPE_ID(bridge, (bridge::delivery))
  CAF_ADD_TYPE_ID(bridge, (bridge::send_attempt))
  CAF_ADD_TYPE_ID(bridge, (bridge::send_outcome))
  CAF_ADD_TYPE_ID(bridge, (bridge::sender_actor))
CAF_END_TYPE_ID_BLOCK(bridge)

namespace bridge {

class caf_config;

/// Announces every Bridge message type and the engine error category.
void announce_message_types(caf::actor_system_config& cfg);

} // namespace bridge
