// SPDX-License-Identifier: Apache-2.0
// How long calls wait in the pool: the rules that let write turns start,
// and the deadlines of calls waiting and running.
#include "storage/db_pool.hpp"

#include <algorithm>
#include <string>

#include "common/error.hpp"
#include "storage/dispatch.hpp"

namespace bridge::storage {

namespace {

using std::chrono::duration_cast;
using std::chrono::microseconds;
using std::chrono::milliseconds;

} // namespace

bool write_turn_allowed(const db_pool_options& opts, size_t running,
                        size_t waiting) {
  if (running < opts.batch_turns)
    return true;
  // A full batch gains nothing by waiting: it may take more workers, up
  // to half of them, so the other kinds still find one.
  return waiting >= opts.batch_max
         && running < std::max(opts.batch_turns, opts.pool_size / 2);
}

bool combined_turn_allowed(const db_pool_options& opts, size_t running,
                           size_t waiting, microseconds waited) {
  if (running < opts.batch_turns && waiting < opts.batch_max
      && waited < opts.write_linger)
    return false;
  return write_turn_allowed(opts, running, waiting);
}

void db_pool_state::sweep() {
  sweep_at_ = clock::time_point::max();
  auto now = clock::now();
  for (auto& e : queue_->expire(now)) {
    auto waited = duration_cast<milliseconds>(now - e.enqueued);
    refuse(e.value.promise,
           make_error(engine_errc::deadline_exceeded,
                      std::string{op_table(e.kind).name} + " waited "
                          + std::to_string(waited.count())
                          + " ms for a connection"));
  }
  auto next = queue_->next_deadline().value_or(clock::time_point::max());
  for (auto& [id, t] : turns_) {
    for (size_t k = 0; k < t.calls.size(); ++k) {
      if (t.answered[k])
        continue;
      if (t.calls[k].deadline <= now) {
        t.answered[k] = true;
        refuse(t.calls[k].value.promise,
               make_error(engine_errc::deadline_exceeded,
                          std::string{op_table(t.calls[k].kind).name}
                              + " was still running at its deadline; whether "
                                "it took effect is unknown"));
      } else {
        next = std::min(next, t.calls[k].deadline);
      }
    }
  }
  if (next != clock::time_point::max())
    schedule_sweep(next);
  publish_pressure();
}

void db_pool_state::schedule_sweep(clock::time_point at) {
  if (at >= sweep_at_)
    return;
  sweep_at_ = at;
  auto delay = std::max(clock::duration::zero(), at - clock::now());
  self->delayed_send(self,
                     duration_cast<microseconds>(delay) + microseconds{500},
                     tick_atom::value);
}

void db_pool_state::fail_all(const caf::error& err) {
  for (auto& e : queue_->expire(clock::time_point::max()))
    refuse(e.value.promise, err);
  for (auto& [id, t] : turns_)
    for (size_t k = 0; k < t.calls.size(); ++k)
      if (!t.answered[k]) {
        t.answered[k] = true;
        refuse(t.calls[k].value.promise, err);
      }
  publish_pressure();
}

} // namespace bridge::storage
