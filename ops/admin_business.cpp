// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_business.hpp"

#include <chrono>
#include <map>

#include <caf/scoped_actor.hpp>
#include <httplib.h>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/admin_query.hpp"

namespace bridge::ops {

namespace {

/// A reading may take a few hundred milliseconds at a million users; the
/// bound leaves room for a pool that is busy with messages meanwhile.
constexpr auto business_wait = std::chrono::seconds{20};

void stars_object(json::writer& w, const business_stars& s) {
  w.begin_object()
      .field("payments", s.payments)
      .field("stars", s.stars)
      .end_object();
}

void users_object(json::writer& w, const business_figures& f) {
  // Every role is named, even with nobody in it, so readers need no
  // defaults.
  std::map<std::string, int64_t> by_role{
      {"manager", 0}, {"worker", 0}, {"none", 0}};
  int64_t total = 0;
  for (const auto& r : f.users) {
    by_role[r.role] += r.users;
    total += r.users;
  }
  w.begin_object().field("total", total).key("by_role").begin_object();
  for (const auto& [role, n] : by_role)
    w.field(role, n);
  w.end_object().key("by_role_language").begin_array();
  for (const auto& r : f.users)
    w.begin_object()
        .field("role", r.role)
        .field("language", r.language)
        .field("users", r.users)
        .end_object();
  w.end_array().end_object();
}

} // namespace

std::string render(const business_figures& f) {
  json::writer w;
  w.begin_object().field("as_of_ms", f.now_ms).key("users");
  users_object(w, f);
  w.key("active_teams")
      .begin_object()
      .field("days_7", f.active_teams_7d)
      .field("days_30", f.active_teams_30d)
      .end_object();
  w.key("paying_managers")
      .begin_object()
      .field("total", f.paying_managers)
      .field("stars", f.paying_managers_stars)
      .field("admin", f.paying_managers - f.paying_managers_stars)
      .end_object();
  w.key("stars_30d").begin_object().key("taken");
  stars_object(w, f.stars_taken_30d);
  w.key("refunded");
  stars_object(w, f.stars_refunded_30d);
  w.field("net_stars", f.stars_taken_30d.stars - f.stars_refunded_30d.stars)
      .end_object()
      .key("renewals_30d");
  stars_object(w, f.renewals_30d);
  w.field("churned_30d", f.churned_30d).key("uncredited_30d");
  // Stars taken that credited nothing: /admin/payments/uncredited lists
  // them, the refund route gives them back.
  stars_object(w, f.uncredited_30d);
  w.field("uncredited_unrefunded", f.uncredited_unrefunded)
      .field("refused_checkouts_30d", f.refused_checkouts_30d)
      .end_object();
  return std::move(w).str();
}

void serve_business(const httplib::Request&, httplib::Response& res,
                    const admin_options& o) {
  res.set_header("Cache-Control", "no-store");
  caf::scoped_actor self{*o.sys.load()};
  self->request(o.db, business_wait, business_get{system_wall_ms(), 0})
      .receive(
          [&](const business_figures& f) {
            res.status = 200;
            res.set_content(render(f), "application/json");
          },
          [&](const caf::error& err) {
            res.status = 503;
            res.set_content(render_error(describe(err)), "application/json");
          });
}

} // namespace bridge::ops
