// SPDX-License-Identifier: Apache-2.0
#include "telegram/bot_identity.hpp"

#include <simdjson.h>

namespace bridge::telegram {

bool is_bot_username(std::string_view name) {
  if (name.size() < 5 || name.size() > 32)
    return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

std::optional<std::string> decode_get_me(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS)
    return std::nullopt;
  bool ok = false;
  std::string_view name;
  if (root["ok"].get_bool().get(ok) != simdjson::SUCCESS || !ok
      || root["result"]["username"].get_string().get(name) != simdjson::SUCCESS
      || !is_bot_username(name))
    return std::nullopt;
  return std::string{name};
}

} // namespace bridge::telegram
