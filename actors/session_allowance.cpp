// SPDX-License-Identifier: Apache-2.0
// A manager's message on its way to a worker: the daily allowance (free
// messages charged in leases, or a subscription that lifts the limit), and
// the day's note that the team is active.

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

} // namespace

void session_state::charge(to_worker m) {
  // The daily allowance (DESIGN in domain/allowance.hpp): a message
  // PostgreSQL already charged in a lease goes at once; else a
  // subscription lifts the limit; else PostgreSQL charges the next
  // lease, checking and counting in one statement, so no message
  // beyond the limit passes. An edit is translated again, so it is
  // charged as a message of its own; refused, nothing of it goes.
  auto day = today();
  give_back(allowance_.move_to(day));
  if (allowance_.take()) {
    refill(day);
    m.charged_day = day;
    send_to_worker(m);
    return;
  }
  check_subscription(m, day);
}

void session_state::check_subscription(const to_worker& m, int64_t day) {
  self->request(opts_->cache, infinite, sub_get{chat_id_, 0})
      .await(
          [this, m, day](const subscription& sub) {
            if (is_active(sub, wall_ms())) {
              send_to_worker(m);
              return;
            }
            charge_lease(m, day);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::charge_lease(to_worker m, int64_t day) {
  usage_incr incr{chat_id_, day, opts_->free_daily_messages, 0,
                  allowance_.want()};
  self->request(opts_->cache, infinite, incr)
      .await(
          [this, m, day](const usage_count& c) mutable {
            give_back(allowance_.granted(day, c.counted, c.count, false));
            if (!allowance_.take()) {
              reply(say(text_id::daily_limit_reached,
                        opts_->free_daily_messages));
              return;
            }
            refill(day);
            m.charged_day = day;
            send_to_worker(m);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::send_to_worker(const to_worker& m) {
  note_active(today());
  with_partner(m.worker_id, [this, m](user_record& worker) {
    if (worker.manager_id != chat_id_) {
      // The worker left (reset, or joined another manager).
      rec_.current_worker = 0;
      save();
      reply(say(text_id::partner_unreachable, worker.display_name));
      return;
    }
    forward(m.update, me_, worker, m.kind, m.task_id, m.charged_day);
  });
}

void session_state::refill(int64_t day) {
  auto n = allowance_.prefetch();
  if (n == 0)
    return;
  // Not awaited: the manager's next messages go on from what is held
  // while PostgreSQL charges the next lease.
  usage_incr incr{chat_id_, day, opts_->free_daily_messages, 0, n};
  self->request(opts_->cache, infinite, incr)
      .then(
          [this, day](const usage_count& c) {
            give_back(allowance_.granted(day, c.counted, c.count, true));
          },
          [this](const caf::error& err) {
            // Whether it was charged is unknown: at worst the manager loses
            // that lease, never gains one.
            allowance_.prefetch_failed();
            spdlog::debug("session {}: no lease in advance: {}", chat_id_,
                          describe(err));
          });
}

void session_state::give_back(const domain::leftover& l,
                              std::function<void(bool)> done) {
  if (l.count <= 0) {
    if (done)
      done(true);
    return;
  }
  self->request(opts_->db, infinite, usage_release{chat_id_, l.day, l.count, 0})
      .then(
          [done](const db_count&) {
            if (done)
              done(true);
          },
          [this, l, done](const caf::error& err) {
            spdlog::warn("session {}: cannot give back {} messages of {}: {}",
                         chat_id_, l.count, l.day, describe(err));
            if (done)
              done(false);
          });
}

void session_state::note_active(int64_t day) {
  // Once a day, not once a message: the business figures need the day
  // only. Not awaited; a failure is tried again on the next message.
  if (active_day_ == day)
    return;
  active_day_ = day;
  self->request(opts_->db, infinite, team_active{chat_id_, day, 0})
      .then([](const db_count&) {},
            [this, day](const caf::error& err) {
              if (active_day_ == day)
                active_day_ = 0;
              spdlog::debug("session {}: active day not noted: {}", chat_id_,
                            describe(err));
            });
}

} // namespace bridge
