// SPDX-License-Identifier: Apache-2.0
#include "cluster/keeper.hpp"

#include <algorithm>
#include <set>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/thread_name.hpp"
#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::cluster {

namespace {

using std::chrono::milliseconds;

/// "partition 7", or "the intake role" for -1: how logs name a lease.
std::string lease_name(int32_t p) {
  return p == intake_partition ? std::string{"the intake role"}
                               : "partition " + std::to_string(p);
}

std::string joined(const std::vector<int32_t>& parts) {
  std::string out;
  for (auto p : parts) {
    if (!out.empty())
      out += ',';
    out += std::to_string(p);
  }
  return out.empty() ? "-" : out;
}

/// The store's timeouts for a keeper renewing every ttl / 4: a takeover
/// may wait behind writes in flight for half a ttl, no statement longer.
lease_store_options store_options(const keeper_options& k) {
  lease_store_options so;
  so.dsn = k.dsn;
  so.application_name = "bridge-keeper";
  so.lock_timeout = std::max(k.ttl / 2, milliseconds{100});
  so.statement_timeout = std::max(k.ttl, milliseconds{1000});
  so.connect_timeout = std::chrono::seconds{std::max<int64_t>(
      2, std::chrono::duration_cast<std::chrono::seconds>(k.ttl).count())};
  so.clock = k.clock;
  return so;
}

} // namespace

caf::behavior keeper_state::make_behavior(keeper_options opts) {
  opts_ = std::move(opts);
  store_ = std::make_unique<lease_store>(store_options(opts_));
  self->send(self, poll_atom::value);
  return {
      [this](poll_atom) {
        if (step())
          self->send(self, poll_atom::value);
      },
      [this](view_atom) { return view(); },
      [this](stop_atom) {
        auto rp = self->make_response_promise<bool>();
        bool clean = round(true);
        if (clean) {
          if (auto err = store_->leave(opts_.instance_id)) {
            failed(err);
            clean = false;
          }
        }
        spdlog::info("cluster: {} left the cluster{}", opts_.instance_id,
                     clean ? "" : "; some leases are left to expire");
        held_.clear();
        publish_gauges();
        rp.deliver(clean);
        self->quit();
        return rp;
      },
  };
}

bool keeper_state::step() {
  auto interval = std::chrono::nanoseconds{opts_.ttl / 4}.count();
  auto now = opts_.clock.steady_ns();
  if (now >= next_round_ns_) {
    next_round_ns_ = now + interval;
    round(false);
    if (fatal_)
      return false;
    now = opts_.clock.steady_ns();
  }
  auto left =
      milliseconds{std::max<int64_t>(1, (next_round_ns_ - now) / 1'000'000)};
  auto heard = store_->wait(std::min(left, opts_.listen_slice));
  if (heard && opts_.subscriber) {
    for (auto p : *heard)
      if (held_.count(p) != 0)
        caf::anon_send(opts_.subscriber, partition_nudge{p});
  }
  return true;
}

bool keeper_state::prepared() {
  if (prepared_)
    return true;
  if (auto err = store_->prepare(opts_.partitions)) {
    if (engine_code(err) == engine_errc::invalid_input) {
      spdlog::error("cluster: {}", describe(err));
      fatal_ = true;
      self->quit(err);
    } else {
      failed(err);
    }
    return false;
  }
  prepared_ = true;
  if (auto err = store_->listen())
    failed(err);
  return true;
}

void keeper_state::tell_members(uint32_t n) {
  n = std::max<uint32_t>(n, 1); // this engine lives, whatever the read says
  if (n == members_told_)
    return;
  if (members_told_ != 0)
    spdlog::info("cluster: {} engine(s) share the bot now (were {})", n,
                 members_told_);
  members_told_ = n;
  for (const auto& w : opts_.member_watchers)
    caf::anon_send(w, cluster_members{n});
}

bool keeper_state::round(bool leaving) {
  taken_.clear();
  given_.clear();
  lost_.clear();
  if (!prepared())
    return false;
  if (!leaving) {
    if (auto err = store_->heartbeat(opts_.instance_id, opts_.address)) {
      failed(err);
      return false;
    }
  }
  auto snap = store_->read(opts_.ttl);
  if (!snap) {
    failed(snap.error());
    return false;
  }
  if (failures_ > 0) {
    spdlog::info("cluster: the lease store answers again after {} failed "
                 "rounds",
                 failures_);
    failures_ = 0;
  }
  last_ = std::move(*snap);
  tell_members(leaving ? 1 : static_cast<uint32_t>(last_.members.size()));
  lease_inputs in;
  in.me = opts_.instance_id;
  in.now_ms = last_.now_ms;
  in.partitions = opts_.partitions;
  for (const auto& m : last_.members)
    in.members.push_back(m.instance_id);
  in.leases = last_.leases;
  in.held = held_;
  in.wants_intake = opts_.wants_intake;
  in.leaving = leaving;
  bool clean = act(plan_leases(in));
  if (!taken_.empty() || !given_.empty()) {
    ++rebalances_;
    telemetry::metrics().cluster_rebalances.Increment();
  }
  if (!taken_.empty() || !given_.empty() || !lost_.empty()) {
    spdlog::info("cluster: {} took [{}], handed over [{}], lost [{}]; owns {} "
                 "partitions{}",
                 opts_.instance_id, joined(taken_), joined(given_),
                 joined(lost_), held_.size() - held_.count(intake_partition),
                 held_.count(intake_partition) != 0 ? " and the intake role"
                                                    : "");
    // The view shows the rows as they are after the changes.
    if (auto again = store_->read(opts_.ttl))
      last_ = std::move(*again);
  }
  publish_gauges();
  return clean;
}

bool keeper_state::act(const lease_actions& plan) {
  for (const auto& l : plan.lost)
    lose(l);
  renew(plan.renew);
  acquire(plan.acquire);
  return hand_over(plan.release);
}

void keeper_state::renew(const std::vector<int32_t>& parts) {
  auto done = store_->renew(opts_.instance_id, parts, opts_.ttl);
  if (!done) {
    // Not known to be lost: the next read decides.
    failed(done.error());
    return;
  }
  std::set<int32_t> renewed;
  for (const auto& l : *done)
    renewed.insert(l.partition);
  for (auto p : parts) {
    auto i = held_.find(p);
    if (renewed.count(p) == 0 && i != held_.end())
      lose({p, i->second});
  }
}

void keeper_state::acquire(const std::vector<int32_t>& parts) {
  auto got = store_->acquire(opts_.instance_id, parts, opts_.ttl);
  if (!got) {
    failed(got.error());
    return;
  }
  for (const auto& l : *got) {
    held_[l.partition] = l.epoch;
    taken_.push_back(l.partition);
    spdlog::debug("cluster: {} acquired {} at epoch {}", opts_.instance_id,
                  lease_name(l.partition), l.epoch);
    if (opts_.subscriber)
      caf::anon_send(opts_.subscriber, partition_owned{l.partition, l.epoch});
  }
}

bool keeper_state::hand_over(const std::vector<lease_ref>& leases) {
  if (leases.empty())
    return true;
  std::vector<int32_t> ready;
  bool clean = true;
  caf::scoped_actor blocking{self->system()};
  auto ask = [&](const lease_ref& l) {
    return blocking->request(opts_.subscriber, opts_.ttl / 2,
                             partition_lost{l.partition, l.epoch, true});
  };
  std::vector<std::pair<lease_ref, decltype(ask(lease_ref{}))>> asks;
  for (const auto& l : leases) {
    // Only what the subscriber was told it owns runs here; a row from an
    // earlier life of this id is freed without asking.
    if (held_.count(l.partition) == 0 || !opts_.subscriber)
      ready.push_back(l.partition);
    else
      asks.emplace_back(l, ask(l)); // all asked at once, one deadline
  }
  for (auto& [l, handle] : asks) {
    bool stopped = false;
    std::string why = "it still runs";
    handle.receive([&](bool ok) { stopped = ok; },
                   [&](caf::error& err) { why = describe(err); });
    if (!stopped)
      spdlog::warn("cluster: {} kept {}: the engine did not confirm it "
                   "stopped it ({}); the lease is left to expire",
                   opts_.instance_id, lease_name(l.partition), why);
    if (stopped) {
      // Nothing of it runs here any more, whatever the release does.
      held_.erase(l.partition);
      ready.push_back(l.partition);
    } else {
      clean = false;
    }
  }
  std::sort(ready.begin(), ready.end());
  auto freed = store_->release(opts_.instance_id, ready);
  if (!freed) {
    failed(freed.error());
    return false;
  }
  for (const auto& l : *freed) {
    held_.erase(l.partition);
    given_.push_back(l.partition);
    spdlog::debug("cluster: {} released {}; its epoch is now {}",
                  opts_.instance_id, lease_name(l.partition), l.epoch);
  }
  return clean;
}

void keeper_state::lose(const lease_ref& lease) {
  held_.erase(lease.partition);
  ++leases_lost_;
  telemetry::metrics().cluster_leases_lost.Increment();
  lost_.push_back(lease.partition);
  std::string now = "no row";
  for (const auto& l : last_.leases)
    if (l.partition == lease.partition)
      now = "owner '" + l.owner + "' at epoch " + std::to_string(l.epoch)
            + (l.expires_ms <= last_.now_ms ? ", expired" : "");
  spdlog::info("cluster: {} lost {} held at epoch {}; the lease shows {}",
               opts_.instance_id, lease_name(lease.partition), lease.epoch,
               now);
  if (opts_.subscriber)
    caf::anon_send(opts_.subscriber,
                   partition_lost{lease.partition, lease.epoch, false});
}

void keeper_state::failed(const caf::error& err) {
  if (++failures_ == 1)
    spdlog::warn("cluster: {}; trying again at the next round", describe(err));
  else
    spdlog::debug("cluster: {} (failure {} in a row)", describe(err),
                  failures_);
}

void keeper_state::publish_gauges() {
  auto intake = held_.count(intake_partition);
  telemetry::metrics().cluster_partitions_owned.Set(
      static_cast<double>(held_.size() - intake));
  telemetry::metrics().cluster_intake_leader.Set(static_cast<double>(intake));
}

cluster_view keeper_state::view() const {
  cluster_view v;
  v.self = opts_.instance_id;
  v.partitions = opts_.partitions;
  v.lease_ttl_ms = opts_.ttl.count();
  v.now_ms = last_.now_ms;
  v.members = last_.members;
  v.leases = last_.leases;
  v.rebalances = rebalances_;
  v.leases_lost = leases_lost_;
  // Refused writes are counted where they are made (storage).
  v.fenced_writes = 0;
  return v;
}

caf::behavior keeper(keeper_actor* self, keeper_options opts) {
  name_detached_thread(self, "bridge.keeper");
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::cluster
