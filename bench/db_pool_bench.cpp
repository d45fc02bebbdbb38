// SPDX-License-Identifier: Apache-2.0
// Storage and cache benchmark against the real servers; prints one JSON
// object.
//
//   db_pool_bench [--sizes 1,5,10,20] [--seconds S] [--window W]
//                 [--latency-seconds S] [--cache-seconds S]
//                 [--threads N] [--policy stealing|sharing] [--idle-polls N]
//
// Needs DATABASE_URL and REDIS_URL (`scripts/services.sh start`). Per pool
// size it measures one-row `message_put` requests/s through the pool, then
// the same rows written by as many raw libpqxx connections with full
// batches, twice: with the pool's own statement (the ceiling of the pool)
// and with a plain multi-row INSERT (the ceiling of the server). Then
// p50/p99 latency through the largest pool at half its measured rate, then
// cache reads and rate hits per second. The messages table is emptied
// before every phase, so phases compare.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <spdlog/spdlog.h>

#include "bench/db_bench_drivers.hpp"
#include "bench/db_bench_pool.hpp"
#include "bench/db_bench_support.hpp"
#include "bench/db_raw_ceiling.hpp"
#include "cache/start.hpp"
#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "common/percentile.hpp"
#include "messages/type_ids.hpp"

using namespace bridge;
using namespace bridge::bench;
using namespace std::chrono_literals;

namespace {

// -- the pool at each size ----------------------------------------------------

/// One pool size: rows/s, rows per turn, mean queue wait.
struct pool_figures {
  size_t size = 0;
  double rows_per_second = 0;
  double rows_per_turn = 0;
  double mean_wait_us = 0;
  uint64_t failed = 0;
  std::string first_error;
  long long rows_in_table = 0;
  uint64_t answered = 0;
};

pool_figures pool_phase(caf::actor_system& sys, const bench_options& o,
                        size_t size, const std::shared_ptr<row_source>& rows,
                        admin_link& admin) {
  auto pool = start_pool(sys, o, size);
  auto before = ask<db_pool_status>(sys, pool, status_atom::value);
  auto counts = std::make_shared<tally>();
  std::function<message_put()> make = [rows] {
    return message_put{{rows->next()}};
  };
  sys.spawn(closed_loop<message_put, message_put_result, db_actor>, pool,
            o.window, make, counts);
  pool_figures f;
  f.size = size;
  f.rows_per_second = time_phase(*counts, o);
  auto after = ask<db_pool_status>(sys, pool, status_atom::value);
  auto turns = after.batched_turns - before.batched_turns;
  auto requests = after.requests - before.requests;
  f.rows_per_turn =
      turns > 0 ? static_cast<double>(after.batched_rows - before.batched_rows)
                      / static_cast<double>(turns)
                : 0;
  f.mean_wait_us =
      requests > 0
          ? static_cast<double>(after.wait_us_total - before.wait_us_total)
                / static_cast<double>(requests)
          : 0;
  f.failed = counts->failed;
  f.first_error = counts->first_error;
  f.answered = counts->answered;
  stop_pool(pool, admin);
  f.rows_in_table = admin.scalar("SELECT count(*) FROM messages");
  return f;
}

// -- latency at half load -----------------------------------------------------

struct latency_figures {
  double configured_rate = 0;
  double achieved_rate = 0;
  uint64_t samples = 0;
  int64_t p50_us = 0;
  int64_t p99_us = 0;
  int64_t max_us = 0;
  uint64_t failed = 0;
};

latency_figures latency_phase(caf::actor_system& sys, const bench_options& o,
                              const db_actor& pool,
                              std::shared_ptr<row_source> rows, double rate) {
  auto counts = std::make_shared<tally>();
  auto lat = std::make_shared<std::vector<int64_t>>();
  bench_options timing = o;
  timing.seconds = o.latency_seconds;
  sys.spawn(paced, pool, std::move(rows), rate, o.warmup, counts, lat);
  latency_figures f;
  f.configured_rate = rate;
  f.achieved_rate = time_phase(*counts, timing);
  f.failed = counts->failed;
  f.samples = lat->size();
  if (!lat->empty()) {
    f.p50_us = percentile(*lat, 50);
    f.p99_us = percentile(*lat, 99);
    f.max_us = *std::max_element(lat->begin(), lat->end());
  }
  return f;
}

// -- the cache ----------------------------------------------------------------

/// Closed-loop requests/s of one kind through the cache.
template <class Request, class Reply>
double cache_rate(caf::actor_system& sys, const bench_options& o,
                  const cache_actor& cache, std::function<Request()> make) {
  auto counts = std::make_shared<tally>();
  sys.spawn(closed_loop<Request, Reply, cache_actor>, cache, size_t{64},
            std::move(make), counts);
  bench_options timing = o;
  timing.seconds = o.cache_seconds;
  auto rate = time_phase(*counts, timing);
  if (counts->failed > 0)
    throw std::runtime_error("cache requests failed: " + counts->first_error);
  return rate;
}

/// Profile reads and rate hits per second, and what the cache counted.
struct cache_figures {
  double reads = 0;
  double hits = 0;
  cache_status before;
  cache_status after;
};

/// Starts a cache in front of `pool`, reads every profile once (so the
/// timed reads all hit), times reads and rate hits, and stops it.
cache_figures cache_phase(caf::actor_system& sys, const bench_options& o,
                          const db_actor& pool) {
  cache::cache_options co;
  co.url = o.redis_url;
  co.db = pool;
  auto cache = cache::start_cache(sys, co);
  if (!cache)
    throw std::runtime_error("cache did not start: " + describe(cache.error()));
  auto end = steady::now() + 20s;
  while (!ask<cache_status>(sys, *cache, status_atom::value).connected) {
    if (steady::now() > end)
      throw std::runtime_error("the cache did not connect to Redis");
    std::this_thread::sleep_for(10ms);
  }
  auto users = static_cast<int64_t>(o.conversations);
  for (int64_t i = 0; i < users; ++i)
    ask<user_record>(sys, *cache, user_get{900'100'001 + i});
  cache_figures f;
  f.before = ask<cache_status>(sys, *cache, status_atom::value);
  auto next_user = std::make_shared<int64_t>(0);
  f.reads =
      cache_rate<user_get, user_record>(sys, o, *cache, [next_user, users] {
        return user_get{900'100'001 + (*next_user)++ % users};
      });
  f.hits =
      cache_rate<rate_hit, rate_verdict>(sys, o, *cache, [next_user, users] {
        return rate_hit{"bench", 900'100'001 + (*next_user)++ % users,
                        1'000'000'000, 60000};
      });
  f.after = ask<cache_status>(sys, *cache, status_atom::value);
  caf::anon_send_exit(*cache, caf::exit_reason::user_shutdown);
  return f;
}

// -- the run ------------------------------------------------------------------

/// Every size's pool and raw figures, in the order of `--sizes`.
struct size_figures {
  std::vector<pool_figures> pool;
  std::vector<double> same;
  std::vector<double> plain;
};

/// The pool, then raw with the pool's statement, then raw with a plain
/// INSERT, at each size. They alternate per size, so a change in the
/// machine's load touches every side of a ratio alike.
size_figures measure_sizes(caf::actor_system& sys, const bench_options& o,
                           const std::shared_ptr<row_source>& rows,
                           admin_link& admin) {
  size_figures f;
  for (auto size : o.sizes) {
    admin.fresh_messages();
    f.pool.push_back(pool_phase(sys, o, size, rows, admin));
    admin.fresh_messages();
    f.same.push_back(raw_phase(o, size, *rows, raw_statement::pool));
    admin.fresh_messages();
    f.plain.push_back(raw_phase(o, size, *rows, raw_statement::plain));
  }
  return f;
}

void write_settings(json::writer& w, const bench_options& o) {
  w.field("bench", "db_pool_and_cache")
      .field("batch_max", static_cast<uint64_t>(o.batch))
      .field("window", static_cast<uint64_t>(o.window))
      .field("conversations", static_cast<uint64_t>(o.conversations))
      .field("seconds_per_phase", o.seconds)
      .field("scheduler_policy", o.policy)
      .field("idle_polls", o.idle_polls);
}

/// Each size against its ceilings, then the best of each side and the
/// goal: the pool at 70% of raw.
void write_sizes(json::writer& w, const size_figures& f) {
  double best_pool = 0, best_same = 0, best_plain = 0;
  w.key("sizes").begin_array();
  for (size_t i = 0; i < f.pool.size(); ++i) {
    auto& p = f.pool[i];
    best_pool = std::max(best_pool, p.rows_per_second);
    best_same = std::max(best_same, f.same[i]);
    best_plain = std::max(best_plain, f.plain[i]);
    w.begin_object()
        .field("pool_size", static_cast<uint64_t>(p.size))
        .field("pool_rows_per_second", p.rows_per_second)
        .field("raw_same_statement_rows_per_second", f.same[i])
        .field("raw_plain_insert_rows_per_second", f.plain[i])
        .field("pool_over_raw_same_statement", p.rows_per_second / f.same[i])
        .field("pool_over_raw_plain_insert", p.rows_per_second / f.plain[i])
        .field("rows_per_turn", p.rows_per_turn)
        .field("mean_queue_wait_us", p.mean_wait_us)
        .field("answered", p.answered)
        .field("rows_in_table", static_cast<int64_t>(p.rows_in_table))
        .field("failed", p.failed);
    if (!p.first_error.empty())
      w.field("first_error", p.first_error);
    w.end_object();
  }
  w.end_array()
      .field("best_pool_rows_per_second", best_pool)
      .field("best_raw_same_statement_rows_per_second", best_same)
      .field("best_raw_plain_insert_rows_per_second", best_plain)
      .field("best_pool_over_best_raw_same_statement", best_pool / best_same)
      .field("best_pool_over_best_raw_plain_insert", best_pool / best_plain)
      .field("goal_70_percent_of_same_statement_met",
             best_pool >= 0.7 * best_same)
      .field("goal_70_percent_of_plain_insert_met",
             best_pool >= 0.7 * best_plain);
}

void write_latency(json::writer& w, size_t pool_size,
                   const latency_figures& lat) {
  w.key("latency_at_half_load")
      .begin_object()
      .field("pool_size", static_cast<uint64_t>(pool_size))
      .field("configured_rows_per_second", lat.configured_rate)
      .field("achieved_rows_per_second", lat.achieved_rate)
      .field("samples", lat.samples)
      .field("p50_us", lat.p50_us)
      .field("p99_us", lat.p99_us)
      .field("max_us", lat.max_us)
      .field("failed", lat.failed)
      .end_object();
}

void write_cache(json::writer& w, const cache_figures& c) {
  w.key("cache")
      .begin_object()
      .field("profile_reads_per_second", c.reads)
      .field("rate_hits_per_second", c.hits)
      .field("hits", c.after.hits - c.before.hits)
      .field("misses", c.after.misses - c.before.misses)
      .field("fallbacks", c.after.fallbacks - c.before.fallbacks)
      .field("errors", c.after.errors - c.before.errors)
      .end_object();
}

int run(const bench_options& o) {
  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  cfg.set("scheduler.max-threads", o.threads);
  cfg.set("scheduler.policy", caf::atom_from_string(o.policy));
  if (o.idle_polls >= 0)
    cfg.set("work-stealing.moderate-poll-attempts",
            static_cast<size_t>(o.idle_polls));
  caf::actor_system sys{cfg};
  admin_link admin{o.dsn};
  auto setup = start_pool(sys, o, 2);
  auto rows = open_conversations(sys, setup, o.conversations);
  stop_pool(setup, admin);
  auto started = steady::now();
  json::writer w;
  w.begin_object();
  write_settings(w, o);
  auto sizes = measure_sizes(sys, o, rows, admin);
  write_sizes(w, sizes);
  // Latency at half of the largest pool's measured rate; that pool then
  // serves the cache as well.
  admin.fresh_messages();
  auto largest = o.sizes.back();
  auto big = start_pool(sys, o, largest);
  write_latency(
      w, largest,
      latency_phase(sys, o, big, rows, sizes.pool.back().rows_per_second / 2));
  write_cache(w, cache_phase(sys, o, big));
  stop_pool(big, admin);
  admin.fresh_messages();
  w.field("total_seconds", seconds_since(started)).end_object();
  std::cout << std::move(w).str() << std::endl;
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"pool, raw libpqxx and cache throughput against the real "
               "servers (JSON on stdout)"};
  bench_options o;
  app.add_option("--sizes", o.sizes,
                 "pool sizes, the last one also for latency")
      ->delimiter(',');
  app.add_option("--batch", o.batch,
                 "rows per turn in the pool, per INSERT raw")
      ->check(CLI::Range(size_t{1}, size_t{7000}));
  app.add_option("--window", o.window,
                 "requests kept outstanding against the pool");
  app.add_option("--conversations", o.conversations)
      ->check(CLI::Range(size_t{1}, size_t{10000}));
  app.add_option("--seconds", o.seconds,
                 "measured seconds per throughput phase");
  app.add_option("--warmup", o.warmup, "seconds before measuring, each phase");
  app.add_option("--latency-seconds", o.latency_seconds);
  app.add_option("--cache-seconds", o.cache_seconds);
  app.add_option("--threads", o.threads, "scheduler threads");
  app.add_option("--policy", o.policy, "scheduler policy")
      ->check(CLI::IsMember({"stealing", "sharing"}));
  app.add_option("--idle-polls", o.idle_polls,
                 "work stealing: polls before an idle thread sleeps");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  auto env = [](const char* name) {
    auto v = std::getenv(name);
    return std::string{v != nullptr ? v : ""};
  };
  o.dsn = env("DATABASE_URL");
  o.redis_url = env("REDIS_URL");
  if (o.dsn.empty() || o.redis_url.empty() || o.sizes.empty()) {
    std::cerr << "db_pool_bench: needs DATABASE_URL, REDIS_URL and at least "
                 "one size\n";
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::cerr << "db_pool_bench: " << e.what() << '\n';
    return 1;
  }
}
