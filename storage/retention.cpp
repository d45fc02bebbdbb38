// SPDX-License-Identifier: Apache-2.0
#include "storage/retention.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge::storage {

namespace {

constexpr const char* lock_name = "retention";
constexpr int64_t day_ms = 86400000;

} // namespace

// -- retention_round
// ------------------------------------------------------------

std::optional<purge> retention_round::next() const {
  if (target_ >= order_.size() || budget_ <= 0)
    return std::nullopt;
  purge p;
  p.target = order_[target_];
  p.cutoff_ms = cutoff_ms_;
  p.limit = batch_;
  return p;
}

void retention_round::deleted(int64_t n) {
  if (target_ >= order_.size())
    return;
  totals_[static_cast<size_t>(order_[target_])] += n;
  --budget_;
  // A short batch means nothing old is left in this table.
  if (n < batch_)
    ++target_;
}

// -- the actor
// ------------------------------------------------------------------

retention_actor::behavior_type
retention_state::make_behavior(retention_options opts) {
  opts_ = std::move(opts);
  schedule();
  return {
      [this](tick_atom) {
        if (!counters_.running)
          start_round();
      },
      [this](status_atom) { return counters_; },
  };
}

void retention_state::start_round() {
  counters_.running = true;
  self->request(opts_.cache, std::chrono::seconds{10},
                lock_acquire{lock_name, opts_.owner, opts_.lock_ttl.count()})
      .then(
          [this](lock_grant& g) {
            if (!g.held) {
              ++counters_.skipped;
              counters_.running = false;
              spdlog::debug("retention: another instance leads this round");
              schedule();
              return;
            }
            ++counters_.runs;
            auto cutoff = now_ms() - opts_.message_days * day_ms;
            auto round = std::make_shared<retention_round>(
                cutoff, opts_.batch_size, opts_.max_batches);
            step(std::move(round), g.token);
          },
          [this](caf::error& err) {
            ++counters_.skipped;
            counters_.running = false;
            spdlog::warn("retention: skipping a round: {}", describe(err));
            schedule();
          });
}

void retention_state::step(std::shared_ptr<retention_round> round,
                           int64_t token) {
  auto next = round->next();
  if (!next) {
    spdlog::info("retention: deleted {} messages, {} inbox and {} outbox rows",
                 round->total(purge_target::messages),
                 round->total(purge_target::inbox),
                 round->total(purge_target::outbox));
    end_round(token);
    return;
  }
  next->fence_name = lock_name;
  next->fence_token = token;
  // Renew first: a batch runs only while this instance still leads.
  self->request(
          opts_.cache, std::chrono::seconds{10},
          lock_renew{lock_name, opts_.owner, token, opts_.lock_ttl.count()})
      .then(
          [this, round, token, p = *next](lock_grant& g) {
            if (!g.held) {
              spdlog::warn(
                  "retention: lost the leader lock; stopping this round");
              end_round(0);
              return;
            }
            self->request(opts_.db, caf::infinite, p)
                .then(
                    [this, round, token, target = p.target](db_count& n) {
                      round->deleted(n.n);
                      auto& total = target == purge_target::messages
                                        ? counters_.deleted_messages
                                    : target == purge_target::inbox
                                        ? counters_.deleted_inbox
                                        : counters_.deleted_outbox;
                      total += n.n;
                      step(round, token);
                    },
                    [this, token](caf::error& err) {
                      ++counters_.errors;
                      spdlog::warn("retention: a delete failed ({}); the rest "
                                   "waits for the "
                                   "next round",
                                   describe(err));
                      end_round(token);
                    });
          },
          [this](caf::error& err) {
            ++counters_.errors;
            spdlog::warn("retention: cannot renew the leader lock: {}",
                         describe(err));
            end_round(0);
          });
}

void retention_state::end_round(int64_t token) {
  // The lock also expires by itself; releasing just lets the next round
  // (here or elsewhere) start sooner.
  if (token != 0)
    self->request(opts_.cache, std::chrono::seconds{10},
                  lock_release{lock_name, opts_.owner, token})
        .then([](lock_grant&) {}, [](caf::error&) {});
  counters_.running = false;
  schedule();
}

void retention_state::schedule() {
  if (opts_.timer)
    self->delayed_send(self, opts_.interval, tick_atom::value);
}

int64_t retention_state::now_ms() const {
  if (opts_.now_ms)
    return opts_.now_ms();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

retention_actor::behavior_type
retention(retention_actor::stateful_pointer<retention_state> self,
          retention_options opts) {
  return self->state.make_behavior(std::move(opts));
}

retention_options retention_options_from(const bridge_config& cfg, db_actor db,
                                         cache_actor cache, std::string owner) {
  retention_options o;
  o.db = std::move(db);
  o.cache = std::move(cache);
  o.message_days = cfg.retention.message_days;
  o.batch_size = cfg.retention.batch_size;
  o.interval = cfg.retention.interval;
  o.owner = std::move(owner);
  return o;
}

} // namespace bridge::storage
