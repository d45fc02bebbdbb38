// SPDX-License-Identifier: Apache-2.0
#include "actors/stars.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/http_client.hpp"
#include "domain/texts.hpp"
#include "messages/type_ids.hpp"
#include "telegram/stars_api.hpp"
#include "telegram/update_decoder.hpp"

namespace bridge {

namespace {

/// Runs `call` against the Bot API; the body of a 200 answer, else
/// nullopt with `why` set (never the token).
std::optional<std::string> call_api(const stars_options& opts,
                                    const telegram::api_call& call,
                                    std::string& why) {
  http_client client;
  auto resp = client.post(
      telegram::method_url(opts.api_url, opts.token, call.method), call.body,
      {"Content-Type: application/json"}, opts.http_timeout);
  if (resp.transport_failed()) {
    why = call.method + ": " + resp.error;
    return std::nullopt;
  }
  if (resp.status != 200) {
    auto reply = telegram::decode_reply(resp.body);
    why = call.method + " refused (HTTP " + std::to_string(resp.status)
          + (reply ? "): " + reply->error.description : ")");
    return std::nullopt;
  }
  return std::move(resp.body);
}

void answer_checkout(const stars_options& opts, const tg_update& u,
                     star_verdict verdict) {
  bool ok = verdict == star_verdict::ok;
  auto lang = domain::bot_language(u.from.language_code);
  auto call = telegram::encode_answer_pre_checkout(
      u.payment.query_id, ok,
      ok ? std::string_view{}
         : domain::wording(domain::text_id::checkout_refused, lang));
  std::string why;
  if (!call_api(opts, call, why)) {
    spdlog::warn("stars: checkout {} of user {} not answered: {}",
                 u.payment.query_id, u.from.id, why);
    return;
  }
  spdlog::info("stars: checkout {} of user {} for {} {} {}", u.payment.query_id,
               u.from.id, u.payment.total_amount, u.payment.currency,
               ok ? "accepted" : std::string{"refused: "} + to_string(verdict));
}

} // namespace

stars_actor::behavior_type stars(stars_actor::pointer self,
                                 stars_options opts) {
  auto o = std::make_shared<const stars_options>(std::move(opts));
  return {
      [self, o](tg_update& u) {
        if (u.kind != update_kind::pre_checkout_query)
          return;
        const auto& p = u.payment;
        // A refusal is stored by the check itself, in its transaction.
        self->request(o->db, o->check_timeout,
                      star_checkout{u.from.id, p.payload, p.currency,
                                    p.total_amount, 0, p.query_id})
            .then(
                [o, u](const star_outcome& r) {
                  answer_checkout(*o, u, r.verdict);
                },
                [o, u](const caf::error& err) {
                  // Unverifiable is refused: no money for an order that
                  // cannot be checked; the payer may try again.
                  spdlog::warn("stars: checkout {} not verified ({})",
                               u.payment.query_id, describe(err));
                  answer_checkout(*o, u, star_verdict::unknown_order);
                });
      },
      [o](const invoice_ask& ask) -> caf::result<std::string> {
        auto call = telegram::encode_create_invoice_link(
            ask.title, ask.description, ask.order.payload, ask.order.stars,
            ask.order.period_s);
        std::string why;
        auto body = call_api(*o, call, why);
        auto link = body ? telegram::decode_string_result(*body) : std::nullopt;
        if (!link) {
          spdlog::warn("stars: no invoice link for order {}: {}", ask.order.id,
                       body ? "unreadable answer" : why);
          return make_error(engine_errc::http_status, "no invoice link");
        }
        return *link;
      },
  };
}

} // namespace bridge
