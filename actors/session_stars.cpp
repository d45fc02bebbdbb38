// SPDX-License-Identifier: Apache-2.0
// Telegram Stars in a chat: /subscribe sends a manager the invoice link of
// a fresh order, /paysupport says where help is, and a successful_payment
// is credited once (star_credit is keyed by its charge id, so a
// redelivered update changes nothing) and answered in the payer's
// language; one that credits nothing is stored once for operators and
// its payer told once.

#include <spdlog/spdlog.h>

#include "actors/session.hpp"
#include "domain/profile.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

using domain::text_id;

namespace {

/// How long an invoice link may take: the desk waits on the Bot API.
constexpr auto invoice_timeout = std::chrono::seconds{15};

/// Telegram's one period for a Stars subscription: 30 days.
constexpr int64_t subscription_period_s = 2'592'000;

} // namespace

void session_state::subscribe() {
  if (!opts_->stars) {
    reply(say(text_id::subscribe_failed));
    return;
  }
  self->request(opts_->db, caf::infinite,
                star_order_open{chat_id_, opts_->subscription_stars,
                                subscription_period_s, 0})
      .await(
          [this](star_order& order) {
            invoice_ask ask{order, say(text_id::invoice_title),
                            say(text_id::invoice_description)};
            auto stars = order.stars;
            self->request(opts_->stars, invoice_timeout, std::move(ask))
                .await(
                    [this, stars](const std::string& link) {
                      reply(say(text_id::subscribe_invoice, stars, link));
                    },
                    [this](const caf::error& err) {
                      spdlog::warn("session {}: no invoice: {}", chat_id_,
                                   describe(err));
                      reply(say(text_id::subscribe_failed));
                    });
          },
          [this](const caf::error& err) { db_failed(err); });
}

void session_state::credit_payment() {
  const auto& p = current_.payment;
  star_credit credit;
  credit.user_id = current_.from.id;
  credit.charge_id = p.charge_id;
  credit.payload = p.payload;
  credit.currency = p.currency;
  credit.stars = p.total_amount;
  credit.expires_at_ms = p.expires_unix * 1000;
  credit.renewal = p.is_recurring && !p.is_first_recurring;
  self->request(opts_->db, caf::infinite, std::move(credit))
      .await(
          [this](const star_outcome& r) {
            const auto& pay = current_.payment;
            switch (r.verdict) {
            case star_verdict::ok:
              spdlog::info("session {}: payment {} of {} Stars credited to "
                           "order {}",
                           chat_id_, pay.charge_id, pay.total_amount,
                           r.order_id);
              reply(say(text_id::payment_received,
                        domain::utc_minute(r.expires_at_ms)));
              return;
            case star_verdict::duplicate:
              // Thanked the first time; a redelivery is silent.
              spdlog::info("session {}: payment {} was credited before",
                           chat_id_, pay.charge_id);
              return;
            default:
              if (r.repeated) {
                // Told the first time; a redelivery is silent.
                spdlog::info("session {}: payment {} was refused before: {}",
                             chat_id_, pay.charge_id, to_string(r.verdict));
                return;
              }
              // Money arrived that no order explains: stored (for
              // /admin/payments/uncredited, to refund); nothing is credited.
              spdlog::warn("session {}: payment {} of {} {} for payload '{}' "
                           "not credited: {}",
                           chat_id_, pay.charge_id, pay.total_amount,
                           pay.currency, pay.payload, to_string(r.verdict));
              reply(say(text_id::payment_not_credited));
              return;
            }
          },
          [this](const caf::error& err) { db_failed(err); });
}

} // namespace bridge
