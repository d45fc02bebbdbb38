// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <thread>

#include "tools/tg_sim/sim_state.hpp"

namespace bridge::tg_sim {

/// Webhook mode's delivery: while a webhook is set, POSTs each pending
/// update in order to its URL (with the secret-token header), one at a
/// time, on its own thread; the state decides what is due and how long a
/// failed push backs off.
class webhook_pusher {
public:
  webhook_pusher(sim_state& state, std::chrono::milliseconds timeout)
      : state_(state), timeout_(timeout) {}
  ~webhook_pusher() { join(); }

  webhook_pusher(const webhook_pusher&) = delete;
  webhook_pusher& operator=(const webhook_pusher&) = delete;

  void start();

  /// Waits for the thread, which ends once the state is shut down.
  void join();

private:
  void run();

  sim_state& state_;
  std::chrono::milliseconds timeout_;
  std::thread thread_;
};

} // namespace bridge::tg_sim
