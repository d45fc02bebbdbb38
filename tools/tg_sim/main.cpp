// SPDX-License-Identifier: Apache-2.0
// tg-sim: a Telegram Bot API simulator on loopback, and the commands a
// person uses to play the bot's users from a terminal.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/heap.hpp"
#include "common/version.hpp"
#include "tools/tg_sim/cli.hpp"

namespace {

using namespace bridge::tg_sim;

/// Options every human subcommand shares.
void add_port(CLI::App* cmd, int& port) {
  cmd->add_option("--port", port, "the simulator's port")
      ->capture_default_str()
      ->check(CLI::Range(1, 65535));
}

void add_user(CLI::App* cmd, cli_user& who) {
  cmd->add_option("--user", who.id, "the user's Telegram id")
      ->required()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--name", who.name, "first name shown to the bot");
  cmd->add_option("--username", who.username, "@username, without the @");
  cmd->add_option("--lang", who.lang, "language_code (es, en, ...)");
  cmd->add_option("--chat", who.chat,
                  "chat id (default: the user's private chat)");
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (auto& w : words) {
    if (!out.empty())
      out += ' ';
    out += w;
  }
  return out;
}

/// `serve`: what it is given, and whether it was chosen.
struct serve_command {
  sim_options opts;
  server_settings settings;
  std::string ready_file;
  std::string limits = "on";
  int64_t max_threads = 0;
  CLI::App* cmd = nullptr;

  /// Declares `serve` and its options on `app`.
  void declare(CLI::App& app) {
    settings.port = 8081;
    max_threads = static_cast<int64_t>(settings.max_threads);
    cmd = app.add_subcommand("serve", "run the simulator");
    cmd->add_option("--listen", settings.host, "address to bind")
        ->capture_default_str();
    cmd->add_option("--port", settings.port, "port to bind; 0 picks a free one")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--ready-file", ready_file,
                    "file to write the bound port to once listening");
    cmd->add_option("--token", opts.token, "the one bot token accepted");
    cmd->add_option("--bot-username", opts.bot_username)->capture_default_str();
    cmd->add_option("--limits", limits, "Telegram's send limits")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    cmd->add_option("--global-per-second", opts.limits.global_per_second)
        ->capture_default_str();
    cmd->add_option("--per-chat-per-second", opts.limits.per_chat_per_second)
        ->capture_default_str();
    cmd->add_option("--per-chat-burst", opts.limits.per_chat_burst)
        ->capture_default_str();
    cmd->add_option("--group-per-minute", opts.limits.group_per_minute)
        ->capture_default_str();
    cmd->add_option("--threads", max_threads,
                    "most serving threads (connections and long polls)")
        ->capture_default_str()
        ->check(CLI::Range(int64_t{2}, int64_t{4096}));
    cmd->add_option("--max-events", opts.max_events,
                    "events kept in the log; older ones are dropped")
        ->capture_default_str();
    cmd->add_option("--max-pending-updates", opts.max_pending_updates)
        ->capture_default_str();
    cmd->add_option("--first-update-id", opts.first_update_id)
        ->capture_default_str();
  }

  /// Runs the simulator as the options say.
  int run() {
    opts.limits.enabled = limits == "on";
    settings.max_threads = static_cast<size_t>(max_threads);
    settings.min_threads =
        std::min<size_t>(settings.min_threads, settings.max_threads);
    return run_serve(opts, settings, ready_file);
  }
};

/// The subcommands a person plays users with: what they are given, and
/// which one was chosen.
struct human_commands {
  int port = 8081;
  cli_user who;
  std::vector<std::string> words;
  int64_t message_id = 0;
  int64_t reply_to = 0;
  int64_t chat = 0;
  int64_t after = 0;
  bool follow = false;
  CLI::App* say = nullptr;
  CLI::App* press = nullptr;
  CLI::App* read = nullptr;
  CLI::App* stats = nullptr;
  CLI::App* pay = nullptr;

  /// Declares say, press, read, pay, stats and reset on `app`.
  void declare(CLI::App& app) {
    say = app.add_subcommand("say", "a user writes to the bot");
    add_port(say, port);
    add_user(say, who);
    say->add_option("text", words, "what the user writes")->required();
    say->add_option("--reply-to", reply_to,
                    "reply to this message of the user's private chat "
                    "(e.g. /fix on a translation)")
        ->check(CLI::PositiveNumber);

    press = app.add_subcommand("press", "a user presses an inline button");
    add_port(press, port);
    add_user(press, who);
    press->add_option("--message-id", message_id, "the message with the button")
        ->required();
    press->add_option("data", words, "the button's callback data")->required();

    read = app.add_subcommand("read", "print what a chat received");
    add_port(read, port);
    read->add_option("--chat", chat, "chat id (a user's id for private chats)")
        ->required();
    read->add_option("--after", after,
                     "only events after this sequence number");
    read->add_flag("--follow,-f", follow, "keep printing as more arrives");

    pay = app.add_subcommand("pay", "a user pays an invoice link the bot sent");
    add_port(pay, port);
    add_user(pay, who);
    pay->add_option("link", words, "the invoice link (https://t.me/$...)")
        ->required();

    stats = app.add_subcommand("stats", "print the simulator's counters");
    add_port(stats, port);
    auto* reset = app.add_subcommand("reset", "forget every chat and event");
    add_port(reset, port);
  }

  /// Runs the one that was chosen.
  int run() const {
    if (say->parsed())
      return run_say(port, who, join(words), reply_to);
    if (press->parsed())
      return run_press(port, who, message_id, join(words));
    if (read->parsed())
      return run_read(port, chat, after, follow);
    if (pay->parsed())
      return run_pay(port, who, join(words));
    if (stats->parsed())
      return run_stats(port);
    return run_reset(port);
  }
};

} // namespace

int main(int argc, char** argv) {
  bridge::retain_freed_heap();
  CLI::App app{"tg-sim: a Telegram Bot API simulator for Bridge"};
  app.require_subcommand(1);
  serve_command serve;
  serve.declare(app);
  human_commands human;
  human.declare(app);
  app.set_version_flag("--version", bridge::version_line("tg-sim"));
  CLI11_PARSE(app, argc, argv);
  return serve.cmd->parsed() ? serve.run() : human.run();
}
