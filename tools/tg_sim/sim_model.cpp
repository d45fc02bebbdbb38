// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_model.hpp"

#include <algorithm>

namespace bridge::tg_sim {

namespace {

constexpr std::string_view media_kinds[] = {
    "photo", "voice",     "sticker",    "document", "video",
    "audio", "animation", "video_note", "location", "contact"};

constexpr std::string_view captioned_kinds[] = {"photo", "voice", "document",
                                                "video", "audio", "animation"};

constexpr std::string_view grouped_kinds[] = {"photo", "video", "document",
                                              "audio"};

} // namespace

stored_message* chat_record::find(int64_t message_id) {
  auto it = std::lower_bound(
      messages.begin(), messages.end(), message_id,
      [](const stored_message& m, int64_t id) { return m.id < id; });
  if (it == messages.end() || it->id != message_id)
    return nullptr;
  return &*it;
}

bool is_media_kind(std::string_view kind) {
  return std::find(std::begin(media_kinds), std::end(media_kinds), kind)
         != std::end(media_kinds);
}

bool media_takes_caption(std::string_view kind) {
  return std::find(std::begin(captioned_kinds), std::end(captioned_kinds), kind)
         != std::end(captioned_kinds);
}

bool media_groups(std::string_view kind) {
  return std::find(std::begin(grouped_kinds), std::end(grouped_kinds), kind)
         != std::end(grouped_kinds);
}

} // namespace bridge::tg_sim
