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

/// Engine arguments that lift Telegram's send limits and the per-user rate
/// limit (those have suites of their own), with `extra` after them.
std::vector<std::string> unthrottled_engine(std::vector<std::string> extra = {});

/// tg-sim arguments to match.
std::vector<std::string> unthrottled_sim();

/// What a chat received of texts carrying `word N` (N from 1 to `total`),
/// in arrival order, until each arrived once or `limit` passed; other
/// messages are counted apart.
struct numbered_arrivals {
  std::vector<int> order;
  size_t distinct = 0;
  size_t others = 0;
};
numbered_arrivals collect_numbered(sim_world& w, int64_t chat,
                                   const std::string& word, int total,
                                   std::chrono::seconds limit);

} // namespace bridge::test
