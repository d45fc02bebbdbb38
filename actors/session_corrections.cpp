// SPDX-License-Identifier: Apache-2.0
// /fix: a reader's better wording of a translation they reply to, stored
// for the team and the operators, and told to the message's writer;
// /corrections: the ones a manager's team repeated, glossary candidates.

#include "actors/session.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

/// Suggestions listed at most.
constexpr int64_t listed_suggestions = 20;

} // namespace

std::string corrections_text(const std::vector<correction_suggestion>& rows,
                             std::string_view lang) {
  if (rows.empty())
    return domain::render(text_id::corrections_none, lang);
  auto text = domain::render(text_id::corrections_header, lang);
  for (const auto& s : rows)
    text += "\n"
            + domain::render(text_id::corrections_line, lang, s.original_text,
                             s.correction, s.times);
  return text;
}

void session_state::fix(const domain::command& cmd) {
  // Its own usage, not the generic one: it must be a reply, and it needs
  // the better wording.
  auto replied = current_.reply_to_message_id;
  auto problem = domain::check_args(cmd);
  if (problem == domain::args_problem::too_long) {
    reply(say(text_id::args_too_long, cmd.word));
    return;
  }
  if (replied == 0 || problem != domain::args_problem::ok) {
    reply(say(text_id::fix_usage));
    return;
  }
  const auto& correction = cmd.args;
  self->request(opts_->db, infinite, correction_target{chat_id_, replied, 0})
      .await(
          [this, correction, replied](correction_source& src) {
            if (!src.found) {
              reply(say(text_id::fix_not_translation));
              return;
            }
            store_correction(src, correction, replied);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::store_correction(const correction_source& src,
                                     const std::string& correction,
                                     int64_t replied) {
  correction_put put;
  put.row.author_id = chat_id_;
  put.row.writer_id = src.writer_id;
  put.row.conversation_id = src.conversation_id;
  put.row.message_id = replied;
  put.row.original_text = src.original_text;
  put.row.original_lang = src.original_lang;
  put.row.machine_text = src.translated_text;
  put.row.target_lang = src.translated_lang;
  put.row.correction = correction;
  self->request(opts_->db, infinite, std::move(put))
      .await(
          [this, src, correction](const db_id& id) {
            with_partner(src.writer_id, [this, src, correction,
                                         id](user_record& writer) {
              reply(say(text_id::fix_saved, writer.display_name));
              // The writer reads it in their language; keyed by the
              // correction, so a replayed /fix tells them once.
              outbound out;
              out.chat_id = writer.telegram_id;
              out.text = domain::render(
                  text_id::fix_writer_told, writer.language, me_.display_name,
                  src.original_text, correction, src.translated_text);
              out.dedupe_key = "fx" + std::to_string(id.id);
              out.origin_ns = current_.received_ns;
              self->send(opts_->sender, fenced(std::move(out), opts_->fence));
              propose_repeated_correction(src, correction);
            });
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::corrections() {
  self->request(opts_->db, infinite,
                correction_suggestions{
                    chat_id_, repeats_to_propose, listed_suggestions, 0, {}})
      .await(
          [this](const correction_suggestion_page& page) {
            reply(corrections_text(page.rows, lang()));
          },
          [this](const caf::error& err) { db_failed(err); });
}

} // namespace bridge
