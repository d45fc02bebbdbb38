// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/entities.hpp"

#include <algorithm>

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

namespace {

namespace dom = simdjson::dom;

/// The MessageEntity types of the Bot API.
constexpr std::string_view known_types[] = {
    "mention",       "hashtag",
    "cashtag",       "bot_command",
    "url",           "email",
    "phone_number",  "bold",
    "italic",        "underline",
    "strikethrough", "spoiler",
    "blockquote",    "expandable_blockquote",
    "code",          "pre",
    "text_link",     "text_mention",
    "custom_emoji"};

refusal cannot_parse(const std::string& why) {
  return refusal::bad_request("can't parse entities: " + why);
}

} // namespace

refusal parse_entities(std::string_view encoded, std::string_view text,
                       std::vector<sim_entity>& out, std::string& json) {
  out.clear();
  dom::element root;
  dom::array arr;
  if (thread_parser().parse(encoded.data(), encoded.size()).get(root)
          != simdjson::SUCCESS
      || root.get_array().get(arr) != simdjson::SUCCESS)
    return cannot_parse("entities must be an array");
  auto units = static_cast<int64_t>(utf8::utf16_length(text));
  json::writer w;
  w.begin_array();
  for (auto el : arr) {
    sim_entity e;
    std::string_view type;
    if (el["type"].get_string().get(type) != simdjson::SUCCESS
        || el["offset"].get_int64().get(e.offset) != simdjson::SUCCESS
        || el["length"].get_int64().get(e.length) != simdjson::SUCCESS)
      return cannot_parse("an entity needs type, offset and length");
    if (std::find(std::begin(known_types), std::end(known_types), type)
        == std::end(known_types))
      return cannot_parse("unsupported entity type " + std::string{type});
    if (e.offset < 0 || e.length <= 0 || e.offset > units
        || e.length > units - e.offset)
      return cannot_parse("entity beyond the end of the text at offset "
                          + std::to_string(e.offset));
    e.type = std::string{type};
    w.begin_object()
        .field("offset", e.offset)
        .field("length", e.length)
        .field("type", e.type)
        .end_object();
    out.push_back(std::move(e));
  }
  json = out.empty() ? std::string{} : std::move(w.end_array()).str();
  return {};
}

} // namespace bridge::tg_sim
