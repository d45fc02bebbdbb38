// SPDX-License-Identifier: Apache-2.0
#include "tests/translator/translator_fixture.hpp"

#include "common/token_bucket.hpp"

BOOST_AUTO_TEST_SUITE(translator_translator_budget)

using namespace bridge;
using namespace bridge::testing;
using namespace std::chrono_literals;

// The API key's limits are the key's: instances sharing it keep a share
// each, or draw grants from a bucket they share; alone, nothing changes.

namespace {

/// Shared buckets that never answer: Redis is away.
caf::behavior unreachable_budgets(caf::event_based_actor*,
                                  std::shared_ptr<size_t> asks) {
  return {
      [=](budget_take&) -> caf::result<budget_grant> {
        ++*asks;
        return make_error(engine_errc::cache_unavailable, "Redis is away");
      },
  };
}

/// Shared buckets on the simulated clock: a token bucket per budget,
/// behaving as the Redis script does (grants up to `want`, at least
/// `least`, or a wait).
caf::behavior simulated_budgets(caf::event_based_actor* self,
                                std::shared_ptr<size_t> asks) {
  auto buckets = std::make_shared<std::map<std::string, token_bucket>>();
  return {
      [=](budget_take& t) -> budget_grant {
        ++*asks;
        auto now = self->clock().now();
        auto it = buckets->find(t.budget);
        if (it == buckets->end())
          it = buckets->emplace(t.budget, token_bucket{t.rate, t.burst, now})
                   .first;
        auto& b = it->second;
        auto have = b.tokens(now);
        if (have + 1e-9 < t.least) {
          auto wait = b.ready_at(now, t.least) - now;
          return {0, std::chrono::duration_cast<std::chrono::microseconds>(wait)
                         .count()};
        }
        auto give = std::min(t.want, have);
        b.try_take(now, give);
        return {give, 0};
      },
  };
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(translator_budget, fixture)

BOOST_AUTO_TEST_CASE(three_members_cut_the_limits_to_a_third) {
  start();
  auto alone = status();
  caf::anon_send(tr, cluster_members{3});
  sched->run();
  auto shared = status();
  BOOST_TEST(shared.requests_per_minute == alone.requests_per_minute / 3);
  BOOST_TEST(shared.tokens_per_minute == alone.tokens_per_minute / 3);
  caf::anon_send(tr, cluster_members{1});
  sched->run();
  auto back = status();
  BOOST_TEST(back.requests_per_minute == alone.requests_per_minute);
  BOOST_TEST(back.tokens_per_minute == alone.tokens_per_minute);
}

BOOST_AUTO_TEST_CASE(a_third_of_the_requests_in_every_minute) {
  auto r = run_backlog({120, 1e7, 4}, 5000, 1h, 3);
  BOOST_TEST(r.worst_requests <= 40u);
  BOOST_TEST(static_cast<double>(r.calls) >= 0.98 * 40 * 60);
}

BOOST_AUTO_TEST_CASE(a_third_of_the_tokens_in_every_minute) {
  auto r = run_backlog({10000, 30000, 4}, 5000, 1h, 3);
  BOOST_TEST(r.worst_tokens <= 10000.0);
  BOOST_TEST(r.tokens >= 0.95 * 10000 * 60);
}

BOOST_AUTO_TEST_CASE(redis_away_keeps_translating_at_the_share) {
  auto asks = std::make_shared<size_t>(0);
  auto budgets =
      caf::actor_cast<budget_actor>(sys->spawn(unreachable_budgets, asks));
  auto r = run_backlog({120, 1e7, 4}, 5000, 1h, 3, budgets);
  BOOST_TEST(r.worst_requests <= 40u);
  BOOST_TEST(static_cast<double>(r.calls) >= 0.98 * 40 * 60);
  // Probes, not an ask per call.
  BOOST_TEST(*asks >= 1u);
  BOOST_TEST(*asks <= 2u * 3600 * 2);
  caf::anon_send_exit(budgets, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(grants_let_one_member_use_what_the_others_leave) {
  // Three members, the other two idle: this one draws all of the key's
  // budget from the shared buckets, and never more.
  auto asks = std::make_shared<size_t>(0);
  auto budgets =
      caf::actor_cast<budget_actor>(sys->spawn(simulated_budgets, asks));
  auto r = run_backlog({120, 1e7, 4}, 10000, 1h, 3, budgets);
  BOOST_TEST(r.worst_requests <= 120u);
  BOOST_TEST(static_cast<double>(r.calls) >= 0.9 * 120 * 60);
  // About an ask per budget and call at this slow rate, never a storm.
  BOOST_TEST(*asks <= 4 * r.calls);
  caf::anon_send_exit(budgets, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // translator_translator_budget
