// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/cli.hpp"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "common/error.hpp"

namespace bridge::tg_sim {

namespace {

/// Blocks the stop signals here and in every thread started later, so
/// that `sigwait` is their only receiver.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

/// Writes the port atomically: a harness polling the file never reads
/// half of it.
bool write_ready_file(const std::string& path, int port) {
  auto tmp = path + ".tmp";
  {
    std::ofstream out{tmp, std::ios::trunc};
    out << port << '\n';
    if (!out)
      return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

int fail(const caf::error& err) {
  std::cerr << "tg-sim: " << describe(err) << '\n';
  return 1;
}

void indent(std::string& out, const std::string& text) {
  out += "    ";
  for (char c : text) {
    out += c;
    if (c == '\n')
      out += "    ";
  }
  out += '\n';
}

} // namespace

int run_serve(const sim_options& opts, const server_settings& settings,
              const std::string& ready_file) {
  if (auto problem = validate(opts); !problem.empty()) {
    std::cerr << "tg-sim: " << problem << '\n';
    return 2;
  }
  auto signals = block_stop_signals();
  sim_state state{opts, std::make_shared<real_clock>()};
  http_server server{state, settings};
  std::string error;
  auto port = server.start(error);
  if (port == 0) {
    std::cerr << "tg-sim: " << error << '\n';
    return 1;
  }
  std::cerr << "tg-sim: Bot API and control API on http://" << settings.host
            << ':' << port << " (bot @" << state.bot().username << ", id "
            << state.bot().id << ", send limits "
            << (opts.limits.enabled ? "on" : "off") << ")\n";
  if (!ready_file.empty() && !write_ready_file(ready_file, port)) {
    std::cerr << "tg-sim: cannot write " << ready_file << '\n';
    return 1;
  }
  int sig = 0;
  sigwait(&signals, &sig);
  std::cerr << "tg-sim: stopping\n";
  server.stop();
  return 0;
}

sim_user cli_user::to_user() const {
  sim_user u;
  u.id = id;
  u.first_name = name;
  u.username = username;
  u.language_code = lang;
  return u;
}

int run_say(int port, const cli_user& who, const std::string& text,
            int64_t reply_to) {
  auto client = sim_client::on_port(port);
  auto out = reply_to != 0 ? client.reply(who.to_user(), reply_to, text)
                           : client.say(who.to_user(), text, who.chat);
  if (!out)
    return fail(out.error());
  std::cout << "message " << out->message_id << " in chat " << out->chat_id
            << (out->filtered ? " (filtered by the bot's allowed_updates)"
                              : ", update " + std::to_string(out->update_id))
            << '\n';
  return 0;
}

int run_press(int port, const cli_user& who, int64_t message_id,
              const std::string& data) {
  auto client = sim_client::on_port(port);
  auto chat = who.chat != 0 ? who.chat : who.id;
  auto out = client.press(who.to_user(), chat, message_id, data);
  if (!out)
    return fail(out.error());
  std::cout << "pressed '" << data << "' on message " << message_id
            << ", callback query " << out->callback_id << '\n';
  return 0;
}

int run_read(int port, int64_t chat, int64_t after, bool follow) {
  sim_client client{port, std::chrono::seconds{10}};
  auto wait =
      follow ? std::chrono::milliseconds{25'000} : std::chrono::milliseconds{0};
  do {
    auto events = client.chat_events(chat, after, wait);
    if (!events)
      return fail(events.error());
    for (auto& e : *events) {
      std::cout << format_event(e) << std::flush;
      after = e.seq;
    }
  } while (follow);
  return 0;
}

int run_pay(int port, const cli_user& who, const std::string& link) {
  auto client = sim_client::on_port(port);
  auto out = client.pay(who.to_user(), link);
  if (!out)
    return fail(out.error());
  std::cout << "paid; the bot has 10 s to accept the checkout (read the chat "
               "for the outcome): "
            << *out << '\n';
  return 0;
}

int run_stats(int port) {
  auto client = sim_client::on_port(port);
  auto json = client.stats_json();
  if (!json)
    return fail(json.error());
  std::cout << *json << '\n';
  return 0;
}

int run_reset(int port) {
  auto client = sim_client::on_port(port);
  if (auto done = client.reset(); !done)
    return fail(done.error());
  std::cout << "reset\n";
  return 0;
}

namespace {

/// The payment's details: which charge or checkout, and how many Stars.
void add_payment(std::string& out, const sim_event& e) {
  if (!e.charge_id.empty())
    out += " charge " + e.charge_id;
  if (!e.query_id.empty())
    out += " query " + e.query_id;
  if (e.amount != 0)
    out += ' ' + std::to_string(e.amount) + " Stars";
}

} // namespace

std::string format_event(const sim_event& e) {
  // The payment's own events are the user's doing, not a Bot API method:
  // named by what happened ("payment successful_payment").
  const auto& name = e.method.empty() && !e.payment.empty()
                         ? "payment " + e.payment
                         : e.method;
  std::string out = "#" + std::to_string(e.seq) + ' ' + name;
  if (e.message_id != 0)
    out += " message " + std::to_string(e.message_id);
  add_payment(out, e);
  if (!e.action.empty())
    out += " (" + e.action + ")";
  if (!e.callback_id.empty())
    out += " to callback " + e.callback_id;
  out += '\n';
  if (!e.text.empty())
    indent(out, e.text);
  for (auto& row : e.buttons) {
    out += "   ";
    for (auto& b : row) {
      out += " [" + b.text + " -> ";
      out += b.url.empty() ? "press " + b.data : b.url;
      out += ']';
    }
    out += '\n';
  }
  return out;
}

} // namespace bridge::tg_sim
