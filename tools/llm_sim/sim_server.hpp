// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "tools/llm_sim/sim_bucket.hpp"
#include "tools/llm_sim/sim_options.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace bridge::llm_sim {

/// What the simulator has seen, for tests, benchmarks and `/sim/stats`.
struct sim_stats {
  uint64_t requests = 0;
  uint64_t ok = 0;
  uint64_t rate_limited = 0;
  uint64_t spend_limited = 0;
  uint64_t overloaded = 0;
  uint64_t server_errors = 0;
  uint64_t hangs = 0;
  uint64_t malformed = 0;
  uint64_t empty = 0;
  uint64_t truncated = 0;
  /// 4xx other than 429: bad requests, bad keys, forced errors.
  uint64_t refused = 0;
  uint64_t input_tokens = 0;
};

/// The simulator: `POST /v1/messages` answered like the Messages API
/// (translation = the last text block prefixed with "[llm-sim] "), with
/// real error bodies, `retry-after` and `anthropic-ratelimit-*` headers;
/// `GET /sim/stats` for its counters. Serves on its own threads.
class server {
public:
  explicit server(options opts);
  ~server();

  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Binds and starts serving; the bound port, or -1 with `error` set.
  int start(std::string& error);

  /// Stops serving; hanging requests are let go.
  void stop();

  /// Forces the outcomes of the next requests, after any still scripted.
  void push_script(const std::vector<outcome>& script);

  /// Changes the latency of later requests.
  void set_latency(std::chrono::milliseconds latency,
                   std::chrono::milliseconds jitter);

  sim_stats stats() const;

  /// A request that passed the rate limits: when it arrived and the input
  /// tokens it was counted for.
  struct admission {
    std::chrono::steady_clock::time_point at;
    int64_t input_tokens = 0;
  };

  /// The requests that passed the rate limits, in arrival order (the most
  /// recent million).
  std::vector<admission> admitted() const;

  /// `stats()` as a JSON object.
  std::string stats_json() const;

private:
  /// The decision for one request, taken under the lock.
  struct decision {
    outcome what = outcome::ok;
    uint64_t id = 0;
    /// For a 429: seconds to wait and which limit.
    int64_t retry_after_s = 0;
    std::string limit_name;
    std::chrono::milliseconds latency{0};
    std::vector<std::pair<std::string, std::string>> headers;
  };

  /// What the answer needs of a request that passed the checks.
  struct request_fields {
    std::string model;
    /// The last text block: what a translation echoes.
    std::string last_text;
    int64_t input_tokens = 0;
  };

  void handle(const httplib::Request& req, httplib::Response& res);
  /// Checks the headers and the fields the real API requires; on the
  /// first that fails, answers `res` with its error and returns nothing.
  std::optional<request_fields> read_request(const httplib::Request& req,
                                             httplib::Response& res);
  /// Writes the answer `d` calls for, past its latency.
  void answer(const decision& d, const request_fields& r,
              httplib::Response& res);
  decision decide(int64_t input_tokens);
  void limit_headers(decision& d, std::chrono::steady_clock::time_point now);
  bool pause(std::chrono::milliseconds how_long);
  void count(outcome o, int64_t input_tokens);

  options opts_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  mutable std::mutex mtx_;
  std::condition_variable stopping_cv_;
  bool stopping_ = false;
  std::mt19937_64 rng_;
  std::deque<outcome> script_;
  uint32_t burst_left_ = 0;
  std::optional<sim_bucket> requests_;
  std::optional<sim_bucket> input_tokens_;
  sim_stats stats_;
  std::deque<admission> admitted_;
  uint64_t next_id_ = 1;
};

} // namespace bridge::llm_sim
