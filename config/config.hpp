#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace bridge {

/// Every operator knob, with its default. This struct is the one place
/// defaults live; `config/schema.cpp` names, bounds and documents each
/// field, and `config/bridge.toml` lists them for operators (a test keeps
/// the three in step).
struct bridge_config {
  struct engine_section {
    /// 0 means one scheduler thread per core.
    int64_t scheduler_threads = 0;
    /// Polls, 50 us apart, an idle scheduler thread makes before it
    /// sleeps until work is handed to it. CAF's default is 500; 0 cut the
    /// engine's CPU by about a quarter at 1,000 messages/s, with lower
    /// latency there (BENCHMARKS.md).
    int64_t scheduler_idle_polls = 0;
    std::string log_level = "info";
    /// Empty means standard error.
    std::string log_file;
    /// When set, the engine writes its HTTP port here once it is serving
    /// (for scripts and tests that start it on a free port).
    std::string ready_file;
  } engine;

  struct telegram_section {
    /// Base URL of the Bot API; the default is a local tg-sim.
    std::string api_url = "http://127.0.0.1:8081";
    /// "polling" (getUpdates) or "webhook".
    std::string mode = "polling";
    std::chrono::seconds poll_timeout{25};
    int64_t poll_limit = 100;
    std::chrono::milliseconds request_timeout{10000};
    /// Public URL Telegram pushes updates to in webhook mode.
    std::string webhook_url;
  } telegram;

  struct sender_section {
    /// Telegram allows about 30 messages per second overall.
    int64_t global_per_second = 30;
    /// And about one per second per chat, with a small burst.
    double per_chat_per_second = 1.0;
    int64_t per_chat_burst = 3;
    /// Groups: 20 messages per minute.
    int64_t group_per_minute = 20;
    /// Bot API calls in flight at once, each on a kept-alive connection of
    /// the sender's one HTTP thread.
    int64_t http_workers = 4;
    int64_t queue_limit = 100000;
    int64_t max_attempts = 5;
  } sender;

  struct db_section {
    /// Never more than this many connections to PostgreSQL.
    int64_t pool_size = 20;
    int64_t queue_limit = 10000;
    std::chrono::milliseconds request_timeout{5000};
    int64_t batch_max = 500;
    /// Turns of one batchable kind at once: fewer, larger batches.
    int64_t batch_turns = 1;
    /// Write batches of different types that wait together commit as one.
    bool combine_writes = true;
    std::chrono::milliseconds reconnect_backoff_max{5000};
  } db;

  struct cache_section {
    bool enabled = true;
    std::chrono::seconds profile_ttl{3600};
    std::chrono::seconds subscription_ttl{300};
    std::chrono::milliseconds reconnect_backoff_max{5000};
    /// Connect and command timeout: a hung Redis must not hold requests.
    std::chrono::milliseconds command_timeout{250};
  } cache;

  struct translator_section {
    /// "apertium", "claude" or "fake".
    std::string backend = "apertium";
    int64_t requests_per_minute = 3000;
    int64_t tokens_per_minute = 400000;
    int64_t max_in_flight = 8;
    int64_t queue_limit = 10000;
    std::chrono::milliseconds queue_deadline{60000};
    std::chrono::milliseconds queued_notice_after{3000};
    std::chrono::milliseconds request_timeout{30000};
    std::chrono::milliseconds retry_base{500};
    std::chrono::milliseconds retry_cap{8000};
    int64_t max_attempts = 3;
    int64_t breaker_failures = 5;
    std::chrono::milliseconds breaker_cooldown{30000};
    double chars_per_token = 4.0;
    int64_t apertium_pipelines = 2;
    std::string claude_api_url = "https://api.anthropic.com";
    std::string claude_model = "claude-sonnet-4-5";
    int64_t claude_max_tokens = 1024;
    std::string anthropic_version = "2023-06-01";
    std::chrono::milliseconds fake_latency{0};
    std::chrono::milliseconds fake_jitter{0};
    double fake_failure_rate = 0.0;
  } translator;

  struct conversation_section {
    /// Messages kept as translation context.
    int64_t context_length = 6;
    /// Translations in flight per conversation; delivery stays in order.
    int64_t max_in_flight = 4;
    std::chrono::seconds passivation_timeout{300};
    int64_t queue_limit = 1000;
    /// "typing" only for translations that take at least this long.
    std::chrono::milliseconds typing_delay{500};
  } conversation;

  struct session_section {
    std::chrono::seconds passivation_timeout{300};
    int64_t updates_per_minute = 30;
    int64_t code_attempts = 5;
    std::chrono::seconds code_window{600};
    int64_t free_daily_messages = 50;
    /// Free messages charged per PostgreSQL round trip; a crash can cost
    /// a manager up to twice this many of the day's free messages.
    int64_t allowance_lease = 10;
    int64_t history_length = 20;
  } session;

  struct http_section {
    std::string listen_address = "127.0.0.1";
    /// Metrics, health, admin, dashboard and webhook intake; 0 picks a
    /// free port (see engine.ready_file).
    int64_t port = 8090;
    int64_t max_body_bytes = 1048576;
    std::chrono::milliseconds read_timeout{5000};
    int64_t threads = 4;
  } http;

  struct retention_section {
    int64_t message_days = 30;
    int64_t batch_size = 1000;
    std::chrono::seconds interval{3600};
  } retention;

  struct shutdown_section {
    std::chrono::milliseconds drain_deadline{10000};
  } shutdown;

  /// Secrets, from the environment only; never in the file or on the
  /// command line, where they would end up in shell history and `ps`.
  struct secrets_section {
    std::string telegram_bot_token;
    std::string telegram_webhook_secret;
    std::string anthropic_api_key;
    std::string database_url;
    std::string redis_url;
    std::string admin_token;
  } secrets;
};

} // namespace bridge
