// SPDX-License-Identifier: Apache-2.0
// copyMessage and copyMessages: the bot's copies of users' messages, each
// stored in the target chat and recorded with its caption.

#include "common/json_writer.hpp"
#include "tools/tg_sim/sim_state.hpp"

namespace bridge::tg_sim {

namespace {

std::string copy_event(const copy_request& r, const stored_message& copy,
                       int64_t source_id, int64_t at_ms) {
  json::writer w;
  w.field("method", r.method)
      .field("text", copy.media.empty() ? copy.text : copy.caption)
      .field("media", copy.media)
      .field("from_chat_id", r.from_chat_id)
      .field("source_message_id", source_id);
  if (!copy.media_group_id.empty())
    w.field("media_group_id", copy.media_group_id);
  w.field("at_ms", at_ms);
  return std::move(w).str();
}

} // namespace

copy_outcome sim_state::copy_messages(const copy_request& r) {
  copy_outcome out;
  lock guard{mu_};
  chat_record* to = nullptr;
  if ((out.refused = check_chat(r.chat_id, to)))
    return out;
  auto* from = find_chat(r.from_chat_id);
  if (from == nullptr) {
    out.refused = refusal::bad_request("chat not found");
    return out;
  }
  // Values, not pointers: storing into the target may move the source's
  // messages when both are the same chat.
  std::vector<stored_message> sources;
  for (auto id : r.message_ids) {
    auto* m = from->find(id);
    if (m == nullptr) {
      out.refused = refusal::bad_request("message to copy not found");
      return out;
    }
    sources.push_back(*m);
  }
  if ((out.refused = check_limits(r.chat_id)))
    return out;
  // copyMessages keeps an album together: its copies share a new album id.
  std::string group;
  if (sources.size() > 1)
    group = "copy" + std::to_string(next_media_serial_++);
  auto at_ms = clock_->unix_ms();
  for (const auto& src : sources) {
    stored_message m;
    m.id = to->next_message_id++;
    m.from_id = bot_.id;
    m.from_bot = true;
    m.date = at_ms / 1000;
    m.text = src.text;
    m.media = src.media;
    m.media_serial = src.media_serial;
    m.caption = r.caption ? *r.caption : r.remove_caption ? "" : src.caption;
    if (!src.media_group_id.empty())
      m.media_group_id = group.empty() ? src.media_group_id : group;
    auto fields = copy_event(r, m, src.id, at_ms);
    auto& stored = store(*to, std::move(m));
    events_.append(r.chat_id, stored.id, std::move(fields));
    out.message_ids.push_back(stored.id);
  }
  events_cv_.notify_all();
  return out;
}

} // namespace bridge::tg_sim
