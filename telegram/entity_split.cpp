// SPDX-License-Identifier: Apache-2.0
#include "telegram/entity_split.hpp"

#include <algorithm>

#include "common/utf8.hpp"

namespace bridge::telegram {

std::vector<text_part>
split_with_entities(std::string_view text,
                    const std::vector<message_entity>& entities,
                    size_t max_units) {
  std::vector<text_part> parts;
  for (auto r : split_ranges(text, max_units)) {
    // Where the part lies in the whole text, in UTF-16 units.
    auto begin =
        static_cast<int64_t>(utf8::utf16_length(text.substr(0, r.begin)));
    auto piece = text.substr(r.begin, r.end - r.begin);
    auto end = begin + static_cast<int64_t>(utf8::utf16_length(piece));
    text_part part;
    part.text = std::string{piece};
    for (const auto& e : entities) {
      auto from = std::max(e.offset, begin);
      auto to = std::min(e.offset + e.length, end);
      if (e.offset < 0 || e.length <= 0 || to <= from)
        continue;
      part.entities.push_back({e.type, from - begin, to - from});
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

bool entities_fit(std::string_view text,
                  const std::vector<message_entity>& entities) {
  auto units = static_cast<int64_t>(utf8::utf16_length(text));
  return std::all_of(entities.begin(), entities.end(), [&](const auto& e) {
    return e.offset >= 0 && e.length > 0 && e.offset <= units
           && e.length <= units - e.offset;
  });
}

} // namespace bridge::telegram
