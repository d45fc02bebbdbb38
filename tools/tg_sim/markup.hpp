// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/json_writer.hpp"
#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// One inline keyboard button, as far as a test needs to see it.
struct button {
  std::string text;
  /// callback_data; empty for URL and other buttons.
  std::string data;
  std::string url;

  bool operator==(const button& o) const {
    return text == o.text && data == o.data && url == o.url;
  }
};

using keyboard = std::vector<std::vector<button>>;

/// A `reply_markup` argument after validation. Only an inline keyboard is
/// echoed back in the Message (as Telegram does); reply keyboards and
/// force_reply are accepted and forgotten.
struct markup {
  keyboard inline_keyboard;
  /// The inline keyboard re-encoded as a Message's `reply_markup`, or
  /// empty when there is none.
  std::string json;

  bool operator==(const markup& o) const { return json == o.json; }
};

/// Telegram refuses callback data longer than this many bytes.
constexpr size_t max_callback_data_bytes = 64;

/// Telegram refuses more buttons than this in one message.
constexpr size_t max_buttons = 100;

/// Parses and checks a `reply_markup` value the way Telegram does.
refusal parse_markup(std::string_view encoded, markup& out);

/// Writes `kb` as an event's `buttons`: [[{"text":..,"data":..}]], with
/// `url` instead of `data` for link buttons.
void write_buttons(json::writer& w, const keyboard& kb);

} // namespace bridge::tg_sim
