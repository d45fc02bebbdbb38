// SPDX-License-Identifier: Apache-2.0
#include "ops/admin_stars.hpp"

#include <cctype>
#include <optional>

#include <caf/scoped_actor.hpp>
#include <httplib.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/http_client.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/admin_query.hpp"
#include "telegram/stars_api.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

namespace {

constexpr auto refund_db_wait = std::chrono::seconds{10};
constexpr auto refund_api_wait = std::chrono::seconds{10};
constexpr size_t max_charge_id = 256;
constexpr size_t max_requested_by = 128;

void send_refund_json(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json");
}

/// Telegram's charge ids are short runs of letters, digits, `_` and `-`.
bool valid_charge_id(const std::string& id) {
  if (id.empty() || id.size() > max_charge_id)
    return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'
          || c == '.'))
      return false;
  return true;
}

/// The caller's name from the body, "admin" when none; nullopt when the
/// body is there but not what is allowed.
std::optional<std::string> requested_by(const std::string& body) {
  if (body.empty())
    return std::string{"admin"};
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  std::string_view who;
  if (p.parse(body).get(doc) != simdjson::SUCCESS || !doc.is_object())
    return std::nullopt;
  auto field = doc["requested_by"];
  if (field.error() == simdjson::NO_SUCH_FIELD)
    return std::string{"admin"};
  if (field.get_string().get(who) != simdjson::SUCCESS || who.empty()
      || who.size() > max_requested_by)
    return std::nullopt;
  return std::string{who};
}

/// Asks the pool and waits; the answer or its error.
template <class Op>
caf::expected<typename Op::result> ask_db(const admin_options& o, Op op) {
  caf::scoped_actor self{*o.sys.load()};
  std::optional<typename Op::result> got;
  caf::error failed;
  self->request(o.db, refund_db_wait, std::move(op))
      .receive([&](typename Op::result& r) { got = std::move(r); },
               [&](caf::error& err) { failed = std::move(err); });
  if (got)
    return std::move(*got);
  if (!failed)
    failed = make_error(engine_errc::http_unreachable, "no answer");
  return failed;
}

/// Posts `call` to the Bot API: true when Telegram answered ok, else
/// false with `why` (the transport's error or Telegram's description).
bool post_call(const admin_options& o, const telegram::api_call& call,
               std::string& why) {
  http_client client;
  auto resp = client.post(
      telegram::method_url(o.api_url, o.bot_token, call.method), call.body,
      {"Content-Type: application/json"}, refund_api_wait);
  if (resp.transport_failed()) {
    why = resp.error;
    return false;
  }
  auto reply = telegram::decode_reply(resp.body);
  if (resp.status == 200 && reply && reply->ok)
    return true;
  why =
      reply ? reply->error.description : "HTTP " + std::to_string(resp.status);
  return false;
}

/// What Telegram said to the refund.
enum class refund_call { done, already, failed };

refund_call call_refund(const admin_options& o, const star_payment& p,
                        std::string& why) {
  if (post_call(o, telegram::encode_refund_star_payment(p.user_id, p.charge_id),
                why))
    return refund_call::done;
  return why.find("CHARGE_ALREADY_REFUNDED") != std::string::npos
             ? refund_call::already
             : refund_call::failed;
}

/// What became of the subscription's renewal after its refund. Telegram
/// keeps renewing (and charging) a refunded subscription until the bot
/// cancels it, so every answer about a refunded subscription says which.
struct renewal_state {
  /// False for a payment without a subscription: nothing to cancel.
  bool subscription = false;
  bool canceled = false;
  std::string why;
};

/// editUserStarSubscription with is_canceled. A failure leaves the refund
/// standing: it is logged, counted, and the refund route tries again.
renewal_state cancel_renewal(const admin_options& o, const star_payment& p) {
  renewal_state out;
  if (p.subscription_charge_id.empty())
    return out;
  out.subscription = true;
  out.canceled = post_call(o,
                           telegram::encode_edit_user_star_subscription(
                               p.user_id, p.subscription_charge_id, true),
                           out.why);
  if (out.canceled) {
    spdlog::info("admin: renewal of subscription {} of user {} canceled",
                 p.subscription_charge_id, p.user_id);
    return out;
  }
  telemetry::metrics().renewal_cancel_failures.Increment();
  spdlog::error("admin: payment {} is refunded but Telegram was not told to "
                "stop renewing subscription {} of user {} ({}); it may charge "
                "them again: POST the refund route again to retry",
                p.charge_id, p.subscription_charge_id, p.user_id, out.why);
  return out;
}

void add_renewal(json::writer& w, const renewal_state& r) {
  if (!r.subscription)
    return;
  w.field("renewal_canceled", r.canceled);
  if (!r.canceled)
    w.field("renewal_error", r.why)
        .field("retry", "POST this route again to cancel the renewal");
}

std::string render_refund(const star_payment& p, const renewal_state& r) {
  json::writer w;
  w.begin_object()
      .field("refunded", p.charge_id)
      .field("user_id", p.user_id)
      .field("stars", p.stars)
      .field("credited", p.credited);
  add_renewal(w, r);
  w.end_object();
  return std::move(w).str();
}

/// The 409 of a payment refunded before; its renewal is canceled again,
/// which is how a failed cancellation is retried.
void send_refunded_before(httplib::Response& res, const admin_options& o,
                          const star_payment& p, std::string_view what) {
  auto renewal = cancel_renewal(o, p);
  json::writer w;
  w.begin_object().field("error", what);
  add_renewal(w, renewal);
  w.end_object();
  send_refund_json(res, 409, std::move(w).str());
}

} // namespace

void refund_payment(const httplib::Request& req, httplib::Response& res,
                    const admin_options& o) {
  auto charge = req.matches[1].str();
  if (!valid_charge_id(charge)) {
    send_refund_json(res, 400,
                     render_error("a telegram_payment_charge_id in the path"));
    return;
  }
  auto who = requested_by(req.body);
  if (!who) {
    send_refund_json(
        res, 400,
        render_error("the body, when given, is {\"requested_by\":\"name\"}"));
    return;
  }
  auto paid = ask_db(o, star_payment_get{charge, 0});
  if (!paid) {
    auto code = engine_code(paid.error());
    send_refund_json(res, code == engine_errc::not_found ? 404 : 503,
                     render_error(describe(paid.error())));
    return;
  }
  if (paid->refunded) {
    send_refunded_before(res, o, *paid, "this payment was refunded before");
    return;
  }
  std::string why;
  auto said = call_refund(o, *paid, why);
  if (said == refund_call::failed) {
    spdlog::warn("admin: refund of payment {} refused by Telegram: {}", charge,
                 why);
    send_refund_json(res, 502,
                     render_error("Telegram refused the refund: " + why));
    return;
  }
  auto recorded = ask_db(o, star_refund_put{charge, *who, 0});
  if (!recorded) {
    // Telegram gave the Stars back: a retry is told "already" and records.
    spdlog::error("admin: payment {} refunded at Telegram but not recorded "
                  "({}); retry the route to record it",
                  charge, describe(recorded.error()));
    send_refund_json(res, 503, render_error(describe(recorded.error())));
    return;
  }
  if (paid->credited)
    spdlog::info("admin: payment {} of user {} ({} Stars) refunded, asked by "
                 "{}; the subscription it paid for has ended",
                 charge, paid->user_id, paid->stars, *who);
  else
    spdlog::info("admin: uncredited payment {} of user {} ({} Stars) "
                 "refunded, asked by {}",
                 charge, paid->user_id, paid->stars, *who);
  if (said == refund_call::already || recorded->refunded) {
    send_refunded_before(res, o, *paid,
                         "this payment was refunded before (now recorded)");
    return;
  }
  send_refund_json(res, 200, render_refund(*paid, cancel_renewal(o, *paid)));
}

} // namespace bridge::ops
