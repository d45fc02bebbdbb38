// SPDX-License-Identifier: Apache-2.0
#include "storage/db_pool.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/dispatch.hpp"
#include "storage/repo_admin.hpp"
#include "storage/repo_billing.hpp"
#include "storage/repo_business.hpp"
#include "storage/repo_corrections.hpp"
#include "storage/repo_feedback.hpp"
#include "storage/repo_glossary.hpp"
#include "storage/repo_intake.hpp"
#include "storage/repo_join.hpp"
#include "storage/repo_outbox.hpp"
#include "storage/repo_parked.hpp"
#include "storage/repo_people.hpp"
#include "storage/repo_star_rejections.hpp"
#include "storage/repo_stars.hpp"
#include "storage/repo_talk.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::storage {

namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

int64_t to_ns(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             t.time_since_epoch())
      .count();
}

bool is_unavailable(const caf::message& reply) {
  return reply.match_elements<caf::error>()
         && engine_code(reply.get_as<caf::error>(0))
                == engine_errc::db_unavailable;
}

bool batchable(uint32_t op) {
  return op_table(op).is_batched;
}

} // namespace

template <class Op> auto db_pool_state::handler() {
  return [this](Op& op) -> caf::result<typename Op::result> {
    auto rp = self->template make_response_promise<typename Op::result>();
    auto invalid = check(op);
    auto weight = op_weight(op);
    auto timeout = op.timeout_ms;
    admit(op_index<Op>, weight, timeout, std::move(invalid),
          caf::make_message(std::move(op)), rp);
    return rp;
  };
}

template <class... Ops>
db_actor::behavior_type db_pool_state::behavior(db_op_list<Ops...>) {
  return {
      handler<Ops>()...,
      [this](status_atom) { return status(); },
      [this](watch_atom, invalidation_sink& sink) {
        watcher_ = std::move(sink);
      },
      [this](tick_atom) { sweep(); },
      [this](again_atom) {
        linger_at_ = clock::time_point::max();
        dispatch();
      },
  };
}

db_actor::behavior_type db_pool_state::make_behavior(db_pool_options opts) {
  opts_ = std::move(opts);
  opts_.pool_size = std::max<size_t>(1, opts_.pool_size);
  opts_.batch_max = std::max<size_t>(1, opts_.batch_max);
  opts_.batch_turns = std::max<size_t>(1, opts_.batch_turns);
  running_.assign(op_count, 0);
  queue_ = std::make_unique<queue>(op_count, opts_.queue_limit);
  counters_.pool_size = static_cast<int64_t>(opts_.pool_size);
  counters_.queue_limit = static_cast<int64_t>(opts_.queue_limit);
  if (opts_.pressure)
    opts_.pressure->queue_limit.store(counters_.queue_limit,
                                      std::memory_order_relaxed);
  workers_.resize(opts_.pool_size);
  for (size_t i = 0; i < std::clamp<size_t>(opts_.pool_min, 1, opts_.pool_size);
       ++i) {
    spawn_worker(i);
    connect(i);
  }
  self->set_exit_handler([this](caf::exit_msg& msg) {
    for (size_t i = 0; i < workers_.size(); ++i) {
      if (workers_[i].handle.address() != msg.source)
        continue;
      spdlog::error("db: worker {} stopped ({}); starting a new one", i,
                    caf::to_string(msg.reason));
      idle_.erase(std::remove(idle_.begin(), idle_.end(), i), idle_.end());
      spawn_worker(i);
      auto running =
          std::find_if(turns_.begin(), turns_.end(),
                       [i](const auto& kv) { return kv.second.worker == i; });
      if (running != turns_.end()) {
        // Its requests fail (or run again); finishing the turn reconnects.
        db_turn_result lost;
        lost.link = link_state::lost_in_doubt;
        finish_turn(running->first, lost);
      } else {
        connect(i);
      }
      return;
    }
    fail_all(make_error(engine_errc::shutting_down, "the database pool stops"));
    self->quit(msg.reason);
  });
  return behavior(db_ops{});
}

void db_pool_state::spawn_worker(size_t index) {
  db_worker_options wo;
  wo.pg = opts_.pg;
  wo.batch_max = opts_.batch_max;
  wo.reconnect_base = opts_.reconnect_base;
  wo.reconnect_max = opts_.reconnect_max;
  wo.counters = worker_counters_;
  workers_[index].handle =
      self->spawn<caf::detached + caf::linked>(db_worker, wo);
  workers_[index].state = phase::connecting;
}

void db_pool_state::connect(size_t worker) {
  auto handle = workers_[worker].handle;
  workers_[worker].state = phase::connecting;
  self->request(handle, caf::infinite, connect_atom::value)
      .then(
          [this, worker, handle](int64_t) {
            auto& slot = workers_[worker];
            if (slot.handle != handle || slot.state != phase::connecting)
              return;
            slot.state = phase::idle;
            idle_.push_back(worker);
            dispatch();
          },
          [worker](caf::error& err) {
            // The worker is gone; the exit handler starts a new one.
            spdlog::debug("db: worker {} did not connect: {}", worker,
                          describe(err));
          });
}

void db_pool_state::admit(uint32_t op, size_t weight, int64_t timeout_ms,
                          caf::error invalid, caf::message call,
                          caf::response_promise promise) {
  if (invalid) {
    ++counters_.rejected_invalid;
    promise.deliver(std::move(invalid));
    return;
  }
  ++counters_.requests;
  auto now = clock::now();
  auto timeout =
      timeout_ms > 0 ? milliseconds{timeout_ms} : opts_.request_timeout;
  bool must_wait = idle_.empty() || !queue_->empty();
  if (!queue_->push(op, weight, now, now + timeout,
                    pending{std::move(call), promise, 0})) {
    ++counters_.rejected_full;
    refuse(promise, make_error(engine_errc::queue_full,
                               "the database queue holds "
                                   + std::to_string(queue_->size())
                                   + " requests already"));
    return;
  }
  if (must_wait)
    ++counters_.waits;
  schedule_sweep(now + timeout);
  dispatch();
}

bool db_pool_state::combines(uint32_t op) const {
  return opts_.combine_writes && op_table(op).is_combinable;
}

bool db_pool_state::may_leave(uint32_t op) const {
  if (!combines(op) && (!batchable(op) || op_table(op).is_urgent))
    return true;
  if (!combines(op))
    return write_turn_allowed(opts_, running_[op], queue_->waiting_weight(op));
  auto waited = clock::now() - queue_->oldest(op).value_or(clock::now());
  return combined_turn_allowed(opts_, combined_running_,
                               queue_->waiting_weight(op),
                               duration_cast<microseconds>(waited));
}

void db_pool_state::wake_after_linger() {
  // A running combined turn dispatches again when it finishes.
  if (opts_.write_linger.count() == 0 || idle_.empty()
      || combined_running_ >= opts_.batch_turns)
    return;
  auto oldest = clock::time_point::max();
  for (uint32_t op = 0; op < op_count; ++op)
    if (combines(op))
      oldest = std::min(oldest, queue_->oldest(op).value_or(oldest));
  if (oldest == clock::time_point::max())
    return;
  auto at = oldest + opts_.write_linger;
  if (at >= linger_at_)
    return;
  linger_at_ = at;
  auto delay = std::max(clock::duration::zero(), at - clock::now());
  self->delayed_send(self, duration_cast<microseconds>(delay),
                     again_atom::value);
}

void db_pool_state::dispatch() {
  while (!idle_.empty() && !queue_->empty()) {
    auto calls = queue_->take(batchable, opts_.batch_max,
                              [this](uint32_t op) { return may_leave(op); });
    if (calls.empty())
      break;
    auto first = calls.front().kind;
    if (combines(first)) {
      // The other write types waiting now ride along, a batch each.
      for (uint32_t op = 0; op < op_count; ++op) {
        if (op == first || !combines(op) || !queue_->waiting(op))
          continue;
        auto more = queue_->take_kind(op, opts_.batch_max);
        std::move(more.begin(), more.end(), std::back_inserter(calls));
      }
    }
    auto worker = idle_.back();
    idle_.pop_back();
    start_turn(worker, std::move(calls));
  }
  grow();
  wake_after_linger();
  publish_pressure();
}

void db_pool_state::grow() {
  if (!idle_.empty() || queue_->empty())
    return;
  // One at a time, and not while a lost connection is being opened
  // again: a server that restarts is not met by a storm of connects.
  auto is = [](phase p) {
    return [p](const worker_slot& w) { return w.state == p; };
  };
  if (std::any_of(workers_.begin(), workers_.end(), is(phase::connecting)))
    return;
  auto closed =
      std::find_if(workers_.begin(), workers_.end(), is(phase::closed));
  if (closed == workers_.end())
    return;
  auto index = static_cast<size_t>(closed - workers_.begin());
  spdlog::debug("db: requests wait with {} connection(s) busy; opening another",
                index);
  spawn_worker(index);
  connect(index);
}

void db_pool_state::publish_pressure() {
  if (opts_.pressure)
    opts_.pressure->queue_depth.store(static_cast<int64_t>(queue_->size()),
                                      std::memory_order_relaxed);
}

void db_pool_state::start_turn(size_t worker, std::vector<queue::entry> calls) {
  auto now = clock::now();
  db_turn t;
  t.op = calls.front().kind;
  std::vector<uint32_t> kinds;
  for (auto& c : calls)
    if (std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end())
      kinds.push_back(c.kind);
  if (kinds.size() > 1)
    for (auto& c : calls)
      t.ops.push_back(c.kind);
  int64_t rows = 0;
  for (auto& c : calls) {
    auto waited = duration_cast<microseconds>(now - c.enqueued).count();
    counters_.wait_us_total += waited;
    counters_.wait_us_max = std::max(counters_.wait_us_max, waited);
    telemetry::metrics().db_wait_seconds.Observe(static_cast<double>(waited)
                                                 / 1e6);
    rows += static_cast<int64_t>(c.weight);
    t.calls.push_back(c.value.call);
    t.deadlines_ns.push_back(to_ns(c.deadline));
  }
  ++counters_.turns;
  if (batchable(t.op)) {
    ++counters_.batched_turns;
    counters_.batched_requests += static_cast<int64_t>(calls.size());
    counters_.batched_rows += rows;
  }
  if (kinds.size() > 1)
    ++counters_.combined_turns;
  bool combined = combines(t.op);
  if (combined)
    ++combined_running_;
  for (auto k : kinds)
    ++running_[k];
  auto id = next_turn_++;
  auto n = calls.size();
  turns_.emplace(id, turn{worker, std::move(kinds), combined, std::move(calls),
                          std::vector<bool>(n, false), now});
  workers_[worker].state = phase::busy;
  self->request(workers_[worker].handle, caf::infinite, std::move(t))
      .then([this, id](db_turn_result& result) { finish_turn(id, result); },
            [this, id](caf::error& err) {
              spdlog::warn("db: a worker failed a turn: {}", describe(err));
              db_turn_result lost;
              lost.link = link_state::lost_in_doubt;
              finish_turn(id, lost);
            });
}

void db_pool_state::finish_turn(uint64_t id, db_turn_result& result) {
  auto it = turns_.find(id);
  if (it == turns_.end())
    return;
  auto t = std::move(it->second);
  turns_.erase(it);
  for (auto k : t.kinds)
    --running_[k];
  if (t.combined)
    --combined_running_;
  bool lost = result.link != link_state::up;
  auto now = clock::now();
  telemetry::metrics().db_turn_seconds.Observe(
      std::chrono::duration<double>(now - t.started).count());
  auto gone = caf::make_message(
      make_error(engine_errc::db_unavailable,
                 std::string{op_table(t.calls.front().kind).name}
                     + ": the connection broke while it ran"));
  std::vector<queue::entry> again;
  std::vector<size_t> deliver;
  cache_invalidate changes;
  for (size_t k = 0; k < t.calls.size(); ++k) {
    if (t.answered[k])
      continue;
    auto& reply = k < result.replies.size() ? result.replies[k] : gone;
    auto& call = t.calls[k];
    const auto& entry = op_table(call.kind);
    bool may_retry =
        result.link == link_state::lost_uncommitted
        || (result.link == link_state::lost_in_doubt && entry.is_idempotent);
    if (lost && may_retry && is_unavailable(reply)
        && call.value.retries < opts_.max_retries && call.deadline > now) {
      ++call.value.retries;
      ++counters_.retried;
      again.push_back(std::move(call));
      continue;
    }
    if (!reply.match_elements<caf::error>())
      entry.touched(call.value.call, reply, changes);
    deliver.push_back(k);
  }
  // The cache hears of a change before the writer hears of success, so the
  // writer's next read through the cache cannot see the old value.
  bool changed = !changes.profiles.empty() || !changes.subscriptions.empty()
                 || !changes.usage.empty() || !changes.glossaries.empty();
  if (changed && opts_.on_change)
    opts_.on_change(changes);
  if (changed && watcher_)
    self->send(watcher_, std::move(changes));
  for (auto k : deliver) {
    auto& reply = k < result.replies.size() ? result.replies[k] : gone;
    answer(t.calls[k], reply);
  }
  if (lost) {
    ++counters_.connection_losses;
    connect(t.worker);
  } else if (workers_[t.worker].state == phase::busy) {
    workers_[t.worker].state = phase::idle;
    idle_.push_back(t.worker);
  }
  if (!again.empty())
    queue_->requeue(std::move(again));
  dispatch();
}

void db_pool_state::answer(queue::entry& e, caf::message& reply) {
  if (reply.match_elements<caf::error>()) {
    refuse(e.value.promise, reply.get_as<caf::error>(0));
    return;
  }
  e.value.promise.deliver(std::move(reply));
}

void db_pool_state::refuse(caf::response_promise& promise, caf::error err) {
  auto code = engine_code(err);
  if (code == engine_errc::deadline_exceeded)
    ++counters_.expired;
  else if (code != engine_errc::queue_full && code != engine_errc::not_found)
    ++counters_.errors; // "no such row" is an answer, not a failure
  promise.deliver(std::move(err));
}

db_pool_status db_pool_state::status() const {
  auto s = counters_;
  s.connections_open = worker_counters_->connections_open.load();
  s.connect_failures = worker_counters_->connect_failures.load();
  s.in_use = static_cast<int64_t>(
      std::count_if(workers_.begin(), workers_.end(), [](const worker_slot& w) {
        return w.state == phase::busy;
      }));
  s.queue_depth = static_cast<int64_t>(queue_->size());
  return s;
}

db_actor::behavior_type db_pool(db_pool_impl self, db_pool_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::storage
