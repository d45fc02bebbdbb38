// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <queue>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/shared_budget.hpp"
#include "common/token_bucket.hpp"
#include "config/defaults.hpp"

namespace bridge::telegram {

/// Telegram's send limits as the sender keeps them.
struct send_limits {
  double global_per_second = defaults::sender::global_per_second;
  double per_chat_per_second = defaults::sender::per_chat_per_second;
  double per_chat_burst = defaults::sender::per_chat_burst;
  double group_per_minute = defaults::sender::group_per_minute;
  /// The global limit is the bot's: while other instances share it, draw
  /// it from the bucket they share (`cluster.send_budget = "redis"`) rather
  /// than spend a fixed share.
  bool draw_global = false;
};

/// The least global rate an instance's share falls to, however many
/// share the bot: one message every five seconds still moves.
constexpr double global_floor_per_second = 0.2;

/// The part of one of Telegram's bursts the scheduler spends. Telegram
/// counts a call when it arrives, the scheduler when it leaves, and the way
/// between varies (a connection opened, a busy worker), so calls spaced
/// exactly at the limit can arrive closer together and be answered 429.
/// Half of each burst is left unspent to absorb that; the sustained rate
/// is Telegram's.
inline double spent_burst(double burst) {
  return std::max(1.0, burst / 2);
}

/// The global limit as one instance of the bot keeps it: the whole rate
/// alone, its share (or grants) while others send too.
inline shared_budget::settings global_budget(const send_limits& l) {
  shared_budget::settings s;
  s.rate = l.global_per_second;
  // spent_burst of the rate, for whatever share of it.
  s.burst_seconds = 0.5;
  s.min_burst = 1.0;
  s.floor = global_floor_per_second;
  s.draws = l.draw_global;
  return s;
}

/// Decides which queued call goes next without breaking Telegram's limits:
/// a global bucket, a bucket per chat (slower for groups, whose ids are
/// negative), at most one call in flight per chat so each chat's calls
/// arrive in order, and a pause per chat when Telegram answers 429. Chats
/// take turns in order of readiness, so one busy chat cannot starve the
/// others. Pure: time is passed in.
template <class Job> class send_scheduler {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  /// A job the caller should start now.
  struct pick {
    int64_t chat_id;
    Job job;
  };

  send_scheduler(send_limits limits, size_t queue_limit, time_point now,
                 size_t per_chat_limit = static_cast<size_t>(-1))
      : limits_(limits), queue_limit_(queue_limit),
        per_chat_limit_(per_chat_limit), global_(global_budget(limits), now) {}

  /// Queues `job` for `chat_id`; `counts` says whether it uses a message
  /// slot (sendMessage, editMessageText) or not (chat actions, callback
  /// answers). False when the queue, or the chat's share of it
  /// (`per_chat_limit`), is full.
  bool push(int64_t chat_id, Job job, bool counts, time_point now) {
    if (queued_ >= queue_limit_ || queued_for(chat_id) >= per_chat_limit_)
      return false;
    auto& c = chat(chat_id, now);
    c.jobs.push_back({std::move(job), counts});
    ++queued_;
    if (!c.in_flight && !c.scheduled)
      schedule(chat_id, c, now);
    return true;
  }

  /// The next job allowed at `now`, if any. The chat is then in flight
  /// until `completed` or `retry_after` is called for it.
  std::optional<pick> next(time_point now) {
    while (!ready_.empty()) {
      auto top = ready_.top();
      if (top.at > now)
        return std::nullopt;
      auto it = chats_.find(top.chat_id);
      ready_.pop();
      if (it == chats_.end())
        continue;
      auto& c = it->second;
      c.scheduled = false;
      if (c.jobs.empty() || c.in_flight)
        continue;
      auto& head = c.jobs.front();
      if (head.counts) {
        auto chat_ready = std::max(c.paused_until, c.bucket.ready_at(now));
        if (chat_ready > now) {
          schedule_at(top.chat_id, c, chat_ready);
          continue;
        }
        if (!global_.try_take(now)) {
          global_blocked_ = true;
          schedule_at(top.chat_id, c, global_.ready_at(now));
          return std::nullopt;
        }
        global_blocked_ = false;
        c.bucket.try_take(now);
      } else if (c.paused_until > now) {
        schedule_at(top.chat_id, c, c.paused_until);
        continue;
      }
      pick p{top.chat_id, std::move(head.job)};
      c.jobs.pop_front();
      --queued_;
      c.in_flight = true;
      return p;
    }
    return std::nullopt;
  }

  /// When `next` may next return a job; nullopt when nothing is queued
  /// outside chats in flight.
  std::optional<time_point> wake_time() const {
    if (ready_.empty())
      return std::nullopt;
    return ready_.top().at;
  }

  /// The call for `chat_id` finished; its next job may be scheduled.
  void completed(int64_t chat_id, time_point now) {
    auto it = chats_.find(chat_id);
    if (it == chats_.end())
      return;
    auto& c = it->second;
    c.in_flight = false;
    c.last_used = now;
    if (!c.jobs.empty() && !c.scheduled)
      schedule(chat_id, c, now);
  }

  /// The call for `chat_id` must be retried: `job` goes back to the head of
  /// the chat's queue and the chat waits until `until` (Telegram's 429
  /// `retry_after`, or a backoff). Other chats go on.
  void retry_after(int64_t chat_id, Job job, bool counts, time_point until,
                   time_point now) {
    auto& c = chat(chat_id, now);
    c.jobs.push_front({std::move(job), counts});
    ++queued_;
    c.paused_until = std::max(c.paused_until, until);
    c.bucket.pause_until(until);
    c.in_flight = false;
    if (!c.scheduled)
      schedule(chat_id, c, now);
  }

  /// Drops chats with nothing queued or in flight whose bucket has refilled
  /// (forgetting them cannot let a burst through). Call now and then.
  void sweep(time_point now) {
    for (auto it = chats_.begin(); it != chats_.end();) {
      auto& c = it->second;
      if (c.jobs.empty() && !c.in_flight && !c.scheduled
          && c.paused_until <= now
          && c.bucket.tokens(now) >= c.bucket.burst() - 1e-9)
        it = chats_.erase(it);
      else
        ++it;
    }
  }

  /// Removes every queued job (for draining), returning them in order.
  std::vector<pick> take_all() {
    std::vector<pick> out;
    for (auto& [id, c] : chats_) {
      for (auto& q : c.jobs)
        out.push_back({id, std::move(q.job)});
      c.jobs.clear();
    }
    queued_ = 0;
    return out;
  }

  size_t queued() const { return queued_; }

  /// Jobs queued for one chat (not counting the one in flight).
  size_t queued_for(int64_t chat_id) const {
    auto it = chats_.find(chat_id);
    return it == chats_.end() ? 0 : it->second.jobs.size();
  }
  size_t chats() const { return chats_.size(); }

  /// The bot's global limit as this instance spends it (membership and
  /// grants go in here).
  shared_budget& global() { return global_; }

  /// Whether the last call waiting on the global limit still waits: then
  /// a grant from the shared bucket would be spent.
  bool global_blocked() const { return global_blocked_; }

private:
  struct queued_job {
    Job job;
    bool counts;
  };

  struct chat_state {
    std::deque<queued_job> jobs;
    token_bucket bucket;
    time_point paused_until;
    time_point last_used;
    bool in_flight = false;
    bool scheduled = false;
  };

  struct entry {
    time_point at;
    uint64_t seq;
    int64_t chat_id;
    bool operator>(const entry& other) const {
      return at != other.at ? at > other.at : seq > other.seq;
    }
  };

  chat_state& chat(int64_t chat_id, time_point now) {
    auto it = chats_.find(chat_id);
    if (it != chats_.end())
      return it->second;
    double rate = limits_.per_chat_per_second;
    double burst = limits_.per_chat_burst;
    if (chat_id < 0) {
      rate = std::min(rate, limits_.group_per_minute / 60.0);
      burst = std::min(burst, std::max(1.0, limits_.group_per_minute / 60.0));
    }
    burst = spent_burst(burst);
    return chats_
        .emplace(
            chat_id,
            chat_state{
                {}, token_bucket{rate, burst, now}, now, now, false, false})
        .first->second;
  }

  void schedule(int64_t chat_id, chat_state& c, time_point now) {
    schedule_at(chat_id, c, std::max(now, c.paused_until));
  }

  void schedule_at(int64_t chat_id, chat_state& c, time_point at) {
    c.scheduled = true;
    ready_.push({at, seq_++, chat_id});
  }

  send_limits limits_;
  size_t queue_limit_;
  size_t per_chat_limit_;
  size_t queued_ = 0;
  uint64_t seq_ = 0;
  shared_budget global_;
  bool global_blocked_ = false;
  std::unordered_map<int64_t, chat_state> chats_;
  std::priority_queue<entry, std::vector<entry>, std::greater<entry>> ready_;
};

} // namespace bridge::telegram
