// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace bridge::domain {

/// Whose menu: what Telegram's command menu offers depends on the role.
enum class menu_role : uint8_t { unregistered, manager, worker };

/// The commands (without the slash) and their descriptions in `lang`
/// that a user of `role` can use, in the order the menu shows them.
std::vector<std::pair<std::string, std::string>>
command_menu(menu_role role, const std::string& lang);

/// The reply to /help for `role` in `lang`: the role's commands, the same
/// set the menu offers.
std::string help_text(menu_role role, const std::string& lang);

} // namespace bridge::domain
