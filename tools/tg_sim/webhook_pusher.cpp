// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/webhook_pusher.hpp"

#include <string>
#include <vector>

#include "common/http_client.hpp"

namespace bridge::tg_sim {

void webhook_pusher::start() {
  thread_ = std::thread{[this] { run(); }};
}

void webhook_pusher::join() {
  if (thread_.joinable())
    thread_.join();
}

void webhook_pusher::run() {
  using std::chrono::steady_clock;
  http_client client;
  client.set_max_body(64 * 1024);
  for (;;) {
    sim_clock::time_point wake;
    uint64_t version = 0;
    auto job = state_.next_push(wake, version);
    if (!job) {
      // Nothing due: sleep until a retry is due or the updates change.
      // The state's clock may be simulated; the wait is always real.
      auto deadline = steady_clock::now() + std::chrono::hours{1};
      if (wake != sim_clock::time_point::max())
        deadline = steady_clock::now() + (wake - state_.clock().now());
      if (!state_.wait_updates(version, deadline))
        return;
      continue;
    }
    std::vector<std::string> headers{"Content-Type: application/json"};
    if (!job->secret_token.empty())
      headers.push_back("X-Telegram-Bot-Api-Secret-Token: "
                        + job->secret_token);
    auto resp = client.post(job->url, job->body, headers, timeout_);
    state_.push_done(*job, resp.status, resp.error);
  }
}

} // namespace bridge::tg_sim
