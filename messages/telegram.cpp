// SPDX-License-Identifier: Apache-2.0
#include "messages/telegram.hpp"

#include "messages/conversation.hpp"

namespace bridge {

const char* to_string(update_kind kind) {
  switch (kind) {
  case update_kind::message:
    return "message";
  case update_kind::edited_message:
    return "edited_message";
  case update_kind::callback_query:
    return "callback_query";
  case update_kind::pre_checkout_query:
    return "pre_checkout_query";
  }
  return "unknown";
}

const char* to_string(outbound_kind kind) {
  switch (kind) {
  case outbound_kind::send_message:
    return "sendMessage";
  case outbound_kind::edit_message:
    return "editMessageText";
  case outbound_kind::answer_callback:
    return "answerCallbackQuery";
  case outbound_kind::chat_action:
    return "sendChatAction";
  case outbound_kind::set_commands:
    return "setMyCommands";
  case outbound_kind::copy_message:
    return "copyMessage";
  case outbound_kind::copy_messages:
    return "copyMessages";
  }
  return "unknown";
}

const char* to_string(send_status s) {
  switch (s) {
  case send_status::ok:
    return "ok";
  case send_status::retry_after:
    return "retry_after";
  case send_status::transient:
    return "transient";
  case send_status::chat_gone:
    return "chat_gone";
  case send_status::rejected:
    return "rejected";
  }
  return "unknown";
}

const char* to_string(session_note_kind kind) {
  switch (kind) {
  case session_note_kind::worker_joined:
    return "worker_joined";
  case session_note_kind::partner_left:
    return "partner_left";
  case session_note_kind::reset_by_operator:
    return "reset_by_operator";
  case session_note_kind::join_refused:
    return "join_refused";
  case session_note_kind::join_request:
    return "join_request";
  case session_note_kind::join_accepted:
    return "join_accepted";
  case session_note_kind::join_declined:
    return "join_declined";
  case session_note_kind::removed:
    return "removed";
  }
  return "unknown";
}

} // namespace bridge
