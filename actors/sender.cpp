#include "actors/sender.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "telegram/bot_api.hpp"
#include "common/utf8.hpp"

namespace bridge {

namespace {

/// Sweeping forgotten chats more often than this buys nothing.
constexpr auto sweep_interval = std::chrono::seconds{10};

/// Slack on top of the HTTP timeout before the sender gives up on a worker.
constexpr auto worker_slack = std::chrono::seconds{5};

bool uses_message_slot(outbound_kind kind) {
  return kind == outbound_kind::send_message
         || kind == outbound_kind::edit_message;
}

} // namespace

sender_actor::behavior_type sender_state::make_behavior(sender_options opts) {
  opts_ = std::move(opts);
  auto now = clock::now();
  last_sweep_ = now;
  sched_ = std::make_unique<telegram::send_scheduler<job>>(
    opts_.limits, opts_.queue_limit, now);
  for (size_t i = 0; i < opts_.http_workers; ++i) {
    auto w = self->spawn<caf::detached + caf::linked>(bot_api_worker,
                                                      opts_.endpoint);
    idle_.push_back(caf::actor_cast<caf::actor>(w));
  }
  return {
    [this](outbound& out) { accept(out, nullptr); },
    [this](tick_atom) {
      tick_at_ = clock::time_point::max();
      pump();
    },
    [this](deliver_atom, outbound& out) -> caf::result<delivery> {
      auto rp = self->make_response_promise<delivery>();
      accept(out, &rp);
      return rp;
    },
  };
}

void sender_state::accept(outbound& out,
                          caf::typed_response_promise<delivery>* promise) {
  auto id = next_id_++;
  std::vector<std::string> pieces;
  if (out.kind == outbound_kind::send_message)
    pieces = telegram::split_text(out.text);
  if (pieces.empty())
    pieces.push_back(out.text);
  auto& t = trackers_[id];
  t.dedupe_key = out.dedupe_key;
  t.pieces_left = pieces.size();
  if (promise != nullptr) {
    t.promise = *promise;
    t.has_promise = true;
  }
  auto now = clock::now();
  for (auto& piece : pieces) {
    outbound part = out;
    part.text = std::move(piece);
    auto call = telegram::encode(part);
    job j{id, send_attempt{0, std::move(call.method), std::move(call.body)},
          uses_message_slot(out.kind), 0};
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
  while (!idle_.empty()) {
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
    auto worker = idle_.back();
    idle_.pop_back();
    j.attempt.job_id = j.tracker_id;
    auto chat_id = p->chat_id;
    auto timeout = opts_.endpoint.timeout + worker_slack;
    self->request(worker, timeout, j.attempt)
      .then(
        [this, worker, chat_id, j](send_outcome& outcome) {
          on_outcome(worker, chat_id, j, outcome);
        },
        [this, worker, chat_id, j](caf::error& err) {
          send_outcome outcome;
          outcome.status = send_status::transient;
          outcome.error = describe(err);
          on_outcome(worker, chat_id, j, outcome);
        });
  }
  schedule_tick();
}

void sender_state::on_outcome(caf::actor worker, int64_t chat_id, job j,
                              const send_outcome& outcome) {
  idle_.push_back(std::move(worker));
  auto now = clock::now();
  switch (outcome.status) {
    case send_status::ok:
      ++counters_.sent;
      sched_->completed(chat_id, now);
      finish_piece(j.tracker_id, outcome.message_id);
      break;
    case send_status::retry_after: {
      ++counters_.retried_429;
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
        auto wait = backoff_.delay(j.attempts - 1, rng_);
        spdlog::warn("sender: {} to chat {} failed ({}), attempt {} of {}, "
                     "retrying in {} ms",
                     j.attempt.method, chat_id, outcome.error, j.attempts,
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
      fail(j.tracker_id, std::string{to_string(outcome.status)} + ": "
                           + outcome.error);
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
  spdlog::error("sender: giving up on message '{}': {}", t.dedupe_key, why);
  if (t.has_promise)
    t.promise.deliver(make_error(engine_errc::chat_unavailable, why));
  // Pieces still queued see the tracker gone and are dropped.
  trackers_.erase(it);
}

void sender_state::schedule_tick() {
  if (idle_.empty())
    return; // a finishing worker pumps again
  auto wake = sched_->wake_time();
  if (!wake || *wake >= tick_at_)
    return;
  tick_at_ = *wake;
  auto delay = std::max(clock::duration::zero(), *wake - clock::now());
  self->delayed_send(self,
                     std::chrono::duration_cast<std::chrono::microseconds>(
                       delay) + std::chrono::microseconds{1},
                     tick_atom::value);
}

sender_actor::behavior_type sender(sender_impl self, sender_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
