// SPDX-License-Identifier: Apache-2.0
#pragma once

// The pool as the storage benchmark drives it: asking and waiting,
// starting a pool and seeing its connections up, stopping it and seeing
// them closed, and the benchmark's own connection beside it.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>
#include <pqxx/pqxx>

#include "bench/db_bench_support.hpp"
#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/start.hpp"

namespace bridge::bench {

/// Asks and waits; an error ends the benchmark.
template <class Reply, class Handle, class Msg>
Reply ask(caf::actor_system& sys, const Handle& dst, Msg msg) {
  caf::scoped_actor self{sys};
  std::optional<Reply> out;
  caf::error failure;
  self->request(dst, std::chrono::seconds{30}, std::move(msg))
      .receive([&](Reply& r) { out = std::move(r); },
               [&](caf::error& e) { failure = std::move(e); });
  if (!out)
    throw std::runtime_error("request failed: " + describe(failure));
  return std::move(*out);
}

/// The benchmark's own connection: emptying tables, checking counts.
class admin_link {
public:
  explicit admin_link(const std::string& dsn) : conn_(dsn) {}

  /// The one value `sql` selects.
  long long scalar(const std::string& sql) {
    pqxx::nontransaction tx{conn_};
    return tx.exec1(sql)[0].as<long long>();
  }

  /// Empty table, clean buffers: every phase starts alike.
  void fresh_messages() {
    pqxx::nontransaction tx{conn_};
    tx.exec("TRUNCATE messages");
    tx.exec("CHECKPOINT");
  }

  /// Waits until the pool's connections are closed.
  void await_pool_gone() {
    auto end = steady::now() + std::chrono::seconds{20};
    while (scalar(std::string{"SELECT count(*) FROM pg_stat_activity WHERE "
                              "application_name = '"}
                  + pool_app + "'")
           > 0) {
      if (steady::now() > end)
        throw std::runtime_error("the pool's connections stayed open");
      std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
  }

private:
  pqxx::connection conn_;
};

/// Starts a pool of `size` and waits until every connection is up.
inline db_actor start_pool(caf::actor_system& sys, const bench_options& o,
                           size_t size) {
  storage::db_pool_options opts;
  opts.pg.dsn = o.dsn;
  opts.pg.application_name = pool_app;
  opts.pool_size = size;
  opts.pool_min = size;
  opts.batch_max = o.batch;
  opts.queue_limit = std::max(opts.queue_limit, o.window * 2);
  auto pool = storage::start_db_pool(sys, opts);
  if (!pool)
    throw std::runtime_error("pool did not start: " + describe(pool.error()));
  auto end = steady::now() + std::chrono::seconds{20};
  while (ask<db_pool_status>(sys, *pool, status_atom::value).connections_open
         < static_cast<int64_t>(size)) {
    if (steady::now() > end)
      throw std::runtime_error("the pool did not connect");
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
  return *pool;
}

/// Stops `pool` and waits until its connections are closed.
inline void stop_pool(db_actor& pool, admin_link& admin) {
  caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
  pool = nullptr;
  admin.await_pool_gone();
}

/// Users and their conversations, through the pool (idempotent).
inline std::shared_ptr<row_source>
open_conversations(caf::actor_system& sys, const db_actor& pool, size_t n) {
  auto rows = std::make_shared<row_source>();
  constexpr int64_t manager = 900'000'001, first_worker = 900'100'001;
  ask<user_record>(
      sys, pool, user_put{manager, user_role::manager, "en", "bench manager"});
  for (size_t i = 0; i < n; ++i) {
    auto worker = first_worker + static_cast<int64_t>(i);
    ask<user_record>(sys, pool,
                     user_put{worker, user_role::worker, "es", "bench worker"});
    rows->conversations.push_back(
        ask<conversation_record>(sys, pool, conversation_open{manager, worker})
            .id);
  }
  rows->sender = manager;
  return rows;
}

} // namespace bridge::bench
