// SPDX-License-Identifier: Apache-2.0
#include "ops/webhook.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "actors/intake.hpp"
#include "common/clock.hpp"
#include "common/http_client.hpp"
#include "common/json_writer.hpp"
#include "ops/http_server.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

namespace {

void answer(httplib::Response& res, int status, const char* description) {
  res.status = status;
  json::writer w;
  w.begin_object().field("ok", status == 200);
  if (status != 200)
    w.field("description", description);
  res.set_content(std::move(w.end_object()).str(), "application/json");
}

/// One Bot API call at start-up; true when Telegram answered ok.
bool call(const std::string& api_url, const std::string& token,
          const std::string& method, const std::string& body,
          std::string& err) {
  http_client client;
  auto resp =
      client.post(telegram::method_url(api_url, token, method), body,
                  {"Content-Type: application/json"}, std::chrono::seconds{30});
  if (resp.transport_failed()) {
    err = method + ": " + resp.error;
    return false;
  }
  auto reply = telegram::decode_reply(resp.body);
  if (resp.status != 200 || !reply || !reply->ok) {
    err = method + " refused (HTTP " + std::to_string(resp.status) + ")";
    if (reply)
      err += ": " + reply->error.description;
    return false;
  }
  return true;
}

/// Answers a push that is refused whatever its body says (the engine is
/// starting, the secret is wrong, the engine is behind); true when it did.
bool refuse_push(const webhook_options& o, const httplib::Request& req,
                 httplib::Response& res) {
  if (req.path != webhook_path) {
    answer(res, 404, "Not Found");
    return true;
  }
  if (o.sys.load(std::memory_order_acquire) == nullptr) {
    answer(res, 503, "Service Unavailable: starting");
    return true;
  }
  auto given = req.get_header_value("X-Telegram-Bot-Api-Secret-Token");
  if (!constant_time_equal(given, o.secret)) {
    answer(res, 401, "Unauthorized");
    return true;
  }
  if (engine_is_behind(o.pressure.get())) {
    // Telegram keeps the update and pushes it again later.
    ++o.counters->held_back;
    telemetry::metrics().intake_held_back.Increment();
    res.set_header("Retry-After", "1");
    answer(res, 503, "Service Unavailable: busy, push again later");
    return true;
  }
  return false;
}

} // namespace

void add_webhook_route(http_server& server,
                       std::shared_ptr<const webhook_options> o) {
  announce_intake_metrics();
  // Checked on the headers alone, so a push the engine will refuse is
  // never read: a body is what a stranger would waste the server on.
  server.guard_bodies(webhook_path,
                      [o](const httplib::Request& req, httplib::Response& res) {
                        return refuse_push(*o, req, res);
                      });
  server.routes().Post(
      webhook_path, [o](const httplib::Request& req, httplib::Response& res) {
        if (refuse_push(*o, req, res))
          return;
        auto* sys = o->sys.load(std::memory_order_acquire);
        auto batch = telegram::decode_update(req.body, system_steady_ns());
        // Counted as polling counts: refused, skipped by kind, or handed on
        // once stored. An unreadable push is taken too: Telegram repeats any
        // push not answered 2xx, which would count it again every time.
        count_left_out(batch, *o->counters, "webhook");
        caf::scoped_actor blocking{*sys};
        if (!store_and_hand_on(blocking, o->db, o->dispatcher, batch.updates,
                               *o->counters, o->owned.get())) {
          answer(res, 503, "Service Unavailable: try again");
          return;
        }
        answer(res, 200, "");
      });
}

bool set_webhook(const std::string& api_url, const std::string& token,
                 const std::string& url, const std::string& secret,
                 std::string& err) {
  json::writer w;
  w.begin_object().field("url", url).field("secret_token", secret);
  w.key("allowed_updates")
      .begin_array()
      .value("message")
      .value("edited_message")
      .value("callback_query")
      .value("pre_checkout_query")
      .end_array();
  if (!call(api_url, token, "setWebhook", std::move(w.end_object()).str(), err))
    return false;
  telemetry::engine_health().intake = true;
  return true;
}

bool delete_webhook(const std::string& api_url, const std::string& token,
                    std::string& err) {
  return call(api_url, token, "deleteWebhook", "{}", err);
}

} // namespace bridge::ops
