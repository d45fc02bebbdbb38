// SPDX-License-Identifier: Apache-2.0
#include "actors/sender.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/entity_split.hpp"
#include "telegram/media_copy.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// Sweeping forgotten chats more often than this buys nothing.
constexpr auto sweep_interval = std::chrono::seconds{10};

/// Slack on top of the HTTP timeout before the sender gives up on a call.
constexpr auto call_slack = std::chrono::seconds{5};

/// How often calls out are checked against their deadline (one timer for
/// all of them, not one each).
constexpr auto watch_interval = std::chrono::seconds{1};

bool uses_message_slot(outbound_kind kind) {
  return kind == outbound_kind::send_message
         || kind == outbound_kind::edit_message || is_copy(kind);
}

/// Messages are kept in the outbox; chat actions and callback answers are
/// only worth anything right now and are not.
bool is_durable(const outbound& out) {
  return uses_message_slot(out.kind) && !out.dedupe_key.empty();
}

} // namespace

sender_actor::behavior_type sender_state::make_behavior(sender_options opts) {
  opts_ = std::move(opts);
  auto now = clock::now();
  last_sweep_ = now;
  opts_.limits.draw_global = static_cast<bool>(opts_.budgets);
  sched_ = std::make_unique<telegram::send_scheduler<job>>(
      opts_.limits, opts_.queue_limit, now, opts_.per_chat_queue_limit);
  free_slots_ = std::max<size_t>(1, opts_.http_workers);
  http_ = std::make_unique<http_multi>(free_slots_);
  if (opts_.db) {
    // With partitions, each is resumed as it is won.
    if (!opts_.owned)
      scan_outbox(0, 0, true);
    if (opts_.sweep_interval.count() > 0)
      self->delayed_send(self, opts_.sweep_interval, sweep_atom::value);
  }
  return {
      [this](outbound& out) { accept(out, nullptr); },
      [this](cluster_members& m) { set_members(m.count); },
      [this](tick_atom) {
        tick_at_ = clock::time_point::max();
        pump();
      },
      [this](watch_atom) {
        calls_.fired();
        expire_calls();
      },
      [this](send_outcome& outcome) { answered(outcome.job_id, outcome); },
      [this](retry_atom) { retry_round(); },
      [this](sweep_atom) {
        self->delayed_send(self, opts_.sweep_interval, sweep_atom::value);
        std::vector<int32_t> parts;
        if (opts_.owned && !opts_.owned->owns_all()) {
          parts = opts_.owned->owned();
          if (parts.empty())
            return; // nothing is ours to send
        }
        auto before = opts_.clock.wall_ms() - opts_.sweep_after.count();
        scan_outbox(0, std::max<int64_t>(1, before), false, std::move(parts));
      },
      [this](const partition_owned& o) {
        abandon_older(o.partition, o.epoch);
        won_.push_back(o.partition);
        if (!resuming_)
          resume_won();
      },
      [](const partition_lost&) {
        // The ownership table says so already: what is queued for it is
        // dropped as it comes up (`stale`), and nothing new is taken.
        return true;
      },
      [this](deliver_atom, outbound& out) -> caf::result<delivery> {
        auto rp = self->make_response_promise<delivery>();
        accept(out, &rp);
        return rp;
      },
  };
}

bool sender_state::keeps_row(const outbound& out) const {
  return opts_.db && is_durable(out);
}

void sender_state::enqueue(outbound& out,
                           caf::typed_response_promise<delivery>* promise) {
  auto id = next_id_++;
  // A long text goes as several messages (its entities cut with it); a
  // copy as the copy and the texts that follow it. All are one tracker:
  // delivered when all are.
  std::vector<outbound> pieces;
  if (out.kind == outbound_kind::send_message)
    for (auto& piece : telegram::split_with_entities(out.text, out.entities)) {
      pieces.push_back(out);
      pieces.back().text = std::move(piece.text);
      pieces.back().entities = std::move(piece.entities);
    }
  else if (is_copy(out.kind))
    pieces = telegram::copy_calls(out);
  if (pieces.empty())
    pieces.push_back(out);
  auto& t = trackers_[id];
  t.dedupe_key = out.dedupe_key;
  t.fence = out.fence;
  t.durable = keeps_row(out);
  t.origin_ns = out.origin_ns;
  t.pieces_left = pieces.size();
  if (promise != nullptr) {
    t.promise = *promise;
    t.has_promise = true;
  }
  auto now = clock::now();
  for (auto& part : pieces) {
    job j{id, telegram::encode(part), uses_message_slot(out.kind), 0};
    if (sched_->queued_for(out.chat_id) >= opts_.per_chat_queue_limit) {
      // One chat's flood waits in its own line: past its share it is
      // refused, and every other chat still gets through.
      ++counters_.refused_chat_full;
      telemetry::metrics().sender_refused_chat_full.Increment();
      fail(id, "this chat's send queue is full");
      break;
    }
    if (!sched_->push(out.chat_id, std::move(j), uses_message_slot(out.kind),
                      now)) {
      ++counters_.refused_full;
      fail(id, "sender queue is full");
      break;
    }
  }
  pump();
}

void sender_state::pump() {
  auto now = clock::now();
  if (now - last_sweep_ > sweep_interval) {
    sched_->sweep(now);
    last_sweep_ = now;
  }
  while (free_slots_ > 0) {
    auto p = sched_->next(now);
    if (!p)
      break;
    auto& j = p->job;
    auto t = trackers_.find(j.tracker_id);
    if (t == trackers_.end() || t->second.failed) {
      // An earlier piece of this text failed; drop the rest.
      sched_->completed(p->chat_id, now);
      continue;
    }
    if (stale(t->second.fence)) {
      // Its partition has another owner now, which sends it.
      sched_->completed(p->chat_id, now);
      drop_stale(j.tracker_id);
      continue;
    }
    --free_slots_;
    ++t->second.in_flight;
    auto url = telegram::method_url(opts_.endpoint.base_url,
                                    opts_.endpoint.token, j.call.method);
    auto body = j.call.body;
    auto id = calls_.add({p->chat_id, std::move(j)},
                         now + opts_.endpoint.timeout + call_slack);
    arm_watch();
    // Runs on the client's thread: classify there and hand the outcome
    // back as a message (to nobody, if the sender is gone by then).
    caf::weak_actor_ptr me{self->ctrl()};
    http_->post(
        std::move(url), std::move(body), {"Content-Type: application/json"},
        opts_.endpoint.timeout, [me, id, asked = now](http_response resp) {
          telemetry::metrics().sender_call_seconds.Observe(
              std::chrono::duration<double>(clock::now() - asked).count());
          auto out =
              telegram::classify_send(resp.status, resp.body, resp.error);
          // A failure after the request left may still have made
          // the message: its retry is a possible duplicate.
          out.maybe_delivered = out.status == send_status::transient
                                && (resp.status != 0 || resp.request_sent);
          out.job_id = id;
          if (auto strong = me.lock())
            caf::anon_send(caf::actor_cast<caf::actor>(strong), std::move(out));
        });
  }
  telemetry::metrics().sender_queue_depth.Set(
      static_cast<double>(sched_->queued()));
  ask_grant();
  schedule_tick();
}

void sender_state::answered(uint64_t id, const send_outcome& outcome) {
  auto call = calls_.take(id);
  if (!call)
    return; // given up on already; its slot was freed then
  ++free_slots_;
  on_outcome(call->chat_id, std::move(call->j), outcome);
}

void sender_state::expire_calls() {
  for (auto& call : calls_.expired(clock::now())) {
    // No answer past the HTTP timeout itself (libcurl enforces that one,
    // so this is a safety net): the call is retried on a fresh slot, and
    // a late answer to the old one is ignored.
    send_outcome outcome;
    outcome.status = send_status::transient;
    outcome.error =
        "no answer from the HTTP client within "
        + std::to_string((opts_.endpoint.timeout + call_slack).count()) + " ms";
    ++free_slots_;
    on_outcome(call.chat_id, std::move(call.j), outcome);
  }
  arm_watch();
}

void sender_state::arm_watch() {
  if (calls_.arm())
    self->delayed_send(self, watch_interval, watch_atom::value);
}

void sender_state::on_outcome(int64_t chat_id, job j,
                              const send_outcome& outcome) {
  auto now = clock::now();
  if (auto t = trackers_.find(j.tracker_id); t != trackers_.end())
    --t->second.in_flight;
  switch (outcome.status) {
  case send_status::ok:
    ++counters_.sent;
    telemetry::metrics().sender_sent.Increment();
    sched_->completed(chat_id, now);
    finish_piece(j.tracker_id, outcome.message_id);
    break;
  case send_status::retry_after: {
    ++counters_.retried_429;
    telemetry::metrics().sender_rate_limited.Increment();
    auto until = now + std::chrono::seconds{outcome.retry_after_s};
    spdlog::warn("sender: 429 for chat {}, retrying after {} s", chat_id,
                 outcome.retry_after_s);
    auto counts = j.counts;
    sched_->retry_after(chat_id, std::move(j), counts, until, now);
    break;
  }
  case send_status::transient:
    if (++j.attempts < opts_.max_attempts) {
      ++counters_.retried_transient;
      telemetry::metrics().sender_retries.Increment();
      if (outcome.maybe_delivered && j.call.method == "sendMessage")
        telemetry::metrics().possible_duplicates("retried").Increment();
      auto wait = backoff_.delay(j.attempts - 1, rng_);
      spdlog::warn("sender: {} to chat {} failed ({}), attempt {} of {}, "
                   "retrying in {} ms",
                   j.call.method, chat_id, outcome.error, j.attempts,
                   opts_.max_attempts, wait.count());
      auto counts = j.counts;
      sched_->retry_after(chat_id, std::move(j), counts, now + wait, now);
      break;
    }
    sched_->completed(chat_id, now);
    fail(j.tracker_id, "gave up after " + std::to_string(j.attempts)
                           + " attempts: " + outcome.error);
    break;
  case send_status::chat_gone:
  case send_status::rejected:
    sched_->completed(chat_id, now);
    fail(j.tracker_id,
         std::string{to_string(outcome.status)} + ": " + outcome.error);
    break;
  }
  pump();
}

void sender_state::finish_piece(uint64_t tracker_id, int64_t message_id) {
  auto it = trackers_.find(tracker_id);
  if (it == trackers_.end())
    return;
  auto& t = it->second;
  if (message_id != 0)
    t.message_ids.push_back(message_id);
  if (--t.pieces_left > 0)
    return;
  if (t.origin_ns > 0) {
    auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      clock::now().time_since_epoch())
                      .count();
    telemetry::metrics().update_reply_seconds.Observe(
        static_cast<double>(now_ns - t.origin_ns) / 1e9);
  }
  if (opts_.db && t.durable)
    mark_sent(t.dedupe_key, t.message_ids, t.fence);
  if (t.has_promise)
    t.promise.deliver(delivery{t.dedupe_key, std::move(t.message_ids)});
  trackers_.erase(it);
}

void sender_state::fail(uint64_t tracker_id, const std::string& why) {
  auto it = trackers_.find(tracker_id);
  if (it == trackers_.end())
    return;
  auto& t = it->second;
  ++counters_.failed;
  telemetry::metrics().sender_failed.Increment();
  spdlog::error("sender: giving up on message '{}': {}", t.dedupe_key, why);
  if (opts_.db && t.durable) {
    // Settled at once: a row given up on is not sent again, whether or
    // not the failure mark is stored (a pending row left behind is sent
    // by the next start or sweep, once more, and counted).
    ledger_.settle(t.dedupe_key);
    self->request(opts_.db, caf::infinite,
                  outbox_failed{t.dedupe_key, why, 0, 0, t.fence})
        .then([](const db_count&) {},
              [key = t.dedupe_key](const caf::error& err) {
                spdlog::warn("sender: cannot mark '{}' failed: {}", key,
                             describe(err));
              });
  }
  if (t.has_promise)
    t.promise.deliver(make_error(engine_errc::chat_unavailable, why));
  // Pieces still queued see the tracker gone and are dropped.
  trackers_.erase(it);
}

bool sender_state::stale(const fence_token& fence) const {
  return opts_.owned && fence.fenced()
         && opts_.owned->epoch(fence.partition) != fence.epoch;
}

fence_token sender_state::fence_of(int32_t partition) const {
  if (!opts_.owned || partition < 0)
    return {};
  return {partition, opts_.owned->epoch(partition)};
}

void sender_state::drop_stale(uint64_t tracker_id) {
  auto it = trackers_.find(tracker_id);
  if (it == trackers_.end())
    return;
  auto& t = it->second;
  // Not settled: the row stays pending for the partition's owner, and a
  // later lease of ours may take it up again.
  if (t.durable)
    ledger_.release(t.dedupe_key);
  if (t.has_promise)
    t.promise.deliver(
        make_error(engine_errc::fenced, "the partition has another owner now"));
  trackers_.erase(it);
}

void sender_state::schedule_tick() {
  if (free_slots_ == 0)
    return; // a finishing call pumps again
  auto wake = sched_->wake_time();
  if (!wake || *wake >= tick_at_)
    return;
  tick_at_ = *wake;
  auto delay = std::max(clock::duration::zero(), *wake - clock::now());
  self->delayed_send(
      self,
      std::chrono::duration_cast<std::chrono::microseconds>(delay)
          + std::chrono::microseconds{1},
      tick_atom::value);
}

sender_actor::behavior_type sender(sender_impl self, sender_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
