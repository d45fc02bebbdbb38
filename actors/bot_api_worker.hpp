#pragma once

#include <chrono>
#include <string>

#include <caf/actor.hpp>
#include <caf/stateful_actor.hpp>

#include "common/http_client.hpp"

namespace bridge {

/// Where and how a worker reaches the Bot API.
struct bot_api_endpoint {
  std::string base_url;
  std::string token;
  std::chrono::milliseconds timeout{10000};
};

/// A detached actor that owns one kept-alive HTTP connection to the Bot
/// API and performs one `send_attempt` at a time, answering a
/// `send_outcome`. The sender spawns several and keeps them busy.
struct bot_api_worker_state {
  static inline const char* name = "bot_api_worker";
  http_client client;
};

caf::behavior bot_api_worker(caf::stateful_actor<bot_api_worker_state>* self,
                             bot_api_endpoint endpoint);

} // namespace bridge
