// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "common/token_bucket.hpp"
#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// Which of Telegram's limits refused a message.
enum class limit_scope : uint8_t { none, global, chat, group };

const char* to_string(limit_scope s);

/// The verdict on one message.
struct limit_verdict {
  limit_scope refused_by = limit_scope::none;
  /// Whole seconds until every limit involved would accept, at least 1.
  int64_t retry_after_s = 0;

  bool allowed() const { return refused_by == limit_scope::none; }
};

/// Telegram's send limits: a global bucket, one per chat, and a slower
/// one per group. A message takes a token from every bucket that applies
/// or from none. Not thread-safe: the simulator's state owns it.
class send_limits {
public:
  using time_point = token_bucket::time_point;

  send_limits(const limit_settings& s, time_point now);

  /// Decides one message to `chat_id` at `now`.
  limit_verdict try_send(int64_t chat_id, time_point now);

  /// Applies new settings; buckets restart full.
  void configure(const limit_settings& s, time_point now);

  const limit_settings& settings() const { return settings_; }

private:
  token_bucket make_chat_bucket(time_point now) const;
  token_bucket make_group_bucket(time_point now) const;

  limit_settings settings_;
  token_bucket global_;
  std::unordered_map<int64_t, token_bucket> chats_;
  std::unordered_map<int64_t, token_bucket> groups_;
};

} // namespace bridge::tg_sim
