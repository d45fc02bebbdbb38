// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/update_queue.hpp"

#include <algorithm>

#include <simdjson.h>

#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

// -- allowed_updates ------------------------------------------------------

refusal allowed_updates::parse(std::string_view encoded, allowed_updates& out) {
  static const auto bad = refusal::bad_request("can't parse allowed updates");
  simdjson::dom::element root;
  if (thread_parser().parse(encoded.data(), encoded.size()).get(root)
      != simdjson::SUCCESS)
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
    if (std::find(parsed.kinds_.begin(), parsed.kinds_.end(), kind)
        == parsed.kinds_.end())
      parsed.kinds_.emplace_back(kind);
  }
  out = std::move(parsed);
  return {};
}

bool allowed_updates::allows(std::string_view kind) const {
  if (kinds_.empty())
    return kind != "chat_member" && kind != "message_reaction"
           && kind != "message_reaction_count";
  return std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
}

// -- update_queue ---------------------------------------------------------

void update_queue::push(int64_t id, std::string body, bool raw) {
  bytes_ += body.size();
  entries_.push_back({id, std::move(body), raw});
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
  while (!entries_.empty() && entries_.front().id < offset) {
    pop_front();
    ++forgotten;
  }
  return forgotten;
}

size_t update_queue::render(size_t limit, std::string& out) {
  auto n = std::min(limit, entries_.size());
  for (size_t i = 0; i < n; ++i) {
    if (i > 0)
      out += ',';
    out += entries_[i].body;
  }
  return n;
}

} // namespace bridge::tg_sim
