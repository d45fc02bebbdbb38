// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <random>

#include "translator/http_hints.hpp"
#include "translator/retry_policy.hpp"

BOOST_AUTO_TEST_SUITE(translator_retry_policy)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;

namespace {

backend_reply http(int status, std::string type = {},
                   std::string message = {}) {
  backend_reply r;
  r.status = backend_status::http_error;
  r.http_status = status;
  r.error_type = std::move(type);
  r.message = std::move(message);
  return r;
}

backend_reply with(backend_status s, std::string message = {}) {
  backend_reply r;
  r.status = s;
  r.message = std::move(message);
  return r;
}

const http_hints::wall_clock::time_point wall_now =
    http_hints::wall_clock::time_point{std::chrono::seconds{1700000000}};

} // namespace

// -- classification -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(retries_transient_failures) {
  for (auto s : {backend_status::transport_error, backend_status::timeout}) {
    auto v = classify(with(s, "x"));
    BOOST_TEST(v.retry);
    BOOST_TEST(v.unhealthy);
  }
  for (int status : {408, 409, 429, 500, 502, 503, 504, 529}) {
    BOOST_TEST_CONTEXT("status " << status) {
      BOOST_TEST(classify(http(status)).retry);
    }
  }
}

BOOST_AUTO_TEST_CASE(never_retries_client_errors) {
  for (int status : {400, 401, 403, 404, 413, 422}) {
    BOOST_TEST_CONTEXT("status " << status) {
      BOOST_TEST(!classify(http(status)).retry);
    }
  }
  BOOST_TEST((classify(http(401)).code == engine_errc::unauthorized));
  BOOST_TEST(classify(http(401)).unhealthy);
  BOOST_TEST(!classify(http(400)).unhealthy);
}

BOOST_AUTO_TEST_CASE(a_rate_limit_is_retried_and_pauses_everyone) {
  auto v = classify(http(429, "rate_limit_error",
                         "Number of requests has exceeded your rate limit"));
  BOOST_TEST(v.retry);
  BOOST_TEST(v.rate_limited);
  BOOST_TEST(!v.unhealthy);
  BOOST_TEST((v.code == engine_errc::rate_limited));
}

BOOST_AUTO_TEST_CASE(a_spend_limit_429_is_not_retried) {
  auto v = classify(
      http(429, "rate_limit_error",
           "This request would exceed your account's monthly spend limit."));
  BOOST_TEST(!v.retry);
  BOOST_TEST(!v.rate_limited);
  BOOST_TEST(v.unhealthy);
  BOOST_TEST(v.reason.find("spend limit") != std::string::npos);
  BOOST_TEST(is_spend_limit(
      "rate_limit_error",
      "You have reached your specified workspace API USAGE LIMITS"));
  BOOST_TEST(!is_spend_limit(
      "rate_limit_error",
      "Number of request tokens has exceeded your per-minute rate limit"));
}

BOOST_AUTO_TEST_CASE(overload_is_counted_and_retried) {
  auto v = classify(http(529, "overloaded_error", "Overloaded"));
  BOOST_TEST(v.retry);
  BOOST_TEST(v.overloaded);
  BOOST_TEST(v.reason.find("529") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_answers_fail_with_a_clear_reason) {
  auto m = classify(with(backend_status::malformed, "no content array"));
  BOOST_TEST(!m.retry);
  BOOST_TEST(m.reason.find("malformed JSON") != std::string::npos);
  auto e = classify(with(backend_status::empty));
  BOOST_TEST(!e.retry);
  BOOST_TEST(e.reason.find("empty translation") != std::string::npos);
  auto t = classify(with(backend_status::truncated));
  BOOST_TEST(t.reason.find("cut off") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_or_broken_server_messages_are_cut_and_cleaned) {
  std::string huge(5000, 'x');
  huge += "\xff\xfe";
  auto v = classify(http(500, "api_error", huge));
  BOOST_TEST(v.reason.size() < 500);
}

// -- retry timing -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(backoff_is_full_jitter_under_a_doubling_cap) {
  retry_policy p{retry_options{500ms, 8000ms, 3, 60s}};
  std::mt19937_64 rng{3};
  for (uint32_t attempts = 1; attempts <= 8; ++attempts) {
    auto ceiling = std::min<int64_t>(500 << (attempts - 1), 8000);
    int64_t seen_max = 0;
    for (int i = 0; i < 2000; ++i) {
      auto d = p.delay(attempts, -1, rng);
      BOOST_REQUIRE(d.has_value());
      BOOST_REQUIRE(d->count() >= 0);
      BOOST_REQUIRE(d->count() <= ceiling);
      seen_max = std::max<int64_t>(seen_max, d->count());
    }
    // Jitter spans the range, not a fixed point.
    BOOST_TEST(seen_max > ceiling / 2);
  }
  BOOST_TEST(p.may_retry(2));
  BOOST_TEST(!p.may_retry(3));
}

BOOST_AUTO_TEST_CASE(the_servers_retry_after_is_honoured_within_a_bound) {
  retry_policy p{retry_options{500ms, 8000ms, 3, 60s}};
  std::mt19937_64 rng{5};
  for (int i = 0; i < 100; ++i) {
    auto d = p.delay(1, 7000, rng);
    BOOST_REQUIRE(d.has_value());
    BOOST_TEST(d->count() >= 7000);
  }
  BOOST_TEST(!p.delay(1, 61000, rng).has_value());
  BOOST_TEST(p.delay(1, 0, rng).has_value());
}

// -- header parsing -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(retry_after_in_all_its_forms) {
  using http_hints::retry_after_ms;
  BOOST_TEST(retry_after_ms({{"retry-after", "12"}}, wall_now) == 12000);
  BOOST_TEST(retry_after_ms(
                 {{"retry-after-ms", "1500.5"}, {"retry-after", "9"}}, wall_now)
             == 1501);
  auto date = "Tue, 14 Nov 2023 22:13:40 GMT"; // wall_now + 20 s
  BOOST_TEST(retry_after_ms({{"retry-after", date}}, wall_now) == 20000);
  BOOST_TEST(retry_after_ms({{"retry-after", "Sun, 06 Nov 1994 08:49:37 GMT"}},
                            wall_now)
             == 0);
  BOOST_TEST(retry_after_ms({}, wall_now) == -1);
  for (auto bad : {"", "soon", "-5", "1e9x", "Tue, 99 Nov 2023 22:13:40 GMT",
                   "Tue, 14 Nov 2023 22:13:40 PST"}) {
    BOOST_TEST_CONTEXT("value '" << bad << "'") {
      BOOST_TEST(retry_after_ms({{"retry-after", bad}}, wall_now) == -1);
    }
  }
  BOOST_TEST(retry_after_ms({{"retry-after-ms", "-3"}}, wall_now) == -1);
}

BOOST_AUTO_TEST_CASE(http_dates_in_the_three_forms) {
  auto a = http_hints::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
  auto b = http_hints::parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT");
  auto c = http_hints::parse_http_date("Sun Nov  6 08:49:37 1994");
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST((a == b));
  BOOST_TEST((a == c));
  BOOST_TEST(
      std::chrono::duration_cast<std::chrono::seconds>(a->time_since_epoch())
          .count()
      == 784111777);
}

BOOST_AUTO_TEST_CASE(rfc3339_with_fractions_and_offsets) {
  auto z = http_hints::parse_rfc3339("2023-11-14T22:13:20Z");
  BOOST_REQUIRE(z.has_value());
  BOOST_TEST((*z == wall_now));
  auto frac = http_hints::parse_rfc3339("2023-11-14T22:13:20.250Z");
  BOOST_TEST((*frac - *z == std::chrono::milliseconds{250}));
  auto off = http_hints::parse_rfc3339("2023-11-15T00:13:20+02:00");
  BOOST_TEST((*off == *z));
  for (auto bad :
       {"", "2023-11-14", "2023-11-14T22:13:20", "2023-13-14T22:13:20Z",
        "2023-11-14T22:13:20+2:00", "yesterday"})
    BOOST_TEST(!http_hints::parse_rfc3339(bad).has_value());
}

BOOST_AUTO_TEST_CASE(rate_headers_become_a_snapshot) {
  http_hints::header_list h{
      {"anthropic-ratelimit-requests-remaining", "17"},
      {"anthropic-ratelimit-requests-reset", "2023-11-14T22:13:25Z"},
      {"anthropic-ratelimit-tokens-remaining", "900"},
      {"anthropic-ratelimit-tokens-reset", "2023-11-14T22:13:30Z"},
      {"anthropic-ratelimit-input-tokens-remaining", "4000"},
      {"anthropic-ratelimit-input-tokens-reset", "2023-11-14T22:13:21Z"},
  };
  auto s = http_hints::rate_headers(h, wall_now);
  BOOST_TEST(s.requests_remaining == 17);
  BOOST_TEST(s.requests_reset_ms == 5000);
  // Input tokens are the budget the translator keeps.
  BOOST_TEST(s.tokens_remaining == 4000);
  BOOST_TEST(s.tokens_reset_ms == 1000);
  auto none = http_hints::rate_headers(
      {{"anthropic-ratelimit-requests-remaining", "lots"}}, wall_now);
  BOOST_TEST(none.requests_remaining == -1);
}

BOOST_AUTO_TEST_SUITE_END() // translator_retry_policy
