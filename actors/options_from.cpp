// SPDX-License-Identifier: Apache-2.0
#include "actors/options_from.hpp"

namespace bridge {

bot_api_endpoint bot_api_endpoint_from(const bridge_config& cfg) {
  return {cfg.telegram.api_url, cfg.secrets.telegram_bot_token,
          cfg.telegram.request_timeout};
}

front_options front_options_from(const bridge_config& cfg) {
  front_options o;
  o.endpoint = bot_api_endpoint_from(cfg);
  o.poll_timeout = cfg.telegram.poll_timeout;
  o.poll_limit = cfg.telegram.poll_limit;
  o.poll_gather = cfg.telegram.poll_gather;
  return o;
}

sender_options sender_options_from(const bridge_config& cfg) {
  const auto& s = cfg.sender;
  sender_options o;
  o.endpoint = bot_api_endpoint_from(cfg);
  o.limits.global_per_second = static_cast<double>(s.global_per_second);
  o.limits.per_chat_per_second = s.per_chat_per_second;
  o.limits.per_chat_burst = static_cast<double>(s.per_chat_burst);
  o.limits.group_per_minute = static_cast<double>(s.group_per_minute);
  o.http_workers = static_cast<size_t>(s.http_workers);
  o.queue_limit = static_cast<size_t>(s.queue_limit);
  o.per_chat_queue_limit = static_cast<size_t>(s.per_chat_queue_limit);
  o.max_attempts = static_cast<uint32_t>(s.max_attempts);
  o.sweep_interval = cfg.intake.sweep_interval;
  o.sweep_after = cfg.intake.sweep_after;
  return o;
}

session_options session_options_from(const bridge_config& cfg) {
  const auto& s = cfg.session;
  session_options o;
  o.passivation_timeout = s.passivation_timeout;
  o.updates_per_minute = s.updates_per_minute;
  o.code_attempts = s.code_attempts;
  o.code_window = s.code_window;
  o.code_failures_per_minute = s.code_failures_per_minute;
  o.join_approval = s.join_approval;
  o.free_daily_messages = s.free_daily_messages;
  o.allowance_lease = s.allowance_lease;
  o.history_length = s.history_length;
  o.subscription_stars = cfg.payments.subscription_stars;
  o.glossary_max_terms = cfg.glossary.max_terms;
  return o;
}

conversation_options conversation_options_from(const bridge_config& cfg) {
  const auto& c = cfg.conversation;
  conversation_options o;
  o.context_length = static_cast<size_t>(c.context_length);
  o.persist_attempts = static_cast<uint32_t>(c.persist_attempts);
  o.max_in_flight = static_cast<size_t>(c.max_in_flight);
  o.queue_limit = static_cast<size_t>(c.queue_limit);
  o.passivation_timeout = c.passivation_timeout;
  o.typing_delay = c.typing_delay;
  o.glossaries = std::make_shared<glossary_memo>(
      static_cast<size_t>(defaults::glossary::cached_teams),
      std::chrono::duration_cast<std::chrono::milliseconds>(
          cfg.glossary.cache_ttl));
  return o;
}

sweeper_options sweeper_options_from(const bridge_config& cfg) {
  sweeper_options o;
  o.interval = cfg.intake.sweep_interval;
  o.after = cfg.intake.sweep_after;
  return o;
}

} // namespace bridge
