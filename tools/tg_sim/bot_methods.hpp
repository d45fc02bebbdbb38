// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "tools/tg_sim/method_args.hpp"
#include "tools/tg_sim/sim_state.hpp"

namespace bridge::tg_sim {

/// An HTTP answer, before it meets a socket.
struct http_answer {
  int status = 200;
  std::string body;
  const char* content_type = "application/json";
  /// Extra delay the transport adds before sending (armed latency).
  std::chrono::milliseconds delay{0};
  /// Close the connection instead of answering (an armed fault).
  bool drop = false;
};

/// The Bot API: checks each call's arguments the way Telegram does, runs
/// it against the state, and encodes Telegram's answer, errors included.
/// Socket-free; only getUpdates blocks, and only up to its timeout.
class bot_methods {
public:
  /// `max_poll` caps a getUpdates timeout.
  bot_methods(sim_state& state, std::chrono::seconds max_poll)
      : state_(state), max_poll_(max_poll) {}

  /// Answers one call of `method` (its name as in the URL path).
  http_answer call(std::string_view method, const method_args& args);

  /// The answer to a request whose token is not the bot's.
  http_answer unauthorized();

private:
  http_answer dispatch(bot_method m, const method_args& args);
  http_answer get_me();
  http_answer get_updates(const method_args& args);
  http_answer send_message(const method_args& args);
  http_answer edit_message_text(const method_args& args);
  http_answer answer_callback_query(const method_args& args);
  http_answer send_chat_action(const method_args& args);
  http_answer set_webhook(const method_args& args);
  http_answer delete_webhook(const method_args& args);
  http_answer get_webhook_info();
  // The command menu (bot_commands.cpp).
  http_answer set_my_commands(const method_args& args);
  http_answer get_my_commands(const method_args& args);
  // Telegram Stars (bot_payments.cpp).
  http_answer create_invoice_link(const method_args& args);
  http_answer answer_pre_checkout_query(const method_args& args);
  http_answer refund_star_payment(const method_args& args);
  http_answer edit_user_star_subscription(const method_args& args);
  // Copies of users' media (bot_copies.cpp).
  http_answer copy_message(const method_args& args);
  http_answer copy_messages(const method_args& args);

  /// The Message reply of a send or an edit.
  http_answer message_reply(const message_outcome& out) const;

  sim_state& state_;
  std::chrono::seconds max_poll_;
};

/// The answer carrying `r` as a Bot API error.
http_answer error_answer(const refusal& r);

/// The answer an armed fault gives: a JSON error, or for 502 the HTML
/// page a proxy in front of Telegram sends.
http_answer fault_answer(const fault& f);

} // namespace bridge::tg_sim
