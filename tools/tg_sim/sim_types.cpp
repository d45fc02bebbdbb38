// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_types.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace bridge::tg_sim {

namespace {

constexpr std::array<const char*, bot_method_count> method_names = {
    "getMe",
    "getUpdates",
    "sendMessage",
    "editMessageText",
    "answerCallbackQuery",
    "sendChatAction",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "setMyCommands",
    "getMyCommands",
    "createInvoiceLink",
    "answerPreCheckoutQuery",
    "refundStarPayment",
    "copyMessage",
    "copyMessages",
    "editUserStarSubscription"};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i]))
        != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

} // namespace

std::string validate(const sim_options& opts) {
  if (opts.token.empty())
    return "token must not be empty";
  if (opts.token.find('/') != std::string::npos)
    return "token must not contain '/'";
  const auto& l = opts.limits;
  if (!(l.global_per_second > 0) || !(l.per_chat_per_second > 0)
      || !(l.per_chat_burst >= 1) || !(l.group_per_minute > 0))
    return "limit rates must be positive and the burst at least 1";
  if (opts.max_events == 0 || opts.max_pending_updates == 0
      || opts.max_pending_bytes == 0 || opts.max_messages_per_chat == 0
      || opts.max_callback_queries == 0)
    return "bounds must be at least 1";
  if (opts.first_update_id < 1)
    return "first update id must be positive";
  if (opts.webhook_retry_base.count() < 1
      || opts.webhook_retry_cap < opts.webhook_retry_base)
    return "webhook retry base must be positive and at most the cap";
  return {};
}

int64_t bot_id_of(std::string_view token) {
  auto colon = token.find(':');
  auto digits = token.substr(0, colon);
  int64_t id = 0;
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc{} || end != digits.data() + digits.size() || id <= 0)
    return 1;
  return id;
}

const char* to_string(bot_method m) {
  auto i = static_cast<size_t>(m);
  return i < method_names.size() ? method_names[i] : "unknown";
}

std::optional<bot_method> parse_method(std::string_view name) {
  for (size_t i = 0; i < method_names.size(); ++i)
    if (iequals(name, method_names[i]))
      return static_cast<bot_method>(i);
  return std::nullopt;
}

const char* to_string(update_kind k) {
  switch (k) {
  case update_kind::message:
    return "message";
  case update_kind::edited_message:
    return "edited_message";
  case update_kind::callback_query:
    return "callback_query";
  case update_kind::pre_checkout_query:
    return "pre_checkout_query";
  }
  return "unknown";
}

} // namespace bridge::tg_sim
