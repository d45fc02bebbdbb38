// SPDX-License-Identifier: Apache-2.0
#include "domain/media.hpp"

namespace bridge::domain {

media_relay relay_of(std::string_view kind) {
  for (auto k : {"photo", "video", "animation", "document", "audio"})
    if (kind == k)
      return media_relay::captioned;
  if (kind == "voice" || kind == "video_note")
    return media_relay::note;
  if (kind == "sticker")
    return media_relay::as_is;
  return media_relay::refused;
}

std::string with_media_mark(std::string_view kind, std::string_view text) {
  if (kind.empty())
    return std::string{text};
  std::string out = "[" + std::string{kind} + "]";
  if (!text.empty())
    out += " " + std::string{text};
  return out;
}

} // namespace bridge::domain
