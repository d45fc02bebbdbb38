#include "tools/tg_sim/update_queue.hpp"

#include <algorithm>

#include <simdjson.h>

#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

// -- allowed_updates ------------------------------------------------------

refusal allowed_updates::parse(std::string_view encoded, allowed_updates& out) {
  static const auto bad = refusal::bad_request("can't parse allowed updates");
  simdjson::dom::element root;
  if (thread_parser().parse(encoded.data(), encoded.size()).get(root) !=
      simdjson::SUCCESS)
    return bad;
  simdjson::dom::array arr;
  if (root.get_array().get(arr) != simdjson::SUCCESS)
    return bad;
  allowed_updates parsed;
  for (auto el : arr) {
    std::string_view kind;
    if (el.get_string().get(kind) != simdjson::SUCCESS)
      return bad;
    // Unknown names are ignored by Telegram; keeping them is harmless.
    if (std::find(parsed.kinds_.begin(), parsed.kinds_.end(), kind) ==
        parsed.kinds_.end())
      parsed.kinds_.emplace_back(kind);
  }
  out = std::move(parsed);
  return {};
}

bool allowed_updates::allows(std::string_view kind) const {
  if (kinds_.empty())
    return kind != "chat_member" && kind != "message_reaction" &&
           kind != "message_reaction_count";
  return std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
}

// -- update_queue ---------------------------------------------------------

void update_queue::push(int64_t id, std::string body) {
  bytes_ += body.size();
  entries_.push_back({id, std::move(body)});
}

void update_queue::pop_front() {
  bytes_ -= entries_.front().body.size();
  entries_.pop_front();
}

size_t update_queue::apply_offset(int64_t offset) {
  size_t forgotten = 0;
  if (offset < 0) {
    // -offset may be INT64_MIN; compare in unsigned space.
    auto keep = static_cast<uint64_t>(-(offset + 1)) + 1;
    while (entries_.size() > keep) {
      pop_front();
      ++forgotten;
    }
    return forgotten;
  }
  if (offset == 0)
    return 0;
  while (!entries_.empty() && entries_.front().id != 0 &&
         entries_.front().id < offset) {
    pop_front();
    ++forgotten;
  }
  if (entries_.empty() || entries_.front().id != 0)
    return forgotten;
  // A raw entry not yet delivered heads the queue: it stays, confirmed
  // updates behind it go. Rare enough for a linear pass.
  auto end = std::remove_if(entries_.begin(), entries_.end(),
                            [&](const pending_update& u) {
                              bool drop = u.id != 0 && u.id < offset;
                              if (drop) {
                                bytes_ -= u.body.size();
                                ++forgotten;
                              }
                              return drop;
                            });
  entries_.erase(end, entries_.end());
  return forgotten;
}

size_t update_queue::render(size_t limit, std::string& out) {
  auto n = std::min(limit, entries_.size());
  bool any_raw = false;
  for (size_t i = 0; i < n; ++i) {
    if (i > 0)
      out += ',';
    out += entries_[i].body;
    any_raw |= entries_[i].id == 0;
  }
  if (any_raw) {
    auto first = entries_.begin();
    auto last = first + static_cast<std::ptrdiff_t>(n);
    auto end = std::remove_if(first, last, [&](const pending_update& u) {
      if (u.id != 0)
        return false;
      bytes_ -= u.body.size();
      return true;
    });
    entries_.erase(end, last);
  }
  return n;
}

} // namespace bridge::tg_sim
