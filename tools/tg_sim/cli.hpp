// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tools/tg_sim/http_server.hpp"
#include "tools/tg_sim/sim_client.hpp"
#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// `tg-sim serve`: runs the simulator until SIGINT or SIGTERM. Writes the
/// bound port to `ready_file` (when not empty) once it accepts requests.
int run_serve(const sim_options& opts, const server_settings& settings,
              const std::string& ready_file);

/// A simulated person at the terminal: `say` and `press` speak as them.
struct cli_user {
  int64_t id = 0;
  std::string name;
  std::string username;
  std::string lang;
  /// 0: the user's private chat.
  int64_t chat = 0;

  sim_user to_user() const;
};

/// `tg-sim say`: the user writes `text`; with `reply_to` (a message id of
/// the user's private chat), as a reply to that message (how `/fix` is
/// used on a translation).
int run_say(int port, const cli_user& who, const std::string& text,
            int64_t reply_to = 0);

/// `tg-sim press`: the user presses the button carrying `data`.
int run_press(int port, const cli_user& who, int64_t message_id,
              const std::string& data);

/// `tg-sim read`: prints what `chat` received after `after`; with
/// `follow`, keeps printing as more arrives.
int run_read(int port, int64_t chat, int64_t after, bool follow);

/// `tg-sim stats`: prints the counters.
int run_stats(int port);

/// `pay`: the user pays an invoice link the bot sent them.
int run_pay(int port, const cli_user& who, const std::string& link);

/// `tg-sim reset`.
int run_reset(int port);

/// Renders one event for a terminal: a header line, the text indented,
/// one line per row of buttons showing what `press` needs.
std::string format_event(const sim_event& e);

} // namespace bridge::tg_sim
