#pragma once

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "config/config.hpp"
#include "messages/interfaces.hpp"

namespace bridge {

/// The running engine: its long-lived actors, started in dependency order
/// and stopped in reverse.
class engine {
public:
  engine(caf::actor_system& sys, const bridge_config& cfg);
  ~engine();

  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  /// Spawns sender, registry and front; polling starts at once.
  void start();

  /// Stops intake first, then the rest.
  void stop();

private:
  caf::actor_system& sys_;
  const bridge_config& cfg_;
  sender_actor sender_;
  caf::actor registry_;
  caf::actor front_;
  bool running_ = false;
};

} // namespace bridge
