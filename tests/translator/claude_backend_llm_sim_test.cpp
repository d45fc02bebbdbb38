// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <set>
#include <sstream>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "tools/llm_sim/sim_server.hpp"
#include "translator/claude_backend.hpp"
#include "translator/translator.hpp"

BOOST_AUTO_TEST_SUITE(translator_claude_backend_llm_sim)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;
using llm_sim::outcome;

namespace {

/// A key that must never show up in a log line or an answer.
const std::string api_key = "sk-ant-test-0123456789-never-log-me";

backend_call call_for(std::string text) {
  backend_call c;
  c.call_id = 9;
  c.text = std::move(text);
  c.source_lang = "es";
  c.target_lang = "en";
  c.timeout_ms = 2000;
  return c;
}

struct sim_fixture {
  explicit sim_fixture(llm_sim::options o = {}) {
    o.api_key = api_key;
    sim = std::make_unique<llm_sim::server>(o);
    std::string error;
    auto port = sim->start(error);
    BOOST_REQUIRE_MESSAGE(port > 0, error);
    opts.api_url = "http://127.0.0.1:" + std::to_string(port);
    opts.api_key = api_key;
    opts.model = "claude-test";
  }

  std::unique_ptr<llm_sim::server> sim;
  claude_options opts;
};

} // namespace

// -- the client against the simulator ----------------------------------------

BOOST_AUTO_TEST_CASE(translates_through_the_messages_api) {
  sim_fixture f;
  claude_client client{f.opts};
  auto c = call_for("Hola amigo");
  c.context.push_back(context_line{"manager", "en", "Good morning"});
  auto r = client.translate(c);
  BOOST_TEST((r.status == backend_status::ok));
  BOOST_TEST(r.text == "[llm-sim] Hola amigo");
  BOOST_TEST(r.call_id == 9u);
  BOOST_TEST(r.http_status == 200);
  // The connection is kept and reused.
  BOOST_TEST(
      (client.translate(call_for("Otra vez")).status == backend_status::ok));
}

BOOST_AUTO_TEST_CASE(maps_every_fault_of_the_simulator) {
  llm_sim::options o;
  o.script = {outcome::overloaded,   outcome::rate_limit, outcome::spend_limit,
              outcome::server_error, outcome::malformed,  outcome::empty,
              outcome::truncated,    outcome::bad_request};
  sim_fixture f{o};
  claude_client client{f.opts};
  auto next = [&] { return client.translate(call_for("Hola")); };
  auto r529 = next();
  BOOST_TEST(r529.http_status == 529);
  BOOST_TEST(r529.error_type == "overloaded_error");
  auto r429 = next();
  BOOST_TEST(r429.http_status == 429);
  BOOST_TEST(r429.retry_after_ms == 1000);
  auto spend = next();
  BOOST_TEST(spend.message.find("spend limit") != std::string::npos);
  BOOST_TEST(next().http_status == 500);
  BOOST_TEST((next().status == backend_status::malformed));
  BOOST_TEST((next().status == backend_status::empty));
  BOOST_TEST((next().status == backend_status::truncated));
  auto bad = next();
  BOOST_TEST(bad.http_status == 400);
  BOOST_TEST(bad.error_type == "invalid_request_error");
}

BOOST_AUTO_TEST_CASE(a_wrong_key_is_a_401_that_does_not_echo_the_key) {
  sim_fixture f;
  f.opts.api_key = "sk-ant-wrong";
  claude_client client{f.opts};
  auto r = client.translate(call_for("Hola"));
  BOOST_TEST(r.http_status == 401);
  BOOST_TEST(r.message.find("sk-ant") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(
    a_hang_is_a_timeout_and_nobody_listening_is_a_transport_error) {
  llm_sim::options o;
  o.script = {outcome::hang};
  o.hang = 30s;
  sim_fixture f{o};
  claude_client client{f.opts};
  auto c = call_for("Hola");
  c.timeout_ms = 300;
  BOOST_TEST((client.translate(c).status == backend_status::timeout));
  f.sim->stop();
  BOOST_TEST((client.translate(c).status == backend_status::transport_error));
}

BOOST_AUTO_TEST_CASE(reads_the_rate_limit_headers) {
  llm_sim::options o;
  o.requests_per_minute = 100;
  o.input_tokens_per_minute = 100000;
  sim_fixture f{o};
  claude_client client{f.opts};
  auto r = client.translate(call_for("Hola"));
  BOOST_TEST(r.limits.requests_remaining == 99);
  BOOST_TEST(r.limits.requests_reset_ms >= 0);
  BOOST_TEST(r.limits.tokens_remaining > 0);
}

// -- the translator over the Claude backend and the simulator ---------------

namespace {

struct system_fixture : sim_fixture {
  explicit system_fixture(llm_sim::options o = {}) : sim_fixture(std::move(o)) {
    previous_logger = spdlog::default_logger();
    log_sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text);
    auto logger = std::make_shared<spdlog::logger>("test", log_sink);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    announce_message_types(cfg);
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
    auto backend = spawn_claude_backend(*sys, opts, 2);
    translator_options t;
    t.backend_name = "claude";
    t.backend = backend.actor;
    t.languages = backend.languages;
    t.limits = {600, 100000, 2};
    t.retry = {10ms, 50ms, 3, 60s};
    t.breaker_failures = 50;
    t.request_timeout = 2s;
    t.seed = 7;
    tr = sys->spawn(translator, t);
  }

  ~system_fixture() {
    caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
    sys.reset();
    spdlog::set_default_logger(previous_logger);
    spdlog::drop("test"); // its sink writes into this fixture
  }

  translation_done ask(uint64_t id, std::string text, int64_t deadline_ms = 0) {
    caf::scoped_actor self{*sys};
    translate_request r{id, std::move(text), "es", "en", {}, deadline_ms};
    r.context.push_back(context_line{"manager", "en", "Where are you?"});
    self->send(tr, std::move(r));
    translation_done out;
    bool done = false;
    while (!done)
      self->receive(
          [&](translation_done& d) {
            out = d;
            done = true;
          },
          [&](translation_queued&) {},
          caf::after(std::chrono::seconds{30}) >>
              [&] {
                out.reason = "no answer";
                done = true;
              });
    return out;
  }

  std::ostringstream log_text;
  std::shared_ptr<spdlog::logger> previous_logger;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> log_sink;
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  translator_actor tr;
};

} // namespace

BOOST_AUTO_TEST_CASE(overload_bursts_are_retried_to_success) {
  llm_sim::options o;
  o.script = {outcome::overloaded, outcome::overloaded};
  system_fixture f{o};
  auto d = f.ask(1, "Hola");
  BOOST_TEST(d.ok);
  BOOST_TEST(d.text == "[llm-sim] Hola");
  BOOST_TEST(d.attempts == 3u);
  BOOST_TEST(f.sim->stats().overloaded == 2u);
}

BOOST_AUTO_TEST_CASE(a_429_with_retry_after_is_waited_out) {
  llm_sim::options o;
  o.script = {outcome::rate_limit};
  system_fixture f{o};
  auto d = f.ask(1, "Hola");
  BOOST_TEST(d.ok);
  BOOST_TEST(d.attempts == 2u);
}

BOOST_AUTO_TEST_CASE(the_spend_limit_fails_at_once) {
  llm_sim::options o;
  o.spend_limit = true;
  system_fixture f{o};
  auto d = f.ask(1, "Hola");
  BOOST_TEST(!d.ok);
  BOOST_TEST(d.attempts == 1u);
  BOOST_TEST((d.code == engine_errc::rate_limited));
  BOOST_TEST(d.reason.find("spend limit") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_empty_and_silent_answers_fail_clearly) {
  llm_sim::options o;
  o.script = {outcome::malformed, outcome::empty, outcome::hang, outcome::hang,
              outcome::hang};
  o.hang = 5s;
  system_fixture f{o};
  auto malformed = f.ask(1, "Hola");
  BOOST_TEST(!malformed.ok);
  BOOST_TEST(malformed.reason.find("malformed JSON") != std::string::npos);
  auto empty = f.ask(2, "Hola");
  BOOST_TEST(!empty.ok);
  BOOST_TEST(empty.reason.find("empty translation") != std::string::npos);
  auto silent = f.ask(3, "Hola", 20000);
  BOOST_TEST(!silent.ok);
  BOOST_TEST(silent.attempts == 3u);
  BOOST_TEST(silent.reason.find("did not answer in time") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_key_never_reaches_a_log_line_or_an_answer) {
  llm_sim::options o;
  o.script = {outcome::unauthorized, outcome::server_error,
              outcome::server_error, outcome::server_error, outcome::forbidden};
  system_fixture f{o};
  std::vector<translation_done> answers;
  for (uint64_t i = 1; i <= 3; ++i)
    answers.push_back(f.ask(i, "Hola"));
  for (auto& a : answers) {
    BOOST_TEST(!a.ok);
    BOOST_TEST(a.reason.find(api_key) == std::string::npos);
  }
  spdlog::default_logger()->flush();
  auto logged = f.log_text.str();
  BOOST_TEST(!logged.empty());
  BOOST_TEST(logged.find(api_key) == std::string::npos);
}

// -- the backend actor: many calls over few connections -----------------------

BOOST_AUTO_TEST_CASE(many_calls_in_flight_share_few_connections) {
  sim_fixture f;
  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  auto backend = spawn_claude_backend(sys, f.opts, 2);
  caf::scoped_actor self{sys};
  constexpr uint64_t n = 40;
  for (uint64_t i = 1; i <= n; ++i) {
    auto c = call_for("Hola " + std::to_string(i));
    c.call_id = i;
    self->send(backend.actor, std::move(c));
  }
  std::set<uint64_t> answered;
  for (uint64_t i = 0; i < n; ++i)
    self->receive(
        [&](backend_reply& r) {
          BOOST_TEST((r.status == backend_status::ok), r.message);
          BOOST_TEST(r.text == "[llm-sim] Hola " + std::to_string(r.call_id));
          answered.insert(r.call_id);
        },
        caf::after(std::chrono::seconds{30}) >>
            [&] { BOOST_FAIL("no answer from the backend"); });
  BOOST_TEST(answered.size() == n);
  caf::anon_send_exit(backend.actor, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(an_unreachable_api_is_a_transport_error_per_call) {
  claude_options opts;
  opts.api_url = "http://127.0.0.1:1"; // nothing listens there
  opts.api_key = api_key;
  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  auto backend = spawn_claude_backend(sys, opts, 1);
  caf::scoped_actor self{sys};
  for (uint64_t i = 1; i <= 3; ++i) {
    auto c = call_for("Hola");
    c.call_id = i;
    self->send(backend.actor, std::move(c));
  }
  for (int i = 0; i < 3; ++i)
    self->receive(
        [&](backend_reply& r) {
          BOOST_TEST((r.status == backend_status::transport_error));
          BOOST_TEST(r.message.find(api_key) == std::string::npos);
        },
        caf::after(std::chrono::seconds{30}) >>
            [&] { BOOST_FAIL("no answer from the backend"); });
  caf::anon_send_exit(backend.actor, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_SUITE_END() // translator_claude_backend_llm_sim
