// SPDX-License-Identifier: Apache-2.0
// A chat's updates in order across the waits a session must make: a
// change of route (/switch, a switch button, /reset) waits until the
// messages already given to a conversation are stored with the route they
// had, and an update that failed on a transient storage error is handled
// again after a pause. Updates that arrive meanwhile wait behind it, so the
// chat's order holds; the waits are bounded, so a chat is never stuck.

#include <algorithm>

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "cluster/partition.hpp"
#include "common/error.hpp"
#include "domain/command.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// One wait for a conversation to store what it was given. A translator
/// that is slow (or backed up) makes a conversation take longer than
/// this: it is asked again, up to `max_flush_waits` times, since changing
/// the route before the earlier messages are stored would send them to
/// the new partner if the engine stopped meanwhile.
constexpr auto flush_timeout = std::chrono::seconds{10};
constexpr uint32_t max_flush_waits = 30;

/// Tries of one update that fails on transient storage errors before the
/// writer is told to try again later.
constexpr uint32_t max_update_attempts = 6;

/// Pause before an update is handled again; doubles per try.
constexpr auto again_base = std::chrono::milliseconds{200};

/// Tries to read a state or profile the start could not (pauses of 0.2 s
/// doubling to 6.4 s: about a minute) before the chat is handled as unknown.
constexpr uint32_t max_load_tries = 14;

} // namespace

void session_state::take(tg_update& u) {
  if (holding_) {
    waiting_.push_back(std::move(u));
    return;
  }
  handle(u);
}

void session_state::handle(tg_update& u) {
  if (u.update_id > 0 && known_update(u.update_id)) {
    // Handed on again (a sweep, a repeated push) while this session
    // handles it, or just after: dropped.
    spdlog::debug("session {}: update {} is known; dropped", chat_id_,
                  u.update_id);
    release_next();
    return;
  }
  if (state_unknown_ || profile_unknown_) {
    load_then_handle(std::move(u));
    return;
  }
  if (moved_out()) {
    check_home(std::move(u));
    return;
  }
  handle_here(u);
}

void session_state::load_then_handle(tg_update u) {
  if (state_unknown_) {
    self->request(opts_->db, caf::infinite, session_get{chat_id_, 0})
        .await(
            [this, u](chat_session_record& r) mutable {
              rec_ = std::move(r);
              step_ = domain::parse_step(rec_.step);
              state_unknown_ = false;
              handle(u);
            },
            [this, u](const caf::error& err) mutable {
              if (retry_load(err, u))
                return;
              state_unknown_ = false;
              handle(u);
            });
    return;
  }
  self->request(opts_->cache, caf::infinite, user_get{chat_id_, 0})
      .await(
          [this, u](user_record& r) mutable {
            me_ = std::move(r);
            profile_unknown_ = false;
            handle(u);
          },
          [this, u](const caf::error& err) mutable {
            if (retry_load(err, u))
              return;
            profile_unknown_ = false;
            handle(u);
          });
}

bool session_state::retry_load(const caf::error& err, tg_update& u) {
  if (engine_code(err) == engine_errc::not_found)
    return false; // nothing stored: known now
  if (!is_transient(err) || ++load_tries_ >= max_load_tries) {
    spdlog::error("session {}: its state or profile is still unreadable "
                  "({}); handled with what it knows",
                  chat_id_, describe(err));
    return false;
  }
  holding_ = true;
  wait_out_ = true;
  waiting_.push_front(std::move(u));
  auto wait = again_base * (1u << std::min(load_tries_ - 1, 5u));
  self->delayed_send(self, wait, again_atom::value);
  return true;
}

void session_state::handle_here(tg_update& u) {
  if (!unstored_.empty() && changes_route(u)) {
    hold_for_flush(std::move(u));
    return;
  }
  remember_update(u.update_id);
  released_ = u.update_id;
  // Queued behind every storage request this update makes (each is
  // awaited), so it runs once the update is fully handled.
  self->send(self, done_atom::value, u.update_id, true);
  on_update(u);
}

int32_t session_state::home_partition() const {
  auto team = me_.role == user_role::worker && me_.manager_id != 0
                  ? me_.manager_id
                  : chat_id_;
  return cluster::partition_of(team, opts_->partitions);
}

bool session_state::moved_out() const {
  if (!opts_->fence.fenced() || opts_->partitions <= 0)
    return false;
  return home_partition() != opts_->fence.partition;
}

void session_state::check_home(tg_update u) {
  // Either this session's memory is stale (the chat joined or left a team
  // through a session of another partition), or the update was stored
  // here just before the chat's team changed. Read again what the
  // session rebuilds itself from, then handle it here, or hand it over.
  // Awaited, so later updates wait; the profile is read once the state is
  // in (awaited answers are not taken in the order asked).
  self->request(opts_->db, caf::infinite, session_get{chat_id_, 0})
      .await(
          [this, u](chat_session_record& r) mutable {
            rec_ = std::move(r);
            step_ = domain::parse_step(rec_.step);
            recheck_profile(std::move(u));
          },
          [this, u](const caf::error&) mutable {
            // No state stored (or not readable now): the profile decides.
            recheck_profile(std::move(u));
          });
}

void session_state::recheck_profile(tg_update u) {
  // From PostgreSQL, not the cache: the link decides where the inbox puts
  // the chat's updates, and a cached profile may lag behind it.
  self->request(opts_->db, caf::infinite, user_get{chat_id_, 0})
      .await(
          [this, u](user_record& r) mutable {
            me_ = std::move(r);
            spdlog::debug(
                "session {}: read again: step '{}', role {}, manager {}",
                chat_id_, rec_.step, to_string(me_.role), me_.manager_id);
            if (moved_out())
              hand_over(u);
            else
              handle_here(u);
          },
          [this, u](const caf::error& err) mutable {
            if (engine_code(err) == engine_errc::not_found) {
              // No profile: a chat outside any team, at home here or not.
              me_ = user_record{};
              me_.telegram_id = chat_id_;
              if (moved_out())
                hand_over(u);
              else
                handle_here(u);
              return;
            }
            // Not known now: handled here as the memory says, like any
            // update whose profile cannot be read.
            spdlog::warn("session {}: cannot read its profile again: {}",
                         chat_id_, describe(err));
            handle_here(u);
          });
}

void session_state::hand_over(const tg_update& u) {
  // Stored here just before the chat joined (or left) a team: the team's
  // partition handles it, in order with the chat's later updates, which
  // the inbox placed there already.
  spdlog::info("session {}: update {} came to partition {}, but the chat's "
               "team lives in partition {} now; handed over",
               chat_id_, u.update_id, opts_->fence.partition, home_partition());
  self->request(opts_->db, caf::infinite,
                inbox_rehome{chat_id_, 0, opts_->fence})
      .then([](const db_count&) {},
            [this](const caf::error& err) {
              // Left where it is: this partition's sweep offers it again,
              // and this session hands it over again.
              spdlog::warn("session {}: cannot hand its updates over: {}",
                           chat_id_, describe(err));
            });
  release_next();
}

bool session_state::changes_route(const tg_update& u) const {
  if (u.kind == update_kind::callback_query) {
    auto k = domain::parse_button(u.callback_data).kind;
    return k == domain::button_kind::switch_worker
           || k == domain::button_kind::join_accept
           || k == domain::button_kind::set_language;
  }
  if (u.kind != update_kind::message)
    return false;
  auto kind = domain::parse_command(u.text).kind;
  return kind == domain::command_kind::switch_worker
         || kind == domain::command_kind::reset
         || kind == domain::command_kind::remove
         // The language a message was written in is read when it is
         // handled: one handled again after a crash keeps its own.
         || kind == domain::command_kind::language;
}

void session_state::hold_for_flush(tg_update u) {
  holding_ = true;
  wait_out_ = true;
  waiting_.push_front(std::move(u));
  auto pairs = std::move(unstored_);
  unstored_.clear();
  auto left = std::make_shared<size_t>(pairs.size());
  for (auto [manager, worker] : pairs)
    await_flush(manager, worker, left, 1);
}

void session_state::await_flush(int64_t manager, int64_t worker,
                                std::shared_ptr<size_t> left,
                                uint32_t attempt) {
  self->request(registry_, flush_timeout, conversation_flush{manager, worker})
      .then([this, left](bool) { flushed(*left); },
            [this, left, manager, worker, attempt](const caf::error& err) {
              bool slow = err.category() == caf::atom("system")
                          && static_cast<caf::sec>(err.code())
                                 == caf::sec::request_timeout;
              if (slow && attempt < max_flush_waits) {
                if (attempt == 1)
                  spdlog::info("session {}: conversation {}-{} is still "
                               "storing earlier messages; the route "
                               "changes after them",
                               chat_id_, manager, worker);
                await_flush(manager, worker, left, attempt + 1);
                return;
              }
              spdlog::warn("session {}: conversation {}-{} did not confirm "
                           "its messages stored ({}); changing the route "
                           "anyway",
                           chat_id_, manager, worker, describe(err));
              flushed(*left);
            });
}

void session_state::flushed(size_t& left) {
  if (--left > 0)
    return;
  wait_out_ = false;
  // Handled as it would have been without the wait: nothing is unstored.
  auto u = std::move(waiting_.front());
  waiting_.pop_front();
  handle(u);
}

void session_state::release_next() {
  if (!holding_ || wait_out_)
    return;
  if (waiting_.empty()) {
    holding_ = false;
    return;
  }
  auto u = std::move(waiting_.front());
  waiting_.pop_front();
  handle(u);
}

void session_state::on_done(int64_t update_id, bool ends_update) {
  if (ends_update && update_id == again_ && update_id != 0) {
    // Failed on a transient error: handled again, its end written then.
    again_ = 0;
    return;
  }
  if (ends_update && update_id == released_)
    attempts_ = 0;
  finish(update_id, ends_update);
  if (ends_update && update_id == released_)
    release_next();
}

bool session_state::try_again(const caf::error& err) {
  if (!is_transient(err) || current_.update_id <= 0
      || attempts_ + 1 >= max_update_attempts)
    return false;
  ++attempts_;
  if (attempts_ == 1)
    spdlog::warn("session {}: update {} failed ({}); handling it again",
                 chat_id_, current_.update_id, describe(err));
  // Its replies so far are dropped and it is forgotten, so the next try
  // makes them again; updates behind it wait.
  held_.erase(std::remove_if(held_.begin(), held_.end(),
                             [id = current_.update_id](const held_reply& h) {
                               return h.update_id == id;
                             }),
              held_.end());
  forget_update(current_.update_id);
  again_ = current_.update_id;
  holding_ = true;
  wait_out_ = true;
  waiting_.push_front(current_);
  auto wait = again_base * (1u << std::min(attempts_ - 1, 5u));
  self->delayed_send(self, wait, again_atom::value);
  return true;
}

void session_state::on_again() {
  wait_out_ = false;
  release_next();
}

void session_state::note_forwarded(int64_t manager_id, int64_t worker_id) {
  auto pair = std::make_pair(manager_id, worker_id);
  if (std::find(unstored_.begin(), unstored_.end(), pair) == unstored_.end())
    unstored_.push_back(pair);
}

} // namespace bridge
