// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/clock.hpp"
#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_stars_pg)

// Telegram Stars against real PostgreSQL: an order is checked at
// pre-checkout, a payment is credited exactly once per charge id however
// often and however concurrently it arrives, bad payments credit nothing
// and are stored once each for operators (refused checkouts too), and a
// refund is recorded once and ends the subscription.

using namespace bridge;
using bridge::test::code_of;

namespace {

constexpr int64_t month_s = 2'592'000;
constexpr int64_t until_ms = 4'102'444'800'000; // 2100-01-01

struct stars_fixture : bridge::test::pool_fixture {
  star_order open_order(int64_t user, int64_t stars = 250) {
    must(user_put{user, user_role::manager, "en", "m"});
    return must(star_order_open{user, stars, month_s});
  }
  star_credit paid(const star_order& o, const std::string& charge,
                   int64_t expires_ms = until_ms) {
    return star_credit{o.user_id, charge,     o.payload, "XTR",
                       o.stars,   expires_ms, false};
  }
  /// Rows of `table`, read past the pool.
  int64_t rows(const std::string& table) {
    pqxx::connection c{db.dsn()};
    pqxx::work tx{c};
    return tx.exec1("SELECT count(*) FROM " + table)[0].as<int64_t>();
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(stars, stars_fixture)

BOOST_AUTO_TEST_CASE(an_order_is_checked_before_payment) {
  auto o = open_order(60);
  BOOST_TEST(o.payload.size() == 33u);
  BOOST_TEST(o.stars == 250);
  auto ok = must(star_checkout{60, o.payload, "XTR", 250, 0, ""});
  BOOST_TEST((ok.verdict == star_verdict::ok));
  BOOST_TEST(ok.order_id == o.id);
  BOOST_TEST((must(star_checkout{61, o.payload, "XTR", 250, 0, ""}).verdict
              == star_verdict::other_user));
  BOOST_TEST((must(star_checkout{60, "nope", "XTR", 250, 0, ""}).verdict
              == star_verdict::unknown_order));
  BOOST_TEST((must(star_checkout{60, o.payload, "USD", 250, 0, ""}).verdict
              == star_verdict::wrong_currency));
  BOOST_TEST((must(star_checkout{60, o.payload, "XTR", 1, 0, ""}).verdict
              == star_verdict::wrong_amount));
  // Malformed and hostile requests never reach SQL.
  BOOST_TEST((code_of(run(star_checkout{60, "", "XTR", 250, 0, ""}))
              == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(star_checkout{60, std::string(129, 'p'), "XTR", 250, 0, ""}))
       == engine_errc::invalid_input));
  BOOST_TEST((
      code_of(run(star_checkout{60, std::string("a\0b", 3), "XTR", 250, 0, ""}))
      == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(star_order_open{60, 0, month_s}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(star_order_open{60, 10'001, month_s}))
              == engine_errc::invalid_input));
  // Each refusal was stored (no query id here, so each on its own row);
  // the accepted checkout and the malformed requests stored nothing.
  BOOST_TEST(rows("star_rejections") == 4);
  BOOST_TEST(rows("star_rejections WHERE kind = 'checkout' AND "
                  "verdict = 'wrong_amount' AND amount = 1")
             == 1);
}

BOOST_AUTO_TEST_CASE(a_refused_checkout_is_stored_once_per_query) {
  auto o = open_order(71);
  auto ask = [&](int64_t user, const std::string& currency, int64_t stars,
                 const std::string& query) {
    return must(star_checkout{user, o.payload, currency, stars, 0, query});
  };
  BOOST_TEST((ask(71, "XTR", 250, "q-ok").verdict == star_verdict::ok));
  BOOST_TEST(rows("star_rejections") == 0);
  // Someone else's order: refused and stored, once however often the
  // same query comes.
  BOOST_TEST(
      (ask(72, "XTR", 250, "q-other").verdict == star_verdict::other_user));
  BOOST_TEST(
      (ask(72, "XTR", 250, "q-other").verdict == star_verdict::other_user));
  BOOST_TEST(
      (ask(71, "USD", 250, "q-usd").verdict == star_verdict::wrong_currency));
  BOOST_TEST(rows("star_rejections") == 2);
  BOOST_TEST(rows("star_rejections WHERE query_id = 'q-other' AND "
                  "user_id = 72 AND verdict = 'other_user' AND "
                  "charge_id IS NULL")
             == 1);
  // A hostile query id never reaches SQL.
  BOOST_TEST((code_of(run(star_checkout{71, o.payload, "XTR", 1, 0,
                                        std::string(257, 'q')}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(star_checkout{71, o.payload, "XTR", 1, 0,
                                        std::string("q\0x", 3)}))
              == engine_errc::invalid_input));
  BOOST_TEST(rows("star_rejections") == 2);
}

BOOST_AUTO_TEST_CASE(a_payment_is_credited_once) {
  auto o = open_order(62);
  auto first = must(paid(o, "ch-62"));
  BOOST_TEST((first.verdict == star_verdict::ok));
  BOOST_TEST(first.expires_at_ms == until_ms);
  auto sub = must(sub_get{62});
  BOOST_TEST((sub.status == subscription_status::active));
  BOOST_TEST(sub.expires_at_ms == until_ms);
  // Redelivered: nothing changes, the answer says so.
  auto again = must(paid(o, "ch-62"));
  BOOST_TEST((again.verdict == star_verdict::duplicate));
  BOOST_TEST(again.expires_at_ms == until_ms);
  BOOST_TEST(rows("star_payments") == 1);
  // The order is paid: a new first payment of it is refused.
  BOOST_TEST((must(paid(o, "ch-62b")).verdict == star_verdict::not_open));
  BOOST_TEST((must(star_checkout{62, o.payload, "XTR", 250, 0, ""}).verdict
              == star_verdict::not_open));
}

BOOST_AUTO_TEST_CASE(concurrent_deliveries_credit_once) {
  auto o = open_order(63);
  caf::scoped_actor self{*sys};
  constexpr int copies = 12;
  for (int i = 0; i < copies; ++i)
    self->send(pool, paid(o, "ch-63"));
  int credited = 0;
  int duplicates = 0;
  for (int i = 0; i < copies; ++i)
    self->receive(
        [&](star_outcome& r) {
          credited += r.verdict == star_verdict::ok ? 1 : 0;
          duplicates += r.verdict == star_verdict::duplicate ? 1 : 0;
        },
        [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(credited == 1);
  BOOST_TEST(duplicates == copies - 1);
  BOOST_TEST(rows("star_payments") == 1);
}

BOOST_AUTO_TEST_CASE(bad_payments_credit_nothing_and_are_stored_once) {
  auto o = open_order(64);
  std::vector<std::pair<star_credit, star_verdict>> bad;
  auto wrong = paid(o, "ch-64a");
  wrong.stars = 1;
  bad.push_back({wrong, star_verdict::wrong_amount});
  wrong = paid(o, "ch-64b");
  wrong.currency = "USD";
  bad.push_back({wrong, star_verdict::wrong_currency});
  wrong = paid(o, "ch-64c");
  wrong.payload = "unknown";
  bad.push_back({wrong, star_verdict::unknown_order});
  wrong = paid(o, "ch-64d");
  wrong.user_id = 65;
  bad.push_back({wrong, star_verdict::other_user});
  for (auto& [credit, verdict] : bad) {
    auto first = must(credit);
    BOOST_TEST((first.verdict == verdict), credit.charge_id);
    BOOST_TEST(!first.repeated);
    // Redelivered: the same verdict, nothing stored again.
    auto again = must(credit);
    BOOST_TEST((again.verdict == verdict), credit.charge_id);
    BOOST_TEST(again.repeated);
    BOOST_TEST(rows("star_rejections WHERE charge_id = '" + credit.charge_id
                    + "' AND kind = 'payment' AND verdict = '"
                    + to_string(verdict) + "'")
               == 1);
  }
  BOOST_TEST(rows("star_rejections") == 4);
  BOOST_TEST(rows("star_rejections WHERE charge_id = 'ch-64c' AND "
                  "payload = 'unknown' AND amount = 250 AND currency = 'XTR'")
             == 1);
  BOOST_TEST(rows("star_payments") == 0);
  BOOST_TEST((must(sub_get{64}).status == subscription_status::none));
  // The right payment still goes through after them, and stores no
  // rejection.
  BOOST_TEST((must(paid(o, "ch-64")).verdict == star_verdict::ok));
  BOOST_TEST(rows("star_rejections") == 4);
  // A paid order's payment again under a new charge: not open, stored.
  BOOST_TEST((must(paid(o, "ch-64e")).verdict == star_verdict::not_open));
  BOOST_TEST(rows("star_rejections WHERE verdict = 'not_open'") == 1);
  BOOST_TEST((code_of(run(paid(o, ""))) == engine_errc::invalid_input));
  BOOST_TEST(rows("star_rejections") == 5);
}

BOOST_AUTO_TEST_CASE(concurrent_copies_of_an_uncredited_payment_store_one) {
  auto o = open_order(73);
  caf::scoped_actor self{*sys};
  constexpr int copies = 12;
  // No order to queue on (unknown payload) and a wrong amount (the order
  // row queues them): both store one row whatever the interleaving.
  auto unknown = paid(o, "ch-73a");
  unknown.payload = "nobody-ordered-this";
  auto amount = paid(o, "ch-73b");
  amount.stars = 7;
  for (const auto& credit : {unknown, amount}) {
    for (int i = 0; i < copies; ++i)
      self->send(pool, credit);
    int fresh = 0;
    int repeated = 0;
    for (int i = 0; i < copies; ++i)
      self->receive(
          [&](star_outcome& r) {
            BOOST_TEST((r.verdict != star_verdict::ok));
            (r.repeated ? repeated : fresh) += 1;
          },
          [&](caf::error& e) { BOOST_FAIL(describe(e)); });
    BOOST_TEST(fresh == 1, credit.charge_id);
    BOOST_TEST(repeated == copies - 1, credit.charge_id);
  }
  BOOST_TEST(rows("star_rejections WHERE charge_id = 'ch-73a'") == 1);
  BOOST_TEST(rows("star_rejections WHERE charge_id = 'ch-73b'") == 1);
  BOOST_TEST(rows("star_payments") == 0);
}

BOOST_AUTO_TEST_CASE(renewals_extend_and_never_shorten) {
  auto o = open_order(66);
  int64_t first_end = 1'900'000'000'000;
  must(paid(o, "ch-66a", first_end));
  auto renewal = paid(o, "ch-66b", first_end + month_s * 1000);
  renewal.renewal = true;
  auto r = must(renewal);
  BOOST_TEST((r.verdict == star_verdict::ok));
  BOOST_TEST(r.expires_at_ms == first_end + month_s * 1000);
  BOOST_TEST(must(sub_get{66}).expires_at_ms == first_end + month_s * 1000);
  // A late, redelivered older payment does not pull the end back.
  auto old = paid(o, "ch-66c", first_end);
  old.renewal = true;
  must(old);
  BOOST_TEST(must(sub_get{66}).expires_at_ms == first_end + month_s * 1000);
}

BOOST_AUTO_TEST_CASE(a_refund_is_recorded_once_and_ends_the_subscription) {
  auto o = open_order(67);
  must(paid(o, "ch-67"));
  auto p = must(star_payment_get{"ch-67"});
  BOOST_TEST(p.user_id == 67);
  BOOST_TEST(p.stars == 250);
  BOOST_TEST(!p.refunded);
  auto first = must(star_refund_put{"ch-67", "admin"});
  BOOST_TEST(!first.refunded);
  auto sub = must(sub_get{67});
  BOOST_TEST((sub.status == subscription_status::canceled));
  BOOST_TEST(!is_active(sub, sub.updated_at_ms));
  auto second = must(star_refund_put{"ch-67", "admin"});
  BOOST_TEST(second.refunded);
  BOOST_TEST(rows("star_refunds") == 1);
  BOOST_TEST(must(star_payment_get{"ch-67"}).refunded);
  BOOST_TEST((code_of(run(star_refund_put{"nope", "admin"}))
              == engine_errc::not_found));
  BOOST_TEST(
      (code_of(run(star_payment_get{"nope"})) == engine_errc::not_found));
  // The charge stays credited once: a redelivery does not revive it.
  BOOST_TEST((must(paid(o, "ch-67")).verdict == star_verdict::duplicate));
  BOOST_TEST((must(sub_get{67}).status == subscription_status::canceled));
}

BOOST_AUTO_TEST_CASE(an_uncredited_payment_is_refunded_once) {
  auto o = open_order(74);
  auto wrong = paid(o, "ch-74");
  wrong.stars = 9;
  must(wrong);
  auto p = must(star_payment_get{"ch-74"});
  BOOST_TEST(!p.credited);
  BOOST_TEST(p.order_id == 0);
  BOOST_TEST(p.user_id == 74);
  BOOST_TEST(p.stars == 9);
  BOOST_TEST(!p.refunded);
  // Telegram renews the subscription it started until told not to.
  BOOST_TEST(p.subscription_charge_id == "ch-74");
  auto first = must(star_refund_put{"ch-74", "ops-ana"});
  BOOST_TEST(!first.refunded);
  BOOST_TEST(!first.credited);
  auto second = must(star_refund_put{"ch-74", "ops-ana"});
  BOOST_TEST(second.refunded);
  BOOST_TEST(must(star_payment_get{"ch-74"}).refunded);
  BOOST_TEST(rows("star_rejections WHERE charge_id = 'ch-74' AND "
                  "refunded_by = 'ops-ana' AND refunded_at IS NOT NULL")
             == 1);
  // Nothing was credited, so nothing is in the credited books.
  BOOST_TEST(rows("star_refunds") == 0);
  BOOST_TEST((must(sub_get{74}).status == subscription_status::none));
  // A checkout's row is no payment: there is nothing to refund by it.
  must(star_checkout{74, "nope", "XTR", 1, 0, "q-74"});
  BOOST_TEST((code_of(run(star_refund_put{"q-74", "admin"}))
              == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(rejections_are_listed_newest_first) {
  auto o = open_order(75);
  must(star_checkout{75, "nope", "XTR", 1, 0, "q-75"});
  for (auto charge : {"ch-75a", "ch-75b", "ch-75c"}) {
    auto wrong = paid(o, charge);
    wrong.currency = "EUR";
    must(wrong);
  }
  auto page = must(star_rejection_list{"payment", 0, 2});
  BOOST_REQUIRE_EQUAL(page.rows.size(), 2u);
  BOOST_TEST(page.rows[0].charge_id == "ch-75c");
  BOOST_TEST(page.rows[1].charge_id == "ch-75b");
  BOOST_TEST(page.rows[0].verdict == "wrong_currency");
  BOOST_TEST(page.rows[0].currency == "EUR");
  BOOST_TEST(page.rows[0].kind == "payment");
  BOOST_TEST(page.rows[0].created_at_ms > 0);
  BOOST_TEST(page.rows[0].expires_at_ms == until_ms);
  auto rest = must(star_rejection_list{"payment", page.rows[1].id, 2});
  BOOST_REQUIRE_EQUAL(rest.rows.size(), 1u);
  BOOST_TEST(rest.rows[0].charge_id == "ch-75a");
  auto checkouts = must(star_rejection_list{"checkout", 0, 10});
  BOOST_REQUIRE_EQUAL(checkouts.rows.size(), 1u);
  BOOST_TEST(checkouts.rows[0].query_id == "q-75");
  BOOST_TEST(checkouts.rows[0].charge_id.empty());
  BOOST_TEST(must(star_rejection_list{"", 0, 10}).rows.size() == 4u);
  // Business figures count them.
  auto f = must(business_get{system_wall_ms() + 1000});
  BOOST_TEST(f.uncredited_30d.payments == 3);
  BOOST_TEST(f.uncredited_30d.stars == 750);
  BOOST_TEST(f.uncredited_unrefunded == 3);
  BOOST_TEST(f.refused_checkouts_30d == 1);
  must(star_refund_put{"ch-75a", "admin"});
  BOOST_TEST(must(business_get{system_wall_ms() + 1000}).uncredited_unrefunded
             == 2);
  // Malformed listings never reach SQL.
  for (auto bad : {star_rejection_list{"payment", 0, 0},
                   star_rejection_list{"payment", 0, 1001},
                   star_rejection_list{"payment", -1, 10},
                   star_rejection_list{"'; DROP TABLE x", 0, 10}})
    BOOST_TEST((code_of(run(bad)) == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_payment_names_the_charge_that_started_it) {
  auto o = open_order(68);
  must(paid(o, "ch-68a", until_ms - month_s * 1000));
  auto renewal = paid(o, "ch-68b");
  renewal.renewal = true;
  must(renewal);
  // Either payment names the first charge: Telegram's name for the
  // subscription, the one its renewal is canceled by.
  BOOST_TEST(must(star_payment_get{"ch-68b"}).subscription_charge_id
             == "ch-68a");
  BOOST_TEST(must(star_payment_get{"ch-68a"}).subscription_charge_id
             == "ch-68a");
  // Another user's subscription is not mixed in.
  auto other = open_order(69);
  must(paid(other, "ch-69"));
  BOOST_TEST(must(star_payment_get{"ch-69"}).subscription_charge_id == "ch-69");
  // A payment Telegram sent without a subscription end has none.
  auto once = open_order(70);
  must(paid(once, "ch-70", 0));
  BOOST_TEST(must(star_payment_get{"ch-70"}).subscription_charge_id.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_stars_pg
