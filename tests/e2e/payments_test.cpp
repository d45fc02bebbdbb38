// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>
#include <pqxx/pqxx>
#include <thread>

#include "common/http_client.hpp"
#include "common/json_writer.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_payments)

// Paying with Telegram Stars through tg-sim, end to end: a manager at the
// daily limit sends /subscribe, pays the invoice link and writes on; a
// checkout of someone else's order is refused; an answer after the
// 10-second deadline fails the payment; a renewal extends the
// subscription; an operator's refund ends it and tells Telegram to stop
// renewing it (and, when Telegram does not answer, says so and retries on
// the next POST); a payment no order explains is stored, listed for the
// operator and refunded once. Every credit is checked in PostgreSQL,
// where the money lives.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* token = "payments-e2e-token-0123456789";

struct pay_world {
  sim_world world{unthrottled_engine({"--translator.backend=fake",
                                      "--session.free_daily_messages=1",
                                      "--payments.subscription_stars=250"}),
                  unthrottled_sim(),
                  {{"BRIDGE_ADMIN_TOKEN", token}}};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  pay_world() {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  /// Ana sends /subscribe; the invoice link the bot gave.
  std::string subscribe() {
    world.say(ana, "/subscribe");
    auto text = world.next_message(ana.id).text;
    auto at = text.find("https://t.me/$");
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no link in: " << text);
    auto link = text.substr(at);
    BOOST_TEST(text == render(text_id::subscribe_invoice, "en", 250, link));
    return link;
  }

  /// `who` pays `link` (deadline_ms < 0: Telegram's own 10 s).
  void pay(const sim_user& who, const std::string& link,
           int64_t deadline_ms = -1) {
    std::string body = R"({"from":{"id":)" + std::to_string(who.id)
                       + R"(},"link":")" + link + "\"";
    if (deadline_ms >= 0)
      body += ",\"deadline_ms\":" + std::to_string(deadline_ms);
    auto r = world.sim().post("/sim/pay", body + "}");
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.body);
  }

  /// The events of `chat` so far, raw, polled until `needle` is among
  /// them or 15 s pass (the engine answers a checkout within 10 s).
  std::string events_with(int64_t chat, const std::string& needle) {
    std::string body;
    for (int i = 0; i < 75; ++i) {
      body =
          world.sim()
              .get("/sim/chats/" + std::to_string(chat) + "/events?limit=10000")
              .body;
      if (body.find(needle) != std::string::npos)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds{200});
    }
    return body;
  }

  int64_t payments() {
    return db_value(world, "SELECT count(*) FROM star_payments");
  }

  bridge::http_response admin_post(const std::string& path) {
    bridge::http_client c;
    return c.post("http://127.0.0.1:" + std::to_string(world.engine_port())
                      + path,
                  "", {std::string{"Authorization: Bearer "} + token},
                  std::chrono::seconds{20});
  }

  bridge::http_response admin_get(const std::string& path,
                                  bool with_token = true) {
    std::vector<std::string> headers;
    if (with_token)
      headers.push_back(std::string{"Authorization: Bearer "} + token);
    return bridge::http_client{}.get(
        "http://127.0.0.1:" + std::to_string(world.engine_port()) + path,
        headers, std::chrono::seconds{20});
  }

  /// The first payment's charge id, from PostgreSQL.
  std::string first_charge() {
    pqxx::connection c{world.database_url()};
    pqxx::work tx{c};
    return tx
        .exec1(
            "SELECT charge_id FROM star_payments ORDER BY paid_at LIMIT 1")[0]
        .as<std::string>();
  }

  /// tg-sim renews the subscription `charge` paid for.
  bridge::http_response renew(const std::string& charge) {
    return world.sim().post("/sim/renew", R"({"charge_id":")" + charge + "\"}");
  }

  void limited() {
    BOOST_TEST(world.next_message(ana.id).text
               == render(text_id::daily_limit_reached, "en", 1));
  }

  void reaches_bob(const std::string& text) {
    world.say(ana, text);
    BOOST_TEST(world.next_message(bob.id).text == fake_copy(ana, "es", text));
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_manager_pays_writes_on_renews_and_is_refunded,
                        pay_world) {
  reaches_bob("one");
  world.say(ana, "two");
  limited();
  BOOST_TEST(render(text_id::daily_limit_reached, "en", 1).find("/subscribe")
             != std::string::npos);

  auto link = subscribe();
  pay(ana, link);
  auto thanks = world.next_message(ana.id).text;
  BOOST_TEST(thanks.rfind("Thank you!", 0) == 0u, thanks);
  BOOST_TEST(events_with(ana.id, "answerPreCheckoutQuery").find(R"("ok":true)")
             != std::string::npos);
  BOOST_TEST(payments() == 1);
  reaches_bob("three");

  // Renewal: Telegram charges again and the subscription runs 30 more days.
  auto first_end = db_value(
      world, "SELECT epoch_ms(expires_at) FROM subscriptions WHERE user_id = "
                 + std::to_string(ana.id));
  auto charge = first_charge();
  auto renewed = renew(charge);
  BOOST_REQUIRE_MESSAGE(renewed.status == 200, renewed.body);
  auto again = world.next_message(ana.id).text;
  BOOST_TEST(again.rfind("Thank you!", 0) == 0u, again);
  BOOST_TEST(payments() == 2);
  BOOST_TEST(db_value(world, "SELECT epoch_ms(expires_at) FROM subscriptions "
                             "WHERE user_id = "
                                 + std::to_string(ana.id))
             == first_end + 2'592'000'000);

  // The operator refunds the first payment: the subscription ends, and
  // Telegram is told to stop renewing it.
  auto refund = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(refund.status == 200, refund.body);
  BOOST_TEST(refund.body.find(R"("renewal_canceled":true)")
                 != std::string::npos,
             refund.body);
  BOOST_TEST(events_with(ana.id, "refundStarPayment").find(charge)
             != std::string::npos);
  auto edits = events_with(ana.id, "editUserStarSubscription");
  auto edit = edits.find(R"("method":"editUserStarSubscription")");
  BOOST_REQUIRE_MESSAGE(edit != std::string::npos, edits);
  auto edit_event = edits.substr(edit, edits.find('}', edit) - edit);
  BOOST_TEST(edit_event.find(R"("is_canceled":true)") != std::string::npos,
             edit_event);
  BOOST_TEST(edit_event.find(charge) != std::string::npos, edit_event);
  // Next month Telegram finds it canceled: no charge, nothing credited.
  BOOST_TEST(renew(charge).status == 409);
  BOOST_TEST(payments() == 2);
  auto twice = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(twice.status == 409);
  BOOST_TEST(twice.body.find(R"("renewal_canceled":true)") != std::string::npos,
             twice.body);
  BOOST_TEST(admin_post("/admin/payments/nope/refund").status == 404);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_refunds") == 1);
  world.say(ana, "four");
  limited();
}

BOOST_FIXTURE_TEST_CASE(a_renewal_telegram_would_not_cancel_is_retried,
                        pay_world) {
  pay(ana, subscribe());
  BOOST_TEST(world.next_message(ana.id).text.rfind("Thank you!", 0) == 0u);
  auto charge = first_charge();
  auto armed = world.sim().post(
      "/sim/faults",
      R"({"fail_next":{"method":"editUserStarSubscription",)"
      R"("error_code":500,"description":"Internal Server Error"}})");
  BOOST_REQUIRE_MESSAGE(armed.status == 200, armed.body);
  // The refund stands; the answer says the renewal was not canceled.
  auto refund = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(refund.status == 200, refund.body);
  BOOST_TEST(refund.body.find(R"("renewal_canceled":false)")
                 != std::string::npos,
             refund.body);
  BOOST_TEST(refund.body.find("Internal Server Error") != std::string::npos,
             refund.body);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_refunds") == 1);
  auto metrics =
      bridge::http_client{}
          .get("http://127.0.0.1:" + std::to_string(world.engine_port())
                   + "/metrics",
               {}, std::chrono::seconds{10})
          .body;
  BOOST_TEST(metrics.find("\nbridge_star_renewal_cancel_failures_total 1\n")
                 != std::string::npos,
             metrics);
  // Asked again, the refund is not made twice but the renewal is canceled.
  auto retried = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(retried.status == 409);
  BOOST_TEST(retried.body.find(R"("renewal_canceled":true)")
                 != std::string::npos,
             retried.body);
  BOOST_TEST(events_with(ana.id, R"("is_canceled":true)")
                 .find("editUserStarSubscription")
             != std::string::npos);
  BOOST_TEST(renew(charge).status == 409);
  BOOST_TEST(payments() == 1);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_refunds") == 1);
}

BOOST_FIXTURE_TEST_CASE(checkouts_that_must_fail_do, pay_world) {
  auto link = subscribe();
  // Bob pays Ana's order: refused with a reason, nothing charged.
  pay(bob, link);
  auto bobs = events_with(bob.id, "answerPreCheckoutQuery");
  BOOST_TEST(bobs.find(R"("ok":false)") != std::string::npos, bobs);
  // The reason is Bob's to read, in his language.
  BOOST_TEST(
      bobs.find(bridge::json::quote(render(text_id::checkout_refused, "es")))
      != std::string::npos);
  // Ana answers too late (a deadline of 0): the payment fails.
  pay(ana, link, 0);
  auto anas = events_with(ana.id, "pre_checkout_expired");
  BOOST_TEST(anas.find("pre_checkout_expired") != std::string::npos, anas);
  BOOST_TEST(anas.find("successful_payment") == std::string::npos);
  // The same order paid in time goes through, once.
  pay(ana, link);
  BOOST_TEST(world.next_message(ana.id).text.rfind("Thank you!", 0) == 0u);
  BOOST_TEST(payments() == 1);
  auto extra = arrived_unread(world, {ana.id, bob.id});
  BOOST_TEST(extra.empty(), "arrived unexpectedly:" << extra);
}

BOOST_FIXTURE_TEST_CASE(an_uncredited_payment_is_listed_and_refunded,
                        pay_world) {
  auto link = subscribe();
  // Bob tries Ana's order: refused at checkout, and the refusal is stored.
  pay(bob, link);
  events_with(bob.id, "answerPreCheckoutQuery");
  // Ana's payment reports 7 Stars where her order asks 250: Telegram took
  // them, no order explains them, nothing is credited.
  auto paid = world.sim().post(
      "/sim/pay", R"({"from":{"id":)" + std::to_string(ana.id) + R"(},"link":")"
                      + link + R"(","charged":{"amount":7}})");
  BOOST_REQUIRE_MESSAGE(paid.status == 200, paid.body);
  BOOST_TEST(world.next_message(ana.id).text
             == render(text_id::payment_not_credited, "en"));
  BOOST_TEST(payments() == 0);
  pqxx::connection c{world.database_url()};
  auto charge = pqxx::work{c}
                    .exec1("SELECT charge_id FROM star_rejections "
                           "WHERE kind = 'payment'")[0]
                    .as<std::string>();
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_rejections") == 2);

  // The operator sees the payment, newest first, and the refused checkout
  // when asked for it.
  auto listed = admin_get("/admin/payments/uncredited");
  BOOST_TEST(listed.status == 200, listed.body);
  BOOST_TEST(listed.body.find(R"("charge_id":")" + charge + '"')
                 != std::string::npos,
             listed.body);
  BOOST_TEST(listed.body.find(R"("verdict":"wrong_amount")")
                 != std::string::npos,
             listed.body);
  BOOST_TEST(listed.body.find(R"("amount":7)") != std::string::npos);
  BOOST_TEST(listed.body.find("other_user") == std::string::npos);
  auto checkouts = admin_get("/admin/payments/uncredited?kind=checkout");
  BOOST_TEST(checkouts.body.find(R"("verdict":"other_user")")
                 != std::string::npos,
             checkouts.body);
  BOOST_TEST(checkouts.body.find(R"("user_id":)" + std::to_string(bob.id))
             != std::string::npos);
  auto figures = admin_get("/admin/business");
  BOOST_TEST(figures.body.find(R"("uncredited_30d":{"payments":1,"stars":7})")
                 != std::string::npos,
             figures.body);
  BOOST_TEST(figures.body.find(R"("refused_checkouts_30d":1)")
                 != std::string::npos,
             figures.body);

  // Refunded once, through Telegram; a second refund is refused clearly.
  auto refund = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(refund.status == 200, refund.body);
  BOOST_TEST(refund.body.find(R"("credited":false)") != std::string::npos,
             refund.body);
  BOOST_TEST(events_with(ana.id, "refundStarPayment").find(charge)
             != std::string::npos);
  auto twice = admin_post("/admin/payments/" + charge + "/refund");
  BOOST_TEST(twice.status == 409, twice.body);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_rejections "
                             "WHERE refunded_at IS NOT NULL")
             == 1);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_refunds") == 0);
  BOOST_TEST(admin_get("/admin/payments/uncredited")
                 .body.find(R"("refunded_by":"admin")")
             != std::string::npos);

  // Bad input: every parameter checked, the token required.
  for (auto bad : {"?limit=0", "?limit=1001", "?limit=abc", "?limit=-1",
                   "?limit=1&limit=2", "?before=-5", "?kind=refund",
                   "?kind=%27%3B%20DROP%20TABLE%20star_rejections"})
    BOOST_TEST(admin_get(std::string{"/admin/payments/uncredited"} + bad).status
                   == 400,
               bad);
  BOOST_TEST(admin_get("/admin/payments/uncredited", false).status == 401);
  const std::string hostile[] = {"a%27b", "a%00b", "%3Cscript%3E",
                                 std::string(300, 'c')};
  for (const auto& id : hostile)
    BOOST_TEST(admin_post("/admin/payments/" + id + "/refund").status == 400,
               id);
  BOOST_TEST(db_value(world, "SELECT count(*) FROM star_rejections") == 2);
}

BOOST_AUTO_TEST_CASE(paysupport_answers_everyone_registered) {
  pay_world w;
  w.world.say(w.bob, "/paysupport");
  BOOST_TEST(w.world.next_message(w.bob.id).text
             == render(text_id::paysupport, "es"));
  // Workers do not subscribe: the team's manager pays.
  w.world.say(w.bob, "/subscribe");
  BOOST_TEST(w.world.next_message(w.bob.id).text
             == render(text_id::unknown_command, "es", "/subscribe"));
}

BOOST_AUTO_TEST_SUITE_END()
