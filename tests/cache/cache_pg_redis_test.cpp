// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <functional>
#include <vector>

#include "cache/codec.hpp"
#include "cache/keys.hpp"
#include "tests/support/cache_fixture.hpp"

BOOST_AUTO_TEST_SUITE(cache_cache_pg_redis)

using namespace bridge;
using bridge::test::code_of;

namespace {

struct fixture : bridge::test::cache_fixture {
  fixture() {
    must(user_put{1, user_role::manager, "en", "Mia"});
    must(user_put{2, user_role::worker, "es", "Juan"});
  }

  caf::expected<user_record> profile(int64_t id) {
    return via_cache<user_record>(user_get{id});
  }
};

/// A database in front of the pool whose subscription reads are asked at
/// once and answered only on `done_atom`; `status_atom` counts those held.
struct held_reads_state {
  std::vector<std::function<void()>> held;
};

caf::behavior held_reads(caf::stateful_actor<held_reads_state>* self,
                         db_actor pool) {
  return {
      [=](sub_get& x) {
        auto rp = self->make_response_promise();
        self->request(pool, caf::infinite, std::move(x))
            .then(
                [=](subscription& s) mutable {
                  self->state.held.push_back(
                      [rp, s]() mutable { rp.deliver(s); });
                },
                [=](caf::error& e) mutable {
                  self->state.held.push_back(
                      [rp, e]() mutable { rp.deliver(e); });
                });
        return rp;
      },
      [=](status_atom) {
        return static_cast<int64_t>(self->state.held.size());
      },
      [=](done_atom) {
        for (auto& f : self->state.held)
          f();
        self->state.held.clear();
      },
  };
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(through_redis, fixture)

BOOST_AUTO_TEST_CASE(profiles_are_read_through_and_then_hit) {
  auto a = profile(1);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->display_name == "Mia");
  auto s1 = status();
  BOOST_TEST(s1.misses == 1);
  BOOST_TEST(s1.hits == 0);
  auto b = profile(1);
  BOOST_TEST(b->display_name == "Mia");
  BOOST_TEST(status().hits == 1);
  auto ttl = redis.command({"TTL", cache::keys::profile(1)});
  BOOST_TEST(ttl.integer > 3500);
  BOOST_TEST(ttl.integer <= 3600);
}

BOOST_AUTO_TEST_CASE(unknown_users_are_cached_as_absent) {
  BOOST_TEST((code_of(profile(404)) == engine_errc::not_found));
  BOOST_TEST((code_of(profile(404)) == engine_errc::not_found));
  BOOST_TEST(status().hits == 1);
  // Registering invalidates the "absent" entry.
  must(user_put{404, user_role::worker, "fr", "New"});
  BOOST_TEST(profile(404)->display_name == "New");
}

BOOST_AUTO_TEST_CASE(every_write_path_invalidates_the_profile) {
  BOOST_TEST(profile(2)->manager_id == 0);
  must(link_worker{2, 1});
  BOOST_TEST(profile(2)->manager_id == 1);
  must(user_put{2, user_role::worker, "pt", "Juan"});
  BOOST_TEST(profile(2)->language == "pt");
  BOOST_TEST(profile(1)->invitation_code.empty());
  auto code = must(user_issue_code{1, false}).invitation_code;
  BOOST_TEST(profile(1)->invitation_code == code);
  must(user_reset{1});
  BOOST_TEST((profile(1)->role == user_role::none));
  BOOST_TEST(profile(2)->manager_id == 0); // the partner's copy too
  must(link_worker{2, 1});
  BOOST_TEST(profile(2)->manager_id == 1);
  must(unlink_worker{2});
  BOOST_TEST(profile(2)->manager_id == 0);
  BOOST_TEST(status().invalidations >= 7);
}

BOOST_AUTO_TEST_CASE(
    subscriptions_are_cached_for_five_minutes_and_invalidated) {
  auto none = via_cache<subscription>(sub_get{1});
  BOOST_TEST((none->status == subscription_status::none));
  BOOST_TEST(redis.command({"TTL", cache::keys::subscription(1)}).integer
             <= 300);
  must(sub_set{1, 4102444800000});
  BOOST_TEST((via_cache<subscription>(sub_get{1})->status
              == subscription_status::active));
  must(sub_clear{1});
  BOOST_TEST((via_cache<subscription>(sub_get{1})->status
              == subscription_status::canceled));
}

BOOST_AUTO_TEST_CASE(a_read_racing_a_write_on_another_instance_is_not_cached) {
  // Another instance's cache, whose database read of the subscription
  // happens at once but is answered only when let go: it reads the row
  // before the write below commits and would store it after the write's
  // instance deleted the key.
  auto gate = sys->spawn(held_reads, pool);
  auto o = options();
  o.db = caf::actor_cast<db_actor>(gate);
  auto other = sys->spawn<caf::detached>(cache::cache_service, o);
  BOOST_REQUIRE(bridge::test::wait_until([&] {
    return bridge::test::ask<cache_status>(*sys, other, status_atom::value)
        ->connected;
  }));
  caf::scoped_actor reader{*sys};
  reader->send(other, sub_get{1});
  BOOST_REQUIRE(bridge::test::wait_until([&] {
    return *bridge::test::ask<int64_t>(*sys, gate, status_atom::value) == 1;
  }));
  must(sub_set{1, 4102444800000}); // this instance deletes the key
  status();                        // after the invalidation the write sent it
  caf::anon_send(gate, done_atom::value);
  reader->receive(
      [](subscription& s) {
        BOOST_TEST((s.status == subscription_status::none)); // read before
      },
      [](caf::error& e) { BOOST_FAIL(describe(e)); });
  // What the other instance read before the write was not stored after it.
  auto cached = redis.command({"GET", cache::keys::subscription(1)});
  BOOST_TEST((cached.type != cache::redis_reply::kind::string), cached.str);
  auto now = via_cache<subscription>(sub_get{1});
  BOOST_REQUIRE(now);
  BOOST_TEST((now->status == subscription_status::active));
  caf::anon_send_exit(other, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(gate, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(a_damaged_entry_is_dropped_and_read_again) {
  redis.command({"SET", cache::keys::profile(1), "u1|3:abc"});
  BOOST_TEST(profile(1)->display_name == "Mia");
  auto stored = redis.command({"GET", cache::keys::profile(1)});
  BOOST_TEST(cache::decode_profile(stored.str).has_value());
}

BOOST_AUTO_TEST_CASE(an_error_reply_falls_back_to_postgresql) {
  // A value of the wrong type: GET answers WRONGTYPE.
  redis.command({"LPUSH", cache::keys::profile(1), "x"});
  auto before = status();
  BOOST_TEST(profile(1)->display_name == "Mia");
  auto after = status();
  BOOST_TEST(after.errors > before.errors);
  BOOST_TEST(after.fallbacks > before.fallbacks);
  BOOST_TEST(after.connected);
}

BOOST_AUTO_TEST_CASE(
    usage_is_granted_by_postgresql_and_refused_early_by_the_mirror) {
  for (int i = 1; i <= 3; ++i) {
    auto c = via_cache<usage_count>(usage_incr{1, 20240105, 3});
    BOOST_TEST(c->granted);
    BOOST_TEST(c->count == i);
  }
  auto refused = via_cache<usage_count>(usage_incr{1, 20240105, 3});
  BOOST_TEST(!refused->granted);
  BOOST_TEST(refused->count == 3);
  BOOST_TEST(status().usage_fast_refusals == 1);
  BOOST_TEST(must(usage_get{1, 20240105}).count == 3);
  BOOST_TEST(via_cache<usage_count>(usage_get{1, 20240105})->count == 3);
  // A higher limit (a new subscription) lets the next one through.
  BOOST_TEST(via_cache<usage_count>(usage_incr{1, 20240105, 10})->count == 4);
}

BOOST_AUTO_TEST_CASE(concurrent_usage_through_the_cache_is_exact) {
  caf::scoped_actor self{*sys};
  for (int i = 0; i < 40; ++i)
    self->send(cache_svc, usage_incr{2, 20240106, 15});
  int granted = 0;
  for (int i = 0; i < 40; ++i)
    self->receive([&](usage_count& c) { granted += c.granted; },
                  [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(granted == 15);
  BOOST_TEST(must(usage_get{2, 20240106}).count == 15);
}

BOOST_AUTO_TEST_CASE(rate_limits_count_per_window) {
  rate_hit h{"updates", 7, 2, 60000};
  BOOST_TEST(via_cache<rate_verdict>(h)->allowed);
  BOOST_TEST(via_cache<rate_verdict>(h)->allowed);
  auto third = via_cache<rate_verdict>(h);
  BOOST_TEST(!third->allowed);
  BOOST_TEST(third->count == 3);
  BOOST_TEST(third->retry_after_ms == 60000 - (clock->load() % 60000));
  // Another subject and another scope count apart.
  BOOST_TEST(
      via_cache<rate_verdict>(rate_hit{"updates", 8, 2, 60000})->allowed);
  BOOST_TEST(via_cache<rate_verdict>(rate_hit{"code", 7, 2, 60000})->allowed);
  *clock += 60000;
  BOOST_TEST(via_cache<rate_verdict>(h)->allowed);
  BOOST_TEST(status().local_rate_decisions == 0);
  for (auto bad : {"", "a:b", "a*", "UPPER", "sp ace", "x\n"})
    BOOST_TEST((code_of(via_cache<rate_verdict>(rate_hit{bad, 1, 1, 1000}))
                == engine_errc::invalid_input));
  BOOST_TEST((code_of(via_cache<rate_verdict>(rate_hit{"ok", 1, 1, 0}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(a_look_at_a_budget_counts_nothing) {
  // The global failure budget of invitation codes: failures spend it,
  // attempts only look (count = false).
  rate_hit look{"code_failures", 0, 2, 60000, false};
  rate_hit spend{"code_failures", 0, 2, 60000, true};
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(via_cache<rate_verdict>(look)->allowed);
  BOOST_TEST(via_cache<rate_verdict>(spend)->count == 1);
  BOOST_TEST(via_cache<rate_verdict>(look)->allowed);
  BOOST_TEST(via_cache<rate_verdict>(spend)->count == 2);
  auto spent = via_cache<rate_verdict>(look);
  BOOST_TEST(!spent->allowed);
  BOOST_TEST(spent->count == 3); // what one more would make
  BOOST_TEST(spent->retry_after_ms == 60000 - (clock->load() % 60000));
  // Looking did not count: the next failure is the third.
  BOOST_TEST(via_cache<rate_verdict>(spend)->count == 3);
  *clock += 60000;
  BOOST_TEST(via_cache<rate_verdict>(look)->allowed);
  BOOST_TEST(status().local_rate_decisions == 0);
}

BOOST_AUTO_TEST_CASE(a_corrupt_counter_is_decided_locally) {
  auto w = cache::fixed_window::at(clock->load(), 60000);
  redis.command(
      {"SET", cache::keys::rate("updates", 9, w.index), "not a number"});
  auto v = via_cache<rate_verdict>(rate_hit{"updates", 9, 5, 60000});
  BOOST_TEST(v->allowed);
  BOOST_TEST(status().local_rate_decisions == 1);
}

BOOST_AUTO_TEST_CASE(the_leader_lock_is_exclusive_and_fenced) {
  auto a = via_cache<lock_grant>(lock_acquire{"retention", "host-a:1", 60000});
  BOOST_TEST(a->held);
  BOOST_TEST(a->token > 0);
  auto b = via_cache<lock_grant>(lock_acquire{"retention", "host-b:1", 60000});
  BOOST_TEST(!b->held);
  BOOST_TEST(via_cache<lock_grant>(
                 lock_renew{"retention", "host-a:1", a->token, 60000})
                 ->held);
  BOOST_TEST(!via_cache<lock_grant>(
                  lock_renew{"retention", "host-b:1", a->token, 60000})
                  ->held);
  // Releasing with the wrong token does nothing.
  via_cache<lock_grant>(lock_release{"retention", "host-a:1", a->token + 1});
  BOOST_TEST(
      !via_cache<lock_grant>(lock_acquire{"retention", "host-b:1", 60000})
           ->held);
  via_cache<lock_grant>(lock_release{"retention", "host-a:1", a->token});
  auto c = via_cache<lock_grant>(lock_acquire{"retention", "host-b:1", 60000});
  BOOST_TEST(c->held);
  BOOST_TEST(c->token > a->token);
  // The database refuses the old leader once the new one has worked.
  BOOST_TEST(must(purge{purge_target::inbox, 1, 10, "retention", c->token}).n
             == 0);
  BOOST_TEST(
      (code_of(run(purge{purge_target::inbox, 1, 10, "retention", a->token}))
       == engine_errc::conflict));
  BOOST_TEST(
      (code_of(via_cache<lock_grant>(lock_acquire{"bad:name", "x", 1000}))
       == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(via_cache<lock_grant>(lock_acquire{"ok", "has space", 1000}))
       == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(fencing_tokens_keep_growing_after_redis_loses_its_data) {
  auto a = via_cache<lock_grant>(lock_acquire{"job", "me", 60000});
  redis.command({"FLUSHALL"});
  auto b = via_cache<lock_grant>(lock_acquire{"job", "me", 60000});
  BOOST_TEST(b->held);
  BOOST_TEST(b->token > a->token);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // cache_cache_pg_redis
