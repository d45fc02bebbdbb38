// SPDX-License-Identifier: Apache-2.0
// The control API's payment endpoints: a user pays or declines an invoice
// link, a subscription renews or fails to renew.

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/control_json.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

/// Longest pre-checkout deadline a test may ask for: an hour.
constexpr int64_t max_deadline_ms = 3'600'000;

bool read_payer(field_reader& r, sim_user& u, std::string& link) {
  dom::object from;
  if (!r.object("from", from, true))
    return false;
  field_reader f{from};
  f.integer("id", u.id, true);
  f.string("first_name", u.first_name);
  f.string("language_code", u.language_code);
  if (f.error.empty() && u.id <= 0)
    f.fail("id must be positive");
  if (!f.error.empty()) {
    r.fail("from." + f.error);
    return false;
  }
  return r.string("link", link, true);
}

/// Largest amount a test may have a payment report: Telegram's own cap on
/// a Stars invoice, ten times over, so a bot's check can be tried past it.
constexpr int64_t max_charged_amount = 100'000;

/// The optional `"charged":{"amount":N,"currency":"X"}`: what the
/// successful_payment reports instead of the invoice's.
void read_charged(field_reader& r, charge_override& out) {
  dom::object charged;
  if (!r.error.empty() || !r.object("charged", charged, false))
    return;
  field_reader f{charged};
  f.integer("amount", out.amount);
  f.string("currency", out.currency);
  if (f.error.empty() && (out.amount < 0 || out.amount > max_charged_amount))
    f.fail("amount must be 0 to 100000");
  if (f.error.empty()
      && (out.currency.size() > 3
          || out.currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                 != std::string::npos))
    f.fail("currency is up to 3 capital letters");
  if (!f.error.empty())
    r.fail("charged." + f.error);
}

http_answer payment_answer(const injection& in) {
  if (in.refused)
    return control_error(in.refused.code, in.refused.description);
  json::writer w;
  w.begin_object().field("ok", true).field("chat_id", in.chat_id);
  if (in.update_id != 0)
    w.field("update_id", in.update_id);
  if (!in.query_id.empty())
    w.field("query_id", in.query_id);
  if (!in.charge_id.empty())
    w.field("charge_id", in.charge_id);
  if (in.filtered)
    w.field("filtered", true);
  w.end_object();
  return {200, std::move(w).str()};
}

} // namespace

http_answer control_api::pay(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  sim_user from;
  std::string link;
  int64_t deadline_ms =
      std::chrono::milliseconds{pre_checkout_deadline}.count();
  read_payer(r, from, link);
  r.integer("deadline_ms", deadline_ms);
  if (r.error.empty() && (deadline_ms < 0 || deadline_ms > max_deadline_ms))
    r.fail("deadline_ms must be 0 to 3600000");
  charge_override charged;
  read_charged(r, charged);
  if (!r.error.empty())
    return control_error(400, r.error);
  return payment_answer(
      state_.pay(from, link, std::chrono::milliseconds{deadline_ms}, charged));
}

http_answer control_api::decline(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  sim_user from;
  std::string link;
  if (!read_payer(r, from, link) || !r.error.empty())
    return control_error(400, r.error);
  return payment_answer(state_.decline(from, link));
}

http_answer control_api::renew(std::string_view body, bool fail) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  std::string charge_id;
  r.string("charge_id", charge_id, true);
  if (!r.error.empty())
    return control_error(400, r.error);
  return payment_answer(fail ? state_.fail_renewal(charge_id)
                             : state_.renew(charge_id));
}

} // namespace bridge::tg_sim
