// SPDX-License-Identifier: Apache-2.0
// copyMessage and copyMessages, with the Bot API's refusals of wrong calls.

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace {

/// Telegram's caption limit, in UTF-16 code units.
constexpr size_t max_caption_units = 1024;

/// Most messages one copyMessages call takes.
constexpr size_t max_copied_messages = 100;

refusal check_source(const method_args& args, copy_request& r) {
  if (args.get_int("chat_id", r.chat_id) != arg_state::ok)
    return refusal::bad_request("chat not found");
  if (args.get_int("from_chat_id", r.from_chat_id) != arg_state::ok)
    return refusal::bad_request("chat not found");
  return {};
}

refusal check_caption(const method_args& args, copy_request& r) {
  std::string caption;
  switch (args.get_string("caption", caption)) {
  case arg_state::absent:
    return {};
  case arg_state::invalid:
    return refusal::bad_request("wrong parameter caption");
  case arg_state::ok:
    break;
  }
  if (!utf8::is_valid(caption))
    return refusal::bad_request("strings must be encoded in UTF-8");
  if (utf8::utf16_length(caption) > max_caption_units)
    return refusal::bad_request("message caption is too long");
  r.caption = std::move(caption);
  return {};
}

/// `message_ids`: a JSON array of 1 to 100 message ids, strictly
/// increasing, as Telegram demands.
refusal check_ids(const method_args& args, std::vector<int64_t>& ids) {
  std::string_view encoded;
  if (args.get_json("message_ids", encoded) != arg_state::ok)
    return refusal::bad_request("message identifiers are not specified");
  simdjson::dom::parser parser;
  simdjson::dom::array arr;
  if (parser.parse(encoded.data(), encoded.size()).get_array().get(arr)
      != simdjson::SUCCESS)
    return refusal::bad_request("can't parse message identifiers JSON array");
  for (auto el : arr) {
    int64_t id = 0;
    if (el.get_int64().get(id) != simdjson::SUCCESS || id <= 0
        || (!ids.empty() && id <= ids.back()))
      return refusal::bad_request("message identifiers must be increasing");
    ids.push_back(id);
  }
  if (ids.empty() || ids.size() > max_copied_messages)
    return refusal::bad_request("too many messages to copy");
  return {};
}

std::string message_id_object(int64_t id) {
  json::writer w;
  w.begin_object().field("message_id", id).end_object();
  return std::move(w).str();
}

} // namespace

http_answer bot_methods::copy_message(const method_args& args) {
  copy_request r;
  r.method = "copyMessage";
  if (auto e = check_source(args, r))
    return error_answer(e);
  int64_t id = 0;
  if (args.get_int("message_id", id) != arg_state::ok || id <= 0)
    return error_answer(refusal::bad_request("message to copy not found"));
  r.message_ids.push_back(id);
  if (auto e = check_caption(args, r))
    return error_answer(e);
  auto out = state_.copy_messages(r);
  if (out.refused)
    return error_answer(out.refused);
  return {200, ok_reply(message_id_object(out.message_ids.front()))};
}

http_answer bot_methods::copy_messages(const method_args& args) {
  copy_request r;
  r.method = "copyMessages";
  if (auto e = check_source(args, r))
    return error_answer(e);
  if (auto e = check_ids(args, r.message_ids))
    return error_answer(e);
  if (args.get_bool("remove_caption", r.remove_caption) == arg_state::invalid)
    return error_answer(refusal::bad_request("wrong parameter remove_caption"));
  auto out = state_.copy_messages(r);
  if (out.refused)
    return error_answer(out.refused);
  std::string result = "[";
  for (auto id : out.message_ids) {
    if (result.size() > 1)
      result += ',';
    result += message_id_object(id);
  }
  result += ']';
  return {200, ok_reply(result)};
}

} // namespace bridge::tg_sim
