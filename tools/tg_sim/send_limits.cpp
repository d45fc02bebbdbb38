// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/send_limits.hpp"

#include <algorithm>
#include <cmath>

namespace bridge::tg_sim {

const char* to_string(limit_scope s) {
  switch (s) {
  case limit_scope::none:
    return "none";
  case limit_scope::global:
    return "global";
  case limit_scope::chat:
    return "chat";
  case limit_scope::group:
    return "group";
  }
  return "unknown";
}

send_limits::send_limits(const limit_settings& s, time_point now)
    : settings_(s),
      global_(s.global_per_second, std::max(1.0, s.global_per_second), now) {}

void send_limits::configure(const limit_settings& s, time_point now) {
  settings_ = s;
  global_ = token_bucket{s.global_per_second,
                         std::max(1.0, s.global_per_second), now};
  chats_.clear();
  groups_.clear();
}

token_bucket send_limits::make_chat_bucket(time_point now) const {
  return {settings_.per_chat_per_second, settings_.per_chat_burst, now};
}

token_bucket send_limits::make_group_bucket(time_point now) const {
  // A group may spend its whole minute at once, as Telegram allows.
  return {settings_.group_per_minute / 60.0,
          std::max(1.0, settings_.group_per_minute), now};
}

limit_verdict send_limits::try_send(int64_t chat_id, time_point now) {
  if (!settings_.enabled)
    return {};
  auto chat_it = chats_.find(chat_id);
  if (chat_it == chats_.end())
    chat_it = chats_.emplace(chat_id, make_chat_bucket(now)).first;
  token_bucket* group = nullptr;
  if (chat_id < 0) {
    auto it = groups_.find(chat_id);
    if (it == groups_.end())
      it = groups_.emplace(chat_id, make_group_bucket(now)).first;
    group = &it->second;
  }
  // Ask every bucket first, so a refusal takes no token from any.
  limit_verdict v;
  auto latest = now;
  auto consider = [&](token_bucket& b, limit_scope scope) {
    auto ready = b.ready_at(now);
    if (ready > latest) {
      latest = ready;
      v.refused_by = scope;
    }
  };
  consider(global_, limit_scope::global);
  consider(chat_it->second, limit_scope::chat);
  if (group != nullptr)
    consider(*group, limit_scope::group);
  if (v.refused_by != limit_scope::none) {
    std::chrono::duration<double> wait = latest - now;
    // Buckets pad their answer by a tick; that tick is not a second more.
    v.retry_after_s = std::max<int64_t>(
        1, static_cast<int64_t>(std::ceil(wait.count() - 1e-6)));
    return v;
  }
  global_.try_take(now);
  chat_it->second.try_take(now);
  if (group != nullptr)
    group->try_take(now);
  return v;
}

} // namespace bridge::tg_sim
