// SPDX-License-Identifier: Apache-2.0
// The registration dialogue of a chat: role, language, and for a worker
// the manager's invitation code.

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/invite_code.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::reg_step;
using domain::text_id;

namespace {

using caf::infinite;

} // namespace

// -- registration
// ---------------------------------------------------------------

void session_state::ask_role() {
  step_ = reg_step::role;
  save();
  reply(say(text_id::welcome) + "\n" + say(text_id::choose_role),
        {{{say(text_id::role_manager), domain::role_button_data(true)},
          {say(text_id::role_worker), domain::role_button_data(false)}}});
}

void session_state::ask_language(bool again) {
  std::vector<std::vector<inline_button>> rows;
  for (const auto& l : opts_->languages)
    rows.push_back(
        {{domain::language_name(l), domain::language_button_data(l)}});
  auto question = say(text_id::choose_language);
  reply(again ? say(text_id::finish_registration, question) : question,
        std::move(rows));
}

void session_state::take_role(bool manager) {
  rec_.role = manager ? "manager" : "worker";
  step_ = reg_step::language;
  save();
  ask_language();
}

void session_state::take_language(const std::string& lang) {
  bool offered = false;
  for (const auto& l : opts_->languages)
    offered = offered || l == lang;
  if (!offered) {
    ask_language();
    return;
  }
  rec_.language = lang;
  bool manager = rec_.role == "manager";
  user_put put{chat_id_, manager ? user_role::manager : user_role::worker, lang,
               current_.from.first_name, 0};
  self->request(opts_->db, infinite, std::move(put))
      .await(
          [this, manager](user_record& u) {
            me_ = std::move(u);
            if (!manager) {
              step_ = reg_step::code;
              auto code = std::move(rec_.pending); // from a deep link
              rec_.pending.clear();
              save();
              if (code.empty())
                reply(say(text_id::worker_send_code));
              else
                take_code(code);
              return;
            }
            self->request(opts_->db, infinite,
                          user_issue_code{chat_id_, false, 0})
                .await(
                    [this](user_record& u) {
                      me_ = std::move(u);
                      step_ = reg_step::ready;
                      save();
                      publish_commands();
                      reply(code_text(text_id::manager_ready));
                    },
                    [this](const caf::error& err) { db_failed(err); });
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::take_code(const std::string& text) {
  auto code = domain::parse_code(text);
  if (!code) {
    reply(say(text_id::worker_send_code));
    return;
  }
  auto now = steady_now();
  if (codes_.exhausted(now)) {
    auto wait = std::chrono::duration_cast<std::chrono::minutes>(
                    codes_.next_allowed(now) - now)
                    .count()
                + 1;
    reply(say(text_id::too_many_codes, wait));
    return;
  }
  // The sliding window above lives in this actor and ends with it; the
  // count in Redis (every attempt, per fixed window) outlives passivation
  // and restarts, so guessing codes cannot be sped up by going idle.
  auto window_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(opts_->code_window)
          .count();
  self->request(
          opts_->cache, infinite,
          rate_hit{"invite_code", chat_id_, opts_->code_attempts, window_ms})
      .await(
          [this, c = *code](const rate_verdict& v) {
            if (!v.allowed) {
              reply(
                  say(text_id::too_many_codes, v.retry_after_ms / 60'000 + 1));
              return;
            }
            check_budget(c);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::look_up_code(const std::string& code) {
  auto now = steady_now();
  self->request(opts_->db, infinite, user_by_code{code, 0})
      .await(
          [this, now](user_record& owner) {
            if (owner.role != user_role::manager) {
              code_failed(now);
              return;
            }
            if (!can_pair(owner.language)) {
              refuse_join(owner); // the code was right: not an attempt
              return;
            }
            if (owner.telegram_id == me_.manager_id) {
              reply(say(text_id::worker_connected, owner.display_name));
              return; // in this team already
            }
            if (opts_->join_approval)
              request_join(owner);
            else
              connect_to(owner);
          },
          [this, now](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found
                || engine_code(err) == engine_errc::invalid_input) {
              code_failed(now);
              return;
            }
            db_failed(err);
          });
}

void session_state::connect_to(const user_record& manager) {
  // The manager's own session switches to this worker and tells them,
  // through a note the link stores with itself: their chat may belong to
  // another engine's partition (and this one now joins it).
  link_worker link{chat_id_, manager.telegram_id, 0, opts_->fence};
  link.tell_manager = true;
  link.name = me_.display_name;
  link.cause = current_.update_id;
  self->request(opts_->db, infinite, std::move(link))
      .await(
          [this, manager](const link_result&) {
            me_.manager_id = manager.telegram_id;
            step_ = reg_step::ready;
            codes_.clear();
            save();
            publish_commands();
            reply(say(text_id::worker_connected, manager.display_name));
          },
          [this](const caf::error& err) { db_failed(err); });
}

bool session_state::can_pair(const std::string& manager_lang) const {
  return !opts_->language_map
         || opts_->language_map->pairable(manager_lang, me_.language);
}

void session_state::refuse_join(const user_record& manager) {
  join_refused note{
      chat_id_, manager.telegram_id, me_.display_name, current_.update_id,
      0,        opts_->fence};
  self->request(opts_->db, infinite, std::move(note))
      .await(
          [this, manager](const db_count&) {
            // Back to the language question, offering only what can reach the
            // manager's language; the code is sent again after it.
            step_ = reg_step::language;
            save();
            std::vector<std::vector<inline_button>> rows;
            for (const auto& l :
                 opts_->language_map->partners(manager.language))
              rows.push_back({{domain::language_name(l),
                               domain::language_button_data(l)}});
            auto theirs = domain::language_name(manager.language);
            reply(say(text_id::unsupported_pair,
                      domain::language_name(me_.language), theirs)
                      + "\n" + say(text_id::choose_partner_language, theirs),
                  std::move(rows));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::repeat_question() {
  switch (step_) {
  case reg_step::role:
    reply(say(text_id::finish_registration, say(text_id::choose_role)),
          {{{say(text_id::role_manager), domain::role_button_data(true)},
            {say(text_id::role_worker), domain::role_button_data(false)}}});
    break;
  case reg_step::language:
    ask_language(true);
    break;
  case reg_step::code:
    reply(say(text_id::worker_send_code));
    break;
  default:
    reply(say(text_id::not_registered));
  }
}

} // namespace bridge
