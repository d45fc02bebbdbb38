// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "tests/support/sim_world.hpp"

namespace bridge::test {

/// Presses the button whose data is `data` on the bot's message `m`;
/// throws when the message has no such button.
void press_button(sim_world& w, const sim_user& u, const sim_event& m,
                  const std::string& data);

/// Whether the bot's message `m` has a button with `data`.
bool has_button(const sim_event& m, const std::string& data);

/// The data of the Accept button a manager gets for `worker`'s request.
std::string join_accept_data(const sim_user& worker);

/// After `worker` sent `manager`'s code: reads the worker's "request
/// sent", presses Accept on the manager's request, and reads the manager's
/// "joined" and the worker's "connected"; throws when one is missing.
void accept_join(sim_world& w, const sim_user& manager, const sim_user& worker);

/// Registers `u` as a manager writing `lang`, through the bot's dialogue
/// as a person does it; returns the invitation code the bot gave.
std::string register_manager(sim_world& w, const sim_user& u,
                             const std::string& lang);

/// Registers `u` as a worker writing `lang` and connects them with the
/// code; when the manager is asked to approve, presses Accept for them.
/// Reads the manager's "joined" notice from `manager`'s chat.
void register_worker(sim_world& w, const sim_user& u, const std::string& lang,
                     const std::string& code, const sim_user& manager);

/// The invitation code in a text, or empty.
std::string find_code(const std::string& text);

/// Engine arguments that lift Telegram's send limits and the per-user rate
/// limit (those have suites of their own), with `extra` after them.
std::vector<std::string>
unthrottled_engine(std::vector<std::string> extra = {});

/// tg-sim arguments to match.
std::vector<std::string> unthrottled_sim();

/// `unthrottled_engine` on Apertium with English-Spanish and a
/// Russian-Ukrainian island that cannot reach it, in modes of a scratch
/// folder (the island's modes carry the English-Spanish pipeline: only
/// their names matter to the language graph). `modes_dir` is that
/// folder, for the test to remove.
std::vector<std::string> island_engine(std::string& modes_dir);

/// What a chat received of texts carrying `word N` (N from 1 to `total`),
/// in arrival order, until each arrived and then nothing more came for
/// `quiet` (so a late repeat is seen too), or `limit` passed; other
/// messages are counted apart.
struct numbered_arrivals {
  std::vector<int> order;
  size_t distinct = 0;
  size_t others = 0;
};
numbered_arrivals
collect_numbered(sim_world& w, int64_t chat, const std::string& word, int total,
                 std::chrono::seconds limit,
                 std::chrono::seconds quiet = std::chrono::seconds{3});

/// The fake translator's copy of `text` as a partner reads it: the
/// writer's name, then the text marked with the partner's language.
std::string fake_copy(const sim_user& writer, const std::string& partner_lang,
                      const std::string& text);

/// One number from the world's database (`sql` answers one row, one
/// column); -1 for NULL.
int64_t db_value(sim_world& w, const std::string& sql);

/// Waits (20 s at most, else fails the test) until the engine has stored
/// Telegram's id `message_id` of a copy sent to `chat`: a reader replies
/// to a message they have, and the engine finds it from that.
void await_marked(sim_world& world, int64_t chat, int64_t message_id);

/// Waits until `sql` answers 1 on the world's database; false when
/// `limit` passes first.
bool db_eventually(sim_world& w, const std::string& sql,
                   std::chrono::milliseconds limit = std::chrono::seconds{30});

/// The absence check that ends a case: waits `window` (nothing is expected
/// in it), then reads every message and edit the `chats` received that the
/// test has not read. Empty when there was none; else one line per event
/// ("chat N got 'text'"), to print in the assertion.
std::string
arrived_unread(sim_world& w, const std::vector<int64_t>& chats,
               std::chrono::milliseconds window = std::chrono::seconds{2});

} // namespace bridge::test
