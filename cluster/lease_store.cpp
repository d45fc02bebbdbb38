// SPDX-License-Identifier: Apache-2.0
#include "cluster/lease_store.hpp"

#include <charconv>
#include <thread>

#include <pqxx/pqxx>
#include <spdlog/spdlog.h>

#include "cluster/lease_sql.hpp"
#include "common/error.hpp"
#include "storage/dsn.hpp"
#include "storage/pg_session.hpp"

namespace bridge::cluster {

namespace {

constexpr const char* notify_channel = "bridge_partitions";

/// Collects the partition numbers notified on the channel.
class partition_listener final : public pqxx::notification_receiver {
public:
  partition_listener(pqxx::connection_base& c, std::vector<int32_t>& heard)
      : pqxx::notification_receiver(c, notify_channel), heard_(heard) {}

  void operator()(const std::string& payload, int) override {
    int32_t p = 0;
    auto end = payload.data() + payload.size();
    auto [ptr, ec] = std::from_chars(payload.data(), end, p);
    if (ec == std::errc{} && ptr == end && p >= intake_partition)
      heard_.push_back(p);
  }

private:
  std::vector<int32_t>& heard_;
};

/// `{1,2,3}`: an integer[] in PostgreSQL's text form.
std::string int_array(const std::vector<int32_t>& parts) {
  std::string out = "{";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0)
      out += ',';
    out += std::to_string(parts[i]);
  }
  return out + "}";
}

lease_record lease_of(const pqxx::row& r) {
  lease_record l;
  l.partition = r[0].as<int32_t>();
  l.owner = r[1].as<std::string>();
  l.epoch = r[2].as<int64_t>();
  l.acquired_ms = r[3].as<int64_t>();
  l.expires_ms = r[4].as<int64_t>();
  return l;
}

std::vector<lease_record> leases_of(const pqxx::result& res) {
  std::vector<lease_record> out;
  out.reserve(res.size());
  for (const auto& r : res)
    out.push_back(lease_of(r));
  return out;
}

int64_t ms_of(std::chrono::milliseconds d) {
  return d.count();
}

} // namespace

struct lease_store::impl {
  std::unique_ptr<pqxx::connection> conn;
  /// Destroyed before `conn`, which it refers to.
  std::unique_ptr<partition_listener> listener;
  std::vector<int32_t> heard;
};

lease_store::lease_store(lease_store_options opts)
    : opts_(std::move(opts)), impl_(std::make_unique<impl>()),
      retry_(backoff_policy{opts_.reconnect_base, opts_.reconnect_max}) {}

lease_store::~lease_store() {
  impl_->listener.reset();
  impl_->conn.reset();
}

bool lease_store::is_open() const {
  return impl_->conn && impl_->conn->is_open();
}

void lease_store::drop() {
  impl_->listener.reset();
  impl_->conn.reset();
  // A connection that worked and died (pg_terminate_backend, a restart)
  // says nothing about the next one: waiting out a backoff first would
  // only fail the keeper's next round. One that never served a call
  // might be a server that takes connections and drops them.
  next_attempt_ns_ = opts_.clock.steady_ns();
  if (!served_)
    next_attempt_ns_ += std::chrono::nanoseconds{retry_.failed(rng_)}.count();
  served_ = false;
}

caf::error lease_store::ensure_open() {
  if (is_open())
    return {};
  if (impl_->conn)
    drop();
  auto now = opts_.clock.steady_ns();
  if (now < next_attempt_ns_)
    return make_error(engine_errc::db_unavailable,
                      "cluster: no database connection; next attempt in "
                          + std::to_string((next_attempt_ns_ - now) / 1'000'000)
                          + " ms");
  auto dsn =
      storage::add_dsn_param(opts_.dsn, "connect_timeout",
                             std::to_string(opts_.connect_timeout.count()));
  dsn = storage::add_dsn_param(dsn, "application_name", opts_.application_name);
  try {
    auto conn = std::make_unique<pqxx::connection>(dsn);
    // The store decides when to reconnect (with backoff, listening again);
    // libpqxx must not reopen silently without the session's settings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    conn->inhibit_reactivation(true);
#pragma GCC diagnostic pop
    pqxx::nontransaction setup{*conn};
    setup.exec("SET statement_timeout = "
               + std::to_string(opts_.statement_timeout.count()));
    setup.exec("SET lock_timeout = "
               + std::to_string(opts_.lock_timeout.count()));
    setup.commit();
    for (const auto& def : sql::all) {
      conn->prepare(def.name, def.text);
      conn->prepare_now(def.name);
    }
    impl_->conn = std::move(conn);
    if (listening_)
      impl_->listener =
          std::make_unique<partition_listener>(*impl_->conn, impl_->heard);
  } catch (const std::exception& e) {
    impl_->listener.reset();
    impl_->conn.reset();
    auto wait = retry_.failed(rng_);
    next_attempt_ns_ = now + std::chrono::nanoseconds{wait}.count();
    // libpq's message names host and user at most, never the password.
    return make_error(engine_errc::db_unavailable,
                      "cluster: cannot open a PostgreSQL connection: "
                          + storage::first_line(e.what()) + "; next attempt in "
                          + std::to_string(wait.count()) + " ms");
  }
  if (ever_open_) {
    ++reconnects_;
    spdlog::info("cluster: lease store connection reopened (attempt {})",
                 retry_.failures() + 1);
  }
  ever_open_ = true;
  retry_.succeeded();
  return {};
}

template <class F> caf::error lease_store::guarded(const char* what, F&& fn) {
  if (auto err = ensure_open())
    return err;
  try {
    fn(*impl_->conn);
    served_ = true;
    return {};
  } catch (const pqxx::broken_connection& e) {
    drop();
    return make_error(engine_errc::db_unavailable,
                      std::string{"cluster: "} + what + ": connection lost: "
                          + storage::first_line(e.what()));
  } catch (const pqxx::in_doubt_error& e) {
    drop();
    return make_error(engine_errc::db_unavailable,
                      std::string{"cluster: "} + what + ": outcome unknown: "
                          + storage::first_line(e.what()));
  } catch (const std::exception& e) {
    if (!is_open())
      drop();
    return make_error(engine_errc::db_error,
                      std::string{"cluster: "} + what + ": "
                          + storage::first_line(e.what()));
  }
}

caf::error lease_store::prepare(int32_t partitions) {
  int32_t stored = 0;
  auto err = guarded("preparing the partitions", [&](pqxx::connection& c) {
    pqxx::work tx{c};
    // Once per start, and not in a hurry: engines starting together wait
    // for each other's lease rows, and placing the rows of a long backlog
    // may take a while; a round's tight timeouts do not apply.
    tx.exec("SET LOCAL statement_timeout = '5min'");
    tx.exec("SET LOCAL lock_timeout = '5min'");
    tx.exec_prepared("cluster_settings_put", partitions);
    stored = tx.exec_prepared1("cluster_settings_get")[0].as<int32_t>();
    if (stored != partitions)
      return; // rolled back: nothing placed by the wrong count
    tx.exec_prepared("cluster_leases_create", partitions);
    tx.exec_prepared("cluster_place_inbox");
    tx.exec_prepared("cluster_place_outbox");
    tx.commit();
  });
  if (err)
    return err;
  if (stored != partitions)
    return make_error(engine_errc::invalid_input,
                      "cluster.partitions is " + std::to_string(partitions)
                          + ", but this database was set up with "
                          + std::to_string(stored)
                          + " partitions; it cannot change (rows are placed by "
                            "it)");
  return {};
}

caf::error lease_store::heartbeat(const std::string& me,
                                  const std::string& address) {
  return guarded("heartbeat", [&](pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    tx.exec_prepared("cluster_heartbeat", me, address);
  });
}

caf::expected<lease_snapshot> lease_store::read(std::chrono::milliseconds ttl) {
  lease_snapshot out;
  auto err = guarded("reading the leases", [&](pqxx::connection& c) {
    // One transaction: now() is its start, the same for every comparison.
    pqxx::work tx{c};
    out.now_ms = tx.exec_prepared1("cluster_now_ms")[0].as<int64_t>();
    for (const auto& r : tx.exec_prepared("cluster_members_live", ms_of(ttl))) {
      member_record m;
      m.instance_id = r[0].as<std::string>();
      m.address = r[1].as<std::string>();
      m.started_ms = r[2].as<int64_t>();
      m.heartbeat_ms = r[3].as<int64_t>();
      out.members.push_back(std::move(m));
    }
    out.leases = leases_of(tx.exec_prepared("cluster_leases_all"));
    tx.commit();
  });
  if (err)
    return err;
  return out;
}

caf::expected<std::vector<lease_record>>
lease_store::acquire(const std::string& me, const std::vector<int32_t>& parts,
                     std::chrono::milliseconds ttl) {
  std::vector<lease_record> out;
  if (parts.empty())
    return out;
  auto err = guarded("acquiring leases", [&](pqxx::connection& c) {
    pqxx::work tx{c};
    out = leases_of(
        tx.exec_prepared("cluster_acquire", me, int_array(parts), ms_of(ttl)));
    tx.commit();
  });
  if (err)
    return err;
  return out;
}

caf::expected<std::vector<lease_record>>
lease_store::renew(const std::string& me, const std::vector<int32_t>& parts,
                   std::chrono::milliseconds ttl) {
  std::vector<lease_record> out;
  if (parts.empty())
    return out;
  auto err = guarded("renewing leases", [&](pqxx::connection& c) {
    pqxx::work tx{c};
    out = leases_of(
        tx.exec_prepared("cluster_renew", me, int_array(parts), ms_of(ttl)));
    tx.commit();
  });
  if (err)
    return err;
  return out;
}

caf::expected<std::vector<lease_record>>
lease_store::release(const std::string& me, const std::vector<int32_t>& parts) {
  std::vector<lease_record> out;
  if (parts.empty())
    return out;
  auto err = guarded("releasing leases", [&](pqxx::connection& c) {
    pqxx::work tx{c};
    out = leases_of(tx.exec_prepared("cluster_release", me, int_array(parts)));
    tx.commit();
  });
  if (err)
    return err;
  return out;
}

caf::error lease_store::leave(const std::string& me) {
  return guarded("leaving the cluster", [&](pqxx::connection& c) {
    pqxx::work tx{c};
    tx.exec_prepared("cluster_release_all", me);
    tx.exec_prepared("cluster_member_delete", me);
    tx.commit();
  });
}

caf::error lease_store::listen() {
  listening_ = true;
  return guarded("listening", [&](pqxx::connection& c) {
    if (!impl_->listener)
      impl_->listener = std::make_unique<partition_listener>(c, impl_->heard);
  });
}

caf::expected<std::vector<int32_t>>
lease_store::wait(std::chrono::milliseconds timeout) {
  impl_->heard.clear();
  if (!is_open() && opts_.clock.steady_ns() < next_attempt_ns_) {
    // Down and backing off: the wait still lasts its time, so a caller's
    // loop keeps its pace instead of spinning on the error.
    std::this_thread::sleep_for(timeout);
    return make_error(engine_errc::db_unavailable,
                      "cluster: no database connection");
  }
  auto err = guarded("waiting for notifications", [&](pqxx::connection& c) {
    auto us = std::chrono::microseconds{timeout}.count();
    c.await_notification(static_cast<long>(us / 1'000'000),
                         static_cast<long>(us % 1'000'000));
  });
  if (err)
    return err;
  return std::move(impl_->heard);
}

} // namespace bridge::cluster
