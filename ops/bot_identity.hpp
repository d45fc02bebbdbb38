// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace bridge::ops {

/// The bot's username, asked of Telegram once at start (`getMe`), for the
/// join links managers hand out. Empty with `err` set when Telegram did
/// not say: the engine then gives codes without links.
std::string fetch_bot_username(const std::string& api_url,
                               const std::string& token, std::string& err);

} // namespace bridge::ops
