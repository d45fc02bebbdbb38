// SPDX-License-Identifier: Apache-2.0
#include "tests/translator/translator_fixture.hpp"

BOOST_AUTO_TEST_SUITE(translator_translator_actor)

using namespace bridge;
using namespace bridge::testing;
using namespace std::chrono_literals;

BOOST_FIXTURE_TEST_SUITE(translator_actor, fixture)

BOOST_AUTO_TEST_CASE(translates_and_answers_exactly_once) {
  start();
  auto id = ask("Hello", "EN", "es-MX");
  BOOST_REQUIRE(in->done.size() == 1u);
  auto& d = in->done.front();
  BOOST_TEST(d.id == id);
  BOOST_TEST(d.ok);
  BOOST_TEST(d.text == "[es] Hello");
  BOOST_TEST(d.attempts == 1u);
  BOOST_TEST((d.code == engine_errc::none));
  BOOST_REQUIRE(script->calls.size() == 1u);
  BOOST_TEST(script->calls[0].source_lang == "en");
  BOOST_TEST(script->calls[0].timeout_ms == 1000);
  auto s = status();
  BOOST_TEST(s.received == 1u);
  BOOST_TEST(s.translated == 1u);
  BOOST_TEST(s.in_flight == 0u);
  BOOST_TEST(s.backend == "scripted");
}

BOOST_AUTO_TEST_CASE(bad_input_fails_at_once_with_a_reason) {
  start();
  auto empty = ask("");
  auto too_long = ask(std::string(4097, 'a'));
  auto unsupported = ask("Bonjour", "fr", "es");
  auto bad_code = ask("Hello", "e!", "es");
  BOOST_TEST(in->find(empty)->reason == "the text is empty");
  BOOST_TEST((in->find(too_long)->code == engine_errc::invalid_input));
  BOOST_TEST(
      (in->find(unsupported)->code == engine_errc::unsupported_language));
  BOOST_TEST(in->find(unsupported)->reason.find("fr") != std::string::npos);
  BOOST_TEST((in->find(bad_code)->code == engine_errc::unsupported_language));
  for (auto& d : in->done) {
    BOOST_TEST(!d.ok);
    BOOST_TEST(d.attempts == 0u);
  }
  BOOST_TEST(script->calls.empty());
  BOOST_TEST(status().failed == 4u);
}

BOOST_AUTO_TEST_CASE(nothing_to_translate_passes_through_without_a_call) {
  start();
  auto emoji = ask("\xF0\x9F\x91\x8D\xF0\x9F\x8E\x89");
  auto same = ask("Hola", "es", "es");
  BOOST_TEST(in->find(emoji)->ok);
  BOOST_TEST(in->find(emoji)->text == "\xF0\x9F\x91\x8D\xF0\x9F\x8E\x89");
  BOOST_TEST(in->find(same)->text == "Hola");
  BOOST_TEST(script->calls.empty());
  BOOST_TEST(status().passed_through == 2u);
}

BOOST_AUTO_TEST_CASE(overload_is_retried_with_backoff_until_it_works) {
  start();
  script->fail(529, "overloaded_error", "Overloaded");
  script->fail(529, "overloaded_error", "Overloaded");
  auto id = ask("Hello");
  BOOST_TEST(in->done.empty());
  run_until(now() + 5s);
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST(in->find(id)->ok);
  BOOST_TEST(in->find(id)->attempts == 3u);
  // Each retry waited at most min(base * 2^n, cap).
  BOOST_REQUIRE(script->call_times.size() == 3u);
  BOOST_TEST((script->call_times[1] - script->call_times[0] <= 100ms));
  BOOST_TEST((script->call_times[2] - script->call_times[1] <= 200ms));
  auto s = status();
  BOOST_TEST(s.retries == 2u);
  BOOST_TEST(s.overloaded == 2u);
}

BOOST_AUTO_TEST_CASE(gives_up_after_the_last_attempt_and_says_why) {
  start();
  for (int i = 0; i < 3; ++i)
    script->fail(500, "api_error", "Internal server error");
  auto id = ask("Hello");
  run_until(now() + 10s);
  BOOST_REQUIRE(in->count(id) == 1u);
  auto d = *in->find(id);
  BOOST_TEST(!d.ok);
  BOOST_TEST(d.attempts == 3u);
  BOOST_TEST(d.reason.find("after 3 attempts") != std::string::npos);
  BOOST_TEST(d.reason.find("500") != std::string::npos);
  BOOST_TEST(script->calls.size() == 3u);
}

BOOST_AUTO_TEST_CASE(client_errors_and_the_spend_limit_are_not_retried) {
  start();
  script->fail(400, "invalid_request_error", "max_tokens: too large");
  script->fail(429, "rate_limit_error",
               "Your organization has reached its monthly spend limit.");
  script->fail(401, "authentication_error", "invalid x-api-key");
  auto bad = ask("one");
  auto spend = ask("two");
  auto key = ask("three");
  run_until(now() + 10s);
  BOOST_TEST(script->calls.size() == 3u);
  BOOST_TEST(in->find(bad)->attempts == 1u);
  BOOST_TEST(in->find(spend)->reason.find("spend limit") != std::string::npos);
  BOOST_TEST((in->find(spend)->code == engine_errc::rate_limited));
  BOOST_TEST((in->find(key)->code == engine_errc::unauthorized));
}

BOOST_AUTO_TEST_CASE(a_429_pauses_every_call_for_its_retry_after) {
  start();
  script->fail(429, "rate_limit_error", "rate limit", 5000);
  auto first = ask("one");
  auto t429 = script->call_times.at(0);
  auto second = ask("two");
  run_until(now() + 20s);
  BOOST_TEST(in->find(first)->ok);
  BOOST_TEST(in->find(second)->ok);
  BOOST_REQUIRE(script->call_times.size() == 3u);
  for (size_t i = 1; i < 3; ++i)
    BOOST_TEST((script->call_times[i] >= t429 + 5s));
  BOOST_TEST(status().rate_limited == 1u);
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_the_bound_fails_the_request) {
  start();
  script->fail(429, "rate_limit_error", "rate limit", 120000);
  auto id = ask("one");
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST(in->find(id)->reason.find("asks to wait 120.0 s")
             != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_request_past_its_deadline_in_the_queue_fails) {
  auto o = defaults();
  o.limits.max_in_flight = 1;
  start(o);
  script->hold();
  auto held = ask("one");
  auto waiting = ask("two", "en", "es", 1500);
  advance(1501ms);
  BOOST_REQUIRE(in->count(waiting) == 1u);
  BOOST_TEST((in->find(waiting)->code == engine_errc::deadline_exceeded));
  BOOST_TEST(in->find(waiting)->attempts == 0u);
  BOOST_TEST(in->count(held) == 0u);
  BOOST_TEST(status().expired == 1u);
}

BOOST_AUTO_TEST_CASE(
    a_deadline_passing_in_flight_answers_once_and_frees_the_slot_later) {
  auto o = defaults();
  o.limits.max_in_flight = 1;
  o.request_timeout = 30s;
  start(o);
  script->hold();
  auto id = ask("one", "en", "es", 2000);
  advance(2001ms);
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST((in->find(id)->code == engine_errc::deadline_exceeded));
  // The slot is still taken until the backend answers or times out.
  auto next = ask("two");
  BOOST_TEST(in->count(next) == 0u);
  advance(31s);
  BOOST_TEST(in->count(id) == 1u); // the late reply is not a second answer
  BOOST_TEST(in->find(next)->ok);
}

BOOST_AUTO_TEST_CASE(a_silent_backend_times_out_and_the_request_is_retried) {
  start();
  script->hold();
  auto id = ask("Hello");
  run_until(now() + 10s);
  BOOST_REQUIRE(in->count(id) == 1u);
  BOOST_TEST(in->find(id)->ok);
  BOOST_TEST(in->find(id)->attempts == 2u);
}

BOOST_AUTO_TEST_CASE(a_long_wait_sends_one_queued_notice) {
  auto o = defaults();
  o.limits.max_in_flight = 1;
  o.request_timeout = 30s;
  start(o);
  script->hold();
  ask("one");
  auto second = ask("two");
  advance(2900ms);
  BOOST_TEST(in->queued.empty());
  advance(200ms);
  BOOST_REQUIRE(in->queued.size() == 2u);
  BOOST_TEST((in->queued[0].id == second || in->queued[1].id == second));
  advance(10s);
  BOOST_TEST(in->queued.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_full_queue_refuses_and_counts) {
  auto o = defaults();
  o.limits.max_in_flight = 1;
  o.queue_limit = 2;
  start(o);
  script->hold();
  ask("in flight");
  ask("waits 1");
  ask("waits 2");
  auto refused = ask("refused");
  BOOST_REQUIRE(in->count(refused) == 1u);
  BOOST_TEST((in->find(refused)->code == engine_errc::queue_full));
  BOOST_TEST(status().rejected_full == 1u);
  BOOST_TEST(status().queue_depth == 2u);
}

BOOST_AUTO_TEST_CASE(the_breaker_opens_refuses_and_recovers_through_a_probe) {
  auto o = defaults();
  o.retry.max_attempts = 1;
  o.breaker_failures = 2;
  o.breaker_cooldown = 10s;
  start(o);
  script->fail(503);
  script->fail(503);
  ask("one");
  ask("two");
  BOOST_TEST(status().breaker == "open");
  auto refused = ask("three");
  BOOST_TEST((in->find(refused)->code == engine_errc::circuit_open));
  BOOST_TEST(script->calls.size() == 2u);
  advance(10s);
  BOOST_TEST(status().breaker == "half_open");
  auto probe = ask("four");
  BOOST_TEST(in->find(probe)->ok);
  BOOST_TEST(status().breaker == "closed");
  BOOST_TEST(status().breaker_opens == 1u);
  BOOST_TEST(status().rejected_open == 1u);
}

BOOST_AUTO_TEST_CASE(stopping_answers_everyone_still_waiting) {
  auto o = defaults();
  o.limits.max_in_flight = 1;
  start(o);
  script->hold();
  auto a = ask("one");
  auto b = ask("two");
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  sched->run();
  BOOST_REQUIRE(in->count(a) == 1u);
  BOOST_REQUIRE(in->count(b) == 1u);
  BOOST_TEST((in->find(a)->code == engine_errc::shutting_down));
  BOOST_TEST((in->find(b)->code == engine_errc::shutting_down));
}

BOOST_AUTO_TEST_CASE(reports_its_languages) {
  start();
  caf::send_as(requester, tr, languages_atom::value);
  sched->run();
  BOOST_REQUIRE(in->languages.size() == 1u);
  BOOST_TEST(in->languages[0].size() == 2u);
}

BOOST_AUTO_TEST_CASE(
    a_slow_translation_is_reported_once_and_a_quick_one_never) {
  auto o = defaults();
  o.request_timeout = 30s;
  start(o);
  auto quick = ask("quick", "en", "es", 0, 500);
  BOOST_REQUIRE(in->count(quick) == 1u);
  script->hold();
  auto slow = ask("slow", "en", "es", 0, 500);
  ask("no notice wanted");
  advance(400ms);
  BOOST_TEST(in->slow.empty());
  advance(200ms); // due at 500 ms, on the 100 ms grid
  BOOST_REQUIRE(in->slow.size() == 1u);
  BOOST_TEST(in->slow[0].id == slow);
  advance(5s);
  BOOST_TEST(in->slow.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // translator_translator_actor
