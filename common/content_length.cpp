// SPDX-License-Identifier: Apache-2.0
#include "common/content_length.hpp"

namespace bridge {

bool parse_content_length(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 19)
    return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  out = v;
  return true;
}

} // namespace bridge
