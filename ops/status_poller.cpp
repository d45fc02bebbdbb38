// SPDX-License-Identifier: Apache-2.0
#include "ops/status_poller.hpp"

#include <algorithm>

#include "messages/type_ids.hpp"
#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::ops {

namespace {

/// Adds what a monotonic total grew by since `last` (a restart of the
/// source would make it shrink: then nothing is added).
void advance(prometheus::Counter& c, int64_t now, int64_t& last) {
  if (now > last)
    c.Increment(static_cast<double>(now - last));
  last = now;
}

void advance(prometheus::Counter& c, uint64_t now, uint64_t& last) {
  if (now > last)
    c.Increment(static_cast<double>(now - last));
  last = now;
}

} // namespace

caf::behavior status_poller_state::make_behavior(poller_options opts) {
  opts_ = std::move(opts);
  self->send(self, tick_atom::value);
  return {
      [this](tick_atom) {
        poll();
        self->delayed_send(self, opts_.interval, tick_atom::value);
      },
  };
}

void status_poller_state::poll() {
  auto wait = opts_.interval;
  if (opts_.rates) {
    using namespace std::chrono;
    auto now =
        duration_cast<milliseconds>(steady_clock::now().time_since_epoch());
    opts_.rates->record(now.count(),
                        telemetry::metrics().updates_message.Value(),
                        telemetry::metrics().messages_relayed.Value());
  }
  self->request(opts_.db, wait, status_atom::value)
      .then([this](const db_pool_status& s) { on_db(s); },
            [](const caf::error&) {
              telemetry::engine_health().database = false;
            });
  self->request(opts_.cache, wait, status_atom::value)
      .then(
          [this](const cache_status& s) { on_cache(s); },
          [](const caf::error&) { telemetry::engine_health().cache = false; });
  self->request(opts_.translator, wait, status_atom::value)
      .then([this](const translator_status& s) { on_translator(s); },
            [](const caf::error&) {});
  if (ticks_++ % std::max(opts_.backlog_every, 1) == 0)
    self->request(opts_.db, wait, backlog_get{})
        .then([this](const backlog_counts& b) { on_backlog(b); },
              [](const caf::error&) {});
}

void status_poller_state::on_backlog(const backlog_counts& b) {
  telemetry::metrics().inbox_backlog.Set(static_cast<double>(b.inbox));
  telemetry::metrics().outbox_backlog.Set(static_cast<double>(b.outbox));
  telemetry::metrics().inbox_parked.Set(static_cast<double>(b.parked));
}

void status_poller_state::on_db(const db_pool_status& s) {
  auto& m = telemetry::metrics();
  telemetry::engine_health().database = s.connections_open > 0;
  auto idle = s.connections_open > s.in_use ? s.connections_open - s.in_use : 0;
  m.db_connections_idle.Set(static_cast<double>(idle));
  m.db_connections_busy.Set(static_cast<double>(s.in_use));
  m.db_requests_waiting.Set(static_cast<double>(s.queue_depth));
  advance(m.db_errors, s.errors + s.expired, db_last_.errors);
  advance(m.db_rejected, s.rejected_full + s.rejected_invalid,
          db_last_.rejected_full);
}

void status_poller_state::on_cache(const cache_status& s) {
  auto& m = telemetry::metrics();
  telemetry::engine_health().cache = !s.enabled || s.connected;
  advance(m.cache_hits, s.hits, cache_last_.hits);
  advance(m.cache_misses, s.misses, cache_last_.misses);
  advance(m.cache_fallbacks, s.fallbacks, cache_last_.fallbacks);
  advance(m.memo_hits, s.memo_hits, cache_last_.memo_hits);
  advance(m.memo_misses, s.memo_misses, cache_last_.memo_misses);
  m.memo_entries.Set(static_cast<double>(s.memo_size));
  m.memo_open.Set(s.memo_open ? 1 : 0);
}

void status_poller_state::on_translator(const translator_status& s) {
  auto& m = telemetry::metrics();
  m.translator_queue_depth.Set(static_cast<double>(s.queue_depth));
  m.translator_in_flight.Set(static_cast<double>(s.in_flight));
  m.set_breaker_state(s.breaker);
  advance(m.translator_retries, s.retries, tr_last_.retries);
  advance(m.translator_rate_limited, s.rate_limited, tr_last_.rate_limited);
  advance(m.translations_ok, s.translated + s.passed_through,
          tr_last_.translated);
  advance(m.translations_failed, s.failed, tr_last_.failed);
}

caf::behavior status_poller(caf::stateful_actor<status_poller_state>* self,
                            poller_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::ops
