// SPDX-License-Identifier: Apache-2.0
// The sender's outbox half: a durable call's row is written (or, for a
// partner's copy or a session's reply, was written by its caller) before
// the call is queued, in arrival order; rows a crash left pending are sent
// at start, and rows nothing holds are found by a periodic sweep. Each row
// is queued once (`outbox_ledger`), and its "sent" mark is written until
// it sticks, so nothing is sent without a durable row and nothing is sent
// again while it is known to be out.

#include "actors/sender.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/media_copy.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// Rows read per page of the resume and the sweep.
constexpr int64_t scan_page = 500;

/// Pause between retry rounds of failed writes and marks: doubles each
/// round that still fails, up to the cap.
constexpr auto retry_base = std::chrono::milliseconds{200};
constexpr auto retry_cap = std::chrono::milliseconds{10000};

/// Retry rounds a row's write gets before it is dropped: the reply's
/// update stays unfinished, and the inbox sweep has it handled again.
constexpr uint32_t outbox_write_attempts = 12;

} // namespace

void sender_state::accept(outbound& out,
                          caf::typed_response_promise<delivery>* promise) {
  if (!keeps_row(out)) {
    enqueue(out, promise);
    return;
  }
  if (out.fence.fenced() && resuming(out.fence.partition)) {
    if (held_.size() + staged_.size() >= opts_.queue_limit) {
      ++counters_.refused_full;
      if (promise != nullptr)
        promise->deliver(make_error(engine_errc::queue_full,
                                    "the sender's outbox writes are behind"));
      return;
    }
    auto& h = held_.emplace_back();
    h.out = std::move(out);
    if (promise != nullptr)
      h.promise = *promise;
    return;
  }
  if (staged_.size() >= opts_.queue_limit) {
    ++counters_.refused_full;
    spdlog::warn("sender: {} rows wait for their write; '{}' refused",
                 staged_.size(), out.dedupe_key);
    if (promise != nullptr)
      promise->deliver(make_error(engine_errc::queue_full,
                                  "the sender's outbox writes are behind"));
    return;
  }
  auto seq = staged_base_ + staged_.size();
  auto& st = staged_.emplace_back();
  if (promise != nullptr)
    st.promise = *promise;
  st.out = std::move(out);
  if (!ledger_.claim(st.out.dedupe_key)) {
    // Another way holds this row (the resume, the sweep, an earlier
    // request), or it was settled moments ago: not from here.
    st.ready = true;
    st.already_sent = true;
    release_staged();
    return;
  }
  if (st.out.stored) {
    // Written with the message it copies (or the update it answers), and
    // found pending: only its place in line counts.
    st.ready = true;
    release_staged();
    return;
  }
  write_row(seq);
}

void sender_state::write_row(uint64_t seq) {
  auto& st = staged_[seq - staged_base_];
  st.write_failed = false;
  ++st.write_attempts;
  self->request(opts_.db, caf::infinite,
                outbox_put{telegram::to_outbox_record(st.out), 0, st.out.fence})
      .then([this, seq](const outbox_put_result& r) { row_written(seq, r); },
            [this, seq](const caf::error& err) { row_failed(seq, err); });
}

void sender_state::row_written(uint64_t seq, const outbox_put_result& r) {
  auto& s = staged_[seq - staged_base_];
  s.ready = true;
  if (s.abandoned) {
    release_staged();
    return;
  }
  if (r.status != outbox_status::pending) {
    // Stored before and sent or given up on (a replayed update's reply):
    // its state is the truth.
    ledger_.settle(s.out.dedupe_key);
    s.already_sent = true;
  }
  // Created now, or stored before and still pending while nothing held it
  // (a write whose answer was lost): either way it goes from here.
  release_staged();
}

void sender_state::row_failed(uint64_t seq, const caf::error& err) {
  auto& s = staged_[seq - staged_base_];
  if (s.abandoned) {
    s.ready = true;
    release_staged();
    return;
  }
  // Refused by the lease's epoch: the same token is refused forever (epochs
  // only grow), and the partition's new owner handles the update again.
  // Retrying would only hold every later call to the chat behind it.
  bool fenced = engine_code(err) == engine_errc::fenced;
  if (!fenced && is_transient(err)
      && s.write_attempts < outbox_write_attempts) {
    // Never sent without its row: written again at the next round, and
    // nothing behind it leaves meanwhile (order per chat).
    if (s.write_attempts == 1)
      spdlog::warn("sender: outbox row for '{}' not written ({}); retrying",
                   s.out.dedupe_key, describe(err));
    s.write_failed = true;
    arm_retry();
    return;
  }
  // Refused for good, or failing past its retries: not sent. A session's
  // reply is written by the session with its update, so what comes here
  // is a notice; its update is handled again by the inbox sweep.
  ++counters_.dropped;
  telemetry::metrics().sender_dropped.Increment();
  if (fenced)
    spdlog::warn("sender: outbox row for '{}' refused, its partition has "
                 "another owner now: not sent here",
                 s.out.dedupe_key);
  else
    spdlog::error("sender: outbox row for '{}' not written after {} "
                  "attempt(s), not sent: {}",
                  s.out.dedupe_key, s.write_attempts, describe(err));
  ledger_.release(s.out.dedupe_key);
  s.ready = true;
  s.already_sent = true;
  if (s.promise) {
    s.promise->deliver(err);
    s.promise.reset();
  }
  release_staged();
}

void sender_state::release_staged() {
  while (!staged_.empty() && staged_.front().ready) {
    auto st = std::move(staged_.front());
    staged_.pop_front();
    ++staged_base_;
    if (st.abandoned) {
      if (st.promise)
        st.promise->deliver(make_error(engine_errc::fenced,
                                       "the partition was lost meanwhile"));
      continue;
    }
    if (st.already_sent) {
      ++counters_.deduplicated;
      if (st.promise)
        st.promise->deliver(delivery{st.out.dedupe_key, {}});
      continue;
    }
    enqueue(st.out, st.promise ? &*st.promise : nullptr);
  }
}

void sender_state::scan_outbox(int64_t after_id, int64_t before_ms,
                               bool resuming, std::vector<int32_t> partitions) {
  outbox_unsent ask{after_id, scan_page, 0, before_ms, partitions};
  self->request(opts_.db, caf::infinite, ask)
      .then(
          [this, before_ms, resuming, partitions](outbox_page& p) {
            int64_t last = 0;
            size_t queued = 0;
            for (auto& r : p.rows) {
              last = std::max(last, r.id);
              auto kind = telegram::parse_outbound_kind(r.kind);
              outbound out;
              // A copy keeps its source where a text keeps its keyboard.
              bool copy = kind && is_copy(*kind);
              auto keyboard =
                  r.markup.empty() || copy ? std::optional<
                      decltype(outbound::keyboard)>{decltype(outbound::
                                                                 keyboard){}}
                                           : telegram::decode_keyboard(
                                               r.markup);
              if (!kind || !keyboard
                  || (copy && !telegram::decode_copy_source(r.markup, out))) {
                spdlog::error(
                    "sender: outbox row '{}' cannot be read; left as is",
                    r.dedupe_key);
                continue;
              }
              auto fence = fence_of(r.partition);
              if (stale(fence) || (opts_.owned && fence.epoch == 0))
                continue; // another engine's to send
              if (!ledger_.claim(r.dedupe_key))
                continue; // held already: queued, in flight or being marked
              out.fence = fence;
              out.kind = *kind;
              out.chat_id = r.chat_id;
              out.text = std::move(r.text);
              out.message_id = r.target_message_id;
              out.keyboard = std::move(*keyboard);
              out.dedupe_key = std::move(r.dedupe_key);
              // Whether an earlier life of this row reached Telegram is not
              // known: it may arrive twice, and is counted so.
              telemetry::metrics()
                  .possible_duplicates(resuming ? "resumed" : "swept")
                  .Increment();
              ++(resuming ? counters_.resumed : counters_.swept);
              ++queued;
              enqueue(out, nullptr);
            }
            if (queued > 0)
              spdlog::info("sender: {} {} message(s) left in the outbox",
                           resuming ? "resending" : "found and sending",
                           queued);
            if (static_cast<int64_t>(p.rows.size()) == scan_page)
              scan_outbox(last, before_ms, resuming, partitions);
            else if (resuming)
              resume_won();
          },
          [this, resuming](const caf::error& err) {
            spdlog::error("sender: cannot read the outbox to {}: {}{}",
                          resuming ? "resume" : "sweep", describe(err),
                          resuming ? "; the sweep sends what it left" : "");
            if (resuming)
              resume_won();
          });
}

void sender_state::resume_won() {
  scanning_.clear();
  resuming_ = !won_.empty();
  if (resuming_) {
    std::vector<int32_t> parts;
    parts.swap(won_);
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    scanning_ = parts;
    scan_outbox(0, 0, true, std::move(parts));
  }
  // The rows of partitions whose resume just ended go on, after what it
  // queued.
  release_held();
}

bool sender_state::resuming(int32_t p) const {
  return std::find(scanning_.begin(), scanning_.end(), p) != scanning_.end()
         || std::find(won_.begin(), won_.end(), p) != won_.end();
}

void sender_state::release_held() {
  if (held_.empty())
    return;
  // Those handed on are of partitions no longer resuming, so `accept`
  // holds none of them again.
  auto rows = std::move(held_);
  held_.clear();
  for (auto& h : rows) {
    if (resuming(h.out.fence.partition))
      held_.push_back(std::move(h));
    else
      accept(h.out, h.promise ? &*h.promise : nullptr);
  }
}

void sender_state::mark_sent(std::string key, std::vector<int64_t> message_ids,
                             fence_token fence) {
  auto ids = message_ids;
  self->request(opts_.db, caf::infinite,
                outbox_sent{key, std::move(ids), 0, fence})
      .then([this, key](const db_count&) { ledger_.settle(key); },
            [this, key, message_ids, fence](const caf::error& err) {
              if (engine_code(err) == engine_errc::fenced || stale(fence)) {
                auto now = fence_of(fence.partition);
                if (now.epoch > fence.epoch) {
                  // Lost and won again here (the database was away past the
                  // lease): the resume skipped the row while it was in hand,
                  // so it is marked under the lease held now.
                  mark_sent(key, message_ids, now);
                  return;
                }
                // Sent, but the partition moved before the mark stuck: its
                // new owner sends the row once more (a counted duplicate).
                spdlog::warn("sender: '{}' sent, but its partition has "
                             "another owner now; not marked here",
                             key);
                ledger_.settle(key);
                return;
              }
              if (!is_transient(err)) {
                spdlog::error("sender: cannot mark '{}' sent: {}", key,
                              describe(err));
                ledger_.settle(key);
                return;
              }
              // Until the mark is stored the key stays in hand, so neither
              // the sweep nor a replay sends the row again meanwhile.
              if (marks_due_.empty())
                spdlog::warn("sender: cannot mark '{}' sent ({}); retrying",
                             key, describe(err));
              marks_due_[key] = mark_due{message_ids, fence};
              arm_retry();
            });
}

void sender_state::retry_round() {
  retry_armed_ = false;
  bool any = !marks_due_.empty();
  auto marks = std::move(marks_due_);
  marks_due_.clear();
  for (auto& [key, due] : marks)
    mark_sent(key, std::move(due.message_ids), due.fence);
  for (size_t i = 0; i < staged_.size(); ++i)
    if (staged_[i].write_failed && staged_[i].abandoned) {
      staged_[i].write_failed = false;
      staged_[i].ready = true;
    } else if (staged_[i].write_failed) {
      any = true;
      write_row(staged_base_ + i);
    }
  release_staged();
  retry_rounds_ = any ? retry_rounds_ + 1 : 0;
}

void sender_state::arm_retry() {
  if (retry_armed_)
    return;
  retry_armed_ = true;
  auto wait = retry_base * (1u << std::min<uint32_t>(retry_rounds_, 6));
  self->delayed_send(self, std::min<std::chrono::milliseconds>(wait, retry_cap),
                     retry_atom::value);
}

void sender_state::abandon_older(int32_t p, int64_t epoch) {
  // Each queued row of the older lease still holds its ledger entry, so
  // the resume would skip it and the sweep send it minutes later, after
  // the chat's newer rows. Let go here, they are read by the resume in
  // the order they were written. Rows out with the HTTP client stay:
  // they are sent already, and their mark moves to the new lease.
  auto older = [&](const fence_token& f) {
    return f.fenced() && f.partition == p && f.epoch != epoch;
  };
  std::vector<uint64_t> queued;
  for (auto& [id, t] : trackers_)
    if (t.durable && t.in_flight == 0 && older(t.fence))
      queued.push_back(id);
  for (auto id : queued)
    drop_stale(id);
  size_t staged = 0;
  for (auto& st : staged_)
    if (!st.abandoned && older(st.out.fence)) {
      st.abandoned = true;
      if (!st.already_sent)
        ledger_.release(st.out.dedupe_key);
      ++staged;
    }
  if (!queued.empty() || staged > 0)
    spdlog::info("sender: partition {} is ours again (epoch {}); {} queued "
                 "and {} staged row(s) of the older lease left to its resume",
                 p, epoch, queued.size(), staged);
}

} // namespace bridge
