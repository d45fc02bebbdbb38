// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/http_client.hpp"
#include "tools/llm_sim/sim_bucket.hpp"
#include "tools/llm_sim/sim_server.hpp"
#include "tools/llm_sim/sim_wire.hpp"

BOOST_AUTO_TEST_SUITE(translator_llm_sim)

using namespace bridge;
using namespace bridge::llm_sim;
using namespace std::chrono_literals;

namespace {

const std::string body =
    R"({"model":"m","max_tokens":50,"system":"ssss","messages":[{"role":"user","content":[{"type":"text","text":"Hola amigo"}]}]})";

struct sim_fixture {
  explicit sim_fixture(options o = {}) : sim(std::move(o)) {
    std::string error;
    port = sim.start(error);
    BOOST_REQUIRE_MESSAGE(port > 0, error);
    url = "http://127.0.0.1:" + std::to_string(port) + "/v1/messages";
  }

  http_response post(const std::string& b = body,
                     std::vector<std::string> headers = {
                         "x-api-key: k", "anthropic-version: 2023-06-01"}) {
    headers.push_back("content-type: application/json");
    return client.post(url, b, headers, 5s);
  }

  server sim;
  int port = 0;
  std::string url;
  http_client client;
};

options limited(int64_t rpm, int64_t itpm = 0) {
  options o;
  o.requests_per_minute = rpm;
  o.input_tokens_per_minute = itpm;
  return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_answer_shows_the_terminology_obeyed) {
  const std::string with_terms =
      R"({"model":"m","max_tokens":50,"messages":[{"role":"user","content":[)"
      R"({"type":"text","text":"Binding terminology of this team:\nfactura -> invoice\nobra -> site\n"},)"
      R"({"type":"text","text":"La FACTURA de la obra, y las obras"}]}]})";
  BOOST_TEST(last_text(with_terms) == "La FACTURA de la obra, y las obras");
  BOOST_TEST(apply_terminology(with_terms, last_text(with_terms))
             == "La invoice de la site, y las obras");
  // No block, a malformed block or a malformed body: the text as it is.
  BOOST_TEST(apply_terminology(body, "Hola") == "Hola");
  BOOST_TEST(
      apply_terminology(
          R"({"messages":[{"content":"Binding terminology\nno arrow"}]})",
          "no arrow")
      == "no arrow");
  BOOST_TEST(apply_terminology("{not json", "x") == "x");
}

BOOST_AUTO_TEST_CASE(outcome_scripts_parse) {
  std::string error;
  auto s = parse_script("529, 529,ok,spend,hang", error);
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->size() == 5u);
  BOOST_TEST((s->at(3) == outcome::spend_limit));
  BOOST_TEST(!parse_script("ok,teapot", error).has_value());
  BOOST_TEST(error.find("teapot") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_bucket_refills_continuously) {
  auto t0 = std::chrono::steady_clock::time_point{} + 1h;
  sim_bucket b{60, t0};
  BOOST_TEST(b.take(t0, 60));
  BOOST_TEST(!b.take(t0, 1));
  BOOST_TEST((b.wait_for(t0, 1) == std::chrono::seconds{1}));
  BOOST_TEST(b.take(t0 + 1s, 1));
  BOOST_TEST((b.until_full(t0 + 1s) == std::chrono::seconds{60}));
}

BOOST_AUTO_TEST_CASE(input_tokens_are_counted_from_system_and_text_blocks) {
  BOOST_TEST(count_input_tokens(body) == 4); // 4 + 10 characters
  BOOST_TEST(count_input_tokens("nonsense") == 0);
}

BOOST_AUTO_TEST_CASE(answers_like_the_messages_api) {
  sim_fixture f;
  auto r = f.post();
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body.find(R"("text":"[llm-sim] Hola amigo")")
             != std::string::npos);
  BOOST_TEST(r.body.find(R"("stop_reason":"end_turn")") != std::string::npos);
  BOOST_TEST(!r.header("request-id").empty());
}

BOOST_AUTO_TEST_CASE(refuses_bad_requests_with_real_error_bodies) {
  sim_fixture f;
  BOOST_TEST(f.post(body, {"anthropic-version: 1"}).status == 401);
  BOOST_TEST(f.post(body, {"x-api-key: k"}).status == 400);
  auto bad = f.post("{not json");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.body.find("invalid_request_error") != std::string::npos);
  BOOST_TEST(
      f.post(
           R"({"model":"m","max_tokens":0,"messages":[{"role":"user","content":"x"}]})")
          .status
      == 400);
  BOOST_TEST(f.post(R"({"model":"m","max_tokens":5,"messages":[]})").status
             == 400);
  BOOST_TEST(f.sim.stats().refused == 5u);
}

BOOST_AUTO_TEST_CASE(checks_the_key_when_one_is_set) {
  options o;
  o.api_key = "secret-key";
  sim_fixture f{o};
  BOOST_TEST(f.post().status == 401);
  BOOST_TEST(
      f.post(body, {"x-api-key: secret-key", "anthropic-version: 1"}).status
      == 200);
}

BOOST_AUTO_TEST_CASE(rate_limits_with_retry_after_and_budget_headers) {
  sim_fixture f{limited(2)};
  BOOST_TEST(f.post().status == 200);
  auto second = f.post();
  BOOST_TEST(second.header("anthropic-ratelimit-requests-limit") == "2");
  BOOST_TEST(second.header("anthropic-ratelimit-requests-remaining") == "0");
  BOOST_TEST(!second.header("anthropic-ratelimit-requests-reset").empty());
  auto third = f.post();
  BOOST_TEST(third.status == 429);
  BOOST_TEST(third.body.find("rate_limit_error") != std::string::npos);
  auto wait = std::stoi(third.header("retry-after"));
  BOOST_TEST(wait >= 1);
  BOOST_TEST(wait <= 30);
  BOOST_TEST(f.sim.stats().rate_limited == 1u);
  BOOST_TEST(f.sim.admitted().size() == 2u);
}

BOOST_AUTO_TEST_CASE(input_token_limits_too) {
  sim_fixture f{limited(0, 5)};
  BOOST_TEST(f.post().status == 200); // 4 tokens
  auto r = f.post();
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.body.find("input tokens") != std::string::npos);
  BOOST_TEST(r.header("anthropic-ratelimit-input-tokens-limit") == "5");
}

BOOST_AUTO_TEST_CASE(scripted_faults_come_in_order) {
  options o;
  o.script = {outcome::overloaded, outcome::server_error, outcome::spend_limit,
              outcome::malformed,  outcome::empty,        outcome::truncated,
              outcome::forbidden};
  sim_fixture f{o};
  auto r529 = f.post();
  BOOST_TEST(r529.status == 529);
  BOOST_TEST(r529.body.find("overloaded_error") != std::string::npos);
  BOOST_TEST(f.post().status == 500);
  auto spend = f.post();
  BOOST_TEST(spend.status == 429);
  BOOST_TEST(spend.body.find("spend limit") != std::string::npos);
  auto malformed = f.post();
  BOOST_TEST(malformed.status == 200);
  BOOST_TEST(malformed.body.back() != '}');
  BOOST_TEST(f.post().body.find(R"("content":[])") != std::string::npos);
  BOOST_TEST(f.post().body.find("max_tokens") != std::string::npos);
  BOOST_TEST(f.post().status == 403);
  BOOST_TEST(f.post().status == 200); // script used up
}

BOOST_AUTO_TEST_CASE(
    a_hang_is_let_go_when_the_client_gives_up_or_the_sim_stops) {
  options o;
  o.script = {outcome::hang};
  o.hang = 60s;
  sim_fixture f{o};
  auto r = f.client.post(f.url, body, {"x-api-key: k", "anthropic-version: 1"},
                         300ms);
  BOOST_TEST(r.transport_failed());
  BOOST_TEST(r.timed_out);
  f.sim.stop(); // returns although the handler was hanging for a minute
  BOOST_TEST(f.sim.stats().hangs == 1u);
}

BOOST_AUTO_TEST_CASE(bursts_of_overload) {
  options o;
  o.overload_rate = 1.0;
  o.overload_burst = 3;
  sim_fixture f{o};
  for (int i = 0; i < 6; ++i)
    BOOST_TEST(f.post().status == 529);
  BOOST_TEST(f.sim.stats().overloaded == 6u);
}

BOOST_AUTO_TEST_CASE(refuses_to_listen_beyond_loopback) {
  options o;
  o.host = "0.0.0.0";
  server s{o};
  std::string error;
  BOOST_TEST(s.start(error) == -1);
  BOOST_TEST(error.find("loopback") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // translator_llm_sim
