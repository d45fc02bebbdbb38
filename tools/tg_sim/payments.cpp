// SPDX-License-Identifier: Apache-2.0
// Telegram Stars rules: what createInvoiceLink accepts, the pre-checkout
// deadline, charges, renewals and refunds. The error strings are the Bot
// API's where they are known.

#include "tools/tg_sim/payments.hpp"

#include "common/utf8.hpp"

namespace bridge::tg_sim {

namespace {

/// Telegram's bounds on an invoice.
constexpr size_t invoice_max_title = 32;
constexpr size_t invoice_max_description = 255;
constexpr size_t invoice_max_payload = 128;
constexpr int64_t invoice_max_stars = 10'000;

refusal too_old() {
  return refusal::bad_request(
      "query is too old and response timeout expired or query ID is invalid");
}

bool text_within(const std::string& s, size_t max) {
  return !s.empty() && utf8::is_valid(s) && utf8::utf16_length(s) <= max;
}

/// Why a subscription no longer renews; none while it does. A refund is
/// not a reason: Telegram renews a refunded subscription until the bot
/// cancels it.
refusal ended_refusal(const charge& last) {
  if (last.lapsed)
    return {409, "the subscription has ended", 0};
  if (last.canceled)
    return {409, "the subscription was canceled by the bot", 0};
  return {};
}

std::string subscription_key(const charge& c) {
  return std::to_string(c.user_id) + ":" + c.link;
}

} // namespace

refusal payment_book::create_invoice(const invoice_request& r,
                                     std::string& link) {
  if (!text_within(r.title, invoice_max_title))
    return refusal::bad_request("INVOICE_TITLE_INVALID");
  if (!text_within(r.description, invoice_max_description))
    return refusal::bad_request("INVOICE_DESCRIPTION_INVALID");
  if (r.payload.empty() || r.payload.size() > invoice_max_payload)
    return refusal::bad_request("INVOICE_PAYLOAD_INVALID");
  if (r.currency != "XTR")
    return refusal::bad_request("CURRENCY_INVALID");
  // Stars need no payment provider: a token means a card invoice.
  if (!r.provider_token.empty())
    return refusal::bad_request("PAYMENT_PROVIDER_INVALID");
  if (r.prices.size() != 1)
    return refusal::bad_request("STARS_INVOICE_INVALID");
  if (r.prices[0] < 1 || r.prices[0] > invoice_max_stars)
    return refusal::bad_request("CURRENCY_TOTAL_AMOUNT_INVALID");
  if (r.subscription_period_s != 0
      && r.subscription_period_s != star_subscription_period_s)
    return refusal::bad_request("SUBSCRIPTION_PERIOD_INVALID");
  invoice inv;
  inv.link = "https://t.me/$sim" + std::to_string(++serial_);
  inv.title = r.title;
  inv.payload = r.payload;
  inv.amount = r.prices[0];
  inv.period_s = r.subscription_period_s;
  link = inv.link;
  invoices_.emplace(inv.link, std::move(inv));
  return {};
}

refusal
payment_book::begin_checkout(int64_t user_id, const std::string& link,
                             std::chrono::steady_clock::time_point deadline,
                             checkout& out, const charge_override& charged) {
  if (find_invoice(link) == nullptr)
    return {404, "invoice not found", 0};
  out.id = std::to_string(7'000'000'000'000'000'000LL + ++serial_);
  out.user_id = user_id;
  out.link = link;
  out.deadline = deadline;
  out.charged = charged;
  checkouts_[out.id] = out;
  return {};
}

checkout_outcome payment_book::answer(const std::string& query_id, bool ok,
                                      const std::string& error_message,
                                      std::chrono::steady_clock::time_point now,
                                      int64_t now_unix) {
  checkout_outcome out;
  if (!ok && error_message.empty()) {
    out.refused = refusal::bad_request("ERROR_MESSAGE_EMPTY");
    return out;
  }
  auto it = checkouts_.find(query_id);
  if (it == checkouts_.end()) {
    out.refused = too_old();
    return out;
  }
  // One answer per query, on time or not: the query is gone either way.
  auto co = std::move(it->second);
  checkouts_.erase(it);
  out.user_id = co.user_id;
  if (now > co.deadline) {
    out.expired = true;
    out.refused = too_old();
    return out;
  }
  if (!ok)
    return out;
  auto& inv = invoices_.at(co.link);
  charge c;
  c.user_id = co.user_id;
  c.payload = inv.payload;
  c.link = inv.link;
  c.amount = co.charged.amount != 0 ? co.charged.amount : inv.amount;
  if (!co.charged.currency.empty())
    c.currency = co.charged.currency;
  c.period_s = inv.period_s;
  if (inv.period_s != 0) {
    c.expires_unix = now_unix + inv.period_s;
    c.recurring = true;
    c.first_recurring = true;
  }
  out.paid = add_charge(std::move(c));
  return out;
}

refusal payment_book::renew(const std::string& charge_id, charge& out) {
  auto it = charges_.find(charge_id);
  if (it == charges_.end())
    return {404, "charge not found", 0};
  auto* last = latest_of(it->second);
  if (last == nullptr || last->period_s == 0)
    return {400, "not a subscription", 0};
  if (auto ended = ended_refusal(*last))
    return ended;
  charge c = *last;
  c.expires_unix = last->expires_unix + last->period_s;
  c.first_recurring = false;
  c.refunded = false;
  out = add_charge(std::move(c));
  return {};
}

refusal payment_book::fail_renewal(const std::string& charge_id, charge& out) {
  auto it = charges_.find(charge_id);
  if (it == charges_.end())
    return {404, "charge not found", 0};
  auto* last = latest_of(it->second);
  if (last == nullptr || last->period_s == 0)
    return {400, "not a subscription", 0};
  if (auto ended = ended_refusal(*last))
    return ended;
  last->lapsed = true;
  out = *last;
  return {};
}

refusal payment_book::set_canceled(int64_t user_id,
                                   const std::string& charge_id, bool canceled,
                                   charge& out) {
  auto it = charges_.find(charge_id);
  if (it == charges_.end() || it->second.user_id != user_id)
    return refusal::bad_request("CHARGE_NOT_FOUND");
  auto* last = latest_of(it->second);
  if (last == nullptr || last->period_s == 0)
    return refusal::bad_request("SUBSCRIPTION_NOT_FOUND");
  // A lapsed subscription has nothing left to cancel or re-enable.
  if (last->lapsed)
    return refusal::bad_request("SUBSCRIPTION_EXPIRED");
  last->canceled = canceled;
  out = *last;
  return {};
}

refusal payment_book::refund(int64_t user_id, const std::string& charge_id,
                             charge& out) {
  auto it = charges_.find(charge_id);
  // Telegram does not tell a charge of another user from no charge.
  if (it == charges_.end() || it->second.user_id != user_id)
    return refusal::bad_request("CHARGE_NOT_FOUND");
  if (it->second.refunded)
    return refusal::bad_request("CHARGE_ALREADY_REFUNDED");
  it->second.refunded = true;
  out = it->second;
  return {};
}

const invoice* payment_book::find_invoice(const std::string& link) const {
  auto it = invoices_.find(link);
  return it == invoices_.end() ? nullptr : &it->second;
}

const charge* payment_book::find_charge(const std::string& id) const {
  auto it = charges_.find(id);
  return it == charges_.end() ? nullptr : &it->second;
}

void payment_book::clear() {
  invoices_.clear();
  checkouts_.clear();
  charges_.clear();
  latest_.clear();
}

charge& payment_book::add_charge(charge c) {
  c.id = "stxsim" + std::to_string(++serial_);
  if (c.period_s != 0)
    latest_[subscription_key(c)] = c.id;
  auto id = c.id;
  return charges_.emplace(id, std::move(c)).first->second;
}

charge* payment_book::latest_of(const charge& c) {
  auto it = latest_.find(subscription_key(c));
  if (it == latest_.end())
    return nullptr;
  auto found = charges_.find(it->second);
  return found == charges_.end() ? nullptr : &found->second;
}

} // namespace bridge::tg_sim
