// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "messages/translator.hpp"

namespace bridge::translation {

/// A request the translator owes an answer.
struct pending_request {
  using time_point = std::chrono::steady_clock::time_point;

  /// The translator's own key (requesters' ids may collide).
  uint64_t key = 0;
  /// The requester's id, echoed in answers.
  uint64_t id = 0;
  backend_call call;
  double tokens = 0;
  translation_listener reply_to;
  time_point arrived;
  time_point deadline;
  time_point notice_at;
  /// When the requester hears that it is slow; max() for never.
  time_point slow_at = time_point::max();
  /// When `retrying`: the earliest start of the next attempt.
  time_point retry_due;
  uint32_t attempts = 0;
  bool in_flight = false;
  bool retrying = false;
  bool notice_sent = false;
  bool slow_sent = false;
};

/// The translator's bookkeeping of owed answers: fresh requests in arrival
/// order, retries waiting for their time, and the deadlines and notice
/// times of all of them. Pure: time is passed in.
class request_queue {
public:
  using time_point = pending_request::time_point;

  /// Adds a fresh request at the back.
  void push(pending_request p);

  pending_request* find(uint64_t key);

  /// The request to start next at `now`: a retry whose wait is over, else
  /// the oldest fresh one. Null when none is ready.
  pending_request* next_ready(time_point now);

  /// Takes `key` out of the waiting lines: its call is starting.
  void started(uint64_t key);

  /// Makes `key` wait until `at` before its next attempt.
  void retry_at(uint64_t key, time_point at);

  /// Removes `key` for good (answered); empty when it was not there.
  std::optional<pending_request> take(uint64_t key);

  /// Keys whose deadline is at or before `now`, oldest deadline first.
  std::vector<uint64_t> expired(time_point now) const;

  /// Keys whose queued notice is due at `now`; each is returned once.
  std::vector<uint64_t> notices_due(time_point now);

  /// Keys whose slow notice is due at `now`, in flight or not; each is
  /// returned once.
  std::vector<uint64_t> slow_due(time_point now);

  /// The next time something is due: a deadline, a notice or a retry.
  std::optional<time_point> next_event() const;

  /// Requests waiting (fresh or for a retry), not counting calls in flight.
  size_t waiting() const { return fresh_.size() + retries_.size(); }

  /// Every request owed an answer.
  size_t size() const { return entries_.size(); }

  /// Every key owed an answer, in no particular order.
  std::vector<uint64_t> keys() const;

private:
  using timed = std::pair<time_point, uint64_t>;

  /// Takes the keys due at `now` off a notice line, marking each `sent`.
  std::vector<uint64_t> take_due(std::set<timed>& line,
                                 bool pending_request::*sent, time_point now);

  std::unordered_map<uint64_t, pending_request> entries_;
  /// Keys grow with arrival, so a set is the FIFO with O(log n) removal.
  std::set<uint64_t> fresh_;
  std::set<timed> retries_;
  std::set<timed> deadlines_;
  std::set<timed> notices_;
  std::set<timed> slow_;
};

} // namespace bridge::translation
