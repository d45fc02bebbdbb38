#pragma once

#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "config/config.hpp"
#include "messages/interfaces.hpp"

namespace bridge::ops {
class http_server;
}

namespace bridge {

/// The running engine: its long-lived actors, started in dependency order
/// and stopped in reverse.
class engine {
public:
  engine(caf::actor_system& sys, const bridge_config& cfg);
  ~engine();

  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  /// Starts the HTTP server, then spawns sender, registry and front;
  /// polling starts at once. False with `err` set when something cannot
  /// start (the port is taken, ...).
  bool start(std::string& err);

  /// Stops intake first, then the rest.
  void stop();

private:
  bool start_http(std::string& err);

  caf::actor_system& sys_;
  std::unique_ptr<ops::http_server> http_;
  const bridge_config& cfg_;
  sender_actor sender_;
  caf::actor registry_;
  caf::actor front_;
  bool running_ = false;
};

} // namespace bridge
