// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// The bot's `allowed_updates` setting. Telegram keeps the last one given
/// until a call names another, and applies it when an update is created,
/// not when it is fetched.
class allowed_updates {
public:
  /// Parses a JSON array of kind names. An empty array restores the
  /// default: every kind except chat_member and the reaction kinds.
  static refusal parse(std::string_view encoded, allowed_updates& out);

  bool allows(std::string_view kind) const;

  /// The kinds named, empty for the default.
  const std::vector<std::string>& kinds() const { return kinds_; }

private:
  std::vector<std::string> kinds_;
};

/// One entry waiting for the bot.
struct pending_update {
  /// The update's id. A raw entry has one too, though its bytes may not
  /// say it: Telegram numbers every update, so the bot's offset confirms
  /// a raw entry like any other.
  int64_t id = 0;
  /// The Update object as JSON, or, for a raw entry, the bytes as given.
  std::string body;
  /// Bytes given verbatim (`inject_raw`): a webhook pushes them once,
  /// whatever the answer, as the bot could not name them to refuse.
  bool raw = false;
};

/// Updates not yet confirmed, oldest first, with the Bot API's offset
/// rules. Not thread-safe: the simulator's state owns it under its lock.
class update_queue {
public:
  update_queue(size_t max_entries, size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  /// True when an entry of `bytes` more would break a bound.
  bool would_overflow(size_t bytes) const { return would_overflow(1, bytes); }

  /// True when `entries` more entries of `bytes` in all would break a bound.
  bool would_overflow(size_t entries, size_t bytes) const {
    return entries_.size() + entries > max_entries_
           || bytes_ + bytes > max_bytes_;
  }

  /// Appends an update with id `id` (ids must increase).
  void push(int64_t id, std::string body, bool raw = false);

  /// Applies a getUpdates `offset`: a positive one confirms (forgets)
  /// every update with a smaller id; a negative one keeps only the last
  /// -offset entries; 0 changes nothing. Returns how many were forgotten.
  size_t apply_offset(int64_t offset);

  /// Appends up to `limit` entries to `out`, comma-separated, as the
  /// elements of a `result` array; they stay until an offset confirms
  /// them. Returns the count.
  size_t render(size_t limit, std::string& out);

  /// The oldest entry; the queue must not be empty.
  const pending_update& front() const { return entries_.front(); }

  /// Forgets the oldest entry (a webhook push was accepted).
  void pop_front();

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  size_t bytes() const { return bytes_; }

  void clear() {
    entries_.clear();
    bytes_ = 0;
  }

private:
  std::deque<pending_update> entries_;
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
};

} // namespace bridge::tg_sim
