// SPDX-License-Identifier: Apache-2.0
#include "storage/pg_session.hpp"

#include <atomic>
#include <cstring>

#include <pqxx/pqxx>

#include "storage/dsn.hpp"

namespace bridge::storage {

std::string first_line(std::string_view text) {
  auto end = text.find('\n');
  auto line = text.substr(0, end);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
    line.remove_suffix(1);
  return std::string{line};
}

void rethrow_as_failure(bool committing) {
  try {
    throw;
  } catch (const db_failure&) {
    throw;
  } catch (const pqxx::in_doubt_error& e) {
    throw db_failure{failure_kind::in_doubt, first_line(e.what())};
  } catch (const pqxx::broken_connection& e) {
    throw db_failure{committing ? failure_kind::in_doubt
                                : failure_kind::connection_lost,
                     first_line(e.what())};
  } catch (const pqxx::statement_completion_unknown& e) {
    throw db_failure{failure_kind::in_doubt, first_line(e.what())};
  } catch (const pqxx::transaction_rollback& e) {
    throw db_failure{failure_kind::rollback, first_line(e.what())};
  } catch (const pqxx::sql_error& e) {
    throw db_failure{classify_sqlstate(e.sqlstate()), first_line(e.what()),
                     e.sqlstate()};
  } catch (const std::exception& e) {
    throw db_failure{failure_kind::other, first_line(e.what())};
  }
}

namespace {

/// Whether a session of this process has prepared every statement.
std::atomic<bool> statements_checked{false};

} // namespace

struct pg_session::impl {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<pqxx::work> txn;
  /// Statements sent with their text at every call (`planned_each_time`).
  std::vector<sql_def> unprepared;

  const char* text_of_unprepared(const char* name) const {
    for (auto& def : unprepared)
      if (std::strcmp(def.name, name) == 0)
        return def.text;
    return nullptr;
  }
};

pg_session::pg_session(const pg_options& opts)
    : impl_(std::make_unique<impl>()) {
  auto& conn_ = impl_->conn;
  auto dsn = add_dsn_param(opts.dsn, "connect_timeout",
                           std::to_string(opts.connect_timeout.count()));
  dsn = add_dsn_param(dsn, "application_name", opts.application_name);
  try {
    conn_ = std::make_unique<pqxx::connection>(dsn);
    // The worker decides when to reconnect (with backoff); libpqxx must
    // not silently open a new connection behind the pool's count, without
    // our session settings. libpqxx 6 marks the switch deprecated (7 drops
    // reactivation altogether) but it is the only way to turn it off here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    conn_->inhibit_reactivation(true);
#pragma GCC diagnostic pop
    pqxx::nontransaction setup{*conn_};
    setup.exec("SET statement_timeout = "
               + std::to_string(opts.statement_timeout.count()));
    setup.exec("SET idle_in_transaction_session_timeout = "
               + std::to_string(opts.idle_in_transaction_timeout.count()));
    setup.commit();
    // Every statement is registered here and prepared by libpqxx at its
    // first use on this connection. The process's first session prepares
    // them all at once, so a statement the schema breaks fails the
    // engine's start, not its first message. Preparing every statement on
    // every connection cost the server some 30 ms of CPU a connection,
    // most of it for statements that connection never ran: half a
    // second of the server's CPU for a pool of 19 at each start or
    // reconnection.
    // Those planned each time are sent with their text.
    const bool check = !statements_checked.load(std::memory_order_acquire);
    for (auto& def : all_statements()) {
      conn_->prepare(def.name, def.text);
      if (check)
        conn_->prepare_now(def.name);
      if (def.planned_each_time)
        impl_->unprepared.push_back(def);
    }
    statements_checked.store(true, std::memory_order_release);
  } catch (...) {
    if (conn_ && !conn_->is_open())
      conn_.reset();
    try {
      rethrow_as_failure(false);
    } catch (const db_failure& f) {
      // A failed connect never names the DSN; libpq's message names host
      // and user at most, never the password.
      throw db_failure{conn_ ? f.kind() : failure_kind::connection_lost,
                       "cannot open a PostgreSQL session: "
                           + std::string{f.what()},
                       f.sqlstate()};
    }
  }
}

pg_session::~pg_session() {
  rollback();
}

rows pg_session::run(const statement& st) {
  auto& conn_ = impl_->conn;
  auto& txn_ = impl_->txn;
  try {
    auto params = pqxx::prepare::make_dynamic_params(st.params);
    const char* text = impl_->text_of_unprepared(st.name);
    auto exec = [&](pqxx::transaction_base& tx) {
      return text != nullptr ? tx.exec_params(text, params)
                             : tx.exec_prepared(st.name, params);
    };
    pqxx::result res;
    if (txn_) {
      res = exec(*txn_);
    } else {
      pqxx::nontransaction once{*conn_};
      res = exec(once);
      once.commit();
    }
    rows out;
    out.reserve(res.size());
    for (const auto& r : res) {
      row cells;
      cells.reserve(r.size());
      for (const auto& f : r) {
        if (f.is_null())
          cells.emplace_back(std::nullopt);
        else
          cells.emplace_back(std::string{f.c_str(), f.size()});
      }
      out.push_back(std::move(cells));
    }
    return out;
  } catch (...) {
    rethrow_as_failure(false);
  }
}

void pg_session::begin() {
  rollback();
  auto& conn_ = impl_->conn;
  auto& txn_ = impl_->txn;
  try {
    txn_ = std::make_unique<pqxx::work>(*conn_);
  } catch (...) {
    rethrow_as_failure(false);
  }
}

void pg_session::commit() {
  auto& txn_ = impl_->txn;
  if (!txn_)
    return;
  try {
    txn_->commit();
    txn_.reset();
  } catch (...) {
    txn_.reset();
    rethrow_as_failure(true);
  }
}

void pg_session::rollback() noexcept {
  auto& txn_ = impl_->txn;
  if (!txn_)
    return;
  try {
    txn_->abort();
  } catch (...) {
    // The connection is gone or the transaction already failed; either
    // way nothing of it commits.
  }
  txn_.reset();
}

bool pg_session::is_open() const {
  return impl_->conn && impl_->conn->is_open();
}

int pg_session::backend_pid() const {
  return impl_->conn ? impl_->conn->backendpid() : 0;
}

} // namespace bridge::storage
