// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <map>

#include "tests/tg_sim/sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_payments)

// Telegram Stars as the simulator plays them: invoice links checked as
// Telegram checks them, a pre-checkout query whose 10-second deadline
// runs on the simulator's clock, successful_payment messages, renewals
// and refunds with the Bot API's errors.

using namespace tg_sim_test;

namespace {

/// An invoice body; `changed` replaces members (raw JSON values), and an
/// empty value leaves the member out.
std::string invoice(const std::map<std::string, std::string>& changed = {}) {
  std::map<std::string, std::string> m{
      {"title", R"("Bridge")"},
      {"description", R"("30 days")"},
      {"payload", R"("order-1")"},
      {"currency", R"("XTR")"},
      {"prices", R"([{"label":"30 days","amount":250}])"},
      {"subscription_period", "2592000"}};
  for (const auto& [k, v] : changed)
    m[k] = v;
  std::string body = "{";
  for (const auto& [k, v] : m) {
    if (v.empty())
      continue;
    if (body.size() > 1)
      body += ',';
    body += bridge::json::quote(k) + ":" + v;
  }
  return body + "}";
}

std::string payer(int64_t id, const std::string& link,
                  const std::string& extra = {}) {
  return R"({"from":{"id":)" + std::to_string(id) + R"(},"link":)"
         + bridge::json::quote(link) + extra + "}";
}

struct pay_fixture : sim_fixture {
  std::string link() {
    auto r = call("createInvoiceLink", invoice());
    BOOST_REQUIRE_MESSAGE(r.ok(), r.body);
    return r.text("/result");
  }
  /// User `id` pays; answers the query id.
  std::string pay(int64_t id, const std::string& l,
                  const std::string& extra = {}) {
    auto r = parse(control.pay(payer(id, l, extra)));
    BOOST_REQUIRE_MESSAGE(r.ok(), r.body);
    return r.text("/query_id");
  }
  reply answer(const std::string& query, bool ok = true,
               const std::string& why = {}) {
    return call("answerPreCheckoutQuery",
                R"({"pre_checkout_query_id":)" + bridge::json::quote(query)
                    + R"(,"ok":)" + (ok ? "true" : "false")
                    + (why.empty()
                           ? ""
                           : R"(,"error_message":)" + bridge::json::quote(why))
                    + "}");
  }
  /// Every update waiting, confirmed by the next call.
  reply drain() {
    auto r = updates();
    auto n = r.count("/result");
    if (n > 0)
      updates("\"offset\":"
              + std::to_string(
                  r.integer("/result/" + std::to_string(n - 1) + "/update_id")
                  + 1));
    return r;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_paid_subscription_reaches_the_bot, pay_fixture) {
  auto l = link();
  BOOST_TEST(l.rfind("https://t.me/$", 0) == 0u);
  auto query = pay(1001, l);
  auto pre = drain();
  BOOST_REQUIRE(pre.count("/result") == 1u);
  BOOST_TEST(pre.text("/result/0/pre_checkout_query/id") == query);
  BOOST_TEST(pre.integer("/result/0/pre_checkout_query/from/id") == 1001);
  BOOST_TEST(pre.text("/result/0/pre_checkout_query/currency") == "XTR");
  BOOST_TEST(pre.integer("/result/0/pre_checkout_query/total_amount") == 250);
  BOOST_TEST(pre.text("/result/0/pre_checkout_query/invoice_payload")
             == "order-1");
  clock->advance(std::chrono::seconds{9});
  BOOST_TEST(answer(query).ok());
  auto paid = drain();
  BOOST_REQUIRE(paid.count("/result") == 1u);
  const std::string sp = "/result/0/message/successful_payment";
  BOOST_TEST(paid.integer("/result/0/message/chat/id") == 1001);
  BOOST_TEST(paid.text(sp + "/currency") == "XTR");
  BOOST_TEST(paid.integer(sp + "/total_amount") == 250);
  BOOST_TEST(paid.text(sp + "/invoice_payload") == "order-1");
  auto now_s = clock->unix_ms() / 1000;
  BOOST_TEST(paid.integer(sp + "/subscription_expiration_date")
             == now_s + 2'592'000);
  BOOST_TEST(
      paid.json.at_pointer(sp + "/is_first_recurring").get_bool().value());
  BOOST_TEST(!paid.text(sp + "/telegram_payment_charge_id").empty());
  // The chat's events tell the story in order.
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/0/payment") == "pre_checkout_query");
  BOOST_TEST(ev.text("/events/1/method") == "answerPreCheckoutQuery");
  BOOST_TEST(ev.text("/events/2/payment") == "successful_payment");
  // A second answer to the same query is refused.
  BOOST_TEST(answer(query).status == 400);
}

BOOST_FIXTURE_TEST_CASE(a_payment_can_report_other_than_its_invoice,
                        pay_fixture) {
  auto query = pay(1001, link(), R"(,"charged":{"amount":7,"currency":"USD"})");
  auto pre = drain();
  // The checkout shows the invoice; only the payment reports otherwise.
  BOOST_TEST(pre.integer("/result/0/pre_checkout_query/total_amount") == 250);
  BOOST_TEST(pre.text("/result/0/pre_checkout_query/currency") == "XTR");
  BOOST_TEST(answer(query).ok());
  auto paid = drain();
  const std::string sp = "/result/0/message/successful_payment";
  BOOST_TEST(paid.integer(sp + "/total_amount") == 7);
  BOOST_TEST(paid.text(sp + "/currency") == "USD");
  // Only the amount: the currency stays the invoice's.
  auto second = pay(1001, link(), R"(,"charged":{"amount":9})");
  drain();
  BOOST_TEST(answer(second).ok());
  auto amount_only = drain();
  BOOST_TEST(amount_only.integer(sp + "/total_amount") == 9);
  BOOST_TEST(amount_only.text(sp + "/currency") == "XTR");
  // Malformed overrides are refused before anything is queued.
  for (auto bad :
       {R"(,"charged":{"amount":-1})", R"(,"charged":{"amount":100001})",
        R"(,"charged":{"amount":"7"})", R"(,"charged":{"currency":"usd"})",
        R"(,"charged":{"currency":"XTRX"})",
        R"(,"charged":{"currency":"X\"T"})", R"(,"charged":[])"}) {
    auto r = parse(control.pay(payer(1001, link(), bad)));
    BOOST_TEST(r.status == 400, bad);
    BOOST_TEST(r.body.find("charged") != std::string::npos, r.body);
  }
  BOOST_TEST(drain().count("/result") == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_late_answer_fails_the_payment, pay_fixture) {
  auto query = pay(1001, link());
  drain();
  clock->advance(std::chrono::milliseconds{10'001});
  auto late = answer(query);
  BOOST_TEST(late.status == 400);
  BOOST_TEST(late.description().find("query is too old") != std::string::npos);
  BOOST_TEST(drain().count("/result") == 0u);
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/2/payment") == "pre_checkout_expired");
  // A control deadline of 0 makes even an instant answer late.
  auto instant = pay(1001, link(), R"(,"deadline_ms":0)");
  clock->advance(std::chrono::milliseconds{1});
  BOOST_TEST(answer(instant).status == 400);
}

BOOST_FIXTURE_TEST_CASE(a_refused_checkout_charges_nothing, pay_fixture) {
  auto l = link();
  auto query = pay(1001, l);
  drain();
  // Refusing needs a reason.
  BOOST_TEST(answer(query, false).status == 400);
  BOOST_TEST(answer(query, false, "This order is not yours").ok());
  BOOST_TEST(drain().count("/result") == 0u);
  // Declining sends the bot nothing.
  BOOST_TEST(parse(control.decline(payer(1001, l))).ok());
  BOOST_TEST(drain().count("/result") == 0u);
  // Unknown links and queries.
  BOOST_TEST(parse(control.pay(payer(1001, "https://t.me/$nope"))).status
             == 404);
  BOOST_TEST(answer("12345").status == 400);
  BOOST_TEST(call("answerPreCheckoutQuery", R"({"ok":true})").status == 400);
}

BOOST_FIXTURE_TEST_CASE(invoices_are_checked_as_telegram_does, pay_fixture) {
  auto refused = [&](const std::string& body, const std::string& what) {
    auto r = call("createInvoiceLink", body);
    BOOST_TEST(r.status == 400, body);
    BOOST_TEST(r.description() == "Bad Request: " + what, r.body);
  };
  refused(invoice({{"currency", R"("USD")"}}), "CURRENCY_INVALID");
  refused(invoice({{"currency", ""}}), "CURRENCY_INVALID");
  refused(invoice({{"provider_token", R"("284685063:TEST")"}}),
          "PAYMENT_PROVIDER_INVALID");
  refused(invoice({{"prices", R"([{"label":"a","amount":1},)"
                              R"({"label":"b","amount":2}])"}}),
          "STARS_INVOICE_INVALID");
  refused(invoice({{"prices", "[]"}}), "STARS_INVOICE_INVALID");
  refused(invoice({{"prices", R"([{"label":"a","amount":0}])"}}),
          "CURRENCY_TOTAL_AMOUNT_INVALID");
  refused(invoice({{"prices", R"([{"label":"a","amount":10001}])"}}),
          "CURRENCY_TOTAL_AMOUNT_INVALID");
  refused(invoice({{"subscription_period", "86400"}}),
          "SUBSCRIPTION_PERIOD_INVALID");
  refused(invoice({{"payload", R"("")"}}), "INVOICE_PAYLOAD_INVALID");
  refused(invoice({{"payload", "\"" + std::string(129, 'p') + "\""}}),
          "INVOICE_PAYLOAD_INVALID");
  refused(invoice({{"title", "\"" + std::string(33, 't') + "\""}}),
          "INVOICE_TITLE_INVALID");
  refused(invoice({{"prices", R"("lots")"}}), "can't parse prices JSON array");
  refused("{}", "INVOICE_TITLE_INVALID");
  // An empty provider token is what Stars take; a one-time payment has no
  // period.
  BOOST_TEST(
      call("createInvoiceLink", invoice({{"provider_token", R"("")"}})).ok());
  BOOST_TEST(
      call("createInvoiceLink", invoice({{"subscription_period", ""}})).ok());
}

BOOST_FIXTURE_TEST_CASE(renewals_extend_and_lapse, pay_fixture) {
  auto query = pay(1001, link());
  drain();
  answer(query);
  auto first = drain();
  const std::string sp = "/result/0/message/successful_payment";
  auto charge = first.text(sp + "/telegram_payment_charge_id");
  auto expires = first.integer(sp + "/subscription_expiration_date");
  auto renewed =
      parse(control.renew(R"({"charge_id":")" + charge + "\"}", false));
  BOOST_TEST(renewed.ok(), renewed.body);
  auto second = drain();
  BOOST_TEST(second.integer(sp + "/subscription_expiration_date")
             == expires + 2'592'000);
  BOOST_TEST(second.json.at_pointer(sp + "/is_recurring").get_bool().value());
  BOOST_TEST(second.json.at_pointer(sp + "/is_first_recurring").error()
             == simdjson::NO_SUCH_FIELD);
  BOOST_TEST(second.text(sp + "/telegram_payment_charge_id") != charge);
  // A failed renewal ends it: no update, and no renewal after it.
  auto failed =
      parse(control.renew(R"({"charge_id":")" + charge + "\"}", true));
  BOOST_TEST(failed.ok(), failed.body);
  BOOST_TEST(drain().count("/result") == 0u);
  BOOST_TEST(
      parse(control.renew(R"({"charge_id":")" + charge + "\"}", false)).status
      == 409);
  BOOST_TEST(parse(control.renew(R"({"charge_id":"nope"})", false)).status
             == 404);
  BOOST_TEST(parse(control.renew("[]", false)).status == 400);
}

BOOST_FIXTURE_TEST_CASE(refunds_are_made_once, pay_fixture) {
  auto query = pay(1001, link());
  drain();
  answer(query);
  auto charge = drain().text(
      "/result/0/message/successful_payment/telegram_payment_charge_id");
  auto refund = [&](int64_t user, const std::string& id) {
    return call("refundStarPayment", R"({"user_id":)" + std::to_string(user)
                                         + R"(,"telegram_payment_charge_id":)"
                                         + bridge::json::quote(id) + "}");
  };
  BOOST_TEST(refund(2002, charge).description()
             == "Bad Request: CHARGE_NOT_FOUND");
  BOOST_TEST(refund(1001, "nope").description()
             == "Bad Request: CHARGE_NOT_FOUND");
  BOOST_TEST(refund(1001, charge).ok());
  BOOST_TEST(refund(1001, charge).description()
             == "Bad Request: CHARGE_ALREADY_REFUNDED");
  BOOST_TEST(call("refundStarPayment", R"({"user_id":1001})").status == 400);
  BOOST_TEST(
      call("refundStarPayment", R"({"telegram_payment_charge_id":"x"})").status
      == 400);
  // A refund alone does not stop the renewals: Telegram renews until the
  // bot cancels them with editUserStarSubscription.
  BOOST_TEST(
      parse(control.renew(R"({"charge_id":")" + charge + "\"}", false)).ok());
}

BOOST_FIXTURE_TEST_CASE(a_canceled_subscription_does_not_renew, pay_fixture) {
  auto l = link();
  auto query = pay(1001, l);
  drain();
  answer(query);
  auto charge = drain().text(
      "/result/0/message/successful_payment/telegram_payment_charge_id");
  auto edit = [&](int64_t user, const std::string& id, const char* canceled) {
    std::string body = R"({"user_id":)" + std::to_string(user)
                       + R"(,"telegram_payment_charge_id":)"
                       + bridge::json::quote(id);
    if (canceled != nullptr)
      body += std::string{R"(,"is_canceled":)"} + canceled;
    return call("editUserStarSubscription", body + "}");
  };
  auto renew = [&] {
    return parse(control.renew(R"({"charge_id":")" + charge + "\"}", false));
  };
  // Malformed, empty, unknown and hostile arguments change nothing.
  BOOST_TEST(edit(424242, charge, "true").description()
             == "Bad Request: USER_ID_INVALID");
  BOOST_TEST(edit(-5, charge, "true").description()
             == "Bad Request: USER_ID_INVALID");
  BOOST_TEST(edit(1001, "nope", "true").description()
             == "Bad Request: CHARGE_NOT_FOUND");
  BOOST_TEST(edit(1001, "", "true").description()
             == "Bad Request: CHARGE_ID_EMPTY");
  BOOST_TEST(edit(1001, std::string(5000, 'x'), "true").description()
             == "Bad Request: CHARGE_NOT_FOUND");
  BOOST_TEST(edit(1001, charge, nullptr).status == 400);
  BOOST_TEST(edit(1001, charge, R"("maybe")").status == 400);
  pay(2002, l);
  drain();
  BOOST_TEST(edit(2002, charge, "true").description()
             == "Bad Request: CHARGE_NOT_FOUND");
  auto renewed = renew();
  BOOST_TEST(renewed.ok(), renewed.body);
  drain();
  // Canceled through the first charge: the newest no longer renews.
  BOOST_TEST(edit(1001, charge, "true").ok());
  auto log = events(1001).body;
  BOOST_TEST(log.find("editUserStarSubscription") != std::string::npos);
  BOOST_TEST(log.find(R"("is_canceled":true)") != std::string::npos, log);
  auto refused = renew();
  BOOST_TEST(refused.status == 409);
  BOOST_TEST(refused.body.find("canceled") != std::string::npos);
  BOOST_TEST(drain().count("/result") == 0u);
  // Re-enabled, it renews again; once lapsed, it cannot be edited.
  BOOST_TEST(edit(1001, charge, "false").ok());
  BOOST_TEST(renew().ok());
  BOOST_TEST(
      parse(control.renew(R"({"charge_id":")" + charge + "\"}", true)).ok());
  BOOST_TEST(edit(1001, charge, "true").description()
             == "Bad Request: SUBSCRIPTION_EXPIRED");
}

BOOST_FIXTURE_TEST_CASE(a_one_time_payment_has_no_subscription, pay_fixture) {
  auto r = call("createInvoiceLink", invoice({{"subscription_period", ""}}));
  BOOST_REQUIRE(r.ok());
  auto query = pay(1001, r.text("/result"));
  drain();
  answer(query);
  auto charge = drain().text(
      "/result/0/message/successful_payment/telegram_payment_charge_id");
  BOOST_TEST(call("editUserStarSubscription",
                  R"({"user_id":1001,"telegram_payment_charge_id":)"
                      + bridge::json::quote(charge) + R"(,"is_canceled":true})")
                 .description()
             == "Bad Request: SUBSCRIPTION_NOT_FOUND");
}

BOOST_FIXTURE_TEST_CASE(allowed_updates_can_leave_checkouts_out, pay_fixture) {
  auto l = link();
  updates(R"("allowed_updates":["message"])");
  auto r = parse(control.pay(payer(1001, l)));
  BOOST_TEST(r.ok());
  BOOST_TEST(r.json["filtered"].get_bool().value());
  BOOST_TEST(drain().count("/result") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
