// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cache/profile_memo.hpp"
#include "cache/redis_client.hpp"
#include "cache/redis_url.hpp"
#include "common/backoff.hpp"

namespace bridge::cache {

/// One published invalidation: the profiles and the teams' glossaries
/// (by manager) a write changed, or all of them (a purge after lost
/// invalidations).
struct invalidation {
  bool all = false;
  std::vector<int64_t> profiles;
  std::vector<int64_t> glossaries;
};

/// The message published ("*" for all): words separated by single
/// spaces, a profile's id in decimal, a glossary's manager id after a
/// `g`. An engine that reads no `g` word drops every profile it keeps,
/// which is safe.
std::string encode_invalidation(const std::vector<int64_t>& profiles,
                                const std::vector<int64_t>& glossaries = {});
std::string encode_invalidate_all();

/// Reads a published message. Anything that is not a list of ids or "*"
/// is nothing: the caller then drops every copy, as a message it cannot
/// read may have named any profile.
std::optional<invalidation> decode_invalidation(std::string_view message);

/// The subscriber that keeps a `profile_memo` honest: one thread, one
/// Redis connection subscribed to `keys::invalidation_channel`. The memo
/// is open only while the subscription stands and answers pings; on any
/// loss it is closed (every read goes to Redis again) until the feed has
/// subscribed anew, with backoff between attempts. The teams' glossaries
/// named in the news are passed on to `forget_glossaries`; those copies
/// expire on their own, so a lost subscription only delays them.
class invalidation_feed {
public:
  /// Told the managers whose glossary changed, or `all` of them.
  using glossary_news =
      std::function<void(const std::vector<int64_t>& managers, bool all)>;

  struct options {
    /// Unset: no glossary is kept in memory.
    glossary_news forget_glossaries;
    redis_endpoint endpoint;
    std::chrono::milliseconds timeout{250};
    backoff_policy backoff{std::chrono::milliseconds{100},
                           std::chrono::milliseconds{5000}};
    /// A quiet connection is pinged this often and given up after
    /// `silence_limit` without a word (a stalled server keeps its
    /// connections open).
    std::chrono::milliseconds ping_every{1000};
    std::chrono::milliseconds silence_limit{3000};
  };

  /// `memo` may be null when only glossaries are kept.
  invalidation_feed(options opts, std::shared_ptr<profile_memo> memo);
  ~invalidation_feed();

  invalidation_feed(const invalidation_feed&) = delete;
  invalidation_feed& operator=(const invalidation_feed&) = delete;

  bool subscribed() const {
    return subscribed_.load(std::memory_order_acquire);
  }
  /// Subscriptions made after the first (losses recovered).
  int64_t resubscriptions() const {
    return resubscriptions_.load(std::memory_order_relaxed);
  }

private:
  void run();
  /// Serves one connection until it fails or the feed stops; why it ended.
  std::string serve(redis_client& redis);
  void apply(const std::string& message);
  void forget_all_glossaries();
  /// Waits `d` unless stopped first; false when stopped.
  bool pause(std::chrono::milliseconds d);

  options opts_;
  std::shared_ptr<profile_memo> memo_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> subscribed_{false};
  std::atomic<int64_t> resubscriptions_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

} // namespace bridge::cache
