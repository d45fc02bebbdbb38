// SPDX-License-Identifier: Apache-2.0
#pragma once

// A migrated scratch database with a running pool in front of it.

#include <stdexcept>

#include "storage/start.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/pg_scratch.hpp"

namespace bridge::test {

struct pool_fixture : system_fixture {
  pg_scratch db;
  db_actor pool;

  explicit pool_fixture(size_t pool_size = 4) {
    auto opts = options();
    opts.pool_size = pool_size;
    start(opts);
  }

  /// Options for a pool on the scratch database.
  storage::db_pool_options options() const {
    storage::db_pool_options opts;
    opts.pg.dsn = db.dsn();
    opts.pg.application_name = "bridge-test";
    opts.request_timeout = std::chrono::seconds{20};
    opts.batch_max = 100;
    return opts;
  }

  void start(const storage::db_pool_options& opts) {
    auto p = storage::start_db_pool(*sys, opts);
    if (!p)
      throw std::runtime_error("pool did not start: " + describe(p.error()));
    pool = *p;
  }

  ~pool_fixture() {
    // Workers must be gone before the scratch database is dropped.
    caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
    pool = nullptr;
    sys->await_all_actors_done();
  }

  /// Asks the pool and waits.
  template <class Op> caf::expected<typename Op::result> run(Op op) {
    return ask_op(*sys, pool, std::move(op));
  }

  /// Asks the pool, fails the test on an error.
  template <class Op> typename Op::result must(Op op) {
    auto r = run(std::move(op));
    if (!r)
      throw std::runtime_error(std::string{caf::type_name<Op>::value}
                               + " failed: " + describe(r.error()));
    return std::move(*r);
  }
};

/// The engine error code of a failed answer.
template <class T> engine_errc code_of(const caf::expected<T>& x) {
  return x ? engine_errc::none : engine_code(x.error());
}

} // namespace bridge::test

namespace bridge::test {

/// The pool's counters.
inline db_pool_status pool_status(caf::actor_system& sys,
                                  const db_actor& pool) {
  auto s = ask<db_pool_status>(sys, pool, status_atom::value);
  if (!s)
    throw std::runtime_error("no pool status: " + describe(s.error()));
  return *s;
}

/// Holds a table lock in an open transaction until released, so pool
/// requests touching the table wait inside PostgreSQL.
class table_lock {
public:
  table_lock(const std::string& dsn, const std::string& table)
      : conn_(dsn), tx_(std::make_unique<pqxx::work>(conn_)) {
    tx_->exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
  }

  void release() {
    if (tx_) {
      tx_->commit();
      tx_.reset();
    }
  }

  ~table_lock() {
    if (tx_)
      tx_->abort();
  }

private:
  pqxx::connection conn_;
  std::unique_ptr<pqxx::work> tx_;
};

} // namespace bridge::test
