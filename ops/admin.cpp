// SPDX-License-Identifier: Apache-2.0
#include "ops/admin.hpp"

#include <chrono>
#include <vector>

#include <caf/scoped_actor.hpp>
#include <httplib.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include "common/clock.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin_business.hpp"
#include "ops/admin_cluster.hpp"
#include "ops/admin_corrections.hpp"
#include "ops/admin_feedback.hpp"
#include "ops/admin_query.hpp"
#include "ops/admin_stars.hpp"
#include "ops/admin_uncredited.hpp"
#include "ops/http_server.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

namespace {

using opts_ptr = std::shared_ptr<const admin_options>;
using handler = std::function<void(const httplib::Request&, httplib::Response&,
                                   const admin_options&)>;

constexpr auto wait = std::chrono::seconds{10};
/// The keeper answers between its rounds; one stuck on PostgreSQL longer
/// than this is reported, not waited for (the dashboard asks every 2 s).
constexpr auto keeper_wait = std::chrono::seconds{3};

void send_json(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json");
}

/// Answers a caller the API refuses (off, starting, wrong bearer token);
/// true when it did. Asked of the headers alone, before any body is read.
bool refuse_caller(const admin_options& o, const httplib::Request& req,
                   httplib::Response& res) {
  if (o.sys.load(std::memory_order_acquire) == nullptr) {
    send_json(res, 503, render_error("starting"));
    return true;
  }
  if (o.token.empty()) {
    send_json(res, 503,
              render_error("the admin API is off: set "
                           "BRIDGE_ADMIN_TOKEN"));
    return true;
  }
  auto auth = req.get_header_value("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  std::string given =
      auth.rfind(scheme, 0) == 0 ? auth.substr(scheme.size()) : std::string{};
  if (!constant_time_equal(given, o.token)) {
    res.set_header("WWW-Authenticate", "Bearer");
    send_json(res, 401, render_error("a valid bearer token is required"));
    return true;
  }
  return false;
}

/// Wraps a route: the API must be on and the bearer token right.
httplib::Server::Handler guarded(opts_ptr o, handler h) {
  return [o, h](const httplib::Request& req, httplib::Response& res) {
    if (!refuse_caller(*o, req, res))
      h(req, res, *o);
  };
}

query_params params_of(const httplib::Request& req) {
  return query_params{req.params.begin(), req.params.end()};
}

/// Asks `dst` and renders the answer, or the error as 503/404.
template <class Result, class Handle, class Msg, class Render>
void ask(httplib::Response& res, const admin_options& o, const Handle& dst,
         Msg msg, Render render_ok) {
  caf::scoped_actor self{*o.sys.load()};
  self->request(dst, wait, std::move(msg))
      .receive([&](Result& r) { send_json(res, 200, render_ok(r)); },
               [&](const caf::error& err) {
                 auto code = engine_code(err);
                 send_json(res, code == engine_errc::not_found ? 404 : 503,
                           render_error(describe(err)));
               });
}

/// Reads `{"days":N}` or `{"expires_at_ms":T}` into an expiry time.
std::optional<int64_t> expiry_of(const std::string& body) {
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  if (p.parse(body).get(doc) != simdjson::SUCCESS)
    return std::nullopt;
  int64_t v = 0;
  if (doc["days"].get_int64().get(v) == simdjson::SUCCESS && v > 0 && v <= 3660)
    return system_wall_ms() + v * 86'400'000;
  if (doc["expires_at_ms"].get_int64().get(v) == simdjson::SUCCESS
      && v > system_wall_ms())
    return v;
  return std::nullopt;
}

using request = httplib::Request;
using response = httplib::Response;

void list_users(const request& req, response& res, const admin_options& o) {
  auto q = parse_user_list(params_of(req));
  if (auto* bad = std::get_if<bad_request>(&q)) {
    send_json(res, 400, render_error(bad->reason));
    return;
  }
  auto list = std::get<user_list>(q);
  auto limit = list.limit;
  ask<user_page>(res, o, o.db, list,
                 [limit](const user_page& p) { return render(p, limit); });
}

void list_conversations(const request& req, response& res,
                        const admin_options& o) {
  auto q = parse_conversation_list(params_of(req));
  if (auto* bad = std::get_if<bad_request>(&q)) {
    send_json(res, 400, render_error(bad->reason));
    return;
  }
  auto list = std::get<conversation_list>(q);
  auto limit = list.limit;
  ask<conversation_page>(
      res, o, o.db, list,
      [limit](const conversation_page& p) { return render(p, limit); });
}

void set_subscription(const request& req, response& res,
                      const admin_options& o) {
  auto id = parse_id(req.matches[1]);
  auto until = expiry_of(req.body);
  if (!id || !until) {
    send_json(res, 400,
              render_error("a user id in the path and "
                           "{\"days\":N} (1-3660) or a "
                           "future {\"expires_at_ms\":T}"));
    return;
  }
  ask<subscription>(res, o, o.db, sub_set{*id, *until, 0},
                    [](const subscription& s) { return render(s); });
}

void clear_subscription(const request& req, response& res,
                        const admin_options& o) {
  auto id = parse_id(req.matches[1]);
  if (!id) {
    send_json(res, 400, render_error("a user id in the path"));
    return;
  }
  ask<subscription>(res, o, o.db, sub_clear{*id, 0},
                    [](const subscription& s) { return render(s); });
}

void reset_user(const request& req, response& res, const admin_options& o) {
  auto id = parse_id(req.matches[1]);
  if (!id) {
    send_json(res, 400, render_error("a user id in the path"));
    return;
  }
  // The user's session (and their partners') hear of it through notes the
  // reset stores with itself, so no actor keeps the old registration in
  // memory, on whichever engine it runs.
  user_reset reset{*id, 0};
  reset.tell_partners = true;
  reset.tell_user = true;
  ask<user_reset_result>(
      res, o, o.db, std::move(reset), [id](const user_reset_result& r) {
        json::writer w;
        w.begin_object().field("reset", *id).key("unlinked").begin_array();
        for (auto p : r.unlinked)
          w.value(p);
        w.end_array().end_object();
        return std::move(w).str();
      });
}

void list_parked(const request& req, response& res, const admin_options& o) {
  auto q = parse_parked_list(params_of(req));
  if (auto* bad = std::get_if<bad_request>(&q)) {
    send_json(res, 400, render_error(bad->reason));
    return;
  }
  auto list = std::get<inbox_parked>(q);
  auto limit = list.limit;
  ask<parked_page>(res, o, o.db, list,
                   [limit](const parked_page& p) { return render(p, limit); });
}

/// Retries (hands on again) or drops a parked update.
void release_parked(const request& req, response& res, const admin_options& o,
                    park_action action) {
  auto id = parse_id(req.matches[1]);
  if (!id) {
    send_json(res, 400, render_error("an update id in the path"));
    return;
  }
  ask<inbox_row>(res, o, o.db, inbox_release{*id, action, 0},
                 [&o, action](const inbox_row& row) {
                   if (action == park_action::retry) {
                     auto batch = telegram::decode_update(row.payload);
                     for (auto& u : batch.updates) {
                       u.partition = row.partition;
                       caf::anon_send(o.registry, std::move(u));
                     }
                   }
                   spdlog::info("admin: parked update {} {}", row.update_id,
                                action == park_action::retry ? "handed on again"
                                                             : "dropped");
                   json::writer w;
                   w.begin_object()
                       .field(action == park_action::retry ? "retried"
                                                           : "dropped",
                              row.update_id)
                       .end_object();
                   return std::move(w).str();
                 });
}

void retry_parked(const request& req, response& res, const admin_options& o) {
  release_parked(req, res, o, park_action::retry);
}

void drop_parked(const request& req, response& res, const admin_options& o) {
  release_parked(req, res, o, park_action::drop);
}

void status(const request&, response& res, const admin_options& o) {
  caf::scoped_actor self{*o.sys.load()};
  json::writer w;
  w.begin_object();
  self->request(o.db, wait, status_atom::value)
      .receive([&](const db_pool_status& s) { w.key("db").raw(render(s)); },
               [&](const caf::error&) { w.key("db").null(); });
  self->request(o.translator, wait, status_atom::value)
      .receive(
          [&](const translator_status& s) {
            w.key("translator")
                .begin_object()
                .field("backend", s.backend)
                .field("queue_depth", s.queue_depth)
                .field("in_flight", s.in_flight)
                .field("translated", s.translated)
                .field("failed", s.failed)
                .field("retries", s.retries)
                .field("breaker", s.breaker)
                .end_object();
          },
          [&](const caf::error&) { w.key("translator").null(); });
  self->request(o.cache, wait, status_atom::value)
      .receive(
          [&](const cache_status& s) {
            w.key("cache")
                .begin_object()
                .field("connected", s.connected)
                .field("hits", s.hits)
                .field("misses", s.misses)
                .field("fallbacks", s.fallbacks)
                .end_object();
          },
          [&](const caf::error&) { w.key("cache").null(); });
  send_json(res, 200, std::move(w.end_object()).str());
}

void dashboard(const request&, response& res, const admin_options& o) {
  static const live_rates none;
  telemetry::metrics(); // registers every series before the first collection
  res.set_header("Cache-Control", "no-store");
  send_json(res, 200,
            render_dashboard(telemetry::registry().Collect(),
                             o.rates ? *o.rates : none));
}

/// `{"error":"...","state":"alone"|"unavailable"}`: the page tells an
/// engine running alone from a keeper that did not answer.
std::string cluster_error(const std::string& reason, const char* state) {
  json::writer w;
  w.begin_object().field("error", reason).field("state", state).end_object();
  return std::move(w).str();
}

void cluster(const request&, response& res, const admin_options& o) {
  if (!o.keeper) {
    send_json(res, 503,
              cluster_error("no lease keeper: this engine has not "
                            "joined a cluster",
                            "alone"));
    return;
  }
  res.set_header("Cache-Control", "no-store");
  caf::scoped_actor self{*o.sys.load()};
  self->request(o.keeper, keeper_wait, view_atom::value)
      .receive(
          [&](const cluster_view& v) {
            // Refused writes are counted where storage meets them, not by the
            // keeper.
            auto fenced = telemetry::metrics().db_fenced_writes.Value();
            send_json(res, 200, render(v, static_cast<uint64_t>(fenced)));
          },
          [&](const caf::error& err) {
            send_json(res, 503,
                      cluster_error("the lease keeper did not answer: "
                                        + describe(err),
                                    "unavailable"));
          });
}

void set_log_level(const request& req, response& res, const admin_options&) {
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  std::string_view level;
  if (p.parse(req.body).get(doc) != simdjson::SUCCESS
      || doc["level"].get_string().get(level) != simdjson::SUCCESS) {
    send_json(res, 400, render_error("{\"level\":\"debug\"} expected"));
    return;
  }
  auto lvl = spdlog::level::from_str(std::string{level});
  if (lvl == spdlog::level::off && level != "off") {
    send_json(res, 400,
              render_error("level is one of trace, debug, info, "
                           "warn, error, off"));
    return;
  }
  spdlog::set_level(lvl);
  spdlog::info("admin: log level set to {}", level);
  send_json(res, 200, R"({"ok":true})");
}

void unknown_route(const request&, response& res, const admin_options&) {
  send_json(res, 404, render_error("no such admin route"));
}

/// The admin API: method, path pattern, handler. Every route is guarded.
struct route {
  enum class verb { get, put, post, del } method;
  const char* pattern;
  handler run;
};

const std::vector<route>& admin_table() {
  using v = route::verb;
  static const std::vector<route> table{
      {v::get, "/admin/users", list_users},
      {v::get, "/admin/conversations", list_conversations},
      {v::put, R"(/admin/users/([^/]+)/subscription)", set_subscription},
      {v::del, R"(/admin/users/([^/]+)/subscription)", clear_subscription},
      {v::post, R"(/admin/users/([^/]+)/reset)", reset_user},
      {v::get, "/admin/parked", list_parked},
      {v::get, "/admin/feedback", serve_feedback},
      {v::get, "/admin/corrections", serve_corrections},
      {v::post, R"(/admin/parked/([^/]+)/retry)", retry_parked},
      {v::del, R"(/admin/parked/([^/]+))", drop_parked},
      {v::post, R"(/admin/payments/([^/]+)/refund)", refund_payment},
      {v::get, "/admin/status", status},
      {v::get, "/admin/dashboard", dashboard},
      {v::get, "/admin/cluster", cluster},
      {v::put, "/admin/log_level", set_log_level},
      // business figures for operators
      {v::get, "/admin/business", serve_business},
      // Stars events that credited nothing
      {v::get, "/admin/payments/uncredited", serve_uncredited},
      // Last: anything else under /admin/ is a 404 behind the token.
      {v::get, R"(/admin/.*)", unknown_route},
      {v::post, R"(/admin/.*)", unknown_route},
      {v::put, R"(/admin/.*)", unknown_route},
      {v::del, R"(/admin/.*)", unknown_route},
  };
  return table;
}

} // namespace

void add_admin_routes(http_server& server, opts_ptr o) {
  server.guard_bodies("/admin/",
                      [o](const httplib::Request& req, httplib::Response& res) {
                        return refuse_caller(*o, req, res);
                      });
  auto& r = server.routes();
  for (const auto& rt : admin_table()) {
    auto h = guarded(o, rt.run);
    switch (rt.method) {
    case route::verb::get:
      r.Get(rt.pattern, h);
      break;
    case route::verb::put:
      r.Put(rt.pattern, h);
      break;
    case route::verb::post:
      r.Post(rt.pattern, h);
      break;
    case route::verb::del:
      r.Delete(rt.pattern, h);
      break;
    }
  }
}

} // namespace bridge::ops
