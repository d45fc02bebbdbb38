// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/durable_codec.hpp"
#include "telegram/stars_api.hpp"
#include "telegram/update_decoder.hpp"

BOOST_AUTO_TEST_SUITE(telegram_stars)

// Telegram Stars on the wire: pre_checkout_query updates and
// successful_payment messages decoded (and refused when malformed or
// hostile, each alone), the payment kept through the inbox, and the
// calls the bot makes encoded as the Bot API wants them.

using namespace bridge;
using namespace bridge::telegram;

namespace {

const std::string checkout =
    R"({"update_id":11,"pre_checkout_query":{"id":"q-77","from":{"id":1001,)"
    R"("is_bot":false,"first_name":"Ana","language_code":"es"},)"
    R"("currency":"XTR","total_amount":250,"invoice_payload":"s0abc"}})";

std::string payment(const std::string& members) {
  return R"({"update_id":12,"message":{"message_id":5,"date":1700000000,)"
         R"("chat":{"id":1001,"type":"private"},"from":{"id":1001,)"
         R"("is_bot":false,"first_name":"Ana"},"successful_payment":{)"
         + members + "}}}";
}

const std::string paid_members =
    R"("currency":"XTR","total_amount":250,"invoice_payload":"s0abc",)"
    R"("subscription_expiration_date":1702592000,"is_recurring":true,)"
    R"("is_first_recurring":true,"telegram_payment_charge_id":"stx1",)"
    R"("provider_payment_charge_id":"")";

} // namespace

BOOST_AUTO_TEST_CASE(a_checkout_is_decoded_for_the_desk) {
  auto b = decode_updates(R"({"ok":true,"result":[)" + checkout + "]}");
  BOOST_REQUIRE(b.updates.size() == 1u);
  auto& u = b.updates.front();
  BOOST_TEST((u.kind == update_kind::pre_checkout_query));
  BOOST_TEST(u.payment.query_id == "q-77");
  BOOST_TEST(u.from.id == 1001);
  BOOST_TEST(u.chat_id == 1001);
  BOOST_TEST(u.from.language_code == "es");
  BOOST_TEST(u.payment.currency == "XTR");
  BOOST_TEST(u.payment.total_amount == 250);
  BOOST_TEST(u.payment.payload == "s0abc");
}

BOOST_AUTO_TEST_CASE(a_payment_is_decoded_and_survives_the_inbox) {
  auto b = decode_update(payment(paid_members));
  BOOST_REQUIRE(b.updates.size() == 1u);
  auto u = b.updates.front();
  BOOST_TEST(u.media_kind == successful_payment_kind);
  BOOST_TEST(u.payment.charge_id == "stx1");
  BOOST_TEST(u.payment.expires_unix == 1702592000);
  BOOST_TEST(u.payment.is_recurring);
  BOOST_TEST(u.payment.is_first_recurring);
  auto again = decode_update(encode_update(u));
  BOOST_REQUIRE(again.updates.size() == 1u);
  const auto& p = again.updates.front().payment;
  BOOST_TEST(again.updates.front().media_kind == successful_payment_kind);
  BOOST_TEST(p.charge_id == "stx1");
  BOOST_TEST(p.payload == "s0abc");
  BOOST_TEST(p.currency == "XTR");
  BOOST_TEST(p.total_amount == 250);
  BOOST_TEST(p.expires_unix == 1702592000);
  BOOST_TEST(p.is_recurring);
  BOOST_TEST(p.is_first_recurring);
}

BOOST_AUTO_TEST_CASE(malformed_and_hostile_payments_are_refused_alone) {
  const std::string bad[] = {
      // No charge id, an empty one, a number for the currency.
      payment(R"("currency":"XTR","total_amount":1,"invoice_payload":"p")"),
      payment(R"("currency":"XTR","total_amount":1,"invoice_payload":"p",)"
              R"("telegram_payment_charge_id":"")"),
      payment(R"("currency":7,"total_amount":1,"invoice_payload":"p",)"
              R"("telegram_payment_charge_id":"c")"),
      // An amount past 2^63, a string for a flag, an empty payload.
      payment(R"("currency":"XTR","total_amount":99999999999999999999,)"
              R"("invoice_payload":"p","telegram_payment_charge_id":"c")"),
      payment(R"("currency":"XTR","total_amount":1,"invoice_payload":"p",)"
              R"("telegram_payment_charge_id":"c","is_recurring":"yes")"),
      payment(R"("currency":"XTR","total_amount":1,"invoice_payload":"",)"
              R"("telegram_payment_charge_id":"c")"),
      // Checkouts without id, without payer, or with an oversize payload.
      R"({"update_id":13,"pre_checkout_query":{"from":{"id":1},)"
      R"("currency":"XTR","total_amount":1,"invoice_payload":"p"}})",
      R"({"update_id":14,"pre_checkout_query":{"id":"q",)"
      R"("currency":"XTR","total_amount":1,"invoice_payload":"p"}})",
      R"({"update_id":15,"pre_checkout_query":{"id":"q","from":{"id":1},)"
      R"("currency":"XTR","total_amount":1,"invoice_payload":")"
          + std::string(70'000, 'p') + "\"}}",
      R"({"update_id":16,"pre_checkout_query":[]})",
  };
  for (const auto& body : bad) {
    auto b = decode_updates(R"({"ok":true,"result":[)" + body + "," + checkout
                            + "]}");
    BOOST_TEST(b.updates.size() == 1u, body.substr(0, 200));
    BOOST_TEST((b.elements.front().fate == update_fate::refused),
               body.substr(0, 200));
    // The good neighbour is handed on.
    BOOST_TEST(b.updates.back().payment.query_id == "q-77");
  }
}

BOOST_AUTO_TEST_CASE(the_calls_are_encoded_as_the_bot_api_wants) {
  auto link = encode_create_invoice_link("Bridge", "30 days", "s0abc", 250,
                                         star_subscription_period_s);
  BOOST_TEST(link.method == "createInvoiceLink");
  BOOST_TEST(link.body
             == R"({"title":"Bridge","description":"30 days","payload":)"
                R"("s0abc","provider_token":"","currency":"XTR","prices":)"
                R"([{"label":"Bridge","amount":250}],)"
                R"("subscription_period":2592000})");
  auto yes = encode_answer_pre_checkout("q-77", true, "ignored");
  BOOST_TEST(yes.body == R"({"pre_checkout_query_id":"q-77","ok":true})");
  auto no = encode_answer_pre_checkout("q-77", false, "Not \"yours\"");
  BOOST_TEST(no.body
             == R"({"pre_checkout_query_id":"q-77","ok":false,)"
                R"("error_message":"Not \"yours\""})");
  auto refund = encode_refund_star_payment(1001, "stx1");
  BOOST_TEST(refund.method == "refundStarPayment");
  BOOST_TEST(refund.body
             == R"({"user_id":1001,"telegram_payment_charge_id":"stx1"})");
  auto cancel = encode_edit_user_star_subscription(1001, "stx\"1", true);
  BOOST_TEST(cancel.method == "editUserStarSubscription");
  BOOST_TEST(cancel.body
             == R"({"user_id":1001,"telegram_payment_charge_id":"stx\"1",)"
                R"("is_canceled":true})");
  BOOST_TEST(encode_edit_user_star_subscription(7, "c", false).body
             == R"({"user_id":7,"telegram_payment_charge_id":"c",)"
                R"("is_canceled":false})");
  BOOST_TEST(*decode_string_result(R"({"ok":true,"result":"https://t.me/$x"})")
             == "https://t.me/$x");
  BOOST_TEST(!decode_string_result(R"({"ok":true,"result":""})"));
  BOOST_TEST(!decode_string_result(R"({"ok":false,"error_code":400})"));
  BOOST_TEST(!decode_string_result("<html>"));
  BOOST_TEST(!decode_string_result(R"({"ok":true,"result":7})"));
}

BOOST_AUTO_TEST_SUITE_END()
