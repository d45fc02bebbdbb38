// SPDX-License-Identifier: Apache-2.0
// Joining a team and leaving it at the manager's word: deep links, the
// manager's approval, code rotation, removal, and the failure budget every
// engine shares for wrong codes.

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/invite_code.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

using domain::reg_step;
using domain::text_id;

namespace {

using caf::infinite;

/// The scope of the global failure budget in Redis; one subject for all.
constexpr const char* failure_scope = "code_failures";
constexpr int64_t failure_window_ms = 60'000;

/// Most workers /remove counts through (as /workers lists them).
constexpr int64_t max_removable = 50;

} // namespace

// -- codes and links
// --------------------------------------------------------------

std::string session_state::code_text(text_id id) const {
  auto text = say(id, me_.invitation_code);
  auto link = domain::join_link(opts_->bot_username, me_.invitation_code);
  if (!link.empty())
    text += "\n" + say(text_id::join_link_line, link);
  return text;
}

void session_state::start_link(const std::string& args) {
  auto payload = domain::parse_start_payload(args);
  if (payload.kind != domain::payload_kind::code) {
    reply(say(text_id::link_invalid));
    return;
  }
  if (step_ == reg_step::ready && is_manager()) {
    reply(say(text_id::link_for_manager, me_.invitation_code));
    return;
  }
  if (step_ == reg_step::ready) {
    take_code(payload.code); // a worker moving to another team
    return;
  }
  // A newcomer who opened the link is a worker: only the language is
  // asked, and the code is taken after it.
  rec_.role = "worker";
  rec_.pending = payload.code;
  step_ = reg_step::language;
  save();
  ask_language();
}

void session_state::rotate_code() {
  self->request(opts_->db, infinite, user_issue_code{chat_id_, true, 0})
      .await(
          [this](user_record& u) {
            me_ = std::move(u);
            reply(code_text(text_id::code_rotated));
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- the global failure budget
// ----------------------------------------------------

void session_state::check_budget(const std::string& code) {
  // Only a look: failures spend the budget, right codes do not. While
  // Redis is down the cache answers from this engine's own count.
  rate_hit look{failure_scope, 0, opts_->code_failures_per_minute,
                failure_window_ms, false};
  self->request(opts_->cache, infinite, std::move(look))
      .await(
          [this, code](const rate_verdict& v) {
            if (!v.allowed) {
              telemetry::metrics().code_attempts_paused.Increment();
              reply(say(text_id::codes_paused));
              return;
            }
            look_up_code(code);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::code_failed(domain::window_limiter::clock::time_point now) {
  codes_.try_record(now);
  telemetry::metrics().code_failures.Increment();
  rate_hit spent{failure_scope, 0, opts_->code_failures_per_minute,
                 failure_window_ms, true};
  // Not awaited: the reply does not depend on it.
  self->request(opts_->cache, infinite, std::move(spent))
      .then([](const rate_verdict&) {},
            [this](const caf::error& err) {
              spdlog::debug("session {}: failure not counted: {}", chat_id_,
                            describe(err));
            });
  reply(say(text_id::wrong_code));
}

// -- approval
// ---------------------------------------------------------------------

void session_state::request_join(const user_record& manager) {
  join_request_put req{
      chat_id_, manager.telegram_id, me_.display_name, current_.update_id,
      0,        opts_->fence};
  self->request(opts_->db, infinite, std::move(req))
      .await(
          [this, manager](const db_count&) {
            codes_.clear();
            reply(say(text_id::join_requested, manager.display_name));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::answer_join(int64_t worker_id, bool accept) {
  join_answer a{chat_id_,           worker_id, accept,      me_.display_name,
                current_.update_id, 0,         opts_->fence};
  self->request(opts_->db, infinite, std::move(a))
      .await(
          [this, accept](user_record& worker) {
            if (!accept) {
              reply(say(text_id::join_declined_manager, worker.display_name));
              return;
            }
            rec_.current_worker = worker.telegram_id;
            save();
            reply(say(text_id::manager_worker_joined, worker.display_name,
                      worker.display_name));
          },
          [this](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found) {
              reply(say(text_id::join_already_answered));
              return;
            }
            db_failed(err);
          });
}

// -- removal
// ----------------------------------------------------------------------

void session_state::remove_worker(int64_t n) {
  self->request(opts_->db, infinite, workers_of{chat_id_, 0, max_removable, 0})
      .await(
          [this, n](user_page& page) {
            if (n < 1 || static_cast<size_t>(n) > page.rows.size()) {
              reply(say(text_id::no_such_worker, n));
              return;
            }
            auto worker_id = page.rows[static_cast<size_t>(n - 1)].telegram_id;
            worker_remove rm{chat_id_,           worker_id, me_.display_name,
                             current_.update_id, 0,         opts_->fence};
            self->request(opts_->db, infinite, std::move(rm))
                .await(
                    [this, n](user_record& w) {
                      if (rec_.current_worker == w.telegram_id) {
                        rec_.current_worker = 0;
                        save();
                      }
                      reply(say(text_id::worker_removed, w.display_name));
                    },
                    [this, n](const caf::error& err) {
                      if (engine_code(err) == engine_errc::not_found) {
                        // Left (or was taken) between the list and the removal.
                        reply(say(text_id::no_such_worker, n));
                        return;
                      }
                      db_failed(err);
                    });
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- notes from other chats
// -------------------------------------------------------

void session_state::on_join_note(const session_note& n) {
  switch (n.kind) {
  case session_note_kind::join_request:
    if (step_ != reg_step::ready || !is_manager())
      return; // reset since: the request went with it
    reply(say(text_id::join_request, n.name),
          {{{say(text_id::join_accept_button),
             domain::join_button_data(true, n.user_id)},
            {say(text_id::join_decline_button),
             domain::join_button_data(false, n.user_id)}}});
    break;
  case session_note_kind::join_accepted:
    me_.manager_id = n.user_id;
    me_.role = user_role::worker;
    rec_.pending.clear();
    step_ = reg_step::ready;
    publish_commands();
    codes_.clear();
    save();
    reply(say(text_id::worker_connected, n.name));
    break;
  case session_note_kind::join_declined:
    reply(say(text_id::join_declined_worker, n.name));
    break;
  case session_note_kind::removed:
    // A session built after the removal read no manager already; one
    // linked to another manager since is not concerned.
    if (me_.manager_id != n.user_id && me_.manager_id != 0)
      return;
    me_.manager_id = 0;
    reply(say(text_id::removed_by_manager, n.name));
    break;
  default:
    break;
  }
}

} // namespace bridge
