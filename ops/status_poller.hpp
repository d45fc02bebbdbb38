// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <memory>

#include <caf/stateful_actor.hpp>

#include "messages/cache.hpp"
#include "messages/storage.hpp"
#include "messages/translator.hpp"
#include "ops/dashboard_figures.hpp"

namespace bridge::ops {

/// What the poller reads.
struct poller_options {
  db_actor db;
  cache_actor cache;
  translator_actor translator;
  std::chrono::milliseconds interval{1000};
  /// The backlog counts scan indexes: every this many intervals. Between
  /// vacuums those partial indexes hold an entry for every row finished
  /// since (2,000 a second at 2,000 messages/s), and each count walks and
  /// marks them; every 5 s that was a visible stall in the engine's reply
  /// times (p99 past 100 ms in the seconds it ran), so the gauge is a
  /// slower one.
  int backlog_every = 30;
  /// Where the per-minute message rates are kept (may be null).
  std::shared_ptr<live_rates> rates;
};

/// Reads the status of the pool, the cache and the translator once per
/// interval and turns it into gauges, counters and the /readyz flags.
/// The rooms keep plain counters of their own (cheap, and tests assert
/// them); this actor is the one place that maps them onto Prometheus.
struct status_poller_state {
  static inline const char* name = "status_poller";

  explicit status_poller_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(poller_options opts);

private:
  void poll();
  void on_db(const db_pool_status& s);
  void on_cache(const cache_status& s);
  void on_translator(const translator_status& s);
  void on_backlog(const backlog_counts& b);

  caf::event_based_actor* self;
  poller_options opts_;
  /// Last totals seen, so counters move by the difference.
  db_pool_status db_last_;
  cache_status cache_last_;
  translator_status tr_last_;
  int ticks_ = 0;
};

caf::behavior status_poller(caf::stateful_actor<status_poller_state>* self,
                            poller_options opts);

} // namespace bridge::ops
