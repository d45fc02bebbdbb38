// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace bridge::config {

/// Name (`section.key`) and one-line help of a configuration key.
struct key_info {
  std::string_view name;
  std::string_view help;
};

/// Inclusive bounds of a numeric key.
template <class T> struct bounds {
  T min;
  T max;
};

/// Strings a choice key accepts.
using choices = std::initializer_list<std::string_view>;

/// Calls `f` once per configuration key with its info, a reference to the
/// field in `c` and its constraint: `bounds<int64_t>` for integers and
/// durations (in the unit of the field), `bounds<double>` for floats,
/// `choices` for enumerations, nothing for free strings and booleans.
/// The single schema: validation, the command line and the example file
/// are all derived from it.
template <class Config, class F> void visit_keys(Config& c, F&& f) {
  using b = bounds<int64_t>;
  using d = bounds<double>;
  constexpr int64_t big = 1'000'000'000;
  // -- engine ----------------------------------------------------------------
  f(key_info{"engine.scheduler_threads",
             "actor scheduler threads; 0 = one per core"},
    c.engine.scheduler_threads, b{0, 256});
  f(
      key_info{
          "engine.scheduler_idle_polls",
          "polls 50 us apart an idle scheduler thread makes before it sleeps"},
      c.engine.scheduler_idle_polls, b{0, 100'000});
  f(key_info{"engine.log_level", "trace, debug, info, warn, error or off"},
    c.engine.log_level,
    choices{"trace", "debug", "info", "warn", "error", "off"});
  f(key_info{"engine.log_format",
             "text; json: a JSON object a line, UTC times; journald: "
             "the journal"},
    c.engine.log_format, choices{"text", "json", "journald"});
  f(key_info{"engine.log_file",
             "log file; empty = standard error; SIGHUP reopens it"},
    c.engine.log_file);
  f(key_info{"engine.ready_file",
             "file the HTTP port is written to once serving; empty = none"},
    c.engine.ready_file);
  // -- telegram --------------------------------------------------------------
  f(key_info{"telegram.api_url", "Bot API base URL (http or https)"},
    c.telegram.api_url);
  f(key_info{"telegram.mode", "how updates arrive: polling or webhook"},
    c.telegram.mode, choices{"polling", "webhook"});
  f(key_info{"telegram.poll_timeout_s", "getUpdates long-poll timeout"},
    c.telegram.poll_timeout, b{0, 50});
  f(key_info{"telegram.poll_limit", "updates per getUpdates call"},
    c.telegram.poll_limit, b{1, 100});
  f(key_info{"telegram.poll_gather_ms", "wait before the next getUpdates after "
                                        "a short answer, so it brings several"},
    c.telegram.poll_gather, b{0, 1000});
  f(key_info{"telegram.request_timeout_ms",
             "timeout of one Bot API call (polls add their own timeout)"},
    c.telegram.request_timeout, b{100, 600'000});
  f(key_info{"telegram.webhook_url",
             "public URL for setWebhook in webhook mode"},
    c.telegram.webhook_url);
  // -- sender ----------------------------------------------------------------
  f(key_info{"sender.global_per_second", "messages per second to all chats"},
    c.sender.global_per_second, b{1, 1'000'000});
  f(key_info{"sender.per_chat_per_second",
             "sustained messages per second to one chat"},
    c.sender.per_chat_per_second, d{0.01, 1'000'000});
  f(key_info{"sender.per_chat_burst",
             "messages one chat may receive back to back"},
    c.sender.per_chat_burst, b{1, 1'000'000});
  f(key_info{"sender.group_per_minute",
             "messages per minute to one group chat"},
    c.sender.group_per_minute, b{1, 1'000'000});
  f(key_info{"sender.http_workers", "parallel Bot API connections for sending"},
    c.sender.http_workers, b{1, 64});
  f(key_info{"sender.queue_limit",
             "messages waiting to be sent before refusing"},
    c.sender.queue_limit, b{1, big});
  f(key_info{"sender.per_chat_queue_limit",
             "messages one chat may have waiting before its next ones are "
             "refused"},
    c.sender.per_chat_queue_limit, b{1, big});
  f(key_info{"sender.max_attempts",
             "send attempts before a message is marked failed"},
    c.sender.max_attempts, b{1, 100});
  // -- intake ----------------------------------------------------------------
  f(key_info{"intake.sweep_interval_ms",
             "how often stored work nothing holds is looked for; 0 = never"},
    c.intake.sweep_interval, b{0, 3'600'000});
  f(key_info{"intake.sweep_after_ms", "age at which an unfinished inbox row or "
                                      "pending outbox row is handed on again"},
    c.intake.sweep_after, b{1000, 86'400'000});
  // -- db --------------------------------------------------------------------
  f(
      key_info{
          "db.pool_size",
          "PostgreSQL connections, never exceeded (one is the lease keeper's)"},
      c.db.pool_size, b{2, 200});
  f(key_info{"db.pool_min", "connections opened at start; more open, up to "
                            "pool_size, while requests wait for one"},
    c.db.pool_min, b{1, 200});
  f(key_info{"db.queue_limit",
             "requests waiting for a connection before refusing"},
    c.db.queue_limit, b{1, big});
  f(key_info{"db.request_timeout_ms", "deadline of one database request"},
    c.db.request_timeout, b{10, 600'000});
  f(key_info{"db.batch_max", "rows of one kind written in one statement"},
    c.db.batch_max, b{1, 10'000});
  f(
      key_info{
          "db.batch_turns",
          "write turns at once, per kind or combined (fewer, larger batches)"},
      c.db.batch_turns, b{1, 1'000});
  f(key_info{"db.combine_writes",
             "commit write batches of different kinds together"},
    c.db.combine_writes);
  f(key_info{"db.write_linger_ms", "how long a write waits for others to share "
                                   "its commit when no write turn runs"},
    c.db.write_linger, b{0, 100});
  f(key_info{"db.reconnect_backoff_max_ms",
             "longest pause between reconnect attempts"},
    c.db.reconnect_backoff_max, b{10, 600'000});
  // -- cache -----------------------------------------------------------------
  f(key_info{"cache.enabled", "use Redis; false = PostgreSQL only"},
    c.cache.enabled);
  f(key_info{"cache.profile_ttl_s", "user profile cache lifetime"},
    c.cache.profile_ttl, b{1, 86'400 * 7});
  f(key_info{"cache.subscription_ttl_s", "subscription status cache lifetime"},
    c.cache.subscription_ttl, b{1, 86'400});
  f(key_info{"cache.local_profiles",
             "profiles each engine keeps in memory, dropped on any engine's "
             "change; 0 = none"},
    c.cache.local_profiles, b{0, 10'000'000});
  f(key_info{"cache.reconnect_backoff_max_ms",
             "longest pause between Redis reconnects"},
    c.cache.reconnect_backoff_max, b{10, 600'000});
  f(key_info{"cache.command_timeout_ms",
             "Redis connect and command timeout; then PostgreSQL answers"},
    c.cache.command_timeout, b{10, 60'000});
  // -- translator ------------------------------------------------------------
  f(key_info{"translator.backend", "apertium (offline), claude or fake"},
    c.translator.backend, choices{"apertium", "claude", "fake"});
  f(key_info{"translator.requests_per_minute", "backend requests per minute"},
    c.translator.requests_per_minute, b{1, big});
  f(key_info{"translator.tokens_per_minute",
             "estimated input tokens per minute"},
    c.translator.tokens_per_minute, b{1, big});
  f(key_info{"translator.max_in_flight", "backend requests at the same time"},
    c.translator.max_in_flight, b{1, 16384});
  f(key_info{"translator.queue_limit", "translations waiting before refusing"},
    c.translator.queue_limit, b{1, big});
  f(key_info{"translator.queue_deadline_ms",
             "longest wait of a translation, retries included"},
    c.translator.queue_deadline, b{100, 3'600'000});
  f(key_info{"translator.queued_notice_after_ms",
             "wait after which the writer is told the message is queued"},
    c.translator.queued_notice_after, b{0, 3'600'000});
  f(key_info{"translator.request_timeout_ms", "timeout of one backend request"},
    c.translator.request_timeout, b{100, 600'000});
  f(key_info{"translator.retry_base_ms",
             "first retry delay (doubles each attempt, full jitter)"},
    c.translator.retry_base, b{1, 600'000});
  f(key_info{"translator.retry_cap_ms", "longest retry delay"},
    c.translator.retry_cap, b{1, 600'000});
  f(key_info{"translator.max_attempts", "attempts per translation"},
    c.translator.max_attempts, b{1, 20});
  f(key_info{"translator.breaker_failures",
             "consecutive failures that open the circuit"},
    c.translator.breaker_failures, b{1, 1000});
  f(key_info{"translator.breaker_cooldown_ms",
             "open circuit time before a probe"},
    c.translator.breaker_cooldown, b{10, 3'600'000});
  f(key_info{"translator.chars_per_token",
             "characters per token when estimating"},
    c.translator.chars_per_token, d{0.5, 100});
  f(key_info{"translator.apertium_pipelines",
             "resident Apertium pipelines per language pair"},
    c.translator.apertium_pipelines, b{1, 64});
  f(key_info{"translator.apertium_modes_dir",
             "folder of the installed Apertium modes (*.mode)"},
    c.translator.apertium_modes_dir);
  f(key_info{"translator.claude_api_url", "Anthropic API base URL"},
    c.translator.claude_api_url);
  f(key_info{"translator.claude_model", "model name for the Messages API"},
    c.translator.claude_model);
  f(key_info{"translator.claude_max_tokens", "max_tokens of one translation"},
    c.translator.claude_max_tokens, b{1, 64'000});
  f(key_info{"translator.anthropic_version", "anthropic-version header"},
    c.translator.anthropic_version);
  f(key_info{"translator.fake_latency_ms", "fake backend: mean latency"},
    c.translator.fake_latency, b{0, 600'000});
  f(key_info{"translator.fake_jitter_ms", "fake backend: latency spread (+/-)"},
    c.translator.fake_jitter, b{0, 600'000});
  f(key_info{"translator.fake_failure_rate",
             "fake backend: share of failing requests"},
    c.translator.fake_failure_rate, d{0, 1});
  f(key_info{"translator.fallback",
             "who translates what Claude gives up on: apertium or none"},
    c.translator.fallback, choices{"apertium", "none"});
  // -- conversation ----------------------------------------------------------
  f(key_info{"conversation.context_length", "recent messages given as context"},
    c.conversation.context_length, b{0, 50});
  f(key_info{"conversation.persist_attempts",
             "tries to store a message while the database answers, before it "
             "is parked"},
    c.conversation.persist_attempts, b{1, 1000});
  f(key_info{"conversation.max_in_flight",
             "translations in flight per conversation"},
    c.conversation.max_in_flight, b{1, 64});
  f(key_info{"conversation.passivation_timeout_s",
             "idle time before a conversation actor stops"},
    c.conversation.passivation_timeout, b{1, 86'400});
  f(key_info{"conversation.queue_limit",
             "messages waiting in one conversation"},
    c.conversation.queue_limit, b{1, 1'000'000});
  f(key_info{"conversation.typing_delay_ms",
             "show typing once a translation takes this long (0 = always)"},
    c.conversation.typing_delay, b{0, 60'000});
  // -- session ---------------------------------------------------------------
  f(key_info{"session.passivation_timeout_s",
             "idle time before a chat session actor stops"},
    c.session.passivation_timeout, b{1, 86'400});
  f(key_info{"session.updates_per_minute",
             "updates one user may send per minute"},
    c.session.updates_per_minute, b{1, 1'000'000});
  f(key_info{"session.code_attempts",
             "wrong invitation codes allowed per window"},
    c.session.code_attempts, b{1, 1000});
  f(key_info{"session.code_window_s", "window of the invitation code limit"},
    c.session.code_window, b{1, 86'400});
  f(key_info{"session.code_failures_per_minute",
             "wrong invitation codes from everyone per minute (shared in "
             "Redis); past it code attempts are refused for everyone until the "
             "minute ends"},
    c.session.code_failures_per_minute, b{1, 1'000'000});
  f(key_info{"session.join_approval",
             "a worker's join waits for the manager's Accept; false: a right "
             "code joins at once"},
    c.session.join_approval);
  f(key_info{"session.free_daily_messages",
             "messages per day a manager without subscription may send"},
    c.session.free_daily_messages, b{0, big});
  f(key_info{"session.allowance_lease",
             "free messages charged per database round trip; a crash can cost "
             "a manager twice this many"},
    c.session.allowance_lease, b{1, 500});
  f(key_info{"session.history_length", "messages shown by /history"},
    c.session.history_length, b{1, 200});
  // -- http ------------------------------------------------------------------
  f(key_info{"http.listen_address",
             "address of the metrics/admin/webhook server"},
    c.http.listen_address);
  f(key_info{"http.port",
             "port of the metrics/admin/webhook server; 0 = any free port"},
    c.http.port, b{0, 65535});
  f(key_info{"http.max_body_bytes", "largest request body accepted"},
    c.http.max_body_bytes, b{1024, 64 * 1048576});
  f(key_info{"http.read_timeout_ms", "time a client has to send its request"},
    c.http.read_timeout, b{10, 600'000});
  f(key_info{"http.threads", "threads serving HTTP requests"}, c.http.threads,
    b{1, 256});
  f(key_info{"http.request_deadline_ms",
             "time a client has to send a whole request, however slowly its "
             "bytes come (408 after)"},
    c.http.request_deadline, b{100, 600'000});
  f(key_info{"http.max_connections",
             "connections held at once; more are answered 503 and closed"},
    c.http.max_connections, b{1, 10'000});
  // -- ops -------------------------------------------------------------------
  f(key_info{"ops.operator_language",
             "language (ISO 639-1) feedback is translated into for operators"},
    c.ops.operator_language);
  // -- payments --------------------------------------------------------------
  f(key_info{"payments.subscription_stars",
             "price in Telegram Stars of a 30-day subscription (/subscribe)"},
    c.payments.subscription_stars, b{1, 10'000});
  // -- glossary --------------------------------------------------------------
  f(key_info{"glossary.max_terms", "terms a team's glossary may hold"},
    c.glossary.max_terms, b{1, 1000});
  f(key_info{"glossary.cache_ttl_s",
             "how long an engine keeps a team's glossary in memory"},
    c.glossary.cache_ttl, b{1, 3600});
  // -- retention -------------------------------------------------------------
  f(key_info{"retention.message_days", "messages older than this are deleted"},
    c.retention.message_days, b{1, 36'500});
  f(key_info{"retention.batch_size", "rows deleted per statement"},
    c.retention.batch_size, b{1, 100'000});
  f(key_info{"retention.interval_s", "time between retention runs"},
    c.retention.interval, b{1, 86'400 * 7});
  // -- cluster ---------------------------------------------------------------
  f(
      key_info{
          "cluster.instance_id",
          "this engine's name among those sharing the bot; empty = host:pid"},
      c.cluster.instance_id);
  f(key_info{"cluster.partitions", "partitions conversations are spread over; "
                                   "fixed for a database's life"},
    c.cluster.partitions, b{1, 4096});
  f(key_info{"cluster.lease_ttl_ms",
             "an engine that has not renewed its leases this long loses them"},
    c.cluster.lease_ttl, b{500, 600'000});
  f(key_info{"cluster.send_budget",
             "how instances keep the bot's send limit: share (limit / "
             "instances) or redis (one bucket all draw from)"},
    c.cluster.send_budget, choices{"share", "redis"});
  f(key_info{"cluster.translation_budget",
             "how instances keep the translator's per-minute limits: share "
             "(limit / instances) or redis (one bucket all draw from)"},
    c.cluster.translation_budget, choices{"share", "redis"});
  // -- shutdown --------------------------------------------------------------
  f(key_info{"shutdown.drain_deadline_ms",
             "time in-flight work gets to finish on SIGTERM"},
    c.shutdown.drain_deadline, b{0, 600'000});
}

/// Environment variables that carry secrets, and where each one lands.
template <class Config, class F> void visit_secrets(Config& c, F&& f) {
  f("TELEGRAM_BOT_TOKEN", c.secrets.telegram_bot_token);
  f("TELEGRAM_WEBHOOK_SECRET", c.secrets.telegram_webhook_secret);
  f("ANTHROPIC_API_KEY", c.secrets.anthropic_api_key);
  f("DATABASE_URL", c.secrets.database_url);
  f("REDIS_URL", c.secrets.redis_url);
  f("BRIDGE_ADMIN_TOKEN", c.secrets.admin_token);
}

} // namespace bridge::config
