// SPDX-License-Identifier: Apache-2.0
// Corrections feed the team's glossary: /glossary suggestions shows a
// manager the team's latest corrections in short, and a correction made
// the same way repeatedly is proposed to the manager as a glossary entry,
// with the buttons a worker's proposal gets.

#include "actors/session.hpp"
#include "domain/glossary.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;
namespace gl = domain::glossary;

namespace {

using caf::infinite;

/// Corrections /glossary suggestions lists, newest first.
constexpr int64_t listed_corrections = 10;

/// Code points of a translation or correction shown in that list.
constexpr size_t shown_chars = 60;

/// `text` cut at `n` code points, an ellipsis marking the cut.
std::string shorten(const std::string& text, size_t n) {
  if (gl::length(text) <= n)
    return text;
  size_t at = 0;
  for (size_t k = 0; k < n && at < text.size(); ++k) {
    ++at;
    while (at < text.size()
           && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
      ++at;
  }
  return text.substr(0, at) + "…";
}

} // namespace

std::string glossary_suggestions_text(const std::vector<correction_brief>& rows,
                                      std::string_view lang) {
  if (rows.empty())
    return domain::render(text_id::glossary_suggestions_none, lang,
                          repeats_to_propose);
  auto text = domain::render(text_id::glossary_suggestions_header, lang,
                             repeats_to_propose);
  for (const auto& r : rows)
    text += "\n"
            + domain::render(text_id::glossary_suggestions_line, lang,
                             r.author_name.empty() ? "?" : r.author_name,
                             shorten(r.machine_text, shown_chars),
                             shorten(r.correction, shown_chars));
  return text;
}

void session_state::glossary_suggestions() {
  self->request(opts_->db, infinite,
                correction_recent{chat_id_, listed_corrections, 0})
      .await(
          [this](const correction_brief_page& page) {
            reply(glossary_suggestions_text(page.rows, lang()));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::propose_repeated_correction(const correction_source& src,
                                                const std::string& correction) {
  auto manager_id = is_manager() ? chat_id_ : me_.manager_id;
  // The term is the manager's side (see store_correction_proposal).
  bool fits = is_manager() ? gl::fits_entry(correction, src.original_text)
                           : gl::fits_entry(src.original_text, correction);
  if (manager_id == 0 || !fits)
    return;
  correction_suggestions ask{manager_id, repeats_to_propose, 1, 0, {}};
  ask.only = {src.original_text, src.original_lang, src.translated_lang,
              correction, 0};
  self->request(opts_->db, infinite, ask)
      .await(
          [this, src, correction,
           manager_id](const correction_suggestion_page& page) {
            // Exactly at the threshold: proposed once, not at every
            // further repeat (a declined proposal stays declined).
            if (page.rows.empty() || page.rows[0].times != repeats_to_propose)
              return;
            store_correction_proposal(src, correction, manager_id,
                                      page.rows[0].times);
          },
          [](const caf::error&) {
            // The correction is stored already; a proposal lost to a
            // failed read is proposed again by no one, which costs little.
          });
}

void session_state::store_correction_proposal(const correction_source& src,
                                              const std::string& correction,
                                              int64_t manager_id,
                                              int64_t times) {
  // Terms are in the manager's language: a worker corrects the manager's
  // words (the original is the term), a manager the worker's (their own
  // correction is the term, the worker's original its translation).
  glossary_row r;
  bool by_manager = is_manager();
  r.source_lang = by_manager ? src.translated_lang : src.original_lang;
  r.target_lang = by_manager ? src.original_lang : src.translated_lang;
  r.term = gl::tidy(by_manager ? correction : src.original_text);
  r.term_key = gl::key(r.term);
  r.translation = gl::tidy(by_manager ? src.original_text : correction);
  r.proposer_id = chat_id_;
  r.status = "proposed";
  if (r.source_lang == r.target_lang || !gl::fits_script(r.term, r.source_lang)
      || !gl::fits_script(r.translation, r.target_lang))
    return;
  glossary_put put;
  put.manager_id = manager_id;
  put.max_terms = opts_->glossary_max_terms;
  put.rows.push_back(std::move(r));
  self->request(opts_->db, infinite, std::move(put))
      .await(
          [this, manager_id, times](glossary_page& stored) {
            if (stored.rows.empty())
              return; // proposals are full: the manager has enough to answer
            auto row = stored.rows.front();
            auto ask = [this, row, times](const user_record& manager) {
              auto text = domain::render(text_id::glossary_correction_proposal,
                                         manager.language, times, row.term,
                                         row.translation, row.target_lang);
              ask_glossary_question(manager, row, std::move(text));
            };
            if (is_manager())
              ask(me_);
            else
              with_partner(manager_id, [ask](user_record& m) { ask(m); });
          },
          [](const caf::error&) {});
}

void session_state::ask_glossary_question(const user_record& manager,
                                          const glossary_row& r,
                                          std::string text) {
  outbound out;
  out.chat_id = manager.telegram_id;
  out.text = std::move(text);
  out.keyboard = {{{std::string{domain::wording(text_id::join_accept_button,
                                                manager.language)},
                    domain::glossary_button_data(true, r.id)},
                   {std::string{domain::wording(text_id::join_decline_button,
                                                manager.language)},
                    domain::glossary_button_data(false, r.id)}}};
  // One question per proposal, however often it is proposed again.
  out.dedupe_key = "gp" + std::to_string(r.id);
  out.origin_ns = current_.received_ns;
  self->send(opts_->sender, fenced(std::move(out), opts_->fence));
}

} // namespace bridge
