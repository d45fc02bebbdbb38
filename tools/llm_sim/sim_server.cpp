// SPDX-License-Identifier: Apache-2.0
#include "tools/llm_sim/sim_server.hpp"

#include <cmath>

#include <httplib.h>
#include <simdjson.h>

#include "common/json_writer.hpp"
#include "tools/llm_sim/sim_wire.hpp"

namespace bridge::llm_sim {

namespace dom = simdjson::dom;
using steady = std::chrono::steady_clock;

namespace {

/// Arrival times kept for `admitted()`.
constexpr size_t max_admitted = 1'000'000;

/// An idle kept-alive connection is closed after this long; it is also how
/// long `stop()` may wait for one.
constexpr time_t keep_alive_seconds = 2;

bool loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1";
}

/// Answers with the Messages API's error body.
void send_error(httplib::Response& res, int status, const char* type,
                const std::string& message) {
  res.status = status;
  res.set_content(error_body(type, message), "application/json");
}

} // namespace

server::server(options opts) : opts_(std::move(opts)), rng_(opts_.seed) {
  script_.assign(opts_.script.begin(), opts_.script.end());
  auto now = steady::now();
  if (opts_.requests_per_minute > 0)
    requests_.emplace(static_cast<double>(opts_.requests_per_minute), now);
  if (opts_.input_tokens_per_minute > 0)
    input_tokens_.emplace(static_cast<double>(opts_.input_tokens_per_minute),
                          now);
}

server::~server() {
  stop();
}

int server::start(std::string& error) {
  if (!loopback(opts_.host)) {
    error = "llm-sim serves loopback only, not " + opts_.host;
    return -1;
  }
  http_ = std::make_unique<httplib::Server>();
  auto threads = opts_.threads;
  http_->new_task_queue = [threads] {
    return new httplib::ThreadPool(threads);
  };
  http_->set_keep_alive_max_count(100000);
  http_->set_keep_alive_timeout(keep_alive_seconds);
  http_->Post("/v1/messages",
              [this](const httplib::Request& req, httplib::Response& res) {
                handle(req, res);
              });
  http_->Get("/sim/stats",
             [this](const httplib::Request&, httplib::Response& res) {
               res.set_content(stats_json(), "application/json");
             });
  int port =
      opts_.port == 0
          ? http_->bind_to_any_port(opts_.host)
          : (http_->bind_to_port(opts_.host, opts_.port) ? opts_.port : -1);
  if (port < 0) {
    error = "cannot listen on " + opts_.host + ":" + std::to_string(opts_.port);
    http_.reset();
    return -1;
  }
  thread_ = std::thread{[this] { http_->listen_after_bind(); }};
  return port;
}

void server::stop() {
  {
    std::lock_guard<std::mutex> guard{mtx_};
    if (stopping_)
      return;
    stopping_ = true;
  }
  stopping_cv_.notify_all();
  if (http_)
    http_->stop();
  if (thread_.joinable())
    thread_.join();
}

void server::push_script(const std::vector<outcome>& script) {
  std::lock_guard<std::mutex> guard{mtx_};
  script_.insert(script_.end(), script.begin(), script.end());
}

void server::set_latency(std::chrono::milliseconds latency,
                         std::chrono::milliseconds jitter) {
  std::lock_guard<std::mutex> guard{mtx_};
  opts_.latency = latency;
  opts_.jitter = jitter;
}

sim_stats server::stats() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return stats_;
}

std::vector<server::admission> server::admitted() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return {admitted_.begin(), admitted_.end()};
}

std::string server::stats_json() const {
  auto s = stats();
  json::writer w;
  w.begin_object()
      .field("requests", s.requests)
      .field("ok", s.ok)
      .field("rate_limited", s.rate_limited)
      .field("spend_limited", s.spend_limited)
      .field("overloaded", s.overloaded)
      .field("server_errors", s.server_errors)
      .field("hangs", s.hangs)
      .field("malformed", s.malformed)
      .field("empty", s.empty)
      .field("truncated", s.truncated)
      .field("refused", s.refused)
      .field("input_tokens", s.input_tokens)
      .end_object();
  return std::move(w).str();
}

bool server::pause(std::chrono::milliseconds how_long) {
  if (how_long.count() <= 0)
    return true;
  std::unique_lock<std::mutex> lock{mtx_};
  return !stopping_cv_.wait_for(lock, how_long, [this] { return stopping_; });
}

void server::limit_headers(decision& d, steady::time_point now) {
  auto wall = std::chrono::system_clock::now();
  auto add = [&](const char* kind, sim_bucket& b) {
    std::string base = std::string{"anthropic-ratelimit-"} + kind;
    d.headers.emplace_back(base + "-limit",
                           std::to_string(static_cast<int64_t>(b.limit())));
    d.headers.emplace_back(
        base + "-remaining",
        std::to_string(static_cast<int64_t>(std::floor(b.level(now)))));
    d.headers.emplace_back(
        base + "-reset",
        rfc3339(
            wall
            + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                b.until_full(now))));
  };
  if (requests_)
    add("requests", *requests_);
  if (input_tokens_) {
    add("input-tokens", *input_tokens_);
    add("tokens", *input_tokens_);
  }
}

server::decision server::decide(int64_t input_tokens) {
  std::lock_guard<std::mutex> guard{mtx_};
  decision d;
  auto now = steady::now();
  auto spread = opts_.jitter.count();
  auto latency = opts_.latency.count();
  if (spread > 0)
    latency += std::uniform_int_distribution<int64_t>{-spread, spread}(rng_);
  d.latency = std::chrono::milliseconds{std::max<int64_t>(latency, 0)};
  if (!script_.empty()) {
    d.what = script_.front();
    script_.pop_front();
    if (d.what == outcome::rate_limit)
      d.retry_after_s = 1;
  } else if (opts_.spend_limit) {
    d.what = outcome::spend_limit;
  } else {
    // Limits first, as the real service does: a refused request costs
    // nothing and is never overloaded.
    auto tokens = static_cast<double>(input_tokens);
    bool req_ok = !requests_ || requests_->level(now) + 1e-9 >= 1.0;
    bool tok_ok = !input_tokens_ || input_tokens_->level(now) + 1e-9 >= tokens;
    if (!req_ok || !tok_ok) {
      d.what = outcome::rate_limit;
      auto wait = !req_ok ? requests_->wait_for(now, 1.0)
                          : input_tokens_->wait_for(now, tokens);
      d.retry_after_s = std::max<int64_t>(
          1, static_cast<int64_t>(
                 std::ceil(std::chrono::duration<double>(wait).count())));
      d.limit_name = !req_ok ? "requests" : "input tokens";
    } else {
      if (requests_)
        requests_->take(now, 1.0);
      if (input_tokens_)
        input_tokens_->take(now, tokens);
      if (admitted_.size() == max_admitted)
        admitted_.pop_front();
      admitted_.push_back(admission{now, input_tokens});
      std::uniform_real_distribution<double> roll{0, 1};
      if (burst_left_ > 0) {
        --burst_left_;
        d.what = outcome::overloaded;
      } else if (opts_.overload_rate > 0 && roll(rng_) < opts_.overload_rate) {
        burst_left_ = opts_.overload_burst > 0 ? opts_.overload_burst - 1 : 0;
        d.what = outcome::overloaded;
      } else if (opts_.error_rate > 0 && roll(rng_) < opts_.error_rate) {
        d.what = outcome::server_error;
      } else if (opts_.hang_rate > 0 && roll(rng_) < opts_.hang_rate) {
        d.what = outcome::hang;
      } else if (opts_.malformed_rate > 0
                 && roll(rng_) < opts_.malformed_rate) {
        d.what = outcome::malformed;
      } else if (opts_.empty_rate > 0 && roll(rng_) < opts_.empty_rate) {
        d.what = outcome::empty;
      }
    }
  }
  limit_headers(d, now);
  d.id = next_id_++;
  d.headers.emplace_back("request-id", "req_sim_" + std::to_string(d.id));
  return d;
}

void server::count(outcome o, int64_t input_tokens) {
  std::lock_guard<std::mutex> guard{mtx_};
  switch (o) {
  case outcome::ok:
    ++stats_.ok;
    stats_.input_tokens += static_cast<uint64_t>(input_tokens);
    break;
  case outcome::rate_limit:
    ++stats_.rate_limited;
    break;
  case outcome::spend_limit:
    ++stats_.spend_limited;
    break;
  case outcome::overloaded:
    ++stats_.overloaded;
    break;
  case outcome::server_error:
    ++stats_.server_errors;
    break;
  case outcome::hang:
    ++stats_.hangs;
    break;
  case outcome::malformed:
    ++stats_.malformed;
    break;
  case outcome::empty:
    ++stats_.empty;
    break;
  case outcome::truncated:
    ++stats_.truncated;
    break;
  default:
    ++stats_.refused;
    break;
  }
}

void server::handle(const httplib::Request& req, httplib::Response& res) {
  {
    std::lock_guard<std::mutex> guard{mtx_};
    ++stats_.requests;
  }
  auto r = read_request(req, res);
  if (!r)
    return;
  auto d = decide(r->input_tokens);
  for (auto& [k, v] : d.headers)
    res.set_header(k.c_str(), v);
  if (d.what == outcome::hang) {
    count(d.what, 0);
    pause(opts_.hang);
    return send_error(res, 500, "api_error", "the simulator hung and gave up");
  }
  if (!pause(d.latency))
    return send_error(res, 529, "overloaded_error",
                      "the simulator is stopping");
  count(d.what, r->input_tokens);
  answer(d, *r, res);
}

std::optional<server::request_fields>
server::read_request(const httplib::Request& req, httplib::Response& res) {
  auto refuse = [&](int status, const char* type, const std::string& message) {
    count(outcome::bad_request, 0);
    send_error(res, status, type, message);
    return std::nullopt;
  };
  auto key = req.get_header_value("x-api-key");
  if (key.empty())
    return refuse(401, "authentication_error", "x-api-key header is required");
  if (!opts_.api_key.empty() && key != opts_.api_key)
    return refuse(401, "authentication_error", "invalid x-api-key");
  if (req.get_header_value("anthropic-version").empty())
    return refuse(400, "invalid_request_error",
                  "anthropic-version header is required");
  dom::parser parser;
  dom::element doc;
  if (parser.parse(req.body.data(), req.body.size()).get(doc)
      != simdjson::SUCCESS)
    return refuse(400, "invalid_request_error", "the body is not valid JSON");
  std::string_view model;
  int64_t max_tokens = 0;
  dom::array messages;
  if (doc["model"].get_string().get(model) != simdjson::SUCCESS
      || model.empty())
    return refuse(400, "invalid_request_error", "model: field required");
  if (doc["max_tokens"].get_int64().get(max_tokens) != simdjson::SUCCESS
      || max_tokens < 1)
    return refuse(400, "invalid_request_error",
                  "max_tokens: must be at least 1");
  if (doc["messages"].get_array().get(messages) != simdjson::SUCCESS
      || messages.size() == 0)
    return refuse(400, "invalid_request_error",
                  "messages: at least one message is required");
  return request_fields{std::string{model},
                        apply_terminology(req.body, last_text(req.body)),
                        count_input_tokens(req.body)};
}

void server::answer(const decision& d, const request_fields& r,
                    httplib::Response& res) {
  auto error = [&](int status, const char* type, const std::string& message) {
    send_error(res, status, type, message);
  };
  switch (d.what) {
  case outcome::ok:
  case outcome::empty:
  case outcome::truncated: {
    auto text =
        d.what == outcome::empty ? std::string{} : "[llm-sim] " + r.last_text;
    res.status = 200;
    res.set_content(message_body(d.id, r.model, text,
                                 d.what == outcome::truncated, r.input_tokens),
                    "application/json");
    return;
  }
  case outcome::malformed:
    res.status = 200;
    res.set_content("{\"type\":\"message\",\"content\":[{\"type\":\"te",
                    "application/json");
    return;
  case outcome::rate_limit:
    res.set_header("retry-after", std::to_string(d.retry_after_s));
    return error(
        429, "rate_limit_error",
        "This request would exceed the rate limit for "
            + (d.limit_name.empty() ? std::string{"requests"} : d.limit_name)
            + " per minute of this organization.");
  case outcome::spend_limit:
    return error(429, "rate_limit_error",
                 "Your organization has reached its monthly spend limit; "
                 "raise it in the console to continue.");
  case outcome::overloaded:
    return error(529, "overloaded_error", "Overloaded");
  case outcome::server_error:
    return error(500, "api_error", "Internal server error");
  case outcome::bad_request:
    return error(400, "invalid_request_error", "scripted bad request");
  case outcome::unauthorized:
    return error(401, "authentication_error", "invalid x-api-key");
  case outcome::forbidden:
    return error(403, "permission_error", "this key may not use this model");
  case outcome::not_found:
    return error(404, "not_found_error", "model not found");
  case outcome::request_timeout:
    return error(408, "timeout_error", "request timed out");
  case outcome::conflict:
    return error(409, "conflict_error", "conflict");
  case outcome::hang:
    break;
  }
}

} // namespace bridge::llm_sim
