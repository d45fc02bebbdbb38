// SPDX-License-Identifier: Apache-2.0
// A session's replies and the end of each update, made durable together.
// The replies of an update are held until it is fully handled, then its
// reply rows and its "done" mark are written in one transaction
// (`reply_put`): a crash keeps both, and the outbox sends the replies, or
// neither, and the update is handled again with the same reply keys.
// Writes leave one at a time, in order, so a chat's replies keep their
// order whatever the database does.

#include "actors/session.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// Updates a session remembers having finished, to drop a replay or a
/// sweep of one it finished moments ago.
constexpr size_t session_recent_limit = 64;

/// Tries of one update's reply write before it is left to the sweep.
constexpr uint32_t reply_write_attempts = 8;

/// Pause before a failed reply write is tried again; doubles per try.
constexpr auto write_retry_base = std::chrono::milliseconds{250};

} // namespace

void session_state::reply(std::string text,
                          std::vector<std::vector<inline_button>> keyboard) {
  outbound out;
  out.kind = outbound_kind::send_message;
  out.chat_id = chat_id_;
  out.text = std::move(text);
  out.keyboard = std::move(keyboard);
  // One key per reply of one update: a replayed update re-sends nothing
  // the outbox already holds.
  out.dedupe_key = "u" + std::to_string(current_.update_id) + "."
                   + std::to_string(chat_id_) + "."
                   + std::to_string(replies_++);
  out.origin_ns = current_.received_ns;
  held_.push_back({current_.update_id, std::move(out)});
}

void session_state::answer_button() {
  if (current_.kind != update_kind::callback_query
      || current_.callback_id.empty())
    return;
  // Only worth anything now: sent at once, never stored.
  outbound out;
  out.kind = outbound_kind::answer_callback;
  out.chat_id = chat_id_;
  out.callback_id = current_.callback_id;
  out.dedupe_key = "cb" + current_.callback_id;
  self->send(opts_->sender, fenced(std::move(out), opts_->fence));
  current_.callback_id.clear();
}

void session_state::finish(int64_t update_id, bool ends_update) {
  reply_write w;
  for (auto it = held_.begin(); it != held_.end();) {
    if (it->update_id == update_id) {
      w.replies.push_back(std::move(it->out));
      it = held_.erase(it);
    } else {
      ++it;
    }
  }
  if (ends_update && update_id > 0) {
    // A forwarded update is finished by its conversation, with its copy.
    auto it = std::find(forwarded_.begin(), forwarded_.end(), update_id);
    if (it != forwarded_.end())
      forwarded_.erase(it);
    else
      w.finishes = update_id;
  }
  if (w.replies.empty() && w.finishes == 0)
    return;
  writes_.push_back(std::move(w));
  if (writes_.size() == 1)
    write_next();
}

void session_state::write_next() {
  if (writes_.empty())
    return;
  auto& w = writes_.front();
  ++w.attempts;
  reply_put put;
  for (const auto& out : w.replies)
    put.outbox.push_back(telegram::to_outbox_record(out));
  if (w.finishes > 0)
    put.finishes.push_back(w.finishes);
  put.fence = opts_->fence;
  self->request(opts_->db, caf::infinite, std::move(put))
      .then([this](const reply_put_result& r) { written(r); },
            [this](const caf::error& err) { write_failed(err); });
}

void session_state::written(const reply_put_result& r) {
  auto w = std::move(writes_.front());
  writes_.pop_front();
  for (size_t i = 0; i < w.replies.size(); ++i) {
    // A row stored before and sent (a replay) is not sent again; one still
    // pending is handed on (the sender holds each row once).
    if (i < r.outbox.size() && r.outbox[i].status != outbox_status::pending)
      continue;
    w.replies[i].stored = true;
    self->send(opts_->sender, fenced(std::move(w.replies[i]), opts_->fence));
  }
  write_next();
}

void session_state::write_failed(const caf::error& err) {
  auto& w = writes_.front();
  if (is_transient(err) && w.attempts < reply_write_attempts) {
    if (w.attempts == 1)
      spdlog::warn("session {}: replies of update {} not stored ({}); "
                   "retrying",
                   chat_id_, w.finishes, describe(err));
    auto wait = write_retry_base * (1u << std::min(w.attempts - 1, 5u));
    self->delayed_send(self, wait, retry_atom::value);
    return;
  }
  if (is_transient(err)) {
    // Left unfinished: the inbox sweep hands the update on again, and its
    // replies are made again under the same keys.
    forget_update(w.finishes);
    spdlog::error("session {}: replies of update {} not stored after {} "
                  "tries; the sweep hands it on again: {}",
                  chat_id_, w.finishes, w.attempts, describe(err));
  } else {
    // Refused for good: the update is finished without them, so it does
    // not come back forever.
    spdlog::error("session {}: replies of update {} refused by storage: {}",
                  chat_id_, w.finishes, describe(err));
    telemetry::metrics().messages_refused.Increment();
    if (w.finishes > 0)
      self->request(opts_->db, caf::infinite,
                    inbox_done{{w.finishes}, 0, opts_->fence})
          .then([](const db_count&) {}, [](const caf::error&) {});
  }
  writes_.pop_front();
  write_next();
}

bool session_state::known_update(int64_t id) const {
  return std::find(recent_updates_.begin(), recent_updates_.end(), id)
             != recent_updates_.end()
         || std::find(forwarded_.begin(), forwarded_.end(), id)
                != forwarded_.end();
}

void session_state::forget_update(int64_t id) {
  recent_updates_.erase(
      std::remove(recent_updates_.begin(), recent_updates_.end(), id),
      recent_updates_.end());
}

void session_state::remember_update(int64_t id) {
  if (id <= 0 || known_update(id))
    return;
  if (recent_updates_.size() >= session_recent_limit)
    recent_updates_.erase(recent_updates_.begin());
  recent_updates_.push_back(id);
}

} // namespace bridge
