// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_feedback.hpp"

#include <chrono>

#include <caf/scoped_actor.hpp>
#include <httplib.h>
#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/admin_query.hpp"
#include "ops/feedback_view.hpp"

namespace bridge::ops {

namespace {

using std::chrono::steady_clock;

constexpr auto db_wait = std::chrono::seconds{10};
/// How long a reading waits for the translator, within the dashboard's
/// patience; what is late is shown untranslated and asked for again at
/// the next reading.
constexpr auto translate_wait = std::chrono::seconds{6};

void send_page(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json");
}

/// Sends the pieces in `ask` to the translator and settles each with its
/// answer; those without one by the deadline are marked failed.
void translate(caf::scoped_actor& self, const admin_options& o,
               std::vector<feedback_view>& views,
               const std::vector<size_t>& ask) {
  std::vector<bool> open(views.size(), false);
  for (auto i : ask) {
    translate_request r;
    r.id = i + 1;
    r.text = views[i].record.text;
    r.source_lang = views[i].record.language;
    r.target_lang = o.operator_language;
    r.deadline_ms = std::chrono::milliseconds{translate_wait}.count();
    self->send(o.translator, std::move(r));
    open[i] = true;
  }
  auto deadline = steady_clock::now() + translate_wait;
  size_t left = ask.size();
  bool late = false;
  while (left > 0 && !late) {
    auto now = steady_clock::now();
    if (now >= deadline)
      break;
    self->receive(
        [&](translation_done& d) {
          if (d.id == 0 || d.id > views.size() || !open[d.id - 1])
            return;
          open[d.id - 1] = false;
          --left;
          settle(views[d.id - 1], d.ok, d.ok ? d.text : d.reason);
        },
        [](const translation_queued&) {}, [](const translation_slow&) {},
        caf::after(deadline - now) >> [&] { late = true; });
  }
  for (auto i : ask)
    if (open[i])
      settle(views[i], false, "the translator did not answer in time");
}

/// Keeps the translations made, so the next reading shows them at once.
void store(caf::scoped_actor& self, const admin_options& o,
           const std::vector<feedback_view>& views,
           const std::vector<size_t>& ask) {
  for (auto i : ask) {
    const auto& v = views[i];
    if (v.state != feedback_state::translated)
      continue;
    self->request(
            o.db, db_wait,
            feedback_translated{v.record.id, v.text, o.operator_language, 0})
        .receive([](const db_count&) {},
                 [&](const caf::error& err) {
                   spdlog::warn(
                       "admin: translation of feedback {} not stored: {}",
                       v.record.id, describe(err));
                 });
  }
}

} // namespace

void serve_feedback(const httplib::Request& req, httplib::Response& res,
                    const admin_options& o) {
  auto q =
      parse_feedback_list(query_params{req.params.begin(), req.params.end()});
  if (auto* bad = std::get_if<bad_request>(&q)) {
    send_page(res, 400, render_error(bad->reason));
    return;
  }
  auto list = std::get<feedback_list>(q);
  caf::scoped_actor self{*o.sys.load()};
  feedback_page page;
  caf::error failed;
  self->request(o.db, db_wait, list)
      .receive([&](feedback_page& p) { page = std::move(p); },
               [&](caf::error& err) { failed = std::move(err); });
  if (failed) {
    send_page(res, 503, render_error(describe(failed)));
    return;
  }
  std::vector<size_t> ask;
  auto views =
      plan_feedback(page, o.operator_language, max_feedback_translations, ask);
  if (!ask.empty()) {
    translate(self, o, views, ask);
    store(self, o, views, ask);
  }
  res.set_header("Cache-Control", "no-store");
  send_page(res, 200, render_feedback(views, list.limit, o.operator_language));
}

} // namespace bridge::ops
