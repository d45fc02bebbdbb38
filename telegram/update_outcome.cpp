// SPDX-License-Identifier: Apache-2.0
#include "telegram/update_outcome.hpp"

namespace bridge::telegram {

namespace {

/// The Bot API's Update kinds Bridge does not ask for (it asks for
/// message, edited_message and callback_query), then its own two labels.
constexpr std::array<std::string_view, 22> labels = {
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
    "no_sender",
    "other"};

} // namespace

const char* to_string(refuse_reason r) {
  switch (r) {
  case refuse_reason::not_json:
    return "not_json";
  case refuse_reason::truncated:
    return "truncated";
  case refuse_reason::too_deep:
    return "too_deep";
  case refuse_reason::number_out_of_range:
    return "number_out_of_range";
  case refuse_reason::control_bytes:
    return "control_bytes";
  case refuse_reason::lone_surrogate:
    return "lone_surrogate";
  case refuse_reason::bad_escape:
    return "bad_escape";
  case refuse_reason::not_a_reply:
    return "not_a_reply";
  case refuse_reason::not_an_object:
    return "not_an_object";
  case refuse_reason::no_update_id:
    return "no_update_id";
  case refuse_reason::malformed:
    return "malformed";
  case refuse_reason::oversize:
    return "oversize";
  case refuse_reason::count_:
    break;
  }
  return "unknown";
}

std::array<refuse_reason, static_cast<size_t>(refuse_reason::count_)>
all_refuse_reasons() {
  std::array<refuse_reason, static_cast<size_t>(refuse_reason::count_)> out{};
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<refuse_reason>(i);
  return out;
}

const std::array<std::string_view, 22>& skip_labels() {
  return labels;
}

const char* skip_label(std::string_view kind) {
  // The last two are Bridge's own labels, never a key's name.
  for (size_t i = 0; i + 2 < labels.size(); ++i)
    if (labels[i] == kind)
      return labels[i].data();
  return "other";
}

} // namespace bridge::telegram
