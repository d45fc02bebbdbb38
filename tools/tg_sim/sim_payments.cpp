// SPDX-License-Identifier: Apache-2.0
// Telegram Stars in the simulator's state: invoices the bot creates, users
// paying them through a pre_checkout_query the bot must answer in time,
// the successful_payment messages that follow, renewals and refunds. Each
// step is an event of the user's chat (the invoice link one of no chat),
// so tests can follow a payment end to end.

#include "common/json_writer.hpp"
#include "tools/tg_sim/sim_state.hpp"
#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace {

refusal payment_refusal(int code, std::string what) {
  return {code, std::move(what), 0};
}

/// What an update costs in the queue besides its strings.
constexpr size_t payment_update_bytes = 2048;

std::string payment_event(std::string_view what, const charge& c) {
  json::writer w;
  w.field("payment", what)
      .field("charge_id", c.id)
      .field("user_id", c.user_id)
      .field("payload", c.payload)
      .field("amount", c.amount)
      .field("expires", c.expires_unix)
      .field("is_recurring", c.recurring)
      .field("is_first_recurring", c.first_recurring);
  return std::move(w).str();
}

std::string successful_payment_json(const charge& c) {
  json::writer w;
  w.begin_object()
      .field("currency", c.currency)
      .field("total_amount", c.amount)
      .field("invoice_payload", c.payload);
  if (c.expires_unix != 0)
    w.field("subscription_expiration_date", c.expires_unix);
  if (c.recurring)
    w.field("is_recurring", true);
  if (c.first_recurring)
    w.field("is_first_recurring", true);
  w.field("telegram_payment_charge_id", c.id)
      .field("provider_payment_charge_id", "")
      .end_object();
  return std::move(w).str();
}

std::string pre_checkout_update(int64_t update_id, const checkout& co,
                                const sim_user& from, const invoice& inv) {
  json::writer w;
  w.begin_object()
      .field("update_id", update_id)
      .key("pre_checkout_query")
      .begin_object()
      .field("id", co.id)
      .key("from");
  write_user(w, from);
  w.field("currency", "XTR")
      .field("total_amount", inv.amount)
      .field("invoice_payload", inv.payload)
      .end_object()
      .end_object();
  return std::move(w).str();
}

} // namespace

refusal sim_state::create_invoice(const invoice_request& r, std::string& link) {
  lock guard{mu_};
  if (auto refused = payments_.create_invoice(r, link))
    return refused;
  json::writer w;
  w.field("method", "createInvoiceLink")
      .field("link", link)
      .field("payload", r.payload)
      .field("amount", r.prices[0])
      .field("subscription_period", r.subscription_period_s);
  events_.append(0, 0, std::move(w).str());
  events_cv_.notify_all();
  return {};
}

injection sim_state::pay(const sim_user& from, const std::string& link,
                         std::chrono::milliseconds deadline,
                         const charge_override& charged) {
  injection out;
  lock guard{mu_};
  const auto* inv = payments_.find_invoice(link);
  if (inv == nullptr) {
    out.refused = payment_refusal(404, "invoice not found");
    return out;
  }
  if (queue_.would_overflow(inv->payload.size() + payment_update_bytes)) {
    ++stats_.updates_refused;
    out.refused = payment_refusal(503, "update queue is full");
    return out;
  }
  auto& user = remember(from);
  auto& chat = chat_for(user, user.id);
  out.chat_id = chat.id;
  checkout co;
  if (auto r = payments_.begin_checkout(user.id, link, clock_->now() + deadline,
                                        co, charged)) {
    out.refused = r;
    return out;
  }
  out.query_id = co.id;
  json::writer w;
  w.field("payment", "pre_checkout_query")
      .field("query_id", co.id)
      .field("payload", inv->payload)
      .field("amount", inv->amount)
      .field("deadline_ms", static_cast<int64_t>(deadline.count()));
  events_.append(chat.id, 0, std::move(w).str());
  events_cv_.notify_all();
  if (!admits(update_kind::pre_checkout_query, out))
    return out;
  out.update_id = next_update_id_++;
  enqueue(out.update_id, pre_checkout_update(out.update_id, co, user, *inv));
  updates_changed();
  return out;
}

injection sim_state::decline(const sim_user& from, const std::string& link) {
  injection out;
  lock guard{mu_};
  const auto* inv = payments_.find_invoice(link);
  if (inv == nullptr) {
    out.refused = payment_refusal(404, "invoice not found");
    return out;
  }
  auto& user = remember(from);
  auto& chat = chat_for(user, user.id);
  out.chat_id = chat.id;
  json::writer w;
  w.field("payment", "declined").field("payload", inv->payload);
  events_.append(chat.id, 0, std::move(w).str());
  events_cv_.notify_all();
  return out;
}

refusal sim_state::answer_pre_checkout(const std::string& query_id, bool ok,
                                       const std::string& error_message) {
  lock guard{mu_};
  auto done = payments_.answer(query_id, ok, error_message, clock_->now(),
                               clock_->unix_ms() / 1000);
  if (done.user_id == 0)
    return done.refused;
  json::writer w;
  w.field("method", "answerPreCheckoutQuery")
      .field("query_id", query_id)
      .field("ok", ok)
      .field("error_message", error_message)
      .field("late", done.expired);
  events_.append(done.user_id, 0, std::move(w).str());
  if (done.expired) {
    json::writer failed;
    failed.field("payment", "pre_checkout_expired").field("query_id", query_id);
    events_.append(done.user_id, 0, std::move(failed).str());
  }
  events_cv_.notify_all();
  if (done.paid) {
    injection ignored;
    queue_payment_locked(*done.paid, ignored);
    updates_changed();
  }
  return done.refused;
}

void sim_state::queue_payment_locked(const charge& c, injection& out) {
  out.charge_id = c.id;
  out.chat_id = c.user_id;
  auto user = users_.find(c.user_id);
  auto* chat = find_chat(c.user_id);
  if (user == users_.end() || chat == nullptr)
    return;
  stored_message m;
  m.id = chat->next_message_id++;
  m.from_id = c.user_id;
  m.date = clock_->unix_ms() / 1000;
  m.service_kind = "successful_payment";
  m.service = successful_payment_json(c);
  auto& stored = store(*chat, std::move(m));
  out.message_id = stored.id;
  events_.append(chat->id, stored.id, payment_event("successful_payment", c));
  events_cv_.notify_all();
  // Telegram delivers a payment even past a full queue: money is not
  // dropped for back-pressure, so neither is this update.
  if (!admits(update_kind::message, out))
    return;
  out.update_id = next_update_id_++;
  enqueue(out.update_id, encode_message_update(out.update_id, "message", stored,
                                               *chat, user->second));
}

injection sim_state::renew(const std::string& charge_id) {
  injection out;
  lock guard{mu_};
  charge c;
  if (auto r = payments_.renew(charge_id, c)) {
    out.refused = r;
    return out;
  }
  queue_payment_locked(c, out);
  updates_changed();
  return out;
}

injection sim_state::fail_renewal(const std::string& charge_id) {
  injection out;
  lock guard{mu_};
  charge c;
  if (auto r = payments_.fail_renewal(charge_id, c)) {
    out.refused = r;
    return out;
  }
  out.chat_id = c.user_id;
  out.charge_id = c.id;
  events_.append(c.user_id, 0, payment_event("renewal_failed", c));
  events_cv_.notify_all();
  return out;
}

refusal sim_state::refund_star_payment(int64_t user_id,
                                       const std::string& charge_id) {
  lock guard{mu_};
  charge c;
  if (auto r = payments_.refund(user_id, charge_id, c))
    return r;
  json::writer w;
  w.field("method", "refundStarPayment")
      .field("charge_id", charge_id)
      .field("user_id", user_id)
      .field("amount", c.amount);
  events_.append(user_id, 0, std::move(w).str());
  events_cv_.notify_all();
  return {};
}

refusal sim_state::edit_star_subscription(int64_t user_id,
                                          const std::string& charge_id,
                                          bool canceled) {
  lock guard{mu_};
  // Telegram knows only users who have talked to the bot.
  if (users_.find(user_id) == users_.end())
    return refusal::bad_request("USER_ID_INVALID");
  charge c;
  if (auto r = payments_.set_canceled(user_id, charge_id, canceled, c))
    return r;
  json::writer w;
  w.field("method", "editUserStarSubscription")
      .field("charge_id", charge_id)
      .field("user_id", user_id)
      .field("is_canceled", canceled)
      .field("expires", c.expires_unix);
  events_.append(user_id, 0, std::move(w).str());
  events_cv_.notify_all();
  return {};
}

} // namespace bridge::tg_sim
