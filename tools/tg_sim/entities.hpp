// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/tg_sim/sim_types.hpp"

/// The `entities` argument of sendMessage, checked as Telegram checks it.
namespace bridge::tg_sim {

/// One formatting span, in UTF-16 code units of the message text.
struct sim_entity {
  std::string type;
  int64_t offset = 0;
  int64_t length = 0;
};

/// Parses `encoded` (a JSON array of MessageEntity) against `text`: every
/// entity needs a known type and must lie inside the text, counted in
/// UTF-16 units. On success `out` holds them, and `json` them re-encoded
/// as a Message's `entities`.
refusal parse_entities(std::string_view encoded, std::string_view text,
                       std::vector<sim_entity>& out, std::string& json);

} // namespace bridge::tg_sim
