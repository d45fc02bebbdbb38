// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "actors/options_from.hpp"
#include "cache/start.hpp"
#include "config/loader.hpp"
#include "ops/http_server.hpp"
#include "storage/retention.hpp"
#include "storage/start.hpp"
#include "translator/spawn.hpp"

BOOST_AUTO_TEST_SUITE(app_options)

// Every default exists once (config/defaults.hpp). Each room's options,
// built from the shipped config/bridge.toml by the room's own
// `X_options_from`, must equal its default-constructed options: a default
// written twice, a key mapped to the wrong field, or a shipped value that
// drifted from the code fails here, naming the field.

using namespace bridge;

namespace {

bridge_config shipped() {
  auto dir = std::getenv("BRIDGE_SOURCE_DIR");
  BOOST_REQUIRE_MESSAGE(dir != nullptr, "BRIDGE_SOURCE_DIR is not set");
  std::ifstream in{std::string{dir} + "/config/bridge.toml"};
  BOOST_REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  bridge_config cfg;
  auto err = config::apply_toml(cfg, text.str(), "bridge.toml");
  BOOST_REQUIRE_MESSAGE(!err, err.value_or(""));
  return cfg;
}

/// A configuration whose every number differs from the defaults, to show
/// each `X_options_from` reads its keys rather than keeping defaults.
bridge_config changed() {
  auto cfg = shipped();
  cfg.telegram.poll_timeout = std::chrono::seconds{7};
  cfg.telegram.poll_limit = 7;
  cfg.telegram.request_timeout = std::chrono::milliseconds{7000};
  cfg.sender.global_per_second = 7;
  cfg.sender.per_chat_per_second = 7;
  cfg.sender.per_chat_burst = 7;
  cfg.sender.group_per_minute = 7;
  cfg.sender.http_workers = 7;
  cfg.sender.queue_limit = 7;
  cfg.sender.max_attempts = 7;
  cfg.sender.per_chat_queue_limit = 7;
  cfg.intake.sweep_interval = std::chrono::milliseconds{7};
  cfg.intake.sweep_after = std::chrono::milliseconds{7777};
  cfg.conversation.persist_attempts = 7;
  cfg.session.passivation_timeout = std::chrono::seconds{7};
  cfg.session.updates_per_minute = 7;
  cfg.session.code_attempts = 7;
  cfg.session.code_window = std::chrono::seconds{7};
  cfg.session.free_daily_messages = 7;
  cfg.session.allowance_lease = 7;
  cfg.session.history_length = 7;
  cfg.conversation.context_length = 7;
  cfg.conversation.max_in_flight = 7;
  cfg.conversation.queue_limit = 7;
  cfg.conversation.passivation_timeout = std::chrono::seconds{7};
  cfg.conversation.typing_delay = std::chrono::milliseconds{7};
  cfg.db.pool_size = 7;
  cfg.db.pool_min = 7;
  cfg.db.queue_limit = 7;
  cfg.db.request_timeout = std::chrono::milliseconds{7000};
  cfg.db.batch_max = 7;
  cfg.db.batch_turns = 7;
  cfg.db.combine_writes = false;
  cfg.db.write_linger = std::chrono::milliseconds{7};
  cfg.db.reconnect_backoff_max = std::chrono::milliseconds{7};
  cfg.cache.enabled = false;
  cfg.cache.profile_ttl = std::chrono::seconds{7};
  cfg.cache.subscription_ttl = std::chrono::seconds{7};
  cfg.cache.reconnect_backoff_max = std::chrono::milliseconds{7};
  cfg.cache.command_timeout = std::chrono::milliseconds{7};
  cfg.retention.message_days = 7;
  cfg.retention.batch_size = 7;
  cfg.retention.interval = std::chrono::seconds{7};
  cfg.http.listen_address = "127.0.0.7";
  cfg.http.port = 7;
  cfg.http.threads = 7;
  cfg.http.max_body_bytes = 7777;
  cfg.http.read_timeout = std::chrono::milliseconds{7};
  cfg.http.request_deadline = std::chrono::milliseconds{777};
  cfg.http.max_connections = 7;
  auto& t = cfg.translator;
  t.requests_per_minute = 7;
  t.tokens_per_minute = 7;
  t.max_in_flight = 7;
  t.queue_limit = 7;
  t.queue_deadline = std::chrono::milliseconds{7};
  t.queued_notice_after = std::chrono::milliseconds{7};
  t.request_timeout = std::chrono::milliseconds{7};
  t.retry_base = std::chrono::milliseconds{7};
  t.retry_cap = std::chrono::milliseconds{7};
  t.max_attempts = 7;
  t.breaker_failures = 7;
  t.breaker_cooldown = std::chrono::milliseconds{7};
  t.chars_per_token = 7;
  t.apertium_pipelines = 7;
  t.claude_api_url = "http://127.0.0.7";
  t.claude_model = "m7";
  t.claude_max_tokens = 7;
  t.anthropic_version = "v7";
  t.fake_latency = std::chrono::milliseconds{7};
  t.fake_jitter = std::chrono::milliseconds{7};
  t.fake_failure_rate = 0.7;
  return cfg;
}

} // namespace

/// Both sides equal, and `from_changed` (the same options from `changed()`)
/// different: the field is read from its key and defaults to its default.
#define CHECK_FIELD(from_shipped, defaulted, from_changed, field)              \
  do {                                                                         \
    BOOST_TEST((from_shipped.field == defaulted.field),                        \
               #field " differs between the shipped file and the options' "    \
                      "own default");                                          \
    BOOST_TEST(!(from_changed.field == defaulted.field),                       \
               #field " is not read from the configuration");                  \
  } while (false)

BOOST_AUTO_TEST_CASE(front_options_follow_the_file) {
  auto a = front_options_from(shipped());
  auto c = front_options_from(changed());
  front_options d;
  CHECK_FIELD(a, d, c, poll_timeout);
  CHECK_FIELD(a, d, c, poll_limit);
  CHECK_FIELD(a, d, c, endpoint.timeout);
  BOOST_TEST(a.endpoint.base_url == shipped().telegram.api_url);
}

BOOST_AUTO_TEST_CASE(sender_options_follow_the_file) {
  auto a = sender_options_from(shipped());
  auto c = sender_options_from(changed());
  sender_options d;
  CHECK_FIELD(a, d, c, limits.global_per_second);
  CHECK_FIELD(a, d, c, limits.per_chat_per_second);
  CHECK_FIELD(a, d, c, limits.per_chat_burst);
  CHECK_FIELD(a, d, c, limits.group_per_minute);
  CHECK_FIELD(a, d, c, http_workers);
  CHECK_FIELD(a, d, c, queue_limit);
  CHECK_FIELD(a, d, c, max_attempts);
  CHECK_FIELD(a, d, c, per_chat_queue_limit);
  CHECK_FIELD(a, d, c, sweep_interval);
  CHECK_FIELD(a, d, c, sweep_after);
  CHECK_FIELD(a, d, c, endpoint.timeout);
}

BOOST_AUTO_TEST_CASE(session_options_follow_the_file) {
  auto a = session_options_from(shipped());
  auto c = session_options_from(changed());
  session_options d;
  CHECK_FIELD(a, d, c, passivation_timeout);
  CHECK_FIELD(a, d, c, updates_per_minute);
  CHECK_FIELD(a, d, c, code_attempts);
  CHECK_FIELD(a, d, c, code_window);
  CHECK_FIELD(a, d, c, free_daily_messages);
  CHECK_FIELD(a, d, c, allowance_lease);
  CHECK_FIELD(a, d, c, history_length);
}

BOOST_AUTO_TEST_CASE(conversation_options_follow_the_file) {
  auto a = conversation_options_from(shipped());
  auto c = conversation_options_from(changed());
  conversation_options d;
  CHECK_FIELD(a, d, c, context_length);
  CHECK_FIELD(a, d, c, persist_attempts);
  CHECK_FIELD(a, d, c, max_in_flight);
  CHECK_FIELD(a, d, c, queue_limit);
  CHECK_FIELD(a, d, c, passivation_timeout);
  CHECK_FIELD(a, d, c, typing_delay);
}

BOOST_AUTO_TEST_CASE(sweeper_options_follow_the_file) {
  auto a = sweeper_options_from(shipped());
  auto c = sweeper_options_from(changed());
  sweeper_options d;
  CHECK_FIELD(a, d, c, interval);
  CHECK_FIELD(a, d, c, after);
}

BOOST_AUTO_TEST_CASE(db_pool_options_follow_the_file) {
  auto a = storage::db_pool_options_from(shipped());
  auto c = storage::db_pool_options_from(changed());
  storage::db_pool_options d;
  CHECK_FIELD(a, d, c, pool_size);
  CHECK_FIELD(a, d, c, pool_min);
  CHECK_FIELD(a, d, c, queue_limit);
  CHECK_FIELD(a, d, c, request_timeout);
  CHECK_FIELD(a, d, c, batch_max);
  CHECK_FIELD(a, d, c, batch_turns);
  CHECK_FIELD(a, d, c, combine_writes);
  CHECK_FIELD(a, d, c, write_linger);
  CHECK_FIELD(a, d, c, reconnect_max);
  CHECK_FIELD(a, d, c, pg.statement_timeout);
  CHECK_FIELD(a, d, c, pg.connect_timeout);
}

BOOST_AUTO_TEST_CASE(cache_options_follow_the_file) {
  auto a = cache::cache_options_from(shipped(), {});
  auto c = cache::cache_options_from(changed(), {});
  cache::cache_options d;
  CHECK_FIELD(a, d, c, enabled);
  CHECK_FIELD(a, d, c, profile_ttl);
  CHECK_FIELD(a, d, c, subscription_ttl);
  CHECK_FIELD(a, d, c, command_timeout);
  CHECK_FIELD(a, d, c, reconnect_max);
  CHECK_FIELD(a, d, c, db_timeout);
}

BOOST_AUTO_TEST_CASE(retention_options_follow_the_file) {
  auto a = storage::retention_options_from(shipped(), {}, {}, "a");
  auto c = storage::retention_options_from(changed(), {}, {}, "a");
  storage::retention_options d;
  CHECK_FIELD(a, d, c, message_days);
  CHECK_FIELD(a, d, c, batch_size);
  CHECK_FIELD(a, d, c, interval);
}

BOOST_AUTO_TEST_CASE(http_options_follow_the_file) {
  auto a = ops::http_options_from(shipped());
  auto c = ops::http_options_from(changed());
  ops::http_options d;
  CHECK_FIELD(a, d, c, address);
  CHECK_FIELD(a, d, c, port);
  CHECK_FIELD(a, d, c, threads);
  CHECK_FIELD(a, d, c, max_body_bytes);
  CHECK_FIELD(a, d, c, read_timeout);
  CHECK_FIELD(a, d, c, request_deadline);
  CHECK_FIELD(a, d, c, max_connections);
}

BOOST_AUTO_TEST_CASE(translator_options_follow_the_file) {
  using namespace bridge::translation;
  auto a = translator_options_from(shipped());
  auto c = translator_options_from(changed());
  translator_options d;
  CHECK_FIELD(a, d, c, limits.requests_per_minute);
  CHECK_FIELD(a, d, c, limits.tokens_per_minute);
  CHECK_FIELD(a, d, c, limits.max_in_flight);
  CHECK_FIELD(a, d, c, retry.base);
  CHECK_FIELD(a, d, c, retry.cap);
  CHECK_FIELD(a, d, c, retry.max_attempts);
  CHECK_FIELD(a, d, c, breaker_failures);
  CHECK_FIELD(a, d, c, breaker_cooldown);
  CHECK_FIELD(a, d, c, queue_limit);
  CHECK_FIELD(a, d, c, queue_deadline);
  CHECK_FIELD(a, d, c, queued_notice_after);
  CHECK_FIELD(a, d, c, request_timeout);
  CHECK_FIELD(a, d, c, request.chars_per_token);
}

BOOST_AUTO_TEST_CASE(backend_options_follow_the_file) {
  using namespace bridge::translation;
  auto aa = apertium_options_from(shipped());
  auto ac = apertium_options_from(changed());
  apertium_options ad;
  CHECK_FIELD(aa, ad, ac, pipelines_per_pair);
  auto ca = claude_options_from(shipped());
  auto cc = claude_options_from(changed());
  claude_options cd;
  CHECK_FIELD(ca, cd, cc, api_url);
  CHECK_FIELD(ca, cd, cc, model);
  CHECK_FIELD(ca, cd, cc, max_tokens);
  CHECK_FIELD(ca, cd, cc, anthropic_version);
  auto fa = fake_backend_options_from(shipped());
  auto fc = fake_backend_options_from(changed());
  fake_backend_options fd;
  CHECK_FIELD(fa, fd, fc, latency);
  CHECK_FIELD(fa, fd, fc, jitter);
  CHECK_FIELD(fa, fd, fc, failure_rate);
}

BOOST_AUTO_TEST_SUITE_END() // app_options
