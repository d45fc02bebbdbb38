// SPDX-License-Identifier: Apache-2.0
#include "tests/translator/translator_fixture.hpp"

#include "telemetry/metrics.hpp"
#include "translator/fallback.hpp"

BOOST_AUTO_TEST_SUITE(translator_translator_fallback)

// When the configured backend gives up, a second one stands in for the
// pairs it knows: which failures it takes (the pure policy), and the
// translator handing them over under a simulated clock.

using namespace bridge;
using namespace bridge::testing;
using namespace std::chrono_literals;
using translation::backend_gave_up;
using translation::fallback_policy;

namespace {

double fallbacks(const std::string& reason) {
  return telemetry::metrics().translator_fallbacks(reason).Value();
}

/// The fixture with a second scripted backend as the fallback, knowing
/// en->es only unless told otherwise.
struct fallback_fixture : fixture {
  std::shared_ptr<backend_script> fb = std::make_shared<backend_script>();

  translation::translator_options
  with_fallback(std::vector<language_pair> pairs = {{"en", "es"}}) {
    auto o = defaults();
    o.fallback =
        caf::actor_cast<backend_actor>(sys->spawn(scripted_backend, fb));
    o.fallback_name = "second";
    o.fallback_languages = std::move(pairs);
    return o;
  }
};

} // namespace

// -- the policy ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(only_a_backend_giving_up_is_taken) {
  for (auto code : {engine_errc::circuit_open, engine_errc::deadline_exceeded,
                    engine_errc::rate_limited, engine_errc::unauthorized,
                    engine_errc::translation_failed})
    BOOST_TEST(backend_gave_up(code), to_string(code));
  for (auto code : {engine_errc::none, engine_errc::invalid_input,
                    engine_errc::unsupported_language, engine_errc::queue_full,
                    engine_errc::shutting_down, engine_errc::db_error})
    BOOST_TEST(!backend_gave_up(code), to_string(code));
}

BOOST_AUTO_TEST_CASE(a_pair_is_covered_whatever_its_route) {
  fallback_policy p{{{"en", "es"}, {"en", "pt", {"es"}}}};
  BOOST_TEST(p.enabled());
  BOOST_TEST(p.covers({"en", "pt"}));
  BOOST_TEST(p.covers({"en", "es", {"ca"}}));
  BOOST_TEST(!p.covers({"es", "en"}));
  BOOST_TEST(!p.covers({"", ""}));
  BOOST_TEST(p.takes(engine_errc::circuit_open, {"en", "pt"}));
  BOOST_TEST(!p.takes(engine_errc::circuit_open, {"ru", "en"}));
  BOOST_TEST(!p.takes(engine_errc::invalid_input, {"en", "es"}));
}

BOOST_AUTO_TEST_CASE(no_fallback_takes_nothing) {
  fallback_policy none;
  BOOST_TEST(!none.enabled());
  BOOST_TEST(!none.takes(engine_errc::circuit_open, {"en", "es"}));
  fallback_policy empty{std::vector<language_pair>{}};
  BOOST_TEST(!empty.takes(engine_errc::circuit_open, {"en", "es"}));
}

// -- the translator -----------------------------------------------------------

BOOST_FIXTURE_TEST_SUITE(translator_with_a_fallback, fallback_fixture)

BOOST_AUTO_TEST_CASE(a_permanent_error_is_translated_by_the_fallback) {
  start(with_fallback());
  auto before = fallbacks("translation_failed");
  script->fail(400, "invalid_request_error", "bad");
  translate_request r;
  r.id = 7;
  r.text = "Sign the report";
  r.source_lang = "en";
  r.target_lang = "es";
  r.terms = {{"report", "informe"}};
  caf::send_as(requester, tr, r);
  sched->run();
  BOOST_REQUIRE(in->count(7) == 1u);
  auto& d = *in->find(7);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.fallback);
  BOOST_TEST(d.text == "[es] Sign the report");
  BOOST_TEST(d.hops == 1u);
  BOOST_TEST(d.attempts == 2u);
  // The glossary goes with the text: the fallback keeps the terms too.
  BOOST_REQUIRE(fb->calls.size() == 1u);
  BOOST_REQUIRE(fb->calls[0].terms.size() == 1u);
  BOOST_TEST(fb->calls[0].terms[0].translation == "informe");
  BOOST_TEST(fallbacks("translation_failed") == before + 1);
  BOOST_TEST(status().translated == 1u);
}

BOOST_AUTO_TEST_CASE(a_transient_error_is_retried_before_any_fallback) {
  start(with_fallback());
  script->fail(529, "overloaded_error", "Overloaded");
  auto id = ask("Hello");
  run_until(now() + 5s);
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST(in->find(id)->ok);
  BOOST_TEST(!in->find(id)->fallback);
  BOOST_TEST(in->find(id)->attempts == 2u);
  BOOST_TEST(fb->calls.empty());
}

BOOST_AUTO_TEST_CASE(spent_retries_end_with_the_fallback) {
  start(with_fallback());
  for (int i = 0; i < 3; ++i)
    script->fail(529, "overloaded_error", "Overloaded");
  auto id = ask("Hello");
  run_until(now() + 5s);
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST(in->find(id)->fallback);
  BOOST_TEST(in->find(id)->attempts == 4u);
  BOOST_TEST(script->calls.size() == 3u);
}

BOOST_AUTO_TEST_CASE(with_the_circuit_open_the_backend_is_not_asked) {
  auto o = with_fallback();
  o.retry.max_attempts = 1;
  o.breaker_failures = 1;
  start(o);
  auto before = fallbacks("circuit_open");
  script->fail(503);
  auto first = ask("one");
  BOOST_TEST(status().breaker == "open");
  auto second = ask("two");
  auto third = ask("three");
  for (auto id : {first, second, third}) {
    BOOST_REQUIRE(in->count(id) == 1u);
    BOOST_TEST(in->find(id)->fallback);
  }
  BOOST_TEST(script->calls.size() == 1u);
  BOOST_TEST(fb->calls.size() == 3u);
  BOOST_TEST(fallbacks("circuit_open") == before + 2);
  // A pair the fallback lacks is refused as before.
  auto back = ask("uno", "es", "en");
  BOOST_TEST((in->find(back)->code == engine_errc::circuit_open));
  BOOST_TEST(!in->find(back)->ok);
}

BOOST_AUTO_TEST_CASE(a_pair_the_fallback_lacks_fails_as_before) {
  start(with_fallback());
  script->fail(400);
  auto id = ask("Hola", "es", "en");
  BOOST_TEST(!in->find(id)->ok);
  BOOST_TEST(!in->find(id)->fallback);
  BOOST_TEST((in->find(id)->code == engine_errc::translation_failed));
  BOOST_TEST(fb->calls.empty());
}

BOOST_AUTO_TEST_CASE(without_a_fallback_a_failure_stays_a_failure) {
  start(); // translator.fallback = none
  script->fail(400);
  auto id = ask("Hello");
  BOOST_TEST(!in->find(id)->ok);
  BOOST_TEST(!in->find(id)->fallback);
  BOOST_TEST(fb->calls.empty());
}

BOOST_AUTO_TEST_CASE(bad_input_never_reaches_the_fallback) {
  start(with_fallback());
  auto empty = ask("");
  auto huge = ask(std::string(5000, 'a'));
  auto hostile = ask("Hello", "en\nes", "es");
  for (auto id : {empty, huge, hostile}) {
    BOOST_TEST(!in->find(id)->ok);
    BOOST_TEST(!in->find(id)->fallback);
  }
  BOOST_TEST(fb->calls.empty());
}

BOOST_AUTO_TEST_CASE(a_failing_fallback_answers_with_the_first_failure) {
  start(with_fallback());
  script->fail(401, "authentication_error", "invalid x-api-key");
  fb->fail(500);
  auto before = fallbacks("unauthorized");
  auto id = ask("Hello");
  BOOST_REQUIRE(in->count(id) == 1u);
  auto& d = *in->find(id);
  BOOST_TEST(!d.ok);
  BOOST_TEST(!d.fallback);
  BOOST_TEST((d.code == engine_errc::unauthorized));
  BOOST_TEST(d.reason.find("credentials") != std::string::npos, d.reason);
  BOOST_TEST(fallbacks("unauthorized") == before);
}

BOOST_AUTO_TEST_CASE(stopping_answers_what_the_fallback_holds) {
  start(with_fallback());
  script->fail(400);
  fb->hold();
  auto id = ask("Hello");
  BOOST_TEST(in->count(id) == 0u);
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  sched->run();
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST((in->find(id)->code == engine_errc::shutting_down));
}

BOOST_AUTO_TEST_SUITE_END() // translator_with_a_fallback

BOOST_AUTO_TEST_SUITE_END() // translator_translator_fallback
