// SPDX-License-Identifier: Apache-2.0
// Media in a conversation: an album's items gathered into one message
// (bounded in items and time, released early by anything that follows so
// the order holds), and the partner's copy of a photo, document, video,
// voice note or sticker.

#include "actors/conversation.hpp"
#include "domain/media.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

void conversation_state::gather(partner_text& t) {
  auto now = opts_->clock.steady_ns();
  bool was_empty = albums_.empty();
  auto group = t.media_group_id;
  for (auto& a : albums_.add(std::move(group), std::move(t), now))
    admit_album(a);
  if (!albums_.empty() && (was_empty || !album_timer_)) {
    album_timer_ = true;
    self->delayed_send(self, opts_->album_wait, album_atom::value);
  }
}

void conversation_state::release_album() {
  if (auto a = albums_.take())
    admit_album(*a);
}

void conversation_state::on_album_due() {
  album_timer_ = false;
  if (auto a = albums_.take_due(opts_->clock.steady_ns())) {
    admit_album(*a);
    pump();
  } else if (!albums_.empty()) {
    // A newer album than the one the timer was set for: its own wait.
    album_timer_ = true;
    self->delayed_send(self, opts_->album_wait, album_atom::value);
  }
}

void conversation_state::admit_album(domain::album<partner_text>& a) {
  // One message: the first item carries the album; the captions (Telegram
  // puts an album's caption on one item, usually the first) are joined.
  auto& items = a.items;
  auto& first = items.front();
  std::string caption;
  for (auto& item : items) {
    if (item.text.empty())
      continue;
    if (!caption.empty())
      caption += "\n";
    caption += item.text;
  }
  first.text = std::move(caption);
  std::vector<partner_text> rest(std::make_move_iterator(items.begin() + 1),
                                 std::make_move_iterator(items.end()));
  admit_text(first, rest);
}

outbound conversation_state::media_copy(const domain::pipeline_entry& e,
                                        const meta& m,
                                        const std::string& body) const {
  outbound out;
  out.kind = m.source_ids.size() > 1 ? outbound_kind::copy_messages
                                     : outbound_kind::copy_message;
  out.chat_id = partner_chat(e.from_worker != 0);
  out.from_chat_id = m.from_chat_id;
  out.source_ids = m.source_ids;
  out.origin_ns = m.received_ns;
  out.dedupe_key = message_key(e.update_id);
  out.stored = true;
  auto signed_body = body.empty() ? m.writer_name : m.writer_name + ": " + body;
  switch (domain::relay_of(m.media_kind)) {
  case domain::media_relay::note:
    // Speech is not transcribed: the partner is told, in their language,
    // after the note itself.
    out.caption_after = true;
    out.text = domain::render(text_id::media_not_translated, e.target_lang,
                              m.writer_name);
    if (!body.empty())
      out.text += "\n" + signed_body;
    break;
  case domain::media_relay::as_is:
    break; // a sticker says what it says
  default:
    // An album without a caption needs no text after it; a single item
    // is signed by its writer in its caption.
    if (out.kind == outbound_kind::copy_message || !body.empty())
      out.text = std::move(signed_body);
    break;
  }
  return out;
}

} // namespace bridge
