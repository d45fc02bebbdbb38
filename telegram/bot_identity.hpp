// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bridge::telegram {

/// Whether `name` can be a bot's username: 5 to 32 characters of
/// `A-Z a-z 0-9 _`, so it can go into a link as it is.
bool is_bot_username(std::string_view name);

/// The bot's username from the body of a `getMe` answer, or nullopt when
/// the body is not an ok answer or the name is not a username.
std::optional<std::string> decode_get_me(std::string_view body);

} // namespace bridge::telegram
