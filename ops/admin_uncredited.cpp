// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_uncredited.hpp"

#include <chrono>

#include <caf/scoped_actor.hpp>
#include <httplib.h>

#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/admin_query.hpp"

namespace bridge::ops {

namespace {

constexpr auto list_wait = std::chrono::seconds{10};

void send(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json");
}

void write_row(json::writer& w, const star_rejection& r) {
  w.begin_object()
      .field("id", r.id)
      .field("kind", r.kind)
      .field("verdict", r.verdict)
      .field("user_id", r.user_id)
      .field("payload", r.payload)
      .field("currency", r.currency)
      .field("amount", r.amount)
      .field("charge_id", r.charge_id)
      .field("query_id", r.query_id)
      .field("expires_at_ms", r.expires_at_ms)
      .field("created_at_ms", r.created_at_ms)
      .field("refunded_at_ms", r.refunded_at_ms)
      .field("refunded_by", r.refunded_by)
      .end_object();
}

} // namespace

std::string render(const star_rejection_page& page, int64_t limit) {
  json::writer w;
  w.begin_object().key("rows").begin_array();
  for (const auto& r : page.rows)
    write_row(w, r);
  w.end_array().key("next_before");
  if (page.rows.empty() || static_cast<int64_t>(page.rows.size()) < limit)
    w.null();
  else
    w.value(page.rows.back().id);
  return std::move(w.end_object()).str();
}

void serve_uncredited(const httplib::Request& req, httplib::Response& res,
                      const admin_options& o) {
  auto q =
      parse_uncredited_list(query_params{req.params.begin(), req.params.end()});
  if (auto* bad = std::get_if<bad_request>(&q)) {
    send(res, 400, render_error(bad->reason));
    return;
  }
  auto list = std::get<star_rejection_list>(q);
  caf::scoped_actor self{*o.sys.load()};
  self->request(o.db, list_wait, list)
      .receive(
          [&](const star_rejection_page& page) {
            send(res, 200, render(page, list.limit));
          },
          [&](const caf::error& err) {
            send(res, 503, render_error(describe(err)));
          });
}

} // namespace bridge::ops
