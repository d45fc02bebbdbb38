// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/type_ids.hpp"
#include "translator/spawn.hpp"

BOOST_AUTO_TEST_SUITE(translator_spawn)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;

namespace {

struct fixture {
  fixture() {
    announce_message_types(cfg);
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
  }

  translation_done ask(translator_actor tr, translate_request r) {
    caf::scoped_actor self{*sys};
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

  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(spawn, fixture)

BOOST_AUTO_TEST_CASE(options_follow_the_config_keys) {
  bridge_config c;
  c.translator.requests_per_minute = 50;
  c.translator.max_attempts = 7;
  c.translator.retry_base = 250ms;
  c.translator.queued_notice_after = 1500ms;
  auto o = translator_options_from(c);
  BOOST_TEST(o.limits.requests_per_minute == 50.0);
  BOOST_TEST(o.retry.max_attempts == 7u);
  BOOST_TEST(o.retry.base.count() == 250);
  BOOST_TEST(o.queued_notice_after.count() == 1500);
  BOOST_TEST(o.backend_name == "apertium");
}

BOOST_AUTO_TEST_CASE(
    the_apertium_pool_holds_every_call_the_translator_lets_out) {
  // With max_in_flight past the pool's queue (256), a busy moment had the
  // pool refuse calls as failures: five in a row opened the circuit and
  // every message went untranslated for the cooldown.
  bridge_config c;
  c.translator.max_in_flight = 4096;
  BOOST_TEST(apertium_options_from(c).queue_limit >= 4096u);
  c.translator.max_in_flight = 8;
  BOOST_TEST(apertium_options_from(c).queue_limit >= 8u);
}

BOOST_AUTO_TEST_CASE(the_fake_backend_from_config_translates) {
  bridge_config c;
  c.translator.backend = "fake";
  auto tr = spawn_translator(*sys, c);
  BOOST_REQUIRE(static_cast<bool>(tr));
  auto d = ask(*tr, translate_request{1, "Hello", "en", "ru", {}, 0});
  BOOST_TEST(d.ok);
  BOOST_TEST(d.text == "[ru] Hello");
  caf::anon_send_exit(*tr, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(the_fake_backend_injects_failures) {
  bridge_config c;
  c.translator.backend = "fake";
  c.translator.fake_failure_rate = 1.0;
  c.translator.max_attempts = 2;
  c.translator.retry_base = 1ms;
  c.translator.retry_cap = 2ms;
  c.translator.fake_latency = 5ms;
  auto tr = spawn_translator(*sys, c);
  BOOST_REQUIRE(static_cast<bool>(tr));
  auto d = ask(*tr, translate_request{1, "Hello", "en", "es", {}, 0});
  BOOST_TEST(!d.ok);
  BOOST_TEST(d.attempts == 2u);
  BOOST_TEST(d.reason.find("503") != std::string::npos);
  caf::anon_send_exit(*tr, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(claude_without_a_key_is_refused_at_start) {
  bridge_config c;
  c.translator.backend = "claude";
  auto tr = spawn_translator(*sys, c);
  BOOST_REQUIRE(!tr);
  BOOST_TEST(describe(tr.error()).find("ANTHROPIC_API_KEY")
             != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_default_apertium_backend_reports_its_pairs) {
  bridge_config c;
  auto tr = spawn_translator(*sys, c);
  BOOST_REQUIRE(static_cast<bool>(tr));
  caf::scoped_actor self{*sys};
  std::vector<language_pair> pairs;
  self->request(*tr, 5s, languages_atom::value)
      .receive([&](std::vector<language_pair>& p) { pairs = p; },
               [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST((std::find(pairs.begin(), pairs.end(), language_pair{"en", "es"})
              != pairs.end()));
  translator_status s;
  self->request(*tr, 5s, status_atom::value)
      .receive([&](translator_status& x) { s = x; },
               [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(s.backend == "apertium");
  BOOST_TEST(s.breaker == "closed");
  caf::anon_send_exit(*tr, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // translator_spawn
