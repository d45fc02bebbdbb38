// SPDX-License-Identifier: Apache-2.0
#include "telegram/stars_api.hpp"

#include <simdjson.h>

#include "common/json_writer.hpp"

namespace bridge::telegram {

api_call encode_create_invoice_link(std::string_view title,
                                    std::string_view description,
                                    std::string_view payload, int64_t stars,
                                    int64_t period_s) {
  json::writer w;
  w.begin_object()
      .field("title", title)
      .field("description", description)
      .field("payload", payload)
      .field("provider_token", "")
      .field("currency", "XTR");
  w.key("prices")
      .begin_array()
      .begin_object()
      .field("label", title)
      .field("amount", stars)
      .end_object()
      .end_array();
  if (period_s > 0)
    w.field("subscription_period", period_s);
  w.end_object();
  return {"createInvoiceLink", std::move(w).str()};
}

api_call encode_answer_pre_checkout(std::string_view query_id, bool ok,
                                    std::string_view error_message) {
  json::writer w;
  w.begin_object().field("pre_checkout_query_id", query_id).field("ok", ok);
  if (!ok)
    w.field("error_message", error_message);
  w.end_object();
  return {"answerPreCheckoutQuery", std::move(w).str()};
}

api_call encode_refund_star_payment(int64_t user_id,
                                    std::string_view charge_id) {
  json::writer w;
  w.begin_object()
      .field("user_id", user_id)
      .field("telegram_payment_charge_id", charge_id)
      .end_object();
  return {"refundStarPayment", std::move(w).str()};
}

api_call encode_edit_user_star_subscription(int64_t user_id,
                                            std::string_view charge_id,
                                            bool canceled) {
  json::writer w;
  w.begin_object()
      .field("user_id", user_id)
      .field("telegram_payment_charge_id", charge_id)
      .field("is_canceled", canceled)
      .end_object();
  return {"editUserStarSubscription", std::move(w).str()};
}

std::optional<std::string> decode_string_result(std::string_view body) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(body.data(), body.size()).get(root) != simdjson::SUCCESS)
    return std::nullopt;
  bool ok = false;
  std::string_view result;
  if (root["ok"].get_bool().get(ok) != simdjson::SUCCESS || !ok
      || root["result"].get_string().get(result) != simdjson::SUCCESS
      || result.empty())
    return std::nullopt;
  return std::string{result};
}

} // namespace bridge::telegram
