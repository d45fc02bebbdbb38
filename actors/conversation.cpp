// SPDX-License-Identifier: Apache-2.0
#include "actors/conversation.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

} // namespace

std::vector<context_line>
to_context(const std::vector<domain::context_entry>& entries) {
  std::vector<context_line> out;
  out.reserve(entries.size());
  for (const auto& e : entries)
    out.push_back({e.from_worker ? "worker" : "manager", e.lang, e.text});
  return out;
}

caf::behavior conversation_state::make_behavior(
    int64_t manager_id, int64_t worker_id, caf::actor registry,
    std::shared_ptr<const conversation_options> opts) {
  manager_id_ = manager_id;
  worker_id_ = worker_id;
  registry_ = std::move(registry);
  opts_ = std::move(opts);
  const auto& o = *opts_;
  idle_.start(o.passivation_timeout, o.clock);
  albums_ = domain::album_gatherer<partner_text>{
      std::chrono::duration_cast<std::chrono::nanoseconds>(o.album_wait)
          .count()};
  open();
  return {
      [this](partner_text& t) {
        ++handled_;
        idle_.touch();
        on_text(t);
      },
      [this](translation_done& d) {
        idle_.touch();
        on_translated(d);
      },
      [this](const translation_queued& q) { on_queued(q); },
      [this](open_atom) { open(); },
      [this](album_atom) { on_album_due(); },
      [this](const conversation_flush&) -> caf::result<bool> {
        ++handled_;
        release_album(); // its route is the one it was written under
        if (pipe_ && pipe_->all_stored())
          return true;
        flush_waiters_.push_back(self->make_response_promise<bool>());
        return flush_waiters_.back();
      },
      [this](retry_atom) {
        retry_armed_ = false;
        pump();
      },
      [this](const translation_slow& s) {
        if (s.id < conversation_edit_id_base)
          show_typing(static_cast<int64_t>(s.id));
      },
      [this](idle_atom) {
        if (idle_.due())
          try_passivate();
      },
  };
}

void conversation_state::open() {
  // Activation: the pair's row (numbering resumes after the highest stored
  // sequence) and its recent history as context, awaited, so messages
  // wait in the mailbox until the conversation knows itself. A transient
  // failure is tried again after a pause, keeping what arrives meanwhile.
  self->request(opts_->db, infinite,
                conversation_open{manager_id_, worker_id_, 0})
      .await([this](conversation_record& c) { opened(c); },
             [this](const caf::error& err) { open_failed(err); });
}

void conversation_state::opened(const conversation_record& c) {
  conversation_id_ = c.id;
  pipe_.emplace(opts_->max_in_flight, opts_->context_length, opts_->queue_limit,
                c.last_seq + 1);
  message_recent recent{c.id, static_cast<int64_t>(opts_->context_length), 0,
                        0};
  self->request(opts_->db, infinite, recent)
      .await(
          [this](message_page& page) {
            std::vector<domain::context_entry> lines;
            for (auto& r : page.rows)
              lines.push_back({static_cast<uint8_t>(r.sender_id == worker_id_),
                               r.original_lang, std::move(r.original_text)});
            pipe_->seed_context(std::move(lines));
            admit_early();
          },
          [this](const caf::error& err) {
            spdlog::warn("conversation {}: no context loaded: {}",
                         conversation_id_, describe(err));
            admit_early();
          });
}

void conversation_state::admit_early() {
  // Taken here, before anything still in the mailbox: those arrived while
  // the last attempt to open was awaited, after these. Sent to itself
  // instead, they went behind them, and a writer's two messages could be
  // numbered the other way round.
  auto early = std::move(early_);
  early_.clear();
  for (auto& t : early)
    on_text(t);
}

void conversation_state::open_failed(const caf::error& err) {
  constexpr uint32_t max_open_attempts = 8;
  if (is_transient(err) && ++open_attempts_ < max_open_attempts) {
    if (open_attempts_ == 1)
      spdlog::warn("conversation {}-{}: cannot open ({}); trying again",
                   manager_id_, worker_id_, describe(err));
    auto wait = std::chrono::milliseconds{250}
                * (1u << std::min(open_attempts_ - 1, 5u));
    self->delayed_send(self, wait, open_atom::value);
    return;
  }
  // Without its row the conversation cannot number messages; stop, and
  // the registry spawns a fresh one for the next message (what it held is
  // handed on again by the inbox sweep).
  spdlog::error("conversation {}-{}: cannot open: {}", manager_id_, worker_id_,
                describe(err));
  self->quit(err);
}

void conversation_state::on_text(partner_text& t) {
  if (!pipe_) {
    // Not open yet (its row is being read again): kept until it is.
    early_.push_back(std::move(t));
    return;
  }
  if (t.kind == partner_kind::edit) {
    on_edit(t);
    return;
  }
  if (t.update_id > 0 && known_update(t.update_id)) {
    // Handed on again (the sweep, or a repeated push) while this
    // conversation holds it or has just finished it.
    spdlog::debug("conversation {}: update {} is known; dropped",
                  conversation_id_, t.update_id);
    return;
  }
  if (!t.media_group_id.empty()) {
    gather(t);
    return;
  }
  release_album(); // anything after an album goes after it
  admit_text(t, {});
}

void conversation_state::admit_text(partner_text& t,
                                    const std::vector<partner_text>& album) {
  auto seq = pipe_->admit(t.update_id, t.from_worker ? 1 : 0, std::move(t.text),
                          t.source_lang, t.target_lang);
  meta m;
  m.media_kind = std::move(t.media_kind);
  m.from_chat_id = t.from_chat_id;
  if (!m.media_kind.empty())
    m.source_ids.push_back(t.message_id);
  for (const auto& item : album) {
    m.source_ids.push_back(item.message_id);
    if (item.update_id > 0)
      m.album_updates.push_back(item.update_id);
  }
  m.kind = t.kind;
  m.message_id = t.message_id;
  m.task_id = t.task_id;
  m.writer_name = std::move(t.writer_name);
  m.partner_name = std::move(t.partner_name);
  m.writer_lang = std::move(t.writer_lang);
  m.reader_original = std::move(t.reader_original);
  m.received_ns = t.received_ns;
  if (!seq) {
    spdlog::warn("conversation {}: queue full, update {} refused",
                 conversation_id_, t.update_id);
    tell_writer(writer_chat(t.from_worker), m,
                domain::render(text_id::busy, m.writer_lang),
                "u" + std::to_string(t.update_id) + ".busy");
    finish(t.update_id); // refused, and the writer told: nothing to resume
    for (auto id : m.album_updates)
      finish(id);
    return;
  }
  m.seq = *seq;
  meta_.push_back(std::move(m));
  pump();
}

void conversation_state::on_translated(translation_done& d) {
  if (!pipe_)
    return;
  if (d.id >= conversation_edit_id_base) {
    auto it = std::find_if(edits_.begin(), edits_.end(),
                           [&](const pending_edit& e) { return e.id == d.id; });
    if (it != edits_.end()) {
      finish_edit(*it, d);
      edits_.erase(it);
    }
    return;
  }
  auto seq = static_cast<int64_t>(d.id);
  auto* m = find_meta(seq);
  auto hops = d.hops;
  if (!pipe_->translated(seq, d.ok, std::move(d.text), std::move(d.reason)))
    return; // late or duplicate
  if (m != nullptr) {
    m->hops = hops;
    m->fallback = d.fallback;
  }
  pump();
}

void conversation_state::on_queued(const translation_queued& q) {
  auto seq = static_cast<int64_t>(q.id);
  auto* m = find_meta(seq);
  const auto* e = pipe_ ? pipe_->find(seq) : nullptr;
  if (m == nullptr || e == nullptr || m->told_queued)
    return;
  m->told_queued = true;
  tell_writer(writer_chat(e->from_worker != 0), *m,
              domain::render(text_id::queued, m->writer_lang),
              message_key(e->update_id) + ".queued");
}

void conversation_state::answer_flushes() {
  if (flush_waiters_.empty() || !pipe_ || !pipe_->all_stored())
    return;
  for (auto& rp : flush_waiters_)
    rp.deliver(true);
  flush_waiters_.clear();
}

void conversation_state::pump() {
  // Translations wait for the team's glossary (read once, then kept by
  // the engine); stores and deliveries go on meanwhile.
  auto starts =
      glossary_ready() ? pipe_->startable() : decltype(pipe_->startable()){};
  // The first of a burst: "typing" if its translation takes a while. The
  // translator says when (translation_slow), on the one timer it keeps
  // anyway, rather than a timer here for every burst.
  bool burst = !starts.empty() && pipe_->in_flight() == starts.size();
  for (auto& s : starts) {
    const auto* e = pipe_->find(s.seq);
    if (e->text.empty()) {
      // Media without a caption: nothing to translate.
      pipe_->translated(s.seq, true, {}, {});
      continue;
    }
    translate_request r;
    r.id = static_cast<uint64_t>(s.seq);
    r.text = e->text;
    r.source_lang = e->source_lang;
    r.target_lang = e->target_lang;
    r.context = to_context(s.context);
    r.terms = terms_for(e->text, e->source_lang, e->target_lang);
    if (burst && s.seq == starts.front().seq)
      r.slow_notice_ms = opts_->typing_delay.count();
    self->send(opts_->translator, std::move(r));
  }
  if (burst && opts_->typing_delay.count() == 0)
    show_typing(starts.front().seq);
  auto ready = pipe_->persistable();
  if (persist_one_ && ready.size() > 1) {
    // Looking for the message storage refuses: one at a time.
    for (size_t i = 1; i < ready.size(); ++i)
      pipe_->persist_failed(ready[i]);
    ready.resize(1);
  }
  if (!ready.empty() && !retry_armed_)
    persist(ready);
  else
    for (auto seq : ready)
      pipe_->persist_failed(seq); // a retry is armed: they go with it
  for (auto& e : pipe_->deliverable()) {
    if (auto* m = find_meta(e.seq)) {
      deliver(e, *m);
      meta_.erase(meta_.begin() + (m - meta_.data()));
    }
  }
  answer_flushes();
}

void conversation_state::show_typing(int64_t seq) {
  using stage = domain::pipeline_entry::stage;
  const auto* e = pipe_ ? pipe_->find(seq) : nullptr;
  if (e == nullptr || (e->at != stage::waiting && e->at != stage::translating))
    return; // translated already: the message itself is on its way
  outbound typing;
  typing.kind = outbound_kind::chat_action;
  typing.chat_id = partner_chat(e->from_worker != 0);
  typing.action = "typing";
  self->send(opts_->sender, fenced(std::move(typing), opts_->fence));
}

void conversation_state::deliver(const domain::pipeline_entry& e, meta& m) {
  bool from_worker = e.from_worker != 0;
  auto partner = partner_chat(from_worker);
  auto& metrics = telemetry::metrics();
  metrics.messages_relayed.Increment();
  remember_update(e.update_id);
  if (!m.copy) {
    // persist() gives every message it stores a copy; without one the
    // update was not finished by the write either.
    spdlog::error("conversation {}: update {} stored without its copy",
                  conversation_id_, e.update_id);
    finish(e.update_id);
    return;
  }
  if (!e.translated_ok) {
    metrics.messages_untranslated.Increment();
    if (m.notice && !m.notice_settled)
      self->send(opts_->sender, fenced(std::move(*m.notice), opts_->fence));
  }
  if (m.copy_settled) {
    // A replayed update whose copy was sent (or given up on) before.
    spdlog::debug("conversation {}: update {} was delivered before",
                  conversation_id_, e.update_id);
    return;
  }
  // The update was finished when its copy was stored; the answer here only
  // tells where the copy is (for edits) or that the partner is gone.
  delivered copy{m.message_id, e.seq, 0, from_worker};
  auto writer = writer_chat(from_worker);
  for (auto id : m.album_updates)
    remember_update(id);
  auto notice = domain::render(text_id::partner_unreachable, m.writer_lang,
                               m.partner_name);
  auto key = message_key(e.update_id) + ".unreachable";
  auto update_id = e.update_id;
  self->request(opts_->sender, infinite, deliver_atom::value,
                fenced(std::move(*m.copy), opts_->fence))
      .then(
          [this, copy](const delivery& d) mutable {
            if (!d.message_ids.empty()) {
              copy.partner_message_id = d.message_ids.front();
              remember(copy);
            }
          },
          [this, update_id, partner, writer, notice,
           key](const caf::error& err) {
            if (engine_code(err) == engine_errc::fenced) {
              // The partition's lease moved (or was lost and won again):
              // the copy's row is pending for the lease held now, which
              // sends it. The partner is not gone; nobody is told.
              spdlog::debug("conversation {}: copy of update {} left to the "
                            "partition's owner",
                            conversation_id_, update_id);
              return;
            }
            // Blocked the bot, or gone: the writer hears it, nothing retries.
            spdlog::warn("conversation {}: update {} not delivered to chat "
                         "{}: {}",
                         conversation_id_, update_id, partner, describe(err));
            meta none;
            tell_writer(writer, none, notice, key);
          });
}

void conversation_state::finish(int64_t update_id) {
  if (update_id <= 0)
    return;
  self->request(opts_->db, infinite, inbox_done{{update_id}, 0, opts_->fence})
      .then([](const db_count&) {},
            [this, update_id](const caf::error& err) {
              spdlog::warn("conversation {}: cannot mark update {} done: {}",
                           conversation_id_, update_id, describe(err));
            });
}

void conversation_state::try_passivate() {
  if (!pipe_ || !pipe_->idle() || writes_out_ > 0 || !edits_.empty()
      || !albums_.empty()) {
    // Still working (translations, writes or edits out): look again later.
    idle_.again();
    return;
  }
  self->request(registry_, infinite,
                passivate_request{manager_id_, worker_id_, handled_})
      .then(
          [this](bool agreed) {
            if (agreed)
              self->quit();
            else
              idle_.again();
          },
          [this](const caf::error&) { idle_.again(); });
}

conversation_state::meta* conversation_state::find_meta(int64_t seq) {
  for (auto& m : meta_)
    if (m.seq == seq)
      return &m;
  return nullptr;
}

caf::behavior conversation(caf::stateful_actor<conversation_state>* self,
                           int64_t manager_id, int64_t worker_id,
                           caf::actor registry,
                           std::shared_ptr<const conversation_options> opts) {
  return self->state.make_behavior(manager_id, worker_id, std::move(registry),
                                   std::move(opts));
}

} // namespace bridge
