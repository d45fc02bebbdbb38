// SPDX-License-Identifier: Apache-2.0
#include "translator/request_queue.hpp"

namespace bridge::translation {

void request_queue::push(pending_request p) {
  auto key = p.key;
  deadlines_.emplace(p.deadline, key);
  if (!p.notice_sent)
    notices_.emplace(p.notice_at, key);
  if (!p.slow_sent && p.slow_at != time_point::max())
    slow_.emplace(p.slow_at, key);
  fresh_.insert(key);
  entries_.emplace(key, std::move(p));
}

pending_request* request_queue::find(uint64_t key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

pending_request* request_queue::next_ready(time_point now) {
  if (!retries_.empty() && retries_.begin()->first <= now)
    return find(retries_.begin()->second);
  if (!fresh_.empty())
    return find(*fresh_.begin());
  return nullptr;
}

void request_queue::started(uint64_t key) {
  fresh_.erase(key);
  auto* p = find(key);
  if (p == nullptr)
    return;
  if (p->retrying)
    retries_.erase({p->retry_due, key});
  p->retrying = false;
  p->in_flight = true;
}

void request_queue::retry_at(uint64_t key, time_point at) {
  auto* p = find(key);
  if (p == nullptr)
    return;
  if (p->retrying)
    retries_.erase({p->retry_due, key});
  p->in_flight = false;
  p->retrying = true;
  p->retry_due = at;
  retries_.emplace(at, key);
}

std::optional<pending_request> request_queue::take(uint64_t key) {
  auto it = entries_.find(key);
  if (it == entries_.end())
    return std::nullopt;
  auto p = std::move(it->second);
  entries_.erase(it);
  fresh_.erase(key);
  deadlines_.erase({p.deadline, key});
  notices_.erase({p.notice_at, key});
  slow_.erase({p.slow_at, key});
  if (p.retrying)
    retries_.erase({p.retry_due, key});
  return p;
}

std::vector<uint64_t> request_queue::expired(time_point now) const {
  std::vector<uint64_t> out;
  for (auto& [at, key] : deadlines_) {
    if (at > now)
      break;
    out.push_back(key);
  }
  return out;
}

std::vector<uint64_t> request_queue::take_due(std::set<timed>& line,
                                              bool pending_request::*sent,
                                              time_point now) {
  std::vector<uint64_t> out;
  while (!line.empty() && line.begin()->first <= now) {
    auto key = line.begin()->second;
    line.erase(line.begin());
    if (auto* p = find(key)) {
      p->*sent = true;
      out.push_back(key);
    }
  }
  return out;
}

std::vector<uint64_t> request_queue::notices_due(time_point now) {
  return take_due(notices_, &pending_request::notice_sent, now);
}

std::vector<uint64_t> request_queue::slow_due(time_point now) {
  return take_due(slow_, &pending_request::slow_sent, now);
}

std::optional<request_queue::time_point> request_queue::next_event() const {
  std::optional<time_point> out;
  auto consider = [&](const std::set<timed>& s) {
    if (!s.empty() && (!out || s.begin()->first < *out))
      out = s.begin()->first;
  };
  consider(deadlines_);
  consider(notices_);
  consider(slow_);
  consider(retries_);
  return out;
}

std::vector<uint64_t> request_queue::keys() const {
  std::vector<uint64_t> out;
  out.reserve(entries_.size());
  for (auto& [key, p] : entries_)
    out.push_back(key);
  return out;
}

} // namespace bridge::translation
