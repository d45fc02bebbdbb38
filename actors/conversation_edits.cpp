// SPDX-License-Identifier: Apache-2.0
// Edits: a writer's edited text is translated again and the partner's
// delivered copy edited, for the last few deliveries of a conversation.

#include <algorithm>

#include <spdlog/spdlog.h>

#include "actors/conversation.hpp"
#include "common/utf8.hpp"
#include "domain/original.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"
#include "telegram/bot_api.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

/// Deliveries remembered for edits; older messages cannot be edited.
constexpr size_t remembered_deliveries = 8;

} // namespace

void conversation_state::on_edit(partner_text& t) {
  auto it =
      std::find_if(recent_.begin(), recent_.end(), [&](const delivered& d) {
        return d.source_message_id == t.message_id
               && d.from_worker == t.from_worker;
      });
  if (it == recent_.end() || t.message_id == 0) {
    meta m;
    m.received_ns = t.received_ns;
    tell_writer(writer_chat(t.from_worker), m,
                domain::render(text_id::edit_too_old, t.writer_lang),
                "u" + std::to_string(t.update_id) + ".edit");
    give_back_charge(t);
    finish(t.update_id);
    return;
  }
  pending_edit e;
  e.id = conversation_edit_id_base + ++next_edit_;
  e.target = *it;
  e.text = t.text;
  e.source_lang = t.source_lang;
  e.target_lang = t.target_lang;
  e.writer_name = std::move(t.writer_name);
  e.reader_original = std::move(t.reader_original);
  translate_request r;
  r.id = e.id;
  r.text = std::move(t.text);
  r.source_lang = std::move(t.source_lang);
  r.target_lang = std::move(t.target_lang);
  r.context = to_context(pipe_->context());
  r.terms = terms_for(r.text, r.source_lang, r.target_lang);
  edits_.push_back(std::move(e));
  self->send(opts_->translator, std::move(r));
  finish(t.update_id);
}

void conversation_state::finish_edit(pending_edit& e, translation_done& d) {
  auto body = d.ok ? d.text
                   : e.text + " "
                         + std::string{domain::wording(
                             text_id::untranslated_note, e.target_lang)};
  outbound out;
  out.kind = outbound_kind::edit_message;
  out.chat_id = partner_chat(e.target.from_worker);
  out.message_id = e.target.partner_message_id;
  out.text =
      e.writer_name + ": " + body + " "
      + std::string{domain::wording(text_id::edited_note, e.target_lang)};
  // Quoted as the first copy was. An edit is one message: a quote that
  // would push it past Telegram's limit is left out, not the edit.
  if (domain::wants_original(e.reader_original, d.hops,
                             d.ok && d.text != e.text, d.fallback)) {
    auto quoted = out;
    add_original(quoted, e.text);
    if (utf8::utf16_length(quoted.text) <= telegram::max_message_units)
      out = std::move(quoted);
  }
  out.dedupe_key = "e" + std::to_string(conversation_id_) + "."
                   + std::to_string(e.id - conversation_edit_id_base) + "."
                   + std::to_string(e.target.seq);
  self->send(opts_->sender, fenced(std::move(out), opts_->fence));
  message_update up;
  up.conversation_id = conversation_id_;
  up.seq = e.target.seq;
  up.original_text = e.text;
  up.translated_text = d.ok ? d.text : std::string{};
  up.translated_lang = d.ok ? e.target_lang : std::string{};
  up.status = d.ok ? message_status::translated : message_status::failed;
  ++writes_out_;
  self->request(opts_->db, infinite, std::move(up))
      .then([this](const message_row&) { --writes_out_; },
            [this](const caf::error& err) {
              --writes_out_;
              spdlog::warn("conversation {}: edit not stored: {}",
                           conversation_id_, describe(err));
            });
}

void conversation_state::give_back_charge(const partner_text& t) {
  // The writer is asked to send the text again, which is charged then.
  if (t.charged_day == 0)
    return;
  self->request(opts_->db, infinite,
                usage_release{t.manager_id, t.charged_day, 1, 0})
      .then([](const db_count&) {},
            [this](const caf::error& err) {
              spdlog::warn(
                  "conversation {}: an edit's charge not given back: {}",
                  conversation_id_, describe(err));
            });
}

void conversation_state::remember(const delivered& d) {
  if (d.source_message_id == 0 || d.partner_message_id == 0)
    return;
  if (recent_.size() == remembered_deliveries)
    recent_.erase(recent_.begin());
  recent_.push_back(d);
}

} // namespace bridge
