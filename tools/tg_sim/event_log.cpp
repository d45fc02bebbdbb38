// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/event_log.hpp"

#include <algorithm>
#include <charconv>

namespace bridge::tg_sim {

namespace {

void append_int(std::string& out, int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, end);
}

} // namespace

int64_t event_log::append(int64_t chat_id, int64_t message_id,
                          std::string fields) {
  auto seq = ++last_seq_;
  if (events_.size() >= max_events_) {
    auto& oldest = events_.front();
    auto it = by_chat_.find(oldest.chat_id);
    if (it != by_chat_.end()) {
      // Sequence numbers grow, so the oldest event heads its chat's index.
      it->second.pop_front();
      if (it->second.empty())
        by_chat_.erase(it);
    }
    events_.pop_front();
    ++dropped_;
  }
  events_.push_back({seq, chat_id, message_id, std::move(fields)});
  by_chat_[chat_id].push_back(seq);
  ++recorded_;
  return seq;
}

void event_log::render(const event& e, std::string& out) const {
  out += "{\"seq\":";
  append_int(out, e.seq);
  out += ",\"chat_id\":";
  append_int(out, e.chat_id);
  if (e.message_id != 0) {
    out += ",\"message_id\":";
    append_int(out, e.message_id);
  }
  if (!e.fields.empty()) {
    out += ',';
    out += e.fields;
  }
  out += '}';
}

const event_log::event* event_log::by_seq(int64_t seq) const {
  // Retained events hold consecutive sequence numbers.
  if (events_.empty() || seq < events_.front().seq || seq > last_seq_)
    return nullptr;
  return &events_[static_cast<size_t>(seq - events_.front().seq)];
}

size_t event_log::render_chat(int64_t chat_id, int64_t after, size_t limit,
                              std::string& out) const {
  auto it = by_chat_.find(chat_id);
  if (it == by_chat_.end())
    return 0;
  auto& seqs = it->second;
  auto from = std::upper_bound(seqs.begin(), seqs.end(), after);
  size_t n = 0;
  for (; from != seqs.end() && n < limit; ++from) {
    if (n > 0)
      out += ',';
    render(*by_seq(*from), out);
    ++n;
  }
  return n;
}

size_t event_log::render_all(int64_t after, size_t limit,
                             std::string& out) const {
  if (events_.empty())
    return 0;
  auto first = events_.front().seq;
  size_t start = after < first ? 0 : static_cast<size_t>(after - first + 1);
  size_t n = 0;
  for (size_t i = start; i < events_.size() && n < limit; ++i, ++n) {
    if (n > 0)
      out += ',';
    render(events_[i], out);
  }
  return n;
}

bool event_log::has_after(int64_t chat_id, int64_t after) const {
  auto it = by_chat_.find(chat_id);
  return it != by_chat_.end() && !it->second.empty()
         && it->second.back() > after;
}

void event_log::clear() {
  events_.clear();
  by_chat_.clear();
  dropped_ = 0;
  recorded_ = 0;
}

} // namespace bridge::tg_sim
