// SPDX-License-Identifier: Apache-2.0
#include "storage/db_worker.hpp"

#include <spdlog/spdlog.h>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "common/thread_name.hpp"
#include "messages/type_ids.hpp"

namespace bridge::storage {

db_worker_state::~db_worker_state() {
  close();
}

db_worker_actor::behavior_type
db_worker_state::make_behavior(db_worker_options opts) {
  opts_ = std::move(opts);
  retry_ = std::make_unique<retry_state>(
      backoff_policy{opts_.reconnect_base, opts_.reconnect_max});
  return {
      [this](db_turn& turn) -> db_turn_result { return run(turn); },
      [this](connect_atom) -> caf::result<int64_t> {
        if (session_)
          return backend_pid_;
        auto rp = self->make_response_promise<int64_t>();
        waiting_.push_back(rp);
        if (!retry_scheduled_)
          try_connect();
        return rp;
      },
      [this](retry_atom) {
        retry_scheduled_ = false;
        try_connect();
      },
  };
}

db_turn_result db_worker_state::run(db_turn& turn) {
  db_turn_result out;
  if (!session_ || (turn.ops.empty() && turn.op >= op_count)) {
    auto err = make_error(
        session_ ? engine_errc::db_error : engine_errc::db_unavailable,
        session_ ? "unknown request type" : "the worker has no connection");
    for (size_t i = 0; i < turn.calls.size(); ++i)
      out.replies.push_back(caf::make_message(err));
    out.link = session_ ? link_state::up : link_state::lost_uncommitted;
    return out;
  }
  op_context ctx{*session_, rng_, opts_.batch_max};
  out = run_any(*session_, ctx, turn, system_steady_ns());
  if (out.link != link_state::up || !session_->is_open()) {
    spdlog::warn("db: connection to server process {} lost; reconnecting",
                 backend_pid_);
    if (out.link == link_state::up)
      out.link = link_state::lost_in_doubt;
    close();
  }
  return out;
}

void db_worker_state::try_connect() {
  if (session_) {
    for (auto& rp : waiting_)
      rp.deliver(backend_pid_);
    waiting_.clear();
    return;
  }
  try {
    session_ = std::make_unique<pg_session>(opts_.pg);
    ++opts_.counters->connections_open;
    retry_->succeeded();
    backend_pid_ = session_->backend_pid();
    for (auto& rp : waiting_)
      rp.deliver(backend_pid_);
    waiting_.clear();
  } catch (const db_failure& f) {
    ++opts_.counters->connect_failures;
    auto wait = retry_->failed(rng_);
    // Only the first failure of a streak is a warning; the rest repeat it.
    if (retry_->failures() == 1)
      spdlog::warn("db: {}; retrying with backoff", f.what());
    else
      spdlog::debug("db: {}; retry {} in {} ms", f.what(), retry_->failures(),
                    wait.count());
    retry_scheduled_ = true;
    self->delayed_send(self, wait, retry_atom::value);
  }
}

void db_worker_state::close() {
  if (!session_)
    return;
  session_.reset();
  if (opts_.counters)
    --opts_.counters->connections_open;
}

db_worker_actor::behavior_type db_worker(db_worker_impl self,
                                         db_worker_options opts) {
  name_detached_thread(self, "bridge.db");
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::storage
