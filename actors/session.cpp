#include "actors/session.hpp"

#include "messages/type_ids.hpp"

namespace bridge {

caf::behavior session_state::make_behavior(int64_t chat_id,
                                           sender_actor sender) {
  chat_id_ = chat_id;
  sender_ = std::move(sender);
  return {
    [this](tg_update& u) {
      if (u.kind != update_kind::message)
        return;
      if (!u.media_kind.empty()) {
        reply("I can only pass on text messages for now.", u);
        return;
      }
      if (u.text == "/start")
        reply("Welcome to Bridge, " + u.from.first_name + ".", u);
      else
        reply("You said: " + u.text, u);
    },
  };
}

void session_state::reply(const std::string& text, const tg_update& cause) {
  outbound out;
  out.kind = outbound_kind::send_message;
  out.chat_id = chat_id_;
  out.text = text;
  out.dedupe_key = "u" + std::to_string(cause.update_id);
  out.origin_ns = cause.received_ns;
  self->send(sender_, std::move(out));
}

caf::behavior session(caf::stateful_actor<session_state>* self,
                      int64_t chat_id, sender_actor sender) {
  return self->state.make_behavior(chat_id, std::move(sender));
}

} // namespace bridge
