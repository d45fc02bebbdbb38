// SPDX-License-Identifier: Apache-2.0
#include "storage/start.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "storage/dsn.hpp"
#include "storage/migrations.hpp"

namespace bridge::storage {

db_pool_options db_pool_options_from(const bridge_config& cfg) {
  db_pool_options o;
  o.pg.dsn = cfg.secrets.database_url;
  o.pg.statement_timeout = cfg.db.request_timeout;
  // An engine frozen mid-transaction (SIGSTOP, a VM paused) holds its
  // partitions' lease rows until the server ends that transaction: no
  // longer than its leases would have lasted.
  o.pg.idle_in_transaction_timeout = cfg.cluster.lease_ttl;
  o.pg.connect_timeout = connect_timeout_for(cfg.db.request_timeout);
  // One connection of the engine's budget is the lease keeper's (its
  // leases and the partitions' wake-ups); the pool has the rest.
  o.pool_size = static_cast<size_t>(std::max<int64_t>(1, cfg.db.pool_size - 1));
  o.pool_min = static_cast<size_t>(cfg.db.pool_min);
  o.queue_limit = static_cast<size_t>(cfg.db.queue_limit);
  o.request_timeout = cfg.db.request_timeout;
  o.batch_max = static_cast<size_t>(cfg.db.batch_max);
  o.batch_turns = static_cast<size_t>(cfg.db.batch_turns);
  o.combine_writes = cfg.db.combine_writes;
  o.write_linger = cfg.db.write_linger;
  o.reconnect_max = cfg.db.reconnect_backoff_max;
  o.reconnect_base = std::min(o.reconnect_base, o.reconnect_max);
  return o;
}

caf::expected<db_actor> start_db_pool(caf::actor_system& sys,
                                      const db_pool_options& opts) {
  if (opts.pg.dsn.empty())
    return make_error(engine_errc::invalid_input,
                      "DATABASE_URL is not set; the engine needs PostgreSQL");
  auto target = redact_dsn(opts.pg.dsn);
  auto applied = apply_migrations(opts.pg.dsn);
  if (!applied)
    return make_error(engine_code(applied.error()),
                      "database " + target + ": " + describe(applied.error()));
  if (applied->empty())
    spdlog::info("db: schema of {} is current", target);
  else
    spdlog::info("db: applied {} migration(s) to {}, now at version {}",
                 applied->size(), target, applied->back());
  auto pool = sys.spawn(db_pool, opts);
  spdlog::info("db: pool of {} connections to {}, queue bound {}, batches of "
               "up to {} rows",
               opts.pool_size, target, opts.queue_limit, opts.batch_max);
  return pool;
}

caf::expected<db_actor> start_db_pool(caf::actor_system& sys,
                                      const bridge_config& cfg) {
  return start_db_pool(sys, db_pool_options_from(cfg));
}

} // namespace bridge::storage
