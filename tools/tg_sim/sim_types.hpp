// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bridge::tg_sim {

/// Telegram's send limits as the simulator enforces them on sendMessage
/// and editMessageText.
struct limit_settings {
  bool enabled = true;
  double global_per_second = 30;
  double per_chat_per_second = 1;
  double per_chat_burst = 3;
  /// Chats with a negative id are groups.
  double group_per_minute = 20;
};

/// Most messages one POST /sim/messages takes; a load tool sends many
/// calls of this size, not one huge one.
constexpr size_t max_batch_messages = 1'000;

/// Everything the simulator is told at start. Defaults mirror Telegram
/// where Telegram documents a figure, and keep memory bounded elsewhere.
struct sim_options {
  /// The one bot token accepted; its digits before ':' are the bot's id.
  std::string token = "1000000001:tg-sim-local-token";
  std::string bot_first_name = "Bridge";
  std::string bot_username = "bridge_sim_bot";
  limit_settings limits;
  /// Events kept in the global log; the oldest are dropped and counted.
  size_t max_events = 1'000'000;
  /// Updates waiting for the bot; injecting past it is refused.
  size_t max_pending_updates = 100'000;
  /// Their total size: raw entries may be large.
  size_t max_pending_bytes = 256 * 1024 * 1024;
  /// Messages remembered per chat for edits and button presses.
  size_t max_messages_per_chat = 1'000;
  /// Callback queries remembered for answerCallbackQuery.
  size_t max_callback_queries = 100'000;
  /// Telegram starts update ids at an arbitrary positive number; a large
  /// one catches code that assumes small ids.
  int64_t first_update_id = 100'000'000;
  /// Webhook push retries: exponential from base to cap.
  std::chrono::milliseconds webhook_retry_base{100};
  std::chrono::milliseconds webhook_retry_cap{5'000};
};

/// Returns an empty string when `opts` is usable, else what is wrong.
std::string validate(const sim_options& opts);

/// The bot id encoded in a token ("123:abc" -> 123), or 1 when the token
/// has no numeric prefix.
int64_t bot_id_of(std::string_view token);

/// A call that did not succeed: the HTTP status (also the Bot API
/// `error_code`), Telegram's description, and for 429 how long to wait.
/// A default-constructed refusal means success.
struct refusal {
  int code = 0;
  std::string description;
  int64_t retry_after_s = 0;

  explicit operator bool() const { return code != 0; }

  static refusal bad_request(std::string what) {
    return {400, "Bad Request: " + what, 0};
  }
};

/// The Bot API methods the simulator implements.
enum class bot_method : uint8_t {
  get_me,
  get_updates,
  send_message,
  edit_message_text,
  answer_callback_query,
  send_chat_action,
  set_webhook,
  delete_webhook,
  get_webhook_info,
  set_my_commands,
  get_my_commands,
  // Telegram Stars (bot_payments.cpp)
  create_invoice_link,
  answer_pre_checkout_query,
  refund_star_payment,
  copy_message,
  copy_messages,
  // Telegram Stars: canceling a subscription's renewal (bot_payments.cpp)
  edit_user_star_subscription,
  count_
};

constexpr size_t bot_method_count = static_cast<size_t>(bot_method::count_);

/// The method's Bot API name ("sendMessage").
const char* to_string(bot_method m);

/// Looks a method up by name, ignoring case as Telegram does.
std::optional<bot_method> parse_method(std::string_view name);

/// Kinds of update the simulator produces itself; raw updates may carry
/// any other kind.
/// How an armed fault answers a call.
enum class fault_answer_kind : uint8_t {
  /// An error: its code, description and retry_after.
  error,
  /// The call's own answer, held first (only after running).
  hold,
  /// No answer: the connection is closed.
  drop,
};

enum class update_kind : uint8_t {
  message,
  edited_message,
  callback_query,
  pre_checkout_query,
};

/// The update field name ("edited_message").
const char* to_string(update_kind k);

} // namespace bridge::tg_sim
