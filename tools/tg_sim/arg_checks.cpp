// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/arg_checks.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "common/utf8.hpp"

namespace bridge::tg_sim {

namespace {

/// Longest message text Telegram accepts, in UTF-16 code units.
constexpr size_t max_text_units = 4096;

/// Longest answerCallbackQuery notification, in UTF-16 code units.
constexpr size_t max_callback_text_units = 200;

constexpr std::string_view chat_actions[] = {
    "typing",        "upload_photo",      "record_video",     "upload_video",
    "record_voice",  "upload_voice",      "upload_document",  "choose_sticker",
    "find_location", "record_video_note", "upload_video_note"};

bool all_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

} // namespace

refusal check_text(const method_args& args, std::string& text) {
  if (args.get_string("text", text) != arg_state::ok || all_blank(text))
    return refusal::bad_request("message text is empty");
  if (!utf8::is_valid(text))
    return refusal::bad_request("strings must be encoded in UTF-8");
  if (utf8::utf16_length(text) > max_text_units)
    return refusal::bad_request("message is too long");
  return {};
}

refusal check_callback_text(const method_args& args, std::string& text) {
  if (args.get_string("text", text) == arg_state::invalid
      || !utf8::is_valid(text))
    return refusal::bad_request("wrong parameter text");
  if (utf8::utf16_length(text) > max_callback_text_units)
    return refusal::bad_request("MESSAGE_TOO_LONG");
  return {};
}

refusal check_chat_id(const method_args& args, int64_t& chat_id) {
  switch (args.get_int("chat_id", chat_id)) {
  case arg_state::ok:
    return {};
  case arg_state::absent:
    return refusal::bad_request("chat_id is empty");
  case arg_state::invalid:
    break;
  }
  // "@channelname" and other junk: the sim knows no chat by name.
  return refusal::bad_request("chat not found");
}

refusal check_markup(const method_args& args, markup& kb) {
  std::string_view encoded;
  switch (args.get_json("reply_markup", encoded)) {
  case arg_state::absent:
    return {};
  case arg_state::ok:
    return parse_markup(encoded, kb);
  case arg_state::invalid:
    break;
  }
  return refusal::bad_request("can't parse reply keyboard markup JSON object");
}

refusal check_allowed(const method_args& args, allowed_updates& out,
                      bool& given) {
  std::string_view encoded;
  switch (args.get_json("allowed_updates", encoded)) {
  case arg_state::absent:
    given = false;
    return {};
  case arg_state::ok:
    given = true;
    return allowed_updates::parse(encoded, out);
  case arg_state::invalid:
    break;
  }
  return refusal::bad_request("can't parse allowed updates");
}

bool valid_secret(std::string_view s) {
  if (s.empty() || s.size() > 256)
    return false;
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '-';
  });
}

bool known_chat_action(std::string_view action) {
  return std::find(std::begin(chat_actions), std::end(chat_actions), action)
         != std::end(chat_actions);
}

} // namespace bridge::tg_sim
