// SPDX-License-Identifier: Apache-2.0
// The commands and buttons of a registered chat, and the routing of its
// plain text to the conversation with the partner.

#include <memory>

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/command_menu.hpp"
#include "domain/invite_code.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::command_kind;
using domain::text_id;

namespace {

using caf::infinite;

/// Most workers listed or offered as buttons at once.
constexpr int64_t max_listed_workers = 50;

/// True when the whole text is an invitation code (not a sentence that
/// happens to contain one).
bool is_code(const std::string& text) {
  return text.size() <= 24 && domain::parse_code(text).has_value();
}

} // namespace

// -- routing
// --------------------------------------------------------------------

void session_state::with_current_worker(std::function<void(int64_t)> then) {
  if (rec_.current_worker != 0) {
    then(rec_.current_worker);
    return;
  }
  self->request(opts_->db, infinite,
                workers_of{chat_id_, 0, max_listed_workers, 0})
      .await(
          [this, then](user_page& page) {
            if (page.rows.empty()) {
              reply(say(text_id::no_workers, me_.invitation_code));
              return;
            }
            if (page.rows.size() == 1) {
              rec_.current_worker = page.rows.front().telegram_id;
              save();
              then(rec_.current_worker);
              return;
            }
            std::vector<std::vector<inline_button>> rows;
            for (const auto& w : page.rows)
              rows.push_back({{w.display_name,
                               domain::switch_button_data(w.telegram_id)}});
            reply(say(text_id::workers_choose), std::move(rows));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::route_text(const tg_update& u) {
  auto kind = u.kind == update_kind::edited_message ? partner_kind::edit
                                                    : partner_kind::text;
  if (is_manager()) {
    if (kind == partner_kind::edit) {
      route_to_worker(u, kind, 0);
      return;
    }
    if (is_code(u.text)) {
      reply(say(text_id::code_not_needed, me_.invitation_code));
      return;
    }
    route_to_worker(u, partner_kind::text, 0);
    return;
  }
  if (kind == partner_kind::text && is_code(u.text)) {
    // A connected worker who sends a code moves to that manager.
    take_code(u.text);
    return;
  }
  if (me_.manager_id == 0) {
    reply(say(text_id::no_manager));
    return;
  }
  with_partner(me_.manager_id, [this, u, kind](user_record& manager) {
    forward(u, me_, manager, kind, 0);
  });
}

void session_state::route_to_worker(const tg_update& u, partner_kind kind,
                                    int64_t task_id) {
  with_current_worker([this, u, kind, task_id](int64_t worker_id) {
    charge(to_worker{u, kind, task_id, worker_id});
  });
}

void session_state::forward(const tg_update& u, const user_record& me,
                            const user_record& partner, partner_kind kind,
                            int64_t task_id, int64_t charged_day) {
  partner_text t;
  t.kind = kind;
  t.from_worker = !is_manager();
  t.manager_id = t.from_worker ? partner.telegram_id : me.telegram_id;
  t.worker_id = t.from_worker ? me.telegram_id : partner.telegram_id;
  t.update_id = u.update_id;
  t.message_id = u.message_id;
  t.text =
      kind == partner_kind::task ? domain::parse_command(u.text).args : u.text;
  t.source_lang = me.language;
  t.target_lang = partner.language;
  t.writer_name = me.display_name;
  t.partner_name = partner.display_name;
  t.writer_lang = lang();
  // The reader decides whether their copy carries the original.
  t.reader_original = partner.original_mode;
  t.task_id = task_id;
  t.charged_day = charged_day;
  t.received_ns = u.received_ns;
  if (!u.media_kind.empty()) {
    t.text = u.caption;
    t.media_kind = u.media_kind;
    t.from_chat_id = u.chat_id;
    t.media_group_id = u.media_group_id;
  }
  if (u.update_id > 0)
    forwarded_.push_back(u.update_id);
  note_forwarded(t.manager_id, t.worker_id);
  self->send(registry_, std::move(t));
}

// -- commands
// -------------------------------------------------------------------

void session_state::run_command(const domain::command& cmd) {
  if (cmd.kind == command_kind::fix) {
    fix(cmd); // its own usage (session_corrections.cpp)
    return;
  }
  if (cmd.kind == command_kind::remove) {
    // Which worker is never guessed: no number, 0 or a word gets the
    // usage, a number past the list says so (remove_worker).
    if (!is_manager())
      reply(say(text_id::unknown_command, cmd.word));
    else if (domain::check_args(cmd) != domain::args_problem::ok)
      reply(say(text_id::remove_usage));
    else
      remove_worker(domain::parse_count(cmd.args, 0, 1000).value_or(0));
    return;
  }
  switch (domain::check_args(cmd)) {
  case domain::args_problem::ok:
    break;
  case domain::args_problem::missing:
    reply(say(text_id::args_missing, cmd.word, cmd.word));
    return;
  case domain::args_problem::unexpected:
    reply(say(text_id::args_unexpected, cmd.word));
    return;
  case domain::args_problem::too_long:
    reply(say(text_id::args_too_long, cmd.word));
    return;
  case domain::args_problem::not_a_number:
    reply(say(text_id::args_not_a_number, cmd.word, cmd.word));
    return;
  }
  bool manager = is_manager();
  auto manager_only = [&] {
    if (!manager)
      reply(say(text_id::unknown_command, cmd.word));
    return manager;
  };
  switch (cmd.kind) {
  case command_kind::start:
    if (!cmd.args.empty()) {
      start_link(cmd.args); // a deep link
      break;
    }
    [[fallthrough]];
  case command_kind::help:
    reply(domain::help_text(manager ? domain::menu_role::manager
                                    : domain::menu_role::worker,
                            lang()));
    break;
  case command_kind::code:
    if (manager)
      reply(code_text(text_id::code_for_manager));
    else
      reply(domain::help_text(domain::menu_role::worker, lang()));
    break;
  case command_kind::newcode:
    if (manager_only())
      rotate_code();
    break;
  case command_kind::remove:
    break; // above
  case command_kind::workers:
    if (manager_only())
      list_workers(false);
    break;
  case command_kind::switch_worker:
    if (!manager_only())
      break;
    if (cmd.args.empty())
      list_workers(true);
    else
      switch_to_number(domain::parse_count(cmd.args, 1, 1000).value_or(1));
    break;
  case command_kind::task:
    if (manager_only())
      create_task(cmd.args);
    break;
  case command_kind::tasks:
    list_tasks();
    break;
  case command_kind::daily:
    if (manager_only())
      daily();
    break;
  case command_kind::history:
    history(domain::history_count(cmd.args, opts_->history_length));
    break;
  case command_kind::reset:
    reset();
    break;
  case command_kind::language:
    change_language(cmd.args);
    break;
  case command_kind::usage:
    if (manager_only())
      usage();
    break;
  case command_kind::subscribe:
    if (manager_only())
      subscribe();
    break;
  case command_kind::paysupport:
    reply(say(text_id::paysupport));
    break;
  case command_kind::feedback: {
    // Kept with its author's role and language, for operators to read
    // translated (GET /admin/feedback).
    feedback_put f{chat_id_, chat_id_, cmd.args, 0};
    f.role = to_string(me_.role);
    f.language = me_.language;
    self->request(opts_->db, infinite, std::move(f))
        .await([this](const db_id&) { reply(say(text_id::feedback_thanks)); },
               [this](const caf::error& err) { db_failed(err); });
    break;
  }
  case command_kind::glossary:
    glossary_command(cmd.args);
    break;
  case command_kind::fix:
    break; // above
  case command_kind::corrections:
    if (manager_only())
      corrections();
    break;
  case command_kind::original:
    original_command(cmd.args);
    break;
  case command_kind::unknown:
  case command_kind::none:
    reply(say(text_id::unknown_command, cmd.word));
    break;
  }
}

void session_state::run_button(const domain::button& b) {
  if (b.kind == domain::button_kind::join_accept
      || b.kind == domain::button_kind::join_decline) {
    if (is_manager())
      answer_join(b.id, b.kind == domain::button_kind::join_accept);
    return;
  }
  if (b.kind == domain::button_kind::glossary_accept
      || b.kind == domain::button_kind::glossary_decline) {
    if (is_manager())
      answer_glossary_proposal(b.id,
                               b.kind == domain::button_kind::glossary_accept);
    return;
  }
  if (b.kind == domain::button_kind::set_language) {
    change_language(b.value);
    return;
  }
  if (b.kind == domain::button_kind::switch_worker) {
    if (!is_manager())
      return;
    switch_to_worker(b.id);
    return;
  }
  if (b.kind != domain::button_kind::task_done)
    return;
  self->request(opts_->db, infinite, task_done{b.id, chat_id_, 0})
      .await(
          [this](task_record& t) {
            // Both times come from one transaction the first time only.
            if (t.updated_at_ms != t.done_at_ms) {
              reply(say(text_id::task_already_done, t.id));
              return;
            }
            reply(say(text_id::task_done_worker, t.id));
            if (t.worker_id != chat_id_)
              return; // the manager closed it himself
            // The manager reads the task as he wrote it: no translation.
            self->request(opts_->cache, infinite, user_get{t.manager_id, 0})
                .await(
                    [this, t](user_record& m) {
                      outbound out;
                      out.chat_id = m.telegram_id;
                      out.text =
                          domain::render(text_id::task_done_manager, m.language,
                                         me_.display_name, t.id, t.text);
                      out.dedupe_key = "td" + std::to_string(t.id);
                      out.origin_ns = current_.received_ns;
                      self->send(opts_->sender,
                                 fenced(std::move(out), opts_->fence));
                    },
                    [this](const caf::error& err) { db_failed(err); });
          },
          [this](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found) {
              reply(say(text_id::tasks_none));
              return;
            }
            db_failed(err);
          });
}

} // namespace bridge
