// SPDX-License-Identifier: Apache-2.0
#pragma once

// The simulator over real loopback sockets: the server in-process on a
// free port with a real clock and fast webhook retries.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "common/http_client.hpp"
#include "tools/tg_sim/http_server.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace tg_sim_test {

using namespace bridge;
using namespace bridge::tg_sim;
using namespace std::chrono_literals;

inline const std::string token = "42:test-token";

/// Waits until `done` holds, polling; false when `limit` passes first, so
/// a wait that never ends fails the test with its own message instead of
/// spinning until CTest's timeout.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = 20s) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

struct server_fixture {
  server_fixture() : state(options(), std::make_shared<real_clock>()) {
    std::string error;
    port = server->start(error);
    BOOST_REQUIRE_MESSAGE(port > 0, error);
    base = "http://127.0.0.1:" + std::to_string(port);
    api = base + "/bot" + token + "/";
  }

  ~server_fixture() { server->stop(); }

  static sim_options options() {
    sim_options o;
    o.token = token;
    o.webhook_retry_base = 10ms;
    o.webhook_retry_cap = 50ms;
    return o;
  }

  http_response bot_post(const std::string& method, const std::string& body,
                         const std::string& type = "application/json",
                         std::chrono::milliseconds timeout = 10s) {
    return http.post(api + method, body, {"Content-Type: " + type}, timeout);
  }

  sim_state state;
  std::unique_ptr<http_server> server =
      std::make_unique<http_server>(state, server_settings{});
  int port = 0;
  std::string base;
  std::string api;
  http_client http;
  sim_user ana{1001, "Ana", "", "ana", "es", false};
};

} // namespace tg_sim_test
