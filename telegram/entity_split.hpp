// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "messages/telegram.hpp"
#include "telegram/bot_api.hpp"

/// Splitting a formatted text for Telegram's length limit so that every
/// part's entities stay valid for that part alone.
namespace bridge::telegram {

/// One part of a split text, with the entities that fall in it.
struct text_part {
  std::string text;
  std::vector<message_entity> entities;
};

/// Splits `text` as `split_text` does and gives each part the pieces of
/// `entities` that fall inside it, re-based to the part's start (UTF-16
/// units). An entity crossing a cut becomes one entity on each side; an
/// entity outside the text, or left with no length, is dropped.
std::vector<text_part>
split_with_entities(std::string_view text,
                    const std::vector<message_entity>& entities,
                    size_t max_units = max_message_units);

/// True when every entity lies inside `text` (offsets and lengths counted
/// in UTF-16 units, each length at least 1), as Telegram demands.
bool entities_fit(std::string_view text,
                  const std::vector<message_entity>& entities);

} // namespace bridge::telegram
