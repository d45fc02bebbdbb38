// SPDX-License-Identifier: Apache-2.0
#include "domain/original.hpp"

#include <algorithm>
#include <cctype>

namespace bridge::domain {

original_request read_original_request(std::string_view args) {
  auto is_blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (!args.empty() && is_blank(args.front()))
    args.remove_prefix(1);
  while (!args.empty() && is_blank(args.back()))
    args.remove_suffix(1);
  if (args.empty())
    return {original_verdict::show, {}};
  if (args.size() > max_original_arg)
    return {original_verdict::bad, {}};
  std::string lower{args};
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower == "on" || lower == "off" || lower == "auto")
    return {original_verdict::set, lower};
  return {original_verdict::bad, {}};
}

bool wants_original(std::string_view mode, uint32_t hops, bool translated,
                    bool fallback) {
  if (!translated)
    return false; // nothing to compare: the reader has the original
  if (mode == "on")
    return true;
  if (mode == "off")
    return false;
  return hops > 1 || fallback;
}

} // namespace bridge::domain
