// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>

namespace bridge::tg_sim {

/// Everything the bot did, in one global order, bounded: past
/// `max_events` the oldest event is dropped and counted. Each chat keeps
/// an index of its sequence numbers, so reading one chat never scans the
/// others. Not thread-safe: the simulator's state owns it under its lock.
class event_log {
public:
  explicit event_log(size_t max_events) : max_events_(max_events) {}

  /// Records one event and returns its sequence number. `fields` is the
  /// event's JSON members after seq, chat_id and message_id, already
  /// encoded (`"method":"sendMessage","text":...`), so the lock holder
  /// only copies bytes. `message_id` 0 means none.
  int64_t append(int64_t chat_id, int64_t message_id, std::string fields);

  /// Appends the events of `chat_id` with seq > `after`, at most `limit`,
  /// as comma-separated JSON objects. Returns how many.
  size_t render_chat(int64_t chat_id, int64_t after, size_t limit,
                     std::string& out) const;

  /// Same over all chats.
  size_t render_all(int64_t after, size_t limit, std::string& out) const;

  /// True when some event of `chat_id` (or of any chat, for `all`) has
  /// seq > `after`.
  bool has_after(int64_t chat_id, int64_t after) const;
  bool has_any_after(int64_t after) const { return last_seq_ > after; }

  /// Forgets every event and zeroes the counters; sequence numbers keep
  /// increasing, so a reader holding an old cursor misses nothing new.
  void clear();

  int64_t last_seq() const { return last_seq_; }
  size_t size() const { return events_.size(); }
  uint64_t dropped() const { return dropped_; }
  uint64_t recorded() const { return recorded_; }

private:
  struct event {
    int64_t seq;
    int64_t chat_id;
    int64_t message_id;
    std::string fields;
  };

  void render(const event& e, std::string& out) const;
  const event* by_seq(int64_t seq) const;

  std::deque<event> events_;
  std::unordered_map<int64_t, std::deque<int64_t>> by_chat_;
  size_t max_events_;
  int64_t last_seq_ = 0;
  uint64_t dropped_ = 0;
  uint64_t recorded_ = 0;
};

} // namespace bridge::tg_sim
