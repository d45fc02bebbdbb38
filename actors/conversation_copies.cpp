// SPDX-License-Identifier: Apache-2.0
// What a conversation sends: the partner's copy of a message, and the
// bot's notes to the writer, each under an outbox key named by its update.

#include "actors/conversation.hpp"
#include "common/utf8.hpp"
#include "domain/original.hpp"
#include "domain/registration.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

outbound conversation_state::partner_copy(const domain::pipeline_entry& e,
                                          const meta& m) const {
  // The partner reads the bot's notes in the language they write in.
  const auto& partner_lang = e.target_lang;
  std::string body = e.translated_ok
                         ? e.translation
                         : e.text + " "
                               + std::string{domain::wording(
                                   text_id::untranslated_note, partner_lang)};
  if (!m.media_kind.empty())
    return media_copy(e, m, body);
  outbound out;
  out.kind = outbound_kind::send_message;
  out.chat_id = partner_chat(e.from_worker != 0);
  out.origin_ns = m.received_ns;
  out.dedupe_key = message_key(e.update_id);
  out.stored = true;
  // The reader's /original decides; "auto" keeps it to pivots and to the
  // fallback's translations. A task is quoted like any other message.
  const bool quoted = domain::wants_original(
      m.reader_original, m.hops, e.translated_ok && e.translation != e.text,
      m.fallback);
  if (m.kind == partner_kind::task) {
    out.text = domain::render(text_id::task_received, partner_lang, m.task_id,
                              m.writer_name, body);
    out.keyboard = {
        {{std::string{domain::wording(text_id::task_done_button, partner_lang)},
          domain::task_button_data(m.task_id)}}};
  } else {
    out.text = m.writer_name + ": " + body;
  }
  if (quoted)
    add_original(out, e.text);
  return out;
}

void add_original(outbound& out, const std::string& original) {
  // A translation through other languages drifts most: the original is
  // one tap away, folded under it. An entity, not HTML, so the writer's
  // text needs no escaping.
  out.text += "\n\n";
  message_entity quote;
  quote.type = "expandable_blockquote";
  quote.offset = static_cast<int64_t>(utf8::utf16_length(out.text));
  quote.length = static_cast<int64_t>(utf8::utf16_length(original));
  out.text += original;
  if (quote.length > 0)
    out.entities.push_back(std::move(quote));
}

outbound conversation_state::note(int64_t chat, const meta& m, std::string text,
                                  std::string key) const {
  outbound out;
  out.kind = outbound_kind::send_message;
  out.chat_id = chat;
  out.text = std::move(text);
  out.origin_ns = m.received_ns;
  out.dedupe_key = std::move(key);
  return out;
}

void conversation_state::tell_writer(int64_t chat, const meta& m,
                                     std::string text, std::string key) {
  self->send(
      opts_->sender,
      fenced(note(chat, m, std::move(text), std::move(key)), opts_->fence));
}

std::string conversation_state::message_key(int64_t update_id) const {
  // Named by the update, not the sequence number: a replayed update gets a
  // new number but the same key, and the outbox refuses a second send.
  return "d" + std::to_string(update_id) + "."
         + std::to_string(conversation_id_);
}

} // namespace bridge
