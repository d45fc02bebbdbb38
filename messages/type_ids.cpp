// SPDX-License-Identifier: Apache-2.0
#include "messages/type_ids.hpp"

#include <caf/actor_system_config.hpp>

#include "common/error.hpp"

namespace bridge {

void announce_message_types(caf::actor_system_config& cfg) {
  cfg.add_message_types<caf::id_block::bridge>();
  cfg.add_error_category(
      engine_error_category,
      [](uint8_t code, caf::atom_value, const caf::message& ctx) {
        return describe(caf::error{code, engine_error_category, ctx});
      });
}

} // namespace bridge
