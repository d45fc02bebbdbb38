// SPDX-License-Identifier: Apache-2.0
#pragma once

// The actors that load the pool and the cache: a closed loop that keeps a
// window of requests outstanding, and an open loop that paces one-row
// inserts and records the latency of each.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <caf/stateful_actor.hpp>

#include "bench/db_bench_support.hpp"
#include "messages/type_ids.hpp"

namespace bridge::bench {

/// A closed loop: `window` requests outstanding until `counts->stop`.
template <class Request, class Reply, class Handle> struct loop_state {
  static inline const char* name = "bench_loop";
  Handle dst;
  std::function<Request()> make;
  std::shared_ptr<tally> counts;
  uint64_t outstanding = 0;
};

template <class Request, class Reply, class Handle>
using loop_actor = caf::stateful_actor<loop_state<Request, Reply, Handle>>;

template <class Request, class Reply, class Handle>
void send_next(loop_actor<Request, Reply, Handle>* self) {
  auto& st = self->state;
  if (st.counts->stop) {
    if (st.outstanding == 0) {
      st.counts->drained.set_value();
      self->quit();
    }
    return;
  }
  ++st.outstanding;
  self->request(st.dst, caf::infinite, st.make())
      .then(
          [self](Reply&) {
            --self->state.outstanding;
            ++self->state.counts->answered;
            send_next(self);
          },
          [self](caf::error& e) {
            --self->state.outstanding;
            self->state.counts->fail(e);
            send_next(self);
          });
}

template <class Request, class Reply, class Handle>
caf::behavior closed_loop(loop_actor<Request, Reply, Handle>* self, Handle dst,
                          size_t window, std::function<Request()> make,
                          std::shared_ptr<tally> counts) {
  self->state.dst = dst;
  self->state.make = std::move(make);
  self->state.counts = std::move(counts);
  for (size_t i = 0; i < window; ++i)
    send_next(self);
  // Replies arrive through the handlers set by `then`.
  return {[](stop_atom) {}};
}

/// An open loop: one-row inserts at `rate` per second, latency of each
/// sent after the warm-up.
struct paced_state {
  static inline const char* name = "bench_paced";
  db_actor pool;
  std::shared_ptr<row_source> rows;
  std::shared_ptr<tally> counts;
  double rate = 0;
  steady::time_point t0;
  steady::time_point measure_from;
  uint64_t sent = 0;
  uint64_t outstanding = 0;
  /// Filled by the actor, read once `drained` is set.
  std::shared_ptr<std::vector<int64_t>> latencies_us;
};

inline caf::behavior paced(caf::stateful_actor<paced_state>* self,
                           db_actor pool, std::shared_ptr<row_source> rows,
                           double rate, double warmup,
                           std::shared_ptr<tally> counts,
                           std::shared_ptr<std::vector<int64_t>> latencies_us) {
  auto& st = self->state;
  st.pool = std::move(pool);
  st.rows = std::move(rows);
  st.counts = std::move(counts);
  st.latencies_us = std::move(latencies_us);
  st.rate = rate;
  st.t0 = steady::now();
  st.measure_from =
      st.t0 + std::chrono::duration_cast<steady::duration>(secs(warmup));
  auto finish_if_done = [self] {
    auto& s = self->state;
    if (s.counts->stop && s.outstanding == 0) {
      s.counts->drained.set_value();
      self->quit();
    }
  };
  self->send(self, tick_atom::value);
  return {
      [self, finish_if_done](tick_atom) {
        auto& s = self->state;
        if (s.counts->stop) {
          finish_if_done();
          return;
        }
        auto now = steady::now();
        // Catch up to the schedule, so timer jitter does not lower the rate.
        auto due = static_cast<uint64_t>(
            s.rate * std::chrono::duration<double>(now - s.t0).count());
        for (; s.sent < due; ++s.sent) {
          ++s.outstanding;
          bool measured = now >= s.measure_from;
          self->request(s.pool, caf::infinite, message_put{{s.rows->next()}})
              .then(
                  [self, now, measured, finish_if_done](message_put_result&) {
                    auto& x = self->state;
                    --x.outstanding;
                    ++x.counts->answered;
                    if (measured)
                      x.latencies_us->push_back(
                          std::chrono::duration_cast<std::chrono::microseconds>(
                              steady::now() - now)
                              .count());
                    finish_if_done();
                  },
                  [self, finish_if_done](caf::error& e) {
                    --self->state.outstanding;
                    self->state.counts->fail(e);
                    finish_if_done();
                  });
        }
        self->delayed_send(self, std::chrono::milliseconds{1},
                           tick_atom::value);
      },
  };
}

} // namespace bridge::bench
