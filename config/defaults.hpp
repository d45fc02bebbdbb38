// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

/// Every default of Bridge, once. `bridge_config` (config/config.hpp)
/// starts from these, and so does each room's options struct, so a room
/// built without a configuration (a test, a benchmark) behaves as the
/// shipped `config/bridge.toml` says; tests/app/options_test.cpp proves
/// every `X_options_from(config)` of the shipped file equals `X_options{}`.
namespace bridge::defaults {

using std::chrono::milliseconds;
using std::chrono::seconds;

namespace engine {
/// 0 means one scheduler thread per core.
constexpr int64_t scheduler_threads = 0;
/// Polls, 50 us apart, an idle scheduler thread makes before it sleeps
/// until work is handed to it. CAF's default is 500; 0 cut the engine's
/// CPU by about a quarter at 1,000 messages/s, with lower latency there
/// (BENCHMARKS.md).
constexpr int64_t scheduler_idle_polls = 0;
constexpr std::string_view log_level = "info";
/// Plain lines for a terminal; "json" for a log shipper.
constexpr std::string_view log_format = "text";
} // namespace engine

namespace telegram {
/// The Bot API's base URL: a local tg-sim.
constexpr std::string_view api_url = "http://127.0.0.1:8081";
constexpr std::string_view mode = "polling";
constexpr seconds poll_timeout{25};
constexpr int64_t poll_limit = 100;
/// After an answer with fewer updates than the limit, the next poll waits
/// this long, so that it brings several: one inbox write and one call for
/// them, not one each, at the cost of this much latency at most.
constexpr milliseconds poll_gather{10};
constexpr milliseconds request_timeout{10000};
} // namespace telegram

namespace sender {
/// Telegram allows about 30 messages per second overall,
constexpr int64_t global_per_second = 30;
/// about one per second per chat, with a small burst,
constexpr double per_chat_per_second = 1.0;
constexpr int64_t per_chat_burst = 3;
/// and 20 messages per minute to a group.
constexpr int64_t group_per_minute = 20;
/// Bot API calls in flight at once, each on a kept-alive connection of
/// the sender's one HTTP thread.
constexpr int64_t http_workers = 4;
constexpr int64_t queue_limit = 100000;
/// One chat's share of the queue: a group flooded with replies, or a
/// /history burst, waits in its own line without filling everyone's.
constexpr int64_t per_chat_queue_limit = 500;
constexpr int64_t max_attempts = 5;
} // namespace sender

namespace intake {
/// How often stored work nothing holds is looked for: unfinished inbox
/// rows and pending outbox rows whose owner lost track of them (a write
/// whose answer was lost, an actor that stopped).
constexpr milliseconds sweep_interval{30000};
/// How old such a row must be before the sweep hands it on; owners drop
/// what they already hold, so this only saves work.
constexpr milliseconds sweep_after{30000};
} // namespace intake

namespace db {
/// Never more than this many connections to PostgreSQL.
constexpr int64_t pool_size = 20;
/// Connections opened at start; the rest open as requests wait for one.
constexpr int64_t pool_min = 2;
constexpr int64_t queue_limit = 10000;
constexpr milliseconds request_timeout{5000};
constexpr int64_t batch_max = 500;
/// Turns of one batchable kind at once: fewer, larger batches.
constexpr int64_t batch_turns = 1;
/// Write batches of different types that wait together commit as one.
constexpr bool combine_writes = true;
/// How long the first write of an idle pool waits for others to join its
/// turn: one commit for the writes of one burst instead of one for each.
constexpr milliseconds write_linger{2};
constexpr milliseconds reconnect_backoff_max{5000};
} // namespace db

namespace cache {
constexpr bool enabled = true;
constexpr seconds profile_ttl{3600};
constexpr seconds subscription_ttl{300};
/// Profiles each engine keeps in memory (0: none, every read asks Redis).
constexpr int64_t local_profiles = 100000;
/// Longest life of such a copy: a bound on a lost invalidation.
constexpr seconds local_profile_ttl{30};
constexpr milliseconds reconnect_backoff_max{5000};
/// Connect and command timeout: a hung Redis must not hold requests.
constexpr milliseconds command_timeout{250};
} // namespace cache

namespace translator {
constexpr std::string_view backend = "apertium";
constexpr int64_t requests_per_minute = 3000;
constexpr int64_t tokens_per_minute = 400000;
constexpr int64_t max_in_flight = 8;
constexpr int64_t queue_limit = 10000;
constexpr milliseconds queue_deadline{60000};
constexpr milliseconds queued_notice_after{3000};
constexpr milliseconds request_timeout{30000};
constexpr milliseconds retry_base{500};
constexpr milliseconds retry_cap{8000};
constexpr int64_t max_attempts = 3;
constexpr int64_t breaker_failures = 5;
constexpr milliseconds breaker_cooldown{30000};
constexpr double chars_per_token = 4.0;
constexpr int64_t apertium_pipelines = 2;
constexpr std::string_view apertium_modes_dir = "/usr/share/apertium/modes";
constexpr std::string_view claude_api_url = "https://api.anthropic.com";
constexpr std::string_view claude_model = "claude-sonnet-4-5";
constexpr int64_t claude_max_tokens = 1024;
constexpr std::string_view anthropic_version = "2023-06-01";
constexpr milliseconds fake_latency{0};
constexpr milliseconds fake_jitter{0};
constexpr double fake_failure_rate = 0.0;
/// Who translates what Claude gives up on: "apertium" or "none".
constexpr std::string_view fallback = "apertium";
} // namespace translator

namespace conversation {
/// Messages kept as translation context.
constexpr int64_t context_length = 6;
/// Tries to store a message while the database answers others, before it
/// is parked for an operator (attempts while the database is unreachable
/// do not count: the outage is not the message's fault).
constexpr int64_t persist_attempts = 8;
/// Translations in flight per conversation; delivery stays in order.
constexpr int64_t max_in_flight = 4;
constexpr seconds passivation_timeout{300};
constexpr int64_t queue_limit = 1000;
/// "typing" only for translations that take at least this long.
constexpr milliseconds typing_delay{500};
} // namespace conversation

namespace session {
constexpr seconds passivation_timeout{300};
constexpr int64_t updates_per_minute = 30;
constexpr int64_t code_attempts = 5;
constexpr seconds code_window{600};
/// Wrong invitation codes, from everyone, per minute; past it code
/// attempts are refused for everyone until the minute ends.
constexpr int64_t code_failures_per_minute = 120;
/// A join waits for the manager's Accept (false: a right code joins).
constexpr bool join_approval = true;
constexpr int64_t free_daily_messages = 50;
/// Free messages charged per PostgreSQL round trip; a crash can cost a
/// manager up to twice this many of the day's free messages.
constexpr int64_t allowance_lease = 10;
constexpr int64_t history_length = 20;
} // namespace session

namespace http {
constexpr std::string_view listen_address = "127.0.0.1";
/// Metrics, health, admin, dashboard and webhook intake; 0 picks a free
/// port (see engine.ready_file).
constexpr int64_t port = 8090;
constexpr int64_t max_body_bytes = 1048576;
constexpr milliseconds read_timeout{5000};
constexpr int64_t threads = 4;
/// A whole request (headers and body) must arrive within this, however
/// its bytes trickle in.
constexpr milliseconds request_deadline{10000};
/// Connections held at once; an idle one costs a descriptor, not a thread.
constexpr int64_t max_connections = 512;
} // namespace http

namespace ops {
constexpr std::string_view operator_language = "en";
} // namespace ops

namespace payments {
constexpr int64_t subscription_stars = 250;
} // namespace payments
namespace glossary {
/// Terms a team's glossary may hold.
constexpr int64_t max_terms = 200;
/// How long an engine keeps a team's glossary read from PostgreSQL; a
/// change through another engine is seen at most this late.
constexpr seconds cache_ttl{60};
/// Teams whose glossary an engine keeps in memory.
constexpr int64_t cached_teams = 10000;
} // namespace glossary

namespace retention {
constexpr int64_t message_days = 30;
constexpr int64_t batch_size = 1000;
constexpr seconds interval{3600};
} // namespace retention

namespace cluster {
constexpr int64_t partitions = 64;
constexpr milliseconds lease_ttl{5000};
// Telegram counts sends per second: a grant of a tenth of a second used
// late by a loaded engine can meet others' sends in one second, so the
// share, which needs no clock but the engine's own, is the default.
constexpr std::string_view send_budget = "share";
// Per-minute limits: an idle engine's share would be a third of the
// minute lost, and a grant used late is nothing at that scale.
constexpr std::string_view translation_budget = "redis";
} // namespace cluster

namespace shutdown {
constexpr milliseconds drain_deadline{10000};
} // namespace shutdown

} // namespace bridge::defaults
