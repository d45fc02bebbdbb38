// SPDX-License-Identifier: Apache-2.0
// A registered chat's listings and bookkeeping: workers, tasks, the daily
// summary, history and reset.

#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/media.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;
constexpr int64_t max_listed = 50;
constexpr int64_t day_ms = 24 * 3600 * 1000;

} // namespace

// -- workers
// --------------------------------------------------------------------

void session_state::list_workers(bool choose) {
  self->request(opts_->db, infinite, workers_of{chat_id_, 0, max_listed, 0})
      .await(
          [this, choose](user_page& page) {
            if (page.rows.empty()) {
              reply(say(text_id::no_workers, me_.invitation_code));
              return;
            }
            auto text =
                say(choose ? text_id::workers_choose : text_id::workers_list);
            std::vector<std::vector<inline_button>> rows;
            for (size_t i = 0; i < page.rows.size(); ++i) {
              const auto& w = page.rows[i];
              bool current = w.telegram_id == rec_.current_worker;
              text += fmt::format("\n{}. {}{}", i + 1, w.display_name,
                                  current ? " ←" : "");
              rows.push_back({{w.display_name,
                               domain::switch_button_data(w.telegram_id)}});
            }
            reply(std::move(text), std::move(rows));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::switch_to_number(int64_t n) {
  self->request(opts_->db, infinite, workers_of{chat_id_, 0, max_listed, 0})
      .await(
          [this, n](user_page& page) {
            if (n < 1 || static_cast<size_t>(n) > page.rows.size()) {
              reply(say(text_id::no_such_worker, n));
              return;
            }
            const auto& w = page.rows[static_cast<size_t>(n - 1)];
            rec_.current_worker = w.telegram_id;
            save();
            reply(say(text_id::switched_to, w.display_name));
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::switch_to_worker(int64_t worker_id) {
  self->request(opts_->cache, infinite, user_get{worker_id, 0})
      .await(
          [this](user_record& w) {
            if (w.manager_id != chat_id_) {
              reply(say(text_id::partner_unreachable, w.display_name));
              return;
            }
            rec_.current_worker = w.telegram_id;
            save();
            reply(say(text_id::switched_to, w.display_name));
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- daily summary
// --------------------------------------------------------------

/// What /daily gathers: a line per worker, filled by three answers each.
struct session_state::daily_summary {
  struct line {
    std::string name;
    int64_t messages = 0;
    int64_t done = 0;
    int64_t open = 0;
    /// The pair's last message of the window, as the manager read it or
    /// wrote it; empty when none.
    std::string last;
    /// Open tasks' titles in the manager's language, filled at the end.
    std::vector<task_record> open_tasks;
    std::vector<std::string> titles;
  };
  std::vector<line> lines;
  /// Answers still to come; the reply goes when the last one arrives.
  size_t waiting = 0;
  bool failed = false;
  /// Start of the last 24 hours, in ms since the epoch.
  int64_t since = 0;
};

void session_state::daily() {
  self->request(opts_->db, infinite, workers_of{chat_id_, 0, max_listed, 0})
      .await(
          [this](user_page& page) {
            if (page.rows.empty()) {
              reply(say(text_id::daily_none));
              return;
            }
            auto sum = std::make_shared<daily_summary>();
            sum->lines.resize(page.rows.size());
            sum->waiting = page.rows.size() * 3;
            sum->since = wall_ms() - day_ms;
            for (size_t i = 0; i < page.rows.size(); ++i)
              daily_for(sum, i, page.rows[i]);
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::daily_for(const std::shared_ptr<daily_summary>& sum,
                              size_t i, const user_record& worker) {
  sum->lines[i].name = worker.display_name;
  auto fail = [this, sum](const caf::error&) {
    sum->failed = true;
    daily_answered(*sum);
  };
  // Messages of the pair in the last 24 hours.
  conversation_open open{chat_id_, worker.telegram_id, 0};
  self->request(opts_->db, infinite, open)
      .await(
          [this, sum, i, fail](conversation_record& c) {
            message_count mc{c.id, sum->since, wall_ms() + 1, 0};
            self->request(opts_->db, infinite, mc)
                .await(
                    [this, sum, i](const db_count& n) {
                      sum->lines[i].messages = n.n;
                      daily_answered(*sum);
                    },
                    fail);
            last_message(sum, i, c.id);
          },
          [this, sum, fail](const caf::error& err) {
            --sum->waiting; // the last message is not asked for either
            fail(err);
          });
  // The worker's tasks from this manager: open, and done since then.
  task_list tl;
  tl.worker_id = worker.telegram_id;
  tl.filter = task_filter::all;
  tl.limit = 100;
  self->request(opts_->db, infinite, tl)
      .await(
          [this, sum, i](task_page& tasks) {
            for (const auto& t : tasks.rows) {
              if (t.manager_id != chat_id_)
                continue;
              if (t.status == task_status::open) {
                ++sum->lines[i].open;
                sum->lines[i].open_tasks.push_back(t);
              } else if (t.done_at_ms >= sum->since) {
                ++sum->lines[i].done;
              }
            }
            daily_answered(*sum);
          },
          fail);
}

void session_state::last_message(const std::shared_ptr<daily_summary>& sum,
                                 size_t i, int64_t conversation_id) {
  self->request(opts_->db, infinite, message_recent{conversation_id, 1, 0, 0})
      .await(
          [this, sum, i](message_page& page) {
            if (!page.rows.empty()
                && page.rows.back().created_at_ms >= sum->since)
              sum->lines[i].last = as_manager_reads(page.rows.back());
            daily_answered(*sum);
          },
          [this, sum](const caf::error&) {
            sum->failed = true;
            daily_answered(*sum);
          });
}

std::string session_state::as_manager_reads(const message_row& r) const {
  if (r.sender_id == chat_id_)
    return r.original_text;
  if (!r.translated_text.empty())
    return r.translated_text;
  return r.original_text + " "
         + std::string{domain::wording(text_id::untranslated_note, lang())};
}

void session_state::daily_answered(daily_summary& sum) {
  if (--sum.waiting > 0)
    return;
  if (sum.failed) {
    reply(say(text_id::busy));
    return;
  }
  // Every worker's open tasks in one reading, so they are translated (if
  // the manager changed language since) in one batch.
  std::vector<task_record> all;
  for (const auto& l : sum.lines)
    all.insert(all.end(), l.open_tasks.begin(), l.open_tasks.end());
  auto done = std::make_shared<daily_summary>(std::move(sum));
  read_tasks(std::move(all), [this, done](std::vector<std::string> titles) {
    size_t k = 0;
    for (auto& l : done->lines)
      for (size_t j = 0; j < l.open_tasks.size() && k < titles.size(); ++j)
        l.titles.push_back(std::move(titles[k++]));
    send_daily(*done);
  });
}

void session_state::send_daily(const daily_summary& sum) {
  // One reply however long: the sender splits it like any long text.
  auto text = say(text_id::daily_header);
  bool any = false;
  for (const auto& l : sum.lines) {
    any = any || l.messages > 0 || l.done > 0 || l.open > 0;
    text += "\n" + say(text_id::daily_line, l.name, l.messages, l.done, l.open);
    if (!l.last.empty())
      text += "\n  " + say(text_id::daily_last_message, l.last);
    if (!l.titles.empty()) {
      std::string titles;
      for (const auto& t : l.titles)
        titles += (titles.empty() ? "" : "; ") + t;
      text += "\n  " + say(text_id::daily_open_tasks, titles);
    }
  }
  reply(any ? std::move(text) : say(text_id::daily_none));
}

// -- history
// --------------------------------------------------------------------

void session_state::history(int64_t n) {
  auto show = [this, n](int64_t partner_id) {
    self->request(opts_->cache, infinite, user_get{partner_id, 0})
        .await(
            [this, n](user_record& partner) {
              auto m = is_manager() ? chat_id_ : partner.telegram_id;
              auto w = is_manager() ? partner.telegram_id : chat_id_;
              self->request(opts_->db, infinite, conversation_open{m, w, 0})
                  .await(
                      [this, n, partner](conversation_record& c) {
                        self->request(opts_->db, infinite,
                                      message_recent{c.id, n, 0, 0})
                            .await(
                                [this, partner](message_page& page) {
                                  if (page.rows.empty()) {
                                    reply(say(text_id::history_none));
                                    return;
                                  }
                                  auto text = say(text_id::history_header,
                                                  page.rows.size());
                                  for (const auto& r : page.rows) {
                                    const auto& who =
                                        r.sender_id == chat_id_
                                            ? me_.display_name
                                            : partner.display_name;
                                    text += fmt::format(
                                        "\n{}: {}", who,
                                        domain::with_media_mark(
                                            r.media_kind, r.original_text));
                                    if (!r.translated_text.empty()
                                        && r.translated_text
                                               != r.original_text) {
                                      text += fmt::format("\n   → {}",
                                                          r.translated_text);
                                      text += pivot_note(r);
                                    }
                                  }
                                  reply(std::move(text));
                                },
                                [this](const caf::error& err) {
                                  db_failed(err);
                                });
                      },
                      [this](const caf::error& err) { db_failed(err); });
            },
            [this](const caf::error& err) { db_failed(err); });
  };
  if (is_manager()) {
    with_current_worker(show);
    return;
  }
  if (me_.manager_id == 0) {
    reply(say(text_id::no_manager));
    return;
  }
  show(me_.manager_id);
}

std::string session_state::pivot_note(const message_row& r) const {
  // Which pivots a pair takes is fixed by the installed modes, so the
  // route of a stored translation is read from the map, not stored.
  if (!opts_->language_map || r.translated_lang.empty())
    return {};
  auto via = opts_->language_map->via(r.original_lang, r.translated_lang);
  if (via.empty())
    return {};
  std::string names;
  for (const auto& l : via)
    names += (names.empty() ? "" : ", ") + domain::language_name(l);
  return " " + say(text_id::history_via, names);
}

// -- reset
// ----------------------------------------------------------------------

void session_state::reset() {
  // The partners' sessions hear of it through notes the reset stores with
  // itself: they may run on another engine, or not at all right now.
  user_reset ask{chat_id_, 0, opts_->fence};
  ask.tell_partners = true;
  ask.name = me_.display_name;
  ask.cause = current_.update_id;
  self->request(opts_->db, infinite, std::move(ask))
      .await(
          [this](user_reset_result&) {
            forget_registration();
            reply(say(text_id::reset_done));
          },
          [this](const caf::error& err) {
            if (engine_code(err) == engine_errc::not_found) {
              // Never registered: nothing to undo but the dialogue.
              step_ = domain::reg_step::fresh;
              save();
              reply(say(text_id::reset_done));
              return;
            }
            db_failed(err);
          });
}

} // namespace bridge
