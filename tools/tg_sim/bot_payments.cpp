// SPDX-License-Identifier: Apache-2.0
// createInvoiceLink, answerPreCheckoutQuery, refundStarPayment and
// editUserStarSubscription: the
// Bot API's side of Telegram Stars. Arguments are read and refused here
// as Telegram refuses them; the payment rules live in payments.cpp.

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

/// The `amount` of each LabeledPrice of `prices`.
refusal read_prices(const method_args& args, std::vector<int64_t>& out) {
  std::string_view encoded;
  dom::element root;
  dom::array list;
  if (args.get_json("prices", encoded) != arg_state::ok
      || thread_parser().parse(encoded.data(), encoded.size()).get(root)
             != simdjson::SUCCESS
      || root.get_array().get(list) != simdjson::SUCCESS)
    return refusal::bad_request("can't parse prices JSON array");
  for (auto el : list) {
    dom::object obj;
    std::string_view label;
    int64_t amount = 0;
    if (el.get_object().get(obj) != simdjson::SUCCESS
        || obj["label"].get_string().get(label) != simdjson::SUCCESS
        || obj["amount"].get_int64().get(amount) != simdjson::SUCCESS)
      return refusal::bad_request("can't parse LabeledPrice JSON object");
    out.push_back(amount);
  }
  return {};
}

refusal read_invoice(const method_args& args, invoice_request& r) {
  auto text = [&](const char* name, std::string& out, bool required) {
    auto state = args.get_string(name, out);
    return state == arg_state::invalid
           || (required && state == arg_state::absent);
  };
  if (text("title", r.title, true))
    return refusal::bad_request("INVOICE_TITLE_INVALID");
  if (text("description", r.description, true))
    return refusal::bad_request("INVOICE_DESCRIPTION_INVALID");
  if (text("payload", r.payload, true))
    return refusal::bad_request("INVOICE_PAYLOAD_INVALID");
  if (text("currency", r.currency, true))
    return refusal::bad_request("CURRENCY_INVALID");
  if (text("provider_token", r.provider_token, false))
    return refusal::bad_request("PAYMENT_PROVIDER_INVALID");
  if (args.get_int("subscription_period", r.subscription_period_s)
      == arg_state::invalid)
    return refusal::bad_request("SUBSCRIPTION_PERIOD_INVALID");
  return read_prices(args, r.prices);
}

} // namespace

http_answer bot_methods::create_invoice_link(const method_args& args) {
  invoice_request r;
  if (auto refused = read_invoice(args, r))
    return error_answer(refused);
  std::string link;
  if (auto refused = state_.create_invoice(r, link))
    return error_answer(refused);
  return {200, ok_reply(json::quote(link))};
}

http_answer bot_methods::answer_pre_checkout_query(const method_args& args) {
  std::string id;
  bool ok = false;
  std::string error_message;
  if (args.get_string("pre_checkout_query_id", id) != arg_state::ok
      || id.empty())
    return error_answer(
        refusal::bad_request("parameter \"pre_checkout_query_id\" is "
                             "required"));
  if (args.get_bool("ok", ok) != arg_state::ok)
    return error_answer(refusal::bad_request("parameter \"ok\" is required"));
  if (args.get_string("error_message", error_message) == arg_state::invalid)
    return error_answer(refusal::bad_request("ERROR_MESSAGE_INVALID"));
  if (auto refused = state_.answer_pre_checkout(id, ok, error_message))
    return error_answer(refused);
  return {200, ok_reply("true")};
}

http_answer bot_methods::refund_star_payment(const method_args& args) {
  int64_t user_id = 0;
  std::string charge_id;
  if (args.get_int("user_id", user_id) != arg_state::ok || user_id <= 0)
    return error_answer(refusal::bad_request("USER_ID_INVALID"));
  if (args.get_string("telegram_payment_charge_id", charge_id) != arg_state::ok
      || charge_id.empty())
    return error_answer(refusal::bad_request("CHARGE_ID_EMPTY"));
  if (auto refused = state_.refund_star_payment(user_id, charge_id))
    return error_answer(refused);
  return {200, ok_reply("true")};
}

http_answer bot_methods::edit_user_star_subscription(const method_args& args) {
  int64_t user_id = 0;
  std::string charge_id;
  bool canceled = false;
  if (args.get_int("user_id", user_id) != arg_state::ok || user_id <= 0)
    return error_answer(refusal::bad_request("USER_ID_INVALID"));
  if (args.get_string("telegram_payment_charge_id", charge_id) != arg_state::ok
      || charge_id.empty())
    return error_answer(refusal::bad_request("CHARGE_ID_EMPTY"));
  if (args.get_bool("is_canceled", canceled) != arg_state::ok)
    return error_answer(
        refusal::bad_request("parameter \"is_canceled\" is required"));
  if (auto refused =
          state_.edit_star_subscription(user_id, charge_id, canceled))
    return error_answer(refused);
  return {200, ok_reply("true")};
}

} // namespace bridge::tg_sim
