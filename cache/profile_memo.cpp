// SPDX-License-Identifier: Apache-2.0
#include "cache/profile_memo.hpp"

namespace bridge::cache {

profile_memo::profile_memo(size_t capacity, std::chrono::milliseconds ttl,
                           std::function<int64_t()> now_ms)
    : per_shard_(capacity == 0 ? 0
                               : (capacity + shard_count - 1) / shard_count),
      ttl_(ttl), now_ms_(std::move(now_ms)) {}

profile_memo::shard& profile_memo::shard_of(int64_t telegram_id) {
  return shards_[static_cast<uint64_t>(telegram_id) % shard_count];
}

const profile_memo::shard& profile_memo::shard_of(int64_t telegram_id) const {
  return shards_[static_cast<uint64_t>(telegram_id) % shard_count];
}

int64_t profile_memo::now_ms() const {
  if (now_ms_)
    return now_ms_();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::optional<user_record> profile_memo::find(int64_t telegram_id) {
  if (per_shard_ == 0 || !open_.load(std::memory_order_acquire))
    return std::nullopt;
  auto& s = shard_of(telegram_id);
  {
    std::lock_guard<std::mutex> guard{s.mutex};
    if (auto it = s.rows.find(telegram_id); it != s.rows.end()) {
      if (it->second.expires_at_ms > now_ms()) {
        hits_.fetch_add(1, std::memory_order_relaxed);
        return it->second.profile;
      }
      s.rows.erase(it);
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  return std::nullopt;
}

profile_memo::ticket profile_memo::reserve(int64_t telegram_id) const {
  auto& s = shard_of(telegram_id);
  std::lock_guard<std::mutex> guard{s.mutex};
  return {epoch_.load(std::memory_order_acquire), s.generation};
}

void profile_memo::fill(const user_record& profile, ticket t) {
  if (per_shard_ == 0 || !open_.load(std::memory_order_acquire))
    return;
  auto& s = shard_of(profile.telegram_id);
  std::lock_guard<std::mutex> guard{s.mutex};
  // The epoch is read under the shard's lock: a forget_all that bumps it
  // after this check clears this shard after this insert.
  if (t.epoch != epoch_.load(std::memory_order_acquire)
      || t.generation != s.generation) {
    stale_fills_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  if (s.rows.size() >= per_shard_ && s.rows.count(profile.telegram_id) == 0)
    s.rows.erase(s.rows.begin()); // any row: the memo only saves round trips
  s.rows[profile.telegram_id] = entry{profile, now_ms() + ttl_.count()};
}

void profile_memo::forget(int64_t telegram_id) {
  auto& s = shard_of(telegram_id);
  std::lock_guard<std::mutex> guard{s.mutex};
  ++s.generation;
  s.rows.erase(telegram_id);
  invalidations_.fetch_add(1, std::memory_order_relaxed);
}

void profile_memo::clear_all() {
  // The epoch first: a fill that passed its check before this bump holds
  // a shard's lock, so the shard's clearing below comes after it.
  epoch_.fetch_add(1, std::memory_order_acq_rel);
  for (auto& s : shards_) {
    std::lock_guard<std::mutex> guard{s.mutex};
    s.rows.clear();
  }
}

void profile_memo::forget_all() {
  clear_all();
  invalidations_.fetch_add(1, std::memory_order_relaxed);
}

void profile_memo::open() {
  clear_all();
  open_.store(true, std::memory_order_release);
}

void profile_memo::close() {
  open_.store(false, std::memory_order_release);
  clear_all();
}

profile_memo::counters profile_memo::snapshot() const {
  counters c;
  c.hits = hits_.load(std::memory_order_relaxed);
  c.misses = misses_.load(std::memory_order_relaxed);
  c.stale_fills = stale_fills_.load(std::memory_order_relaxed);
  c.invalidations = invalidations_.load(std::memory_order_relaxed);
  c.open = open_.load(std::memory_order_acquire);
  for (auto& s : shards_) {
    std::lock_guard<std::mutex> guard{s.mutex};
    c.size += static_cast<int64_t>(s.rows.size());
  }
  return c;
}

} // namespace bridge::cache
