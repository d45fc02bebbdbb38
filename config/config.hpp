// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "config/defaults.hpp"

namespace bridge {

/// Every operator knob. Its defaults come from `config/defaults.hpp`, the
/// one place they live; `config/schema.hpp` names, bounds and documents
/// each field, and `config/bridge.toml` lists them for operators (a test
/// keeps the three in step).
struct bridge_config {
  struct engine_section {
    /// 0 means one scheduler thread per core.
    int64_t scheduler_threads = defaults::engine::scheduler_threads;
    /// Polls, 50 us apart, an idle scheduler thread makes before it
    /// sleeps until work is handed to it.
    int64_t scheduler_idle_polls = defaults::engine::scheduler_idle_polls;
    std::string log_level{defaults::engine::log_level};
    /// "text" or "json" (one object a line).
    std::string log_format{defaults::engine::log_format};
    /// Empty means standard error.
    std::string log_file;
    /// When set, the engine writes its HTTP port here once it is serving
    /// (for scripts and tests that start it on a free port).
    std::string ready_file;
  } engine;

  struct telegram_section {
    /// Base URL of the Bot API; the default is a local tg-sim.
    std::string api_url{defaults::telegram::api_url};
    /// "polling" (getUpdates) or "webhook".
    std::string mode{defaults::telegram::mode};
    std::chrono::seconds poll_timeout = defaults::telegram::poll_timeout;
    int64_t poll_limit = defaults::telegram::poll_limit;
    std::chrono::milliseconds poll_gather = defaults::telegram::poll_gather;
    std::chrono::milliseconds request_timeout =
        defaults::telegram::request_timeout;
    /// Public URL Telegram pushes updates to in webhook mode.
    std::string webhook_url;
  } telegram;

  struct sender_section {
    /// Telegram allows about 30 messages per second overall.
    int64_t global_per_second = defaults::sender::global_per_second;
    /// And about one per second per chat, with a small burst.
    double per_chat_per_second = defaults::sender::per_chat_per_second;
    int64_t per_chat_burst = defaults::sender::per_chat_burst;
    /// Groups: 20 messages per minute.
    int64_t group_per_minute = defaults::sender::group_per_minute;
    /// Bot API calls in flight at once, each on a kept-alive connection of
    /// the sender's one HTTP thread.
    int64_t http_workers = defaults::sender::http_workers;
    int64_t queue_limit = defaults::sender::queue_limit;
    int64_t per_chat_queue_limit = defaults::sender::per_chat_queue_limit;
    int64_t max_attempts = defaults::sender::max_attempts;
  } sender;

  struct intake_section {
    /// How often unfinished inbox rows and pending outbox rows that
    /// nothing holds are looked for and handed on.
    std::chrono::milliseconds sweep_interval = defaults::intake::sweep_interval;
    /// How old such a row must be before the sweep hands it on.
    std::chrono::milliseconds sweep_after = defaults::intake::sweep_after;
  } intake;

  struct db_section {
    /// Never more than this many connections to PostgreSQL.
    int64_t pool_size = defaults::db::pool_size;
    int64_t pool_min = defaults::db::pool_min;
    int64_t queue_limit = defaults::db::queue_limit;
    std::chrono::milliseconds request_timeout = defaults::db::request_timeout;
    int64_t batch_max = defaults::db::batch_max;
    /// Turns of one batchable kind at once: fewer, larger batches.
    int64_t batch_turns = defaults::db::batch_turns;
    /// Write batches of different types that wait together commit as one.
    bool combine_writes = defaults::db::combine_writes;
    /// How long the first write of an idle pool waits for others.
    std::chrono::milliseconds write_linger = defaults::db::write_linger;
    std::chrono::milliseconds reconnect_backoff_max =
        defaults::db::reconnect_backoff_max;
  } db;

  struct cache_section {
    bool enabled = defaults::cache::enabled;
    std::chrono::seconds profile_ttl = defaults::cache::profile_ttl;
    std::chrono::seconds subscription_ttl = defaults::cache::subscription_ttl;
    int64_t local_profiles = defaults::cache::local_profiles;
    std::chrono::milliseconds reconnect_backoff_max =
        defaults::cache::reconnect_backoff_max;
    /// Connect and command timeout: a hung Redis must not hold requests.
    std::chrono::milliseconds command_timeout =
        defaults::cache::command_timeout;
  } cache;

  struct translator_section {
    /// "apertium", "claude" or "fake".
    std::string backend{defaults::translator::backend};
    int64_t requests_per_minute = defaults::translator::requests_per_minute;
    int64_t tokens_per_minute = defaults::translator::tokens_per_minute;
    int64_t max_in_flight = defaults::translator::max_in_flight;
    int64_t queue_limit = defaults::translator::queue_limit;
    std::chrono::milliseconds queue_deadline =
        defaults::translator::queue_deadline;
    std::chrono::milliseconds queued_notice_after =
        defaults::translator::queued_notice_after;
    std::chrono::milliseconds request_timeout =
        defaults::translator::request_timeout;
    std::chrono::milliseconds retry_base = defaults::translator::retry_base;
    std::chrono::milliseconds retry_cap = defaults::translator::retry_cap;
    int64_t max_attempts = defaults::translator::max_attempts;
    int64_t breaker_failures = defaults::translator::breaker_failures;
    std::chrono::milliseconds breaker_cooldown =
        defaults::translator::breaker_cooldown;
    double chars_per_token = defaults::translator::chars_per_token;
    int64_t apertium_pipelines = defaults::translator::apertium_pipelines;
    /// Where the installed Apertium modes are (Debian's packages put them
    /// in /usr/share/apertium/modes).
    std::string apertium_modes_dir{defaults::translator::apertium_modes_dir};
    std::string claude_api_url{defaults::translator::claude_api_url};
    std::string claude_model{defaults::translator::claude_model};
    int64_t claude_max_tokens = defaults::translator::claude_max_tokens;
    std::string anthropic_version{defaults::translator::anthropic_version};
    std::chrono::milliseconds fake_latency = defaults::translator::fake_latency;
    std::chrono::milliseconds fake_jitter = defaults::translator::fake_jitter;
    double fake_failure_rate = defaults::translator::fake_failure_rate;
    /// "apertium": what Claude gives up on is translated offline where the
    /// installed modes can; "none": it fails as it would without one.
    std::string fallback{defaults::translator::fallback};
  } translator;

  struct conversation_section {
    /// Messages kept as translation context.
    int64_t context_length = defaults::conversation::context_length;
    /// Tries to store a message (while the database answers) before it
    /// is parked.
    int64_t persist_attempts = defaults::conversation::persist_attempts;
    /// Translations in flight per conversation; delivery stays in order.
    int64_t max_in_flight = defaults::conversation::max_in_flight;
    std::chrono::seconds passivation_timeout =
        defaults::conversation::passivation_timeout;
    int64_t queue_limit = defaults::conversation::queue_limit;
    /// "typing" only for translations that take at least this long.
    std::chrono::milliseconds typing_delay =
        defaults::conversation::typing_delay;
  } conversation;

  struct session_section {
    std::chrono::seconds passivation_timeout =
        defaults::session::passivation_timeout;
    int64_t updates_per_minute = defaults::session::updates_per_minute;
    int64_t code_attempts = defaults::session::code_attempts;
    std::chrono::seconds code_window = defaults::session::code_window;
    int64_t code_failures_per_minute =
        defaults::session::code_failures_per_minute;
    bool join_approval = defaults::session::join_approval;
    int64_t free_daily_messages = defaults::session::free_daily_messages;
    /// Free messages charged per PostgreSQL round trip; a crash can cost
    /// a manager up to twice this many of the day's free messages.
    int64_t allowance_lease = defaults::session::allowance_lease;
    int64_t history_length = defaults::session::history_length;
  } session;

  struct http_section {
    std::string listen_address{defaults::http::listen_address};
    /// Metrics, health, admin, dashboard and webhook intake; 0 picks a
    /// free port (see engine.ready_file).
    int64_t port = defaults::http::port;
    int64_t max_body_bytes = defaults::http::max_body_bytes;
    std::chrono::milliseconds read_timeout = defaults::http::read_timeout;
    int64_t threads = defaults::http::threads;
    // -- http server under abuse
    std::chrono::milliseconds request_deadline =
        defaults::http::request_deadline;
    int64_t max_connections = defaults::http::max_connections;
  } http;

  /// What operators read through the admin API and the dashboard.
  struct ops_section {
    /// Users' feedback is shown translated into this language (ISO 639-1).
    std::string operator_language{defaults::ops::operator_language};
  } ops;

  /// Paying with Telegram Stars.
  struct payments_section {
    /// Price of a 30-day subscription, in Stars.
    int64_t subscription_stars = defaults::payments::subscription_stars;
  } payments;
  /// Teams' glossaries (/glossary).
  struct glossary_section {
    int64_t max_terms = defaults::glossary::max_terms;
    std::chrono::seconds cache_ttl = defaults::glossary::cache_ttl;
  } glossary;

  struct retention_section {
    int64_t message_days = defaults::retention::message_days;
    int64_t batch_size = defaults::retention::batch_size;
    std::chrono::seconds interval = defaults::retention::interval;
  } retention;

  /// Several engines sharing one bot. One engine needs none of it.
  struct cluster_section {
    /// This engine's name among the live ones; empty: host:pid.
    std::string instance_id;
    /// Conversations are spread over this many partitions; fixed for a
    /// database's life (stored in it at the first start).
    int64_t partitions = defaults::cluster::partitions;
    /// An owner that has not renewed its leases this long has lost them.
    std::chrono::milliseconds lease_ttl = defaults::cluster::lease_ttl;
    /// How the instances keep Telegram's global send limit, which is the
    /// bot's: "share" (each spends limit / instances) or "redis" (one
    /// bucket in Redis all draw from; the share while Redis is away or
    /// unset).
    std::string send_budget{defaults::cluster::send_budget};
    /// Likewise for the translator's requests and tokens per minute,
    /// which are the API key's.
    std::string translation_budget{defaults::cluster::translation_budget};
  } cluster;

  struct shutdown_section {
    std::chrono::milliseconds drain_deadline =
        defaults::shutdown::drain_deadline;
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
