// SPDX-License-Identifier: Apache-2.0
#pragma once

// A pool on a scratch database, a suite-owned Redis, and the cache in
// front of both, with a clock the suite sets.

#include <atomic>

#include "cache/start.hpp"
#include "tests/support/pool_fixture.hpp"
#include "tests/support/redis_server.hpp"

namespace bridge::test {

struct cache_fixture : pool_fixture {
  redis_server redis;
  cache_actor cache_svc;
  std::shared_ptr<std::atomic<int64_t>> clock =
      std::make_shared<std::atomic<int64_t>>(1'700'000'000'000);

  explicit cache_fixture(size_t max_pending = 100000) : pool_fixture(2) {
    auto opts = options(max_pending);
    auto started = cache::start_cache(*sys, opts);
    if (!started)
      throw std::runtime_error("cache did not start: "
                               + describe(started.error()));
    cache_svc = *started;
    if (!wait_until([&] { return status().connected; }))
      throw std::runtime_error("cache did not connect to its Redis");
  }

  /// The suite's cache options: its Redis, its pool, its clock.
  cache::cache_options options(size_t max_pending = 100000) {
    cache::cache_options opts;
    opts.url = redis.url();
    opts.db = pool;
    opts.command_timeout = std::chrono::milliseconds{250};
    opts.reconnect_base = std::chrono::milliseconds{20};
    opts.reconnect_max = std::chrono::milliseconds{100};
    opts.max_pending_invalidations = max_pending;
    auto c = clock;
    opts.now_ms = [c] { return c->load(); };
    return opts;
  }

  ~cache_fixture() {
    caf::anon_send_exit(cache_svc, caf::exit_reason::user_shutdown);
    cache_svc = nullptr;
  }

  cache_status status() {
    auto s = ask<cache_status>(*sys, cache_svc, status_atom::value);
    if (!s)
      throw std::runtime_error("no cache status: " + describe(s.error()));
    return *s;
  }

  /// Asks the cache and waits.
  template <class Result, class Msg> caf::expected<Result> via_cache(Msg msg) {
    return ask<Result>(*sys, cache_svc, std::move(msg));
  }
};

} // namespace bridge::test
