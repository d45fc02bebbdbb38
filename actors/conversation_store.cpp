// SPDX-License-Identifier: Apache-2.0
// Storing a conversation's messages: each write's answer, its retries
// with backoff, and the end of a message storage refuses for good or that
// keeps failing (the writer is told, the update finished or parked, and
// the messages behind it go on). Also the updates a conversation
// remembers, so a sweep or a repeated push of one it holds does nothing.

#include <algorithm>

#include <spdlog/spdlog.h>

#include "actors/conversation.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

/// Updates a conversation remembers having handled, to drop a replay or a
/// sweep of one it finished moments ago.
constexpr size_t recent_update_limit = 64;

/// Longest pause between write retries.
constexpr auto persist_retry_cap = std::chrono::seconds{10};

} // namespace

void conversation_state::persist(const std::vector<int64_t>& seqs) {
  // Each message is stored with the partner's copy (and the writer's
  // notice when the translation failed) in the outbox, and its update
  // marked done, in one transaction: from then on the outbox delivers it,
  // across a crash too, and no further write waits on the send.
  message_put put;
  put.fence = opts_->fence;
  put.rows.reserve(seqs.size());
  std::vector<int64_t> copied;
  for (auto seq : seqs) {
    const auto* e = pipe_->find(seq);
    auto* m = find_meta(seq);
    if (m != nullptr) {
      m->copy = partner_copy(*e, *m);
      put.outbox.push_back(telegram::to_outbox_record(*m->copy));
      if (!e->translated_ok) {
        m->notice = note(writer_chat(e->from_worker != 0), *m,
                         domain::render(text_id::translation_failed,
                                        m->writer_lang, e->failure),
                         message_key(e->update_id) + ".failed");
        m->notice->stored = true;
        put.outbox.push_back(telegram::to_outbox_record(*m->notice));
      }
      if (e->update_id > 0)
        put.finishes.push_back(e->update_id);
      for (auto id : m->album_updates)
        put.finishes.push_back(id);
      copied.push_back(seq);
      if (m->kind == partner_kind::task && e->translated_ok && m->task_id > 0)
        keep_task_translation(m->task_id, *e);
    }
    message_row row;
    row.conversation_id = conversation_id_;
    row.seq = seq;
    row.sender_id = e->from_worker ? worker_id_ : manager_id_;
    row.source_message_id = m != nullptr ? m->message_id : 0;
    row.original_text = e->text;
    row.original_lang = e->source_lang;
    row.translated_text = e->translated_ok ? e->translation : std::string{};
    row.translated_lang = e->translated_ok ? e->target_lang : std::string{};
    row.status =
        e->translated_ok ? message_status::translated : message_status::failed;
    if (m != nullptr)
      row.media_kind = m->media_kind;
    put.rows.push_back(std::move(row));
  }
  ++writes_out_;
  self->request(opts_->db, infinite, std::move(put))
      .then(
          [this, seqs, copied](const message_put_result& r) {
            --writes_out_;
            persisted(seqs, copied, r);
          },
          [this, seqs](const caf::error& err) {
            --writes_out_;
            persist_failed(seqs, err);
          });
}

void conversation_state::keep_task_translation(
    int64_t task_id, const domain::pipeline_entry& e) {
  // The worker's /tasks shows this wording without translating the task
  // again. Not awaited and idempotent (the first wording stored stays): a
  // lost write only costs that later translation.
  self->request(opts_->db, infinite,
                task_translated{task_id, e.target_lang, e.translation, 0})
      .then([](const db_count&) {},
            [this, task_id](const caf::error& err) {
              spdlog::debug("conversation {}: task {}'s wording not kept: {}",
                            conversation_id_, task_id, describe(err));
            });
}

void conversation_state::persisted(const std::vector<int64_t>& seqs,
                                   const std::vector<int64_t>& copied,
                                   const message_put_result& r) {
  failed_rounds_ = 0;
  counted_failures_ = 0;
  persist_one_ = false;
  // The answers follow the rows: each copy, then its notice if any. A row
  // stored before (a write whose answer was lost, or a replay) is sent
  // only while it is still pending.
  size_t k = 0;
  auto settled = [&] {
    if (k >= r.outbox.size())
      return false;
    const auto& o = r.outbox[k++];
    return !o.created && o.status != outbox_status::pending;
  };
  for (auto seq : copied)
    if (auto* m = find_meta(seq)) {
      m->copy_settled = settled();
      if (m->notice)
        m->notice_settled = settled();
    }
  for (auto seq : seqs)
    pipe_->persisted(seq);
  pump();
}

void conversation_state::persist_failed(const std::vector<int64_t>& seqs,
                                        const caf::error& err) {
  for (auto seq : seqs)
    pipe_->persist_failed(seq);
  if (!is_transient(err)) {
    if (seqs.size() > 1) {
      // One of them is refused: find which, one write at a time.
      persist_one_ = true;
      pump();
      return;
    }
    give_up(seqs.front(), err, false);
    return;
  }
  ++failed_rounds_;
  // An unreachable database is everyone's outage, not this message's: it
  // waits (order requires it) without counting towards parking.
  if (engine_code(err) != engine_errc::db_unavailable)
    ++counted_failures_;
  if (counted_failures_ >= opts_->persist_attempts) {
    counted_failures_ = 0;
    give_up(seqs.front(), err, true);
    return;
  }
  if (failed_rounds_ == 1)
    spdlog::warn("conversation {}: storing {} message(s) failed, retrying: "
                 "{}",
                 conversation_id_, seqs.size(), describe(err));
  if (!retry_armed_) {
    retry_armed_ = true;
    auto wait = opts_->persist_retry * (1u << std::min(failed_rounds_ - 1, 5u));
    self->delayed_send(
        self,
        std::min<std::chrono::milliseconds>(
            wait, std::chrono::duration_cast<std::chrono::milliseconds>(
                      persist_retry_cap)),
        retry_atom::value);
  }
}

void conversation_state::give_up(int64_t seq, const caf::error& err,
                                 bool parked) {
  const auto* e = pipe_->find(seq);
  auto* m = find_meta(seq);
  if (e == nullptr || !pipe_->abandon(seq))
    return;
  auto update_id = e->update_id;
  auto why = describe(err);
  if (m != nullptr) {
    auto id = parked ? text_id::message_parked : text_id::message_refused;
    tell_writer(writer_chat(e->from_worker != 0), *m,
                domain::render(id, m->writer_lang),
                message_key(update_id) + (parked ? ".parked" : ".refused"));
    meta_.erase(meta_.begin() + (m - meta_.data()));
  }
  remember_update(update_id);
  if (parked) {
    spdlog::error("conversation {}: update {} parked after its retries: {}",
                  conversation_id_, update_id, why);
    telemetry::metrics().updates_parked.Increment();
    if (update_id > 0)
      self->request(opts_->db, infinite,
                    inbox_park{update_id, why, 0, opts_->fence})
          .then([](const db_count&) {},
                [this, update_id](const caf::error& park_err) {
                  // Left unfinished: the sweep hands it on again later.
                  spdlog::warn("conversation {}: cannot park update {}: {}",
                               conversation_id_, update_id, describe(park_err));
                });
  } else {
    spdlog::error("conversation {}: update {} refused by storage, the "
                  "writer is told: {}",
                  conversation_id_, update_id, why);
    telemetry::metrics().messages_refused.Increment();
    finish(update_id);
  }
  pump();
}

bool conversation_state::known_update(int64_t id) const {
  return pipe_->has_update(id) || albums_.holds([id](const partner_text& t) {
    return t.update_id == id;
  })
         || std::find(recent_updates_.begin(), recent_updates_.end(), id)
                != recent_updates_.end();
}

void conversation_state::remember_update(int64_t id) {
  if (id <= 0)
    return;
  if (recent_updates_.size() >= recent_update_limit)
    recent_updates_.erase(recent_updates_.begin());
  recent_updates_.push_back(id);
}

} // namespace bridge
