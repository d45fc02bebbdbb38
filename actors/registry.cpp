#include "actors/registry.hpp"

#include "messages/type_ids.hpp"

namespace bridge {

caf::behavior registry_state::make_behavior(session_factory factory) {
  factory_ = std::move(factory);
  self->set_down_handler([this](caf::down_msg& dm) {
    auto it = chats_.find(dm.source);
    if (it == chats_.end())
      return;
    sessions_.erase(it->second);
    chats_.erase(it);
  });
  return {
    [this](tg_update& u) {
      self->send(session_for(u.chat_id), std::move(u));
    },
  };
}

caf::actor& registry_state::session_for(int64_t chat_id) {
  auto it = sessions_.find(chat_id);
  if (it != sessions_.end())
    return it->second;
  auto s = factory_(self, chat_id);
  self->monitor(s);
  chats_.emplace(s.address(), chat_id);
  return sessions_.emplace(chat_id, std::move(s)).first->second;
}

caf::behavior registry(caf::stateful_actor<registry_state>* self,
                       session_factory factory) {
  return self->state.make_behavior(std::move(factory));
}

} // namespace bridge
