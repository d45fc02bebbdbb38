// SPDX-License-Identifier: Apache-2.0
// A registered user's profile: the language they write in (/language)
// and, for a manager, the day's allowance and subscription (/usage); and
// the partner's profile each relayed message needs.

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/command_menu.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::language_verdict;
using domain::text_id;

namespace {

using caf::infinite;

/// Most workers a manager's language change is checked against; a page
/// as large as storage lists.
constexpr int64_t max_checked_workers = 1000;

} // namespace

// -- the partner's profile
// ------------------------------------------------------

void session_state::with_partner(int64_t telegram_id,
                                 std::function<void(user_record&)> then) {
  auto& memo = opts_->profiles;
  if (memo)
    if (auto kept = memo->find(telegram_id)) {
      then(*kept);
      return;
    }
  auto ticket =
      memo ? memo->reserve(telegram_id) : cache::profile_memo::ticket{};
  self->request(opts_->cache, infinite, user_get{telegram_id, 0})
      .await(
          [memo, ticket, then = std::move(then)](user_record& profile) {
            if (memo)
              memo->fill(profile, ticket);
            then(profile);
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- /language
// ------------------------------------------------------------------

std::vector<std::vector<inline_button>>
session_state::language_buttons() const {
  std::vector<std::vector<inline_button>> rows;
  for (const auto& l : opts_->languages)
    rows.push_back(
        {{domain::language_name(l), domain::set_language_button_data(l)}});
  return rows;
}

void session_state::change_language(const std::string& args) {
  auto req = domain::read_language_request(args, lang(), opts_->languages);
  switch (req.verdict) {
  case language_verdict::show_choice:
    reply(say(text_id::language_choose, domain::language_name(lang())),
          language_buttons());
    return;
  case language_verdict::unknown:
    // What was typed is not echoed: it may be anything.
    reply(say(text_id::language_unknown), language_buttons());
    return;
  case language_verdict::same:
    reply(say(text_id::language_same, domain::language_name(lang())));
    return;
  case language_verdict::change:
    break;
  }
  with_partner_languages([this, to = req.language](
                             std::vector<domain::partner_language> partners) {
    auto blocked =
        domain::unreachable_partner(to, partners, opts_->language_map.get());
    if (blocked) {
      reply(say(text_id::language_unreachable, domain::language_name(to),
                domain::language_name(blocked->language), blocked->name,
                domain::language_name(lang())));
      return;
    }
    store_language(to);
  });
}

void session_state::with_partner_languages(
    std::function<void(std::vector<domain::partner_language>)> then) {
  if (is_manager()) {
    self->request(opts_->db, infinite,
                  workers_of{chat_id_, 0, max_checked_workers, 0})
        .await(
            [then](user_page& page) {
              std::vector<domain::partner_language> out;
              for (auto& w : page.rows)
                out.push_back(
                    {std::move(w.display_name), std::move(w.language)});
              then(std::move(out));
            },
            [this](const caf::error& err) { db_failed(err); });
    return;
  }
  if (me_.manager_id == 0) {
    then({});
    return;
  }
  self->request(opts_->cache, infinite, user_get{me_.manager_id, 0})
      .await(
          [then](user_record& m) {
            then({{std::move(m.display_name), std::move(m.language)}});
          },
          [this, then](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found) {
              then({}); // the manager is gone: nobody to reach
              return;
            }
            db_failed(err);
          });
}

void session_state::store_language(const std::string& to) {
  // The same write as registration's, so the profile's cached copies are
  // deleted by its commit on every engine; role, name, code and links
  // stay. Partners read this profile afresh for each message, so the
  // next one is translated from the new language.
  user_put put{chat_id_, me_.role, to, me_.display_name, 0};
  self->request(opts_->db, infinite, std::move(put))
      .await(
          [this](user_record& u) {
            me_ = std::move(u);
            save();
            reply(
                say(text_id::language_changed, domain::language_name(lang())));
            publish_commands();
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- the command menu
// -----------------------------------------------------------

void session_state::publish_commands() {
  auto role = step_ != domain::reg_step::ready ? domain::menu_role::unregistered
              : is_manager()                   ? domain::menu_role::manager
                                               : domain::menu_role::worker;
  outbound out;
  out.kind = outbound_kind::set_commands;
  out.chat_id = chat_id_;
  for (auto& [command, description] : domain::command_menu(role, lang()))
    out.commands.push_back({std::move(command), std::move(description)});
  out.dedupe_key = "menu" + std::to_string(chat_id_);
  out.origin_ns = current_.received_ns;
  // Not awaited: the sender makes the call off this thread, and a menu
  // that fails to arrive never holds up the chat. Telegram shows a
  // chat's menu for the client's language first, else the chat's menu
  // for any language: both are set, so a client in another language
  // than the one chosen here still sees this user's commands in it.
  // Telegram matches two-letter codes only.
  if (lang().size() == 2) {
    auto for_language = out;
    for_language.language_code = lang();
    for_language.dedupe_key += ":" + lang();
    self->send(opts_->sender, fenced(std::move(for_language), opts_->fence));
  }
  self->send(opts_->sender, fenced(std::move(out), opts_->fence));
}

// -- /usage
// ---------------------------------------------------------------------

void session_state::usage() {
  auto day = today();
  give_back(allowance_.move_to(day));
  self->request(opts_->cache, infinite, usage_get{chat_id_, day, 0})
      .await(
          [this](const usage_count& c) {
            auto left = domain::free_left(opts_->free_daily_messages, c.count,
                                          allowance_.held());
            auto text =
                say(text_id::usage_free, left, opts_->free_daily_messages);
            self->request(opts_->cache, infinite, sub_get{chat_id_, 0})
                .await(
                    [this, text](const subscription& sub) {
                      auto line =
                          is_active(sub, wall_ms())
                              ? say(text_id::usage_subscribed,
                                    domain::utc_minute(sub.expires_at_ms))
                              : say(text_id::usage_no_subscription);
                      reply(text + "\n" + line);
                    },
                    [this](const caf::error& err) { db_failed(err); });
          },
          [this](const caf::error& err) { db_failed(err); });
}

} // namespace bridge
