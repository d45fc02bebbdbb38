// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>

#include <atomic>
#include <iostream>
#include <thread>

#include "cache/budget_actor.hpp"
#include "cache/budget_script.hpp"
#include "cache/keys.hpp"
#include "common/shared_budget.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/redis_server.hpp"

BOOST_AUTO_TEST_SUITE(cache_budget_redis)

using namespace bridge;
using namespace std::chrono_literals;
using bridge::test::ask;

namespace {

/// Redis' own clock, in microseconds.
int64_t redis_time_us(const test::redis_server& r) {
  auto t = r.command({"TIME"});
  return std::stoll(t.elements.at(0).str) * 1000000
         + std::stoll(t.elements.at(1).str);
}

struct fixture : test::system_fixture {
  test::redis_server redis;
  std::vector<budget_actor> instances;

  /// One budget actor (its own connection) per simulated instance.
  budget_actor spawn_instance(std::string url) {
    cache::budget_options o;
    o.url = std::move(url);
    o.command_timeout = 250ms;
    o.reconnect_base = 20ms;
    o.reconnect_max = 100ms;
    auto b = sys->spawn<caf::detached>(cache::budget_service, o);
    instances.push_back(b);
    return b;
  }

  ~fixture() {
    for (auto& b : instances)
      caf::anon_send_exit(b, caf::exit_reason::user_shutdown);
  }

  caf::expected<budget_grant> take(const budget_actor& b, budget_take t) {
    return ask<budget_grant>(*sys, b, std::move(t), 5s);
  }
};

/// Waits until `b` answers a take (its connection is up).
bool answers(fixture& f, const budget_actor& b) {
  return test::wait_until([&] {
    return static_cast<bool>(f.take(b, {"probe", 1000, 1000, 1, 1}));
  });
}

} // namespace

BOOST_FIXTURE_TEST_CASE(three_instances_together_never_exceed_the_budget,
                        fixture) {
  constexpr double rate = 200; // per second, the bot's
  constexpr double burst = 20;
  std::vector<budget_actor> clients;
  for (int i = 0; i < 3; ++i) {
    clients.push_back(spawn_instance(redis.url()));
    BOOST_REQUIRE(answers(*this, clients.back()));
  }
  std::atomic<bool> stop{false};
  std::vector<double> got(3, 0.0);
  std::vector<size_t> asks(3, 0);
  auto start_us = redis_time_us(redis);
  std::vector<std::thread> hammers;
  for (size_t i = 0; i < 3; ++i)
    hammers.emplace_back([&, i] {
      caf::scoped_actor self{*sys};
      while (!stop) {
        self->request(clients[i], 5s, budget_take{"send", rate, burst, 3, 1})
            .receive([&](budget_grant& g) { got[i] += g.tokens; },
                     [&](caf::error&) {});
        ++asks[i];
      }
    });
  // The run's length is not asserted on: Redis' clock measures it.
  std::this_thread::sleep_for(1500ms);
  stop = true;
  for (auto& h : hammers)
    h.join();
  auto end_us = redis_time_us(redis);
  double total = got[0] + got[1] + got[2];
  double allowed = rate * static_cast<double>(end_us - start_us) / 1e6 + burst;
  BOOST_TEST_MESSAGE("granted " << total << " of " << allowed << " allowed ("
                                << got[0] << ", " << got[1] << ", " << got[2]
                                << "), asks " << asks[0] + asks[1] + asks[2]);
  BOOST_TEST(total <= allowed + 1e-6);
  // The bucket was kept busy, so it gave out nearly all it had.
  BOOST_TEST(total >= 0.5 * allowed);
  for (size_t i = 0; i < 3; ++i)
    BOOST_TEST(got[i] >= total / 10,
               "instance " << i << " starved: " << got[i]);
}

BOOST_FIXTURE_TEST_CASE(an_empty_bucket_says_how_long_to_wait, fixture) {
  auto b = spawn_instance(redis.url());
  BOOST_REQUIRE(answers(*this, b));
  auto g = take(b, {"send", 10, 2, 5, 1});
  BOOST_REQUIRE(g);
  BOOST_TEST(g->tokens == 2.0); // the burst, not more
  g = take(b, {"send", 10, 2, 5, 1});
  BOOST_REQUIRE(g);
  BOOST_TEST(g->tokens == 0.0);
  BOOST_TEST(g->wait_us > 0);
  BOOST_TEST(g->wait_us <= 100000); // one token at 10/s
  // The bucket lapses once it would be full anyway.
  auto ttl = redis.command({"PTTL", cache::keys::budget("send")});
  BOOST_TEST(ttl.integer > 0);
  BOOST_TEST(ttl.integer <= 1200);
}

BOOST_FIXTURE_TEST_CASE(a_call_larger_than_the_burst_borrows_once_full,
                        fixture) {
  auto b = spawn_instance(redis.url());
  BOOST_REQUIRE(answers(*this, b));
  auto first = std::chrono::steady_clock::now();
  auto g = take(b, {"translate.tok", 100, 50, 120, 120});
  BOOST_REQUIRE(g);
  BOOST_TEST(g->tokens == 120.0);
  g = take(b, {"translate.tok", 100, 50, 1, 1});
  auto between = std::chrono::duration_cast<std::chrono::microseconds>(
                     std::chrono::steady_clock::now() - first)
                     .count();
  BOOST_REQUIRE(g);
  BOOST_TEST(g->tokens == 0.0);
  // The debt of 70 and then one token: 710 ms at 100/s, less what the
  // bucket refilled between the two calls (however slow the machine).
  BOOST_TEST(g->wait_us + between >= 709000); // a millisecond of rounding
  BOOST_TEST(g->wait_us <= 711000);
}

BOOST_FIXTURE_TEST_CASE(a_flushed_script_is_sent_again, fixture) {
  auto b = spawn_instance(redis.url());
  BOOST_REQUIRE(answers(*this, b));
  redis.command({"SCRIPT", "FLUSH"});
  auto g = take(b, {"send", 10, 5, 1, 1});
  BOOST_REQUIRE(g);
  BOOST_TEST(g->tokens == 1.0);
}

BOOST_FIXTURE_TEST_CASE(redis_down_falls_back_to_the_share_and_keeps_granting,
                        fixture) {
  // A closed port: nothing listens there.
  auto port = redis.port();
  redis.stop();
  auto b = spawn_instance("redis://127.0.0.1:" + std::to_string(port) + "/0");
  auto g = take(b, {"send", 30, 15, 3, 1});
  BOOST_REQUIRE(!g);
  BOOST_TEST((engine_code(g.error()) == engine_errc::cache_unavailable));
  // An instance of three, drawing from that bucket, sends at its share.
  shared_budget::settings s;
  s.rate = 30;
  s.burst_seconds = 0.5;
  s.draws = true;
  auto now = shared_budget::clock::now();
  shared_budget budget{s, now};
  budget.set_members(3, now);
  size_t spent = 0;
  int logged = 0;
  auto t = now;
  for (int step = 0; step < 3000; ++step, t += 1ms) {
    while (budget.try_take(t))
      ++spent;
    if (auto a = budget.ask_for(t, 1, 10)) {
      budget.asked();
      auto answer = take(b, {"send", 30, 15, a->want, a->least});
      if (answer)
        budget.granted(answer->tokens,
                       std::chrono::microseconds{answer->wait_us}, t);
      else if (budget.failed(t))
        ++logged;
    }
  }
  BOOST_TEST(logged == 1);
  BOOST_TEST(budget.falling_back());
  // Three simulated seconds at 10/s, after the first ask failed.
  BOOST_TEST(spent >= 25u);
  BOOST_TEST(spent <= 36u);
  // Redis comes back: the next probe draws grants again.
  redis.start();
  BOOST_REQUIRE(answers(*this, b));
  t += 1s;
  auto probe = budget.ask_for(t, 1, 10);
  BOOST_REQUIRE(probe);
  budget.asked();
  auto answer = take(b, {"send", 30, 15, probe->want, probe->least});
  BOOST_REQUIRE(answer);
  BOOST_TEST(budget.granted(answer->tokens, 0us, t));
  BOOST_TEST(budget.drawing());
}

BOOST_FIXTURE_TEST_CASE(what_one_grant_costs, fixture) {
  auto b = spawn_instance(redis.url());
  BOOST_REQUIRE(answers(*this, b));
  // Through the actor, as the sender and the translator ask.
  caf::scoped_actor self{*sys};
  constexpr int n = 2000;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i)
    self->request(b, 5s, budget_take{"bench", 1e9, 1e9, 1, 1})
        .receive([](budget_grant&) {}, [](caf::error&) {});
  auto actor_us = std::chrono::duration<double, std::micro>(
                      std::chrono::steady_clock::now() - t0)
                      .count()
                  / n;
  // The script alone, on a connection of its own.
  cache::redis_client c;
  BOOST_REQUIRE(c.connect(redis.endpoint(), 1s));
  auto sha = c.run({"SCRIPT", "LOAD", cache::scripts::take})->str;
  t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i)
    c.run(
        {"EVALSHA", sha, "1", "bridge:budget:bench2", "1e9", "1e9", "1", "1"});
  auto script_us = std::chrono::duration<double, std::micro>(
                       std::chrono::steady_clock::now() - t0)
                       .count()
                   / n;
  std::cout << "budget grant round trip: " << actor_us
            << " us through the actor, " << script_us
            << " us for EVALSHA alone (mean of " << n << ")\n";
  BOOST_TEST(actor_us > 0);
}

BOOST_AUTO_TEST_SUITE_END() // cache_budget_redis
