// SPDX-License-Identifier: Apache-2.0
#pragma once

// The argument rules Telegram applies before a method runs, with its
// descriptions word for word: what a bad argument is answered with.

#include <cstdint>
#include <string>
#include <string_view>

#include "tools/tg_sim/markup.hpp"
#include "tools/tg_sim/method_args.hpp"
#include "tools/tg_sim/sim_types.hpp"
#include "tools/tg_sim/update_queue.hpp"

namespace bridge::tg_sim {

/// Reads a message text as Telegram checks it: present, not blank, UTF-8,
/// at most 4096 UTF-16 units.
refusal check_text(const method_args& args, std::string& text);

/// Reads an answerCallbackQuery's optional notification text: UTF-8, at
/// most 200 UTF-16 units.
refusal check_callback_text(const method_args& args, std::string& text);

/// Reads `chat_id`; a name ("@channel") is a chat the simulator cannot know.
refusal check_chat_id(const method_args& args, int64_t& chat_id);

/// Reads an optional `reply_markup` and checks its inline keyboard.
refusal check_markup(const method_args& args, markup& kb);

/// Reads an optional `allowed_updates`; `given` says whether it was there.
refusal check_allowed(const method_args& args, allowed_updates& out,
                      bool& given);

/// A webhook secret Telegram takes: 1-256 characters of A-Z, a-z, 0-9, _
/// and -.
bool valid_secret(std::string_view s);

/// One of the actions sendChatAction knows ("typing", ...).
bool known_chat_action(std::string_view action);

} // namespace bridge::tg_sim
