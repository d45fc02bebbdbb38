// SPDX-License-Identifier: Apache-2.0
#include "actors/partition_router.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/clock.hpp"
#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// Updates read per page when a partition is resumed or nudged.
constexpr int64_t read_page = 500;

/// Inbox reads at once, over all partitions.
constexpr int max_reads = 2;

/// A read that failed (the database away or its queue full) is tried
/// again this much later.
constexpr auto read_retry = std::chrono::milliseconds{500};

/// Notes a partition remembers having handed on (they are rare: a join, a
/// leave, an operator's reset).
constexpr size_t notes_remembered = 256;

} // namespace

caf::behavior router_state::make_behavior(router_options opts) {
  opts_ = std::move(opts);
  slots_.resize(static_cast<size_t>(opts_.owned->partitions()));
  // At shutdown every registry goes with the router (and their actors
  // with them).
  self->set_exit_handler([this](caf::exit_msg& em) {
    for (auto& s : slots_)
      if (s.registry)
        self->send_exit(s.registry, em.reason);
    self->quit(std::move(em.reason));
  });
  return {
      [this](tg_update& u) {
        if (u.kind == update_kind::pre_checkout_query) {
          if (opts_.stars)
            self->send(opts_.stars, std::move(u));
          return;
        }
        if (u.partition < 0) {
          spdlog::warn("router: update {} has no partition; left to the sweep",
                       u.update_id);
          return;
        }
        auto* s = live(u.partition);
        if (s != nullptr && !s->resumed) {
          // Older updates of the partition may not be handed on yet: this
          // one is read after them.
          read_inbox(u.partition, s->handed);
          return;
        }
        hand_on(u.partition, std::move(u));
      },
      [this](const partition_owned& o) {
        if (o.partition == intake_partition) {
          intake_epoch_ = o.epoch;
          opts_.owned->set_intake(true);
          spdlog::info("router: this engine holds the intake role (epoch {})",
                       o.epoch);
          return;
        }
        own(o.partition, o.epoch);
      },
      [this](const partition_lost& l) -> caf::result<bool> {
        if (l.partition == intake_partition) {
          if (l.epoch >= intake_epoch_) {
            opts_.owned->set_intake(false);
            spdlog::info("router: the intake role (epoch {}) {}", l.epoch,
                         l.handed_over ? "handed over" : "lost");
          }
          return true;
        }
        auto* s = live(l.partition);
        if (s == nullptr || s->epoch > l.epoch)
          return true; // nothing of that lease runs here
        lose(l.partition, l.handed_over);
        // The sender drops what it queued for the partition before the
        // lease is handed over.
        auto rp = self->make_response_promise<bool>();
        self->request(opts_.sender, std::chrono::seconds{5}, l)
            .then([rp](bool ok) mutable { rp.deliver(ok); },
                  [rp](const caf::error&) mutable { rp.deliver(false); });
        return rp;
      },
      [this](session_note& n) {
        // From the sweep: a note left unfinished past the sweep's age,
        // handed on again like an update (its session's replies keep their
        // keys, so a second handling sends nothing twice).
        auto* s = live(n.partition);
        if (s == nullptr)
          return; // another engine owns it, and its sweep finds it
        if (!s->resumed) {
          read_inbox(n.partition, s->handed);
          return;
        }
        hand_note(*s, std::move(n));
      },
      [this](const partition_nudge& n) {
        auto* s = live(n.partition);
        if (s != nullptr)
          read_inbox(n.partition, s->handed, true);
      },
      [this](drain_atom) -> caf::result<bool> {
        // Every registry's sessions give back what they hold.
        std::vector<caf::actor> regs;
        for (auto& s : slots_)
          if (s.registry)
            regs.push_back(s.registry);
        if (regs.empty())
          return true;
        auto rp = self->make_response_promise<bool>();
        auto left = std::make_shared<size_t>(regs.size());
        auto all_ok = std::make_shared<bool>(true);
        for (auto& r : regs)
          self->request(r, std::chrono::seconds{10}, drain_atom::value)
              .then(
                  [rp, left, all_ok](bool ok) mutable {
                    *all_ok = *all_ok && ok;
                    if (--*left == 0)
                      rp.deliver(*all_ok);
                  },
                  [rp, left, all_ok](const caf::error&) mutable {
                    *all_ok = false;
                    if (--*left == 0)
                      rp.deliver(false);
                  });
        return rp;
      },
  };
}

router_state::slot* router_state::live(int32_t p) {
  if (p < 0 || static_cast<size_t>(p) >= slots_.size())
    return nullptr;
  auto& s = slots_[static_cast<size_t>(p)];
  return s.registry ? &s : nullptr;
}

void router_state::own(int32_t p, int64_t epoch) {
  if (p < 0 || static_cast<size_t>(p) >= slots_.size())
    return;
  auto& s = slots_[static_cast<size_t>(p)];
  if (s.registry && s.epoch == epoch)
    return;
  if (s.registry)
    lose(p, false); // an older lease of ours: its actors go first
  s.registry = opts_.make_registry(self, fence_token{p, epoch});
  s.epoch = epoch;
  s.handed = 0;
  opts_.owned->set(p, epoch);
  // The sender resumes the partition's unsent rows; this resumes its
  // unfinished updates. Both before anything new: a takeover is a resume.
  self->send(opts_.sender, partition_owned{p, epoch});
  read_inbox(p, 0);
}

void router_state::lose(int32_t p, bool handed_over) {
  auto& s = slots_[static_cast<size_t>(p)];
  opts_.owned->set(p, 0);
  if (s.registry)
    self->send_exit(s.registry, caf::exit_reason::user_shutdown);
  // The keeper logs each round's changes on one line; this is the detail.
  spdlog::debug("router: partition {} (epoch {}) {}; its actors stop here", p,
                s.epoch, handed_over ? "handed over" : "lost");
  s = slot{};
}

void router_state::read_inbox(int32_t p, int64_t after, bool nudged) {
  auto& s = slots_[static_cast<size_t>(p)];
  if (s.reading) {
    s.read_again = true;
    return;
  }
  if (s.waiting) {
    s.wait_after = std::min(s.wait_after, after);
    s.wait_nudged = s.wait_nudged || nudged;
    return;
  }
  if (reads_running_ >= max_reads) {
    s.waiting = true;
    s.wait_after = after;
    s.wait_nudged = nudged;
    waiting_.push_back(p);
    return;
  }
  ++reads_running_;
  s.reading = true;
  auto epoch = s.epoch;
  inbox_pending ask{after, read_page, 0, 0, {p}};
  self->request(opts_.db, caf::infinite, std::move(ask))
      .then(
          [this, p, epoch, after, nudged](inbox_page& page) {
            read_done();
            auto* s = live(p);
            if (s == nullptr || s->epoch != epoch)
              return; // lost meanwhile: the next owner reads it
            s->reading = false;
            int64_t last = s->handed;
            std::vector<int64_t> unreadable;
            bool rehomed = false;
            for (auto& row : page.rows) {
              last = std::max(last, row.update_id);
              if (is_note_id(row.update_id)) {
                if (std::find(s->notes_out.begin(), s->notes_out.end(),
                              row.update_id)
                    != s->notes_out.end())
                  continue; // handed on by an earlier read, not finished yet
                if (auto note =
                        telegram::decode_note(row.payload, row.update_id)) {
                  note->partition = p;
                  hand_note(*s, std::move(*note));
                } else
                  unreadable.push_back(row.update_id);
                // The change it tells of moved a chat here, with its
                // unfinished updates, whose ids may be below those read.
                rehomed = rehomed || after > 0;
                continue;
              }
              auto batch = telegram::decode_update(row.payload);
              if (batch.updates.empty()) {
                count_left_out(batch, *opts_.intake, "inbox");
                unreadable.push_back(row.update_id);
                continue;
              }
              auto u = std::move(batch.updates.front());
              u.partition = p;
              // Read from the inbox, not handed over by this engine's intake:
              // another engine took it in, or an earlier owner left it.
              if (row.received_at_ms > 0)
                telemetry::metrics().cluster_handoff_seconds.Observe(
                    static_cast<double>(system_wall_ms() - row.received_at_ms)
                    / 1000.0);
              hand_on(p, std::move(u));
            }
            if (!unreadable.empty()) {
              // Counted once and finished, so no resume or sweep meets them
              // again.
              spdlog::error("router: {} inbox row(s) of partition {} could not "
                            "be replayed; refused and marked done",
                            unreadable.size(), p);
              self->request(opts_.db, caf::infinite,
                            inbox_done{std::move(unreadable), 0,
                                       fence_token{p, epoch}})
                  .then([](const db_count&) {},
                        [p](const caf::error& err) {
                          spdlog::warn("router: cannot finish partition {}'s "
                                       "unreadable rows: {}",
                                       p, describe(err));
                        });
            }
            // Woken, yet nothing new above what was handed on: rows moved
            // here from another partition (a chat joined or left a team), with
            // ids below those read. Read from the start for them.
            rehomed = rehomed || (nudged && after > 0 && page.rows.empty());
            bool full = static_cast<int64_t>(page.rows.size()) == read_page;
            // Resumed once a read ends with nothing left to read: an update
            // taken in while this read ran may be missing from it (stored
            // after the read's snapshot), so it is read next, and until then
            // later updates are not handed on ahead of it.
            if (!full && !s->read_again && !rehomed)
              s->resumed = true;
            if (full || s->read_again || rehomed) {
              s->read_again = false;
              // What sessions hold already they drop, so reading from the
              // start again costs reads, never a second handling.
              read_inbox(p, rehomed ? 0 : full ? last : s->handed);
            }
          },
          [this, p, epoch](const caf::error& err) {
            read_done();
            auto* s = live(p);
            if (s == nullptr || s->epoch != epoch)
              return;
            s->reading = false;
            // Tried again shortly (a nudge reads on from what was handed on);
            // the sweep finds anything it still misses.
            spdlog::warn("router: cannot read partition {}'s inbox: {}; again "
                         "in {} ms",
                         p, describe(err), read_retry.count());
            self->delayed_send(self, read_retry, partition_nudge{p});
          });
}

void router_state::read_done() {
  --reads_running_;
  while (reads_running_ < max_reads && !waiting_.empty()) {
    auto p = waiting_.front();
    waiting_.pop_front();
    auto* s = live(p);
    if (s == nullptr || !s->waiting)
      continue; // lost meanwhile
    s->waiting = false;
    read_inbox(p, s->wait_after, s->wait_nudged);
  }
}

void router_state::hand_note(slot& s, session_note n) {
  if (opts_.intake->draining)
    return; // stays in the inbox for the partition's next owner
  if (std::find(s.notes_out.begin(), s.notes_out.end(), n.update_id)
      == s.notes_out.end()) {
    if (s.notes_out.size() >= notes_remembered)
      s.notes_out.pop_front();
    s.notes_out.push_back(n.update_id);
  }
  self->send(s.registry, std::move(n));
}

void router_state::hand_on(int32_t p, tg_update u) {
  auto* s = live(p);
  if (s == nullptr)
    return; // another engine owns it, and takes it from the inbox
  if (opts_.intake->draining)
    return; // stays in the inbox for the partition's next owner
  s->handed = std::max(s->handed, u.update_id);
  auto& counters = *opts_.intake;
  if (!is_note_id(u.update_id))
    counters.last_handed_on =
        std::max(counters.last_handed_on.load(), u.update_id);
  self->send(s->registry, std::move(u));
}

caf::behavior partition_router(caf::stateful_actor<router_state>* self,
                               router_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
