#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>

#include <caf/actor.hpp>
#include <caf/stateful_actor.hpp>

namespace bridge {

/// Makes the session actor of a chat.
using session_factory = std::function<caf::actor(caf::local_actor* parent,
                                                 int64_t chat_id)>;

/// Owns the map chat -> session actor: one owner per chat, found by a
/// hash lookup, spawned on the first update and forgotten when it stops.
struct registry_state {
  static inline const char* name = "registry";

  explicit registry_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(session_factory factory);

private:
  caf::actor& session_for(int64_t chat_id);

  caf::event_based_actor* self;
  session_factory factory_;
  std::unordered_map<int64_t, caf::actor> sessions_;
  std::unordered_map<caf::actor_addr, int64_t> chats_;
};

caf::behavior registry(caf::stateful_actor<registry_state>* self,
                       session_factory factory);

} // namespace bridge
