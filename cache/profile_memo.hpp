// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "messages/storage_people.hpp"

namespace bridge::cache {

/// Profiles this engine read recently, kept in memory so that a message
/// does not cost a Redis round trip for its partner's profile.
///
/// A copy is only as good as the news of its changes. Writes through
/// this engine forget their rows at once; writes through other engines
/// arrive as published invalidations (`invalidation_feed`). The memo is
/// therefore open only while that feed is subscribed: closed, it answers
/// nothing and keeps nothing, and every read goes to Redis as before.
///
/// A read that missed takes a ticket before asking Redis or PostgreSQL;
/// its answer is kept only if nothing invalidated that row's shard (or
/// the whole memo) since, so an answer read before a change can never
/// outlive the change's invalidation. Entries also expire after `ttl`,
/// which bounds how long a lost invalidation could leave a stale copy.
///
/// Thread-safe: sessions read it on scheduler threads (memory only, a
/// short lock per shard), the cache actor and the feed write it.
class profile_memo {
public:
  struct ticket {
    uint64_t epoch = 0;
    uint64_t generation = 0;
  };

  struct counters {
    int64_t hits = 0;
    int64_t misses = 0;
    /// Answers not kept because an invalidation overtook them.
    int64_t stale_fills = 0;
    int64_t invalidations = 0;
    int64_t size = 0;
    bool open = false;
  };

  /// `capacity` 0 disables the memo. `now_ms` is injected for tests.
  profile_memo(size_t capacity, std::chrono::milliseconds ttl,
               std::function<int64_t()> now_ms = {});

  /// The profile if a fresh copy is kept (and the memo is open).
  std::optional<user_record> find(int64_t telegram_id);

  /// Taken before a read through Redis or PostgreSQL starts.
  ticket reserve(int64_t telegram_id) const;

  /// Keeps `profile` if no invalidation came since `t` was taken.
  void fill(const user_record& profile, ticket t);

  /// A write changed this profile.
  void forget(int64_t telegram_id);

  /// Every copy may be stale (lost invalidations): drop all.
  void forget_all();

  /// The feed is subscribed: copies may be kept from now on. Drops what
  /// was kept before, as invalidations may have been missed meanwhile.
  void open();

  /// The feed lost its subscription: keep and answer nothing.
  void close();

  counters snapshot() const;

private:
  static constexpr size_t shard_count = 16;

  struct entry {
    user_record profile;
    int64_t expires_at_ms = 0;
  };

  struct shard {
    mutable std::mutex mutex;
    uint64_t generation = 0;
    std::unordered_map<int64_t, entry> rows;
  };

  shard& shard_of(int64_t telegram_id);
  const shard& shard_of(int64_t telegram_id) const;
  int64_t now_ms() const;
  void clear_all();

  const size_t per_shard_;
  const std::chrono::milliseconds ttl_;
  const std::function<int64_t()> now_ms_;
  std::array<shard, shard_count> shards_;
  /// Bumped by open, close and forget_all: older tickets are void.
  std::atomic<uint64_t> epoch_{0};
  std::atomic<bool> open_{false};
  std::atomic<int64_t> hits_{0};
  std::atomic<int64_t> misses_{0};
  std::atomic<int64_t> stale_fills_{0};
  std::atomic<int64_t> invalidations_{0};
};

} // namespace bridge::cache
