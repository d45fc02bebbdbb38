// SPDX-License-Identifier: Apache-2.0
#include "actors/session.hpp"

#include <algorithm>
#include <ctime>

#include <spdlog/spdlog.h>

#include "common/utf8.hpp"
#include "domain/invite_code.hpp"
#include "domain/media.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

using domain::reg_action;
using domain::reg_step;
using domain::text_id;

namespace {

using caf::infinite;

/// The language the bot speaks to a user before they chose one: their
/// client's ("pt-BR" reads Portuguese), when the bot speaks it.
std::string hint_language(const tg_user& u) {
  return std::string{domain::bot_language(u.language_code)};
}

} // namespace

caf::behavior
session_state::make_behavior(int64_t chat_id, caf::actor registry,
                             std::shared_ptr<const session_options> opts) {
  chat_id_ = chat_id;
  registry_ = std::move(registry);
  opts_ = std::move(opts);
  const auto& o = *opts_;
  updates_ = domain::window_limiter{static_cast<size_t>(o.updates_per_minute),
                                    std::chrono::minutes{1}};
  codes_ = domain::window_limiter{static_cast<size_t>(o.code_attempts),
                                  o.code_window};
  allowance_ =
      domain::allowance_lease{o.allowance_lease, o.free_daily_messages};
  idle_.start(o.passivation_timeout, o.clock);
  rec_.chat_id = chat_id;
  me_.telegram_id = chat_id;
  // Rebuild from PostgreSQL before the first update is looked at: both
  // requests are awaited, so updates wait in the mailbox meanwhile.
  self->request(o.db, infinite, session_get{chat_id, 0})
      .await(
          [this](chat_session_record& r) {
            rec_ = std::move(r);
            step_ = domain::parse_step(rec_.step);
          },
          [this](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found)
              return;
            state_unknown_ = true; // read again before the first update
            spdlog::warn("session {}: cannot load state: {}", chat_id_,
                         describe(err));
          });
  if (chat_id < 0) // a group has no profile: it is only ever refused
    return behavior();
  // Through the cache, which answers while PostgreSQL restarts: a copy
  // there is deleted by the commit of any change, on any engine, and a
  // fill racing that change cannot store the old row (README, "Several
  // engines"). A profile that still says another partition is read again
  // from PostgreSQL before an update is handled (`check_home`).
  self->request(o.cache, infinite, user_get{chat_id, 0})
      .await([this](user_record& u) { me_ = std::move(u); },
             [this](const caf::error& err) {
               if (engine_code(err) == engine_errc::not_found)
                 return;
               // Not known now: the first update reads it again before it
               // is handled, rather than taking the chat for a stranger.
               profile_unknown_ = true;
               spdlog::warn("session {}: cannot load profile: {}", chat_id_,
                            describe(err));
             });
  return behavior();
}

caf::behavior session_state::behavior() {
  return {
      [this](tg_update& u) {
        ++handled_;
        idle_.touch();
        take(u);
      },
      [this](done_atom, int64_t update_id, bool ends_update) {
        on_done(update_id, ends_update);
      },
      [this](again_atom) { on_again(); },
      [this](retry_atom) { write_next(); },
      [this](drain_atom) { return drain(); },
      [this](const session_note& n) {
        ++handled_;
        idle_.touch();
        // A stored note is finished with its replies, as an update is.
        self->send(self, done_atom::value, n.update_id, n.stored);
        on_note(n);
      },
      [this](idle_atom) {
        if (idle_.due())
          try_passivate();
      },
  };
}

// -- intake -------------------------------------------------------------------

void session_state::on_update(tg_update& u) {
  begin(u);
  // Money is never rate-limited away: a payment is credited whatever
  // else the chat did.
  if (current_.media_kind == successful_payment_kind) {
    credit_payment();
    return;
  }
  // The rate limit comes before any reply, groups included: a flood of
  // group messages costs one reply a window, not one each.
  if (!admit())
    return;
  if (chat_id_ < 0) {
    refuse_group();
    return;
  }
  if (current_.kind == update_kind::edited_message) {
    on_edit();
    return;
  }
  if (auto in = read_input())
    act(domain::decide(step_, *in), *in);
}

void session_state::begin(tg_update& u) {
  current_ = std::move(u);
  replies_ = 0;
  if (me_.display_name.empty())
    me_.display_name = current_.from.first_name;
  if (rec_.language.empty() && me_.language.empty())
    rec_.language = hint_language(current_.from);
}

void session_state::refuse_group() {
  if (current_.kind == update_kind::callback_query) {
    answer_button();
    return;
  }
  // Once per group while its session lives; later messages are skipped.
  if (told_group_) {
    spdlog::debug("session {}: group update {} skipped", chat_id_,
                  current_.update_id);
    telemetry::metrics().updates_skipped("group").Increment();
    return;
  }
  told_group_ = true;
  reply(say(text_id::groups_not_supported));
}

bool session_state::admit() {
  if (updates_.try_record(steady_now())) {
    told_rate_limited_ = false;
    return true;
  }
  telemetry::metrics().rate_limited_users.Increment();
  if (current_.kind == update_kind::callback_query)
    answer_button();
  if (!told_rate_limited_) {
    told_rate_limited_ = true;
    reply(say(text_id::rate_limited));
  }
  spdlog::debug("session {}: update {} over the rate limit", chat_id_,
                current_.update_id);
  return false;
}

void session_state::on_edit() {
  // Anything else edited (a command, a caption, a text before
  // registration) is left as it was, and counted as such.
  const auto& cur = current_;
  const char* ignored = nullptr;
  if (step_ != reg_step::ready)
    ignored = "not_registered";
  else if (!cur.media_kind.empty())
    ignored = "media";
  else if (domain::parse_command(cur.text).kind != domain::command_kind::none)
    ignored = "command";
  else if (utf8::utf16_length(cur.text) > opts_->max_text)
    ignored = "too_long";
  if (ignored == nullptr) {
    route_text(cur);
    return;
  }
  telemetry::metrics().edits_ignored(ignored).Increment();
  spdlog::debug("session {}: edit in update {} left as it was: {}", chat_id_,
                cur.update_id, ignored);
}

std::optional<domain::reg_input> session_state::read_input() {
  domain::reg_input in;
  if (current_.kind == update_kind::callback_query) {
    in.is_button = true;
    in.pressed = domain::parse_button(current_.callback_data);
    return in;
  }
  if (!current_.media_kind.empty()) {
    on_media();
    return std::nullopt;
  }
  auto units = utf8::utf16_length(current_.text);
  if (units > opts_->max_text) {
    reply(say(text_id::message_too_long, units, opts_->max_text));
    return std::nullopt;
  }
  in.cmd = domain::parse_command(current_.text);
  return in;
}

void session_state::on_media() {
  // A registered user's media crosses like a text (same route, order and
  // allowance); before registration, or of a kind Bridge does not pass
  // on, the writer is told and nothing else happens.
  if (step_ != reg_step::ready) {
    reply(say(text_id::media_not_supported));
    return;
  }
  if (domain::relay_of(current_.media_kind) == domain::media_relay::refused) {
    telemetry::metrics().updates_skipped("media_kind").Increment();
    reply(say(text_id::media_kind_refused));
    return;
  }
  auto units = utf8::utf16_length(current_.caption);
  if (units > opts_->max_text) {
    reply(say(text_id::message_too_long, units, opts_->max_text));
    return;
  }
  route_text(current_);
}

void session_state::act(reg_action action, const domain::reg_input& in) {
  switch (action) {
  case reg_action::ask_role:
    if (in.cmd.kind == domain::command_kind::start && !in.cmd.args.empty())
      start_link(in.cmd.args); // a deep link
    else
      ask_role();
    break;
  case reg_action::take_role:
    answer_button();
    take_role(in.pressed.kind == domain::button_kind::role_manager);
    break;
  case reg_action::take_language:
    answer_button();
    take_language(in.pressed.value);
    break;
  case reg_action::take_code:
    take_code(current_.text);
    break;
  case reg_action::repeat_question:
    repeat_question();
    break;
  case reg_action::not_registered:
    reply(say(text_id::not_registered));
    break;
  case reg_action::help_new:
    reply(say(text_id::help_new));
    break;
  case reg_action::run_command:
    run_command(in.cmd);
    break;
  case reg_action::run_button:
    answer_button();
    run_button(in.pressed);
    break;
  case reg_action::route_text:
    route_text(current_);
    break;
  case reg_action::stale_button:
    answer_button();
    break;
  }
}

void session_state::on_note(const session_note& n) {
  current_ = tg_update{};
  current_.update_id = n.update_id;
  replies_ = 0;
  switch (n.kind) {
  case session_note_kind::worker_joined:
    rec_.current_worker = n.user_id;
    save();
    reply(say(text_id::manager_worker_joined, n.name, n.name));
    break;
  case session_note_kind::partner_left:
    partner_left(n);
    break;
  case session_note_kind::reset_by_operator:
    forget_registration();
    reply(say(text_id::reset_done));
    break;
  case session_note_kind::join_refused:
    reply(say(text_id::join_refused, n.name));
    break;
  case session_note_kind::join_request:
  case session_note_kind::join_accepted:
  case session_note_kind::join_declined:
  case session_note_kind::removed:
    on_join_note(n);
    break;
  }
}

void session_state::forget_registration() {
  give_back(allowance_.release());
  // The language stays: the user keeps reading the bot in it.
  auto language = lang();
  me_.role = user_role::none;
  me_.invitation_code.clear();
  me_.manager_id = 0;
  rec_ = chat_session_record{};
  rec_.language = language;
  step_ = reg_step::fresh;
  save();
  publish_commands(); // back to the newcomer's menu
}

caf::result<bool> session_state::drain() {
  // The engine drained and is about to stop: what is held would be lost
  // with the actor, and a restart would count it again.
  auto rp = self->make_response_promise<bool>();
  give_back(allowance_.release(), [rp](bool ok) mutable { rp.deliver(ok); });
  return rp;
}

void session_state::partner_left(const session_note& n) {
  // The link is gone in PostgreSQL already; this session forgets it now,
  // so not one more message crosses, and its user hears why.
  if (is_manager()) {
    if (rec_.current_worker == n.user_id) {
      rec_.current_worker = 0;
      save();
    }
    reply(say(text_id::worker_left, n.name));
    return;
  }
  if (me_.manager_id != n.user_id)
    return; // a note about a link this worker no longer has
  me_.manager_id = 0;
  reply(say(text_id::manager_left, n.name));
}

void session_state::try_passivate() {
  if (!held_.empty() || !writes_.empty() || holding_) {
    // Replies still to be stored, or updates waiting: they would be lost
    // with the actor.
    idle_.again();
    return;
  }
  self->request(registry_, infinite, passivate_request{chat_id_, 0, handled_})
      .then(
          [this](bool agreed) {
            if (!agreed) {
              // Updates are on their way: they stamp activity when they come.
              idle_.again();
              return;
            }
            // Whatever is still in flight is lost with the actor: at most a
            // lease (domain/allowance.hpp), in the manager's disfavour.
            give_back(allowance_.release());
            self->quit();
          },
          [this](const caf::error&) { idle_.again(); });
}

// -- helpers
// --------------------------------------------------------------------

const std::string& session_state::lang() const {
  if (!me_.language.empty())
    return me_.language;
  return rec_.language;
}

void session_state::save() {
  rec_.chat_id = chat_id_;
  rec_.step = domain::to_string(step_);
  if (!me_.language.empty())
    rec_.language = me_.language;
  self->request(opts_->db, infinite, session_put{rec_, 0, opts_->fence})
      .await([](const db_count&) {},
             [this](const caf::error& err) {
               spdlog::warn("session {}: cannot save state: {}", chat_id_,
                            describe(err));
             });
}

void session_state::db_failed(const caf::error& err) {
  if (try_again(err))
    return;
  spdlog::warn("session {}: update {}: {}", chat_id_, current_.update_id,
               describe(err));
  reply(say(text_id::busy));
}

int64_t session_state::today() const {
  auto t = static_cast<std::time_t>(wall_ms() / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

domain::window_limiter::clock::time_point session_state::steady_now() const {
  return domain::window_limiter::clock::time_point{
      std::chrono::nanoseconds{opts_->clock.steady_ns()}};
}

caf::behavior session(caf::stateful_actor<session_state>* self, int64_t chat_id,
                      caf::actor registry,
                      std::shared_ptr<const session_options> opts) {
  return self->state.make_behavior(chat_id, std::move(registry),
                                   std::move(opts));
}

} // namespace bridge
