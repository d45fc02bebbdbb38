// SPDX-License-Identifier: Apache-2.0
// Tasks: what a manager gives the current worker, and /tasks, which
// shows each task in the reader's language (translated once, then read
// from storage).

#include <map>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "actors/translate_batch.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

namespace {

using caf::infinite;

/// How long a reading waits for the translator; what is late is shown as
/// written, marked, and asked for again at the next reading.
constexpr int64_t translate_wait_ms = 10'000;

} // namespace

/// One reading of tasks: each task's text as shown, and the language it
/// was written in.
struct session_state::task_reading {
  std::vector<task_record> tasks;
  std::vector<std::string> shown;
  std::vector<std::string> source;
  /// Shown in the reader's language already (stored, or nothing to do).
  std::vector<bool> ready;
  std::function<void(std::vector<std::string>)> then;
};

void session_state::create_task(const std::string& text) {
  with_current_worker([this, text](int64_t worker_id) {
    self->request(opts_->cache, infinite, user_get{worker_id, 0})
        .await(
            [this, text](user_record& worker) {
              if (worker.manager_id != chat_id_) {
                rec_.current_worker = 0;
                save();
                reply(say(text_id::partner_unreachable, worker.display_name));
                return;
              }
              // Kept with the language it is written in, for /tasks to
              // translate it for whoever reads it.
              task_create tc{chat_id_, worker.telegram_id, text, 0, lang()};
              self->request(opts_->db, infinite, std::move(tc))
                  .await(
                      [this, worker](task_record& t) {
                        reply(say(text_id::task_created, t.id,
                                  worker.display_name));
                        // Translated and delivered in order with the messages.
                        forward(current_, me_, worker, partner_kind::task,
                                t.id);
                      },
                      [this](const caf::error& err) { db_failed(err); });
            },
            [this](const caf::error& err) { db_failed(err); });
  });
}

void session_state::list_tasks() {
  task_list q;
  if (is_manager())
    q.manager_id = chat_id_;
  else
    q.worker_id = chat_id_;
  q.filter = task_filter::open;
  q.limit = 20;
  self->request(opts_->db, infinite, q)
      .await(
          [this](task_page& page) {
            if (page.rows.empty()) {
              reply(say(text_id::tasks_none));
              return;
            }
            auto ids = std::make_shared<std::vector<int64_t>>();
            for (const auto& t : page.rows)
              ids->push_back(t.id);
            read_tasks(
                std::move(page.rows),
                [this, ids](std::vector<std::string> shown) {
                  auto text = say(text_id::tasks_header);
                  std::vector<std::vector<inline_button>> rows;
                  for (size_t i = 0; i < ids->size(); ++i) {
                    auto id = (*ids)[i];
                    text += fmt::format("\n#{} {}", id, shown[i]);
                    rows.push_back(
                        {{fmt::format("{} #{}", say(text_id::task_done_button),
                                      id),
                          domain::task_button_data(id)}});
                  }
                  reply(std::move(text), std::move(rows));
                });
          },
          [this](const caf::error& err) { db_failed(err); });
}

// -- reading tasks in the reader's language
// --------------------------------------

void session_state::read_tasks(
    std::vector<task_record> tasks,
    std::function<void(std::vector<std::string>)> then) {
  if (tasks.empty()) {
    then({});
    return;
  }
  auto r = std::make_shared<task_reading>();
  r->tasks = std::move(tasks);
  r->then = std::move(then);
  task_texts q;
  for (const auto& t : r->tasks) {
    q.task_ids.push_back(t.id);
    r->shown.push_back(t.text);
  }
  r->source.resize(r->tasks.size());
  r->ready.assign(r->tasks.size(), false);
  q.language = lang();
  self->request(opts_->db, infinite, std::move(q))
      .await(
          [this, r](task_text_page& page) {
            std::map<int64_t, task_text> by_id;
            for (auto& row : page.rows)
              by_id[row.task_id] = std::move(row);
            bool guess_manager = false;
            for (size_t i = 0; i < r->tasks.size(); ++i) {
              auto& known = by_id[r->tasks[i].id];
              if (!known.translation.empty()) {
                r->shown[i] = std::move(known.translation);
                r->ready[i] = true;
              }
              r->source[i] = std::move(known.language);
              if (r->source[i].empty())
                guess_manager =
                    guess_manager || r->tasks[i].manager_id != chat_id_;
              // A manager's own task of before languages were kept is taken
              // to be in the language he writes.
              if (r->source[i].empty() && r->tasks[i].manager_id == chat_id_)
                r->source[i] = lang();
            }
            if (!guess_manager || me_.manager_id == 0) {
              translate_tasks(r);
              return;
            }
            // A worker's tasks of before: written in their manager's language.
            self->request(opts_->cache, infinite, user_get{me_.manager_id, 0})
                .await(
                    [this, r](user_record& m) {
                      for (size_t i = 0; i < r->tasks.size(); ++i)
                        if (r->source[i].empty()
                            && r->tasks[i].manager_id == m.telegram_id)
                          r->source[i] = m.language;
                      translate_tasks(r);
                    },
                    [this, r](const caf::error&) { translate_tasks(r); });
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::translate_tasks(const std::shared_ptr<task_reading>& r) {
  translate_batch batch;
  batch.deadline_ms = translate_wait_ms;
  std::vector<size_t> asked;
  for (size_t i = 0; i < r->tasks.size(); ++i) {
    const auto& src = r->source[i];
    // Shown already: stored translated, written in the reader's language,
    // or in a language nobody knows.
    if (r->ready[i] || src.empty() || src == lang())
      continue;
    translate_request q;
    q.text = r->tasks[i].text;
    q.source_lang = src;
    q.target_lang = lang();
    batch.requests.push_back(std::move(q));
    asked.push_back(i);
  }
  if (asked.empty() || !opts_->translator) {
    r->then(std::move(r->shown));
    return;
  }
  auto helper = self->spawn(translate_batch_actor, opts_->translator);
  self->request(helper, std::chrono::milliseconds{translate_wait_ms + 5000},
                std::move(batch))
      .await(
          [this, r, asked](translate_batch_result& res) {
            for (size_t k = 0; k < asked.size() && k < res.answers.size(); ++k)
              show_translated(*r, asked[k], res.answers[k]);
            r->then(std::move(r->shown));
          },
          [this, r, asked](const caf::error& err) {
            spdlog::warn("session {}: tasks not translated: {}", chat_id_,
                         describe(err));
            translation_done failed;
            for (auto i : asked)
              show_translated(*r, i, failed);
            r->then(std::move(r->shown));
          });
}

void session_state::show_translated(task_reading& r, size_t i,
                                    const translation_done& d) {
  const auto& t = r.tasks[i];
  if (!d.ok) {
    // Shown as written, marked; the next reading asks again.
    r.shown[i] =
        t.text + " "
        + std::string{domain::wording(text_id::untranslated_note, lang())};
    return;
  }
  r.shown[i] = d.text;
  // Stored for every later reading; not awaited, and a failure only
  // means the next reading translates again.
  self->request(opts_->db, infinite, task_translated{t.id, lang(), d.text, 0})
      .then([](const db_count&) {},
            [this, id = t.id](const caf::error& err) {
              spdlog::warn("session {}: translation of task {} not stored: {}",
                           chat_id_, id, describe(err));
            });
}

} // namespace bridge
