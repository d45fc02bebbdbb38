#pragma once

#include <cstdint>

#include <caf/stateful_actor.hpp>

#include "messages/interfaces.hpp"

namespace bridge {

/// The actor that owns one Telegram chat: its commands and, later, its
/// registration and routing. For now it answers /start and echoes text, so
/// the path update -> session -> sender -> Telegram is exercised end to end.
struct session_state {
  static inline const char* name = "session";

  explicit session_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(int64_t chat_id, sender_actor sender);

private:
  void reply(const std::string& text, const tg_update& cause);

  caf::event_based_actor* self;
  int64_t chat_id_ = 0;
  sender_actor sender_;
};

caf::behavior session(caf::stateful_actor<session_state>* self,
                      int64_t chat_id, sender_actor sender);

} // namespace bridge
