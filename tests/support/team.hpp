#pragma once

#include <string>

#include "tests/support/sim_world.hpp"

namespace bridge::test {

/// Presses the button whose data is `data` on the bot's message `m`;
/// throws when the message has no such button.
void press_button(sim_world& w, const sim_user& u, const sim_event& m,
                  const std::string& data);

/// Registers `u` as a manager writing `lang`, through the bot's dialogue
/// as a person does it; returns the invitation code the bot gave.
std::string register_manager(sim_world& w, const sim_user& u,
                             const std::string& lang);

/// Registers `u` as a worker writing `lang` and connects them with the
/// code. Reads the manager's "joined" notice from `manager`'s chat.
void register_worker(sim_world& w, const sim_user& u, const std::string& lang,
                     const std::string& code, const sim_user& manager);

/// The invitation code in a text, or empty.
std::string find_code(const std::string& text);

} // namespace bridge::test
