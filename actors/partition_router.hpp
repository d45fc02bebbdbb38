// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

#include <caf/actor.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/intake.hpp"
#include "actors/ownership.hpp"
#include "messages/cluster.hpp"
#include "messages/conversation.hpp"
#include "messages/sender.hpp"
#include "messages/stars.hpp"
#include "messages/storage.hpp"

namespace bridge {

/// Makes the registry of one partition: its sessions and conversations
/// carry `fence` on every write.
using registry_factory =
    std::function<caf::actor(caf::local_actor* parent, fence_token fence)>;

struct router_options {
  db_actor db;
  /// Told of every partition won and lost, so that it sends (and marks)
  /// only the outbox rows of partitions owned here.
  sender_actor sender;
  std::shared_ptr<ownership> owned;
  std::shared_ptr<intake_state> intake;
  registry_factory make_registry;
  /// Takes pre-checkout queries, which belong to no partition: they are
  /// answered at once, never queued behind a chat (unset: dropped).
  stars_actor stars;
};

/// The engine's dispatcher: one registry per partition owned here, each
/// with the partition's lease epoch as its fencing token. An update goes
/// to its partition's registry, or nowhere when another engine owns it
/// (that engine takes it from the inbox). When the lease keeper reports a
/// partition won, the router starts its registry and first resumes the
/// partition's unfinished updates, in order; when it reports one lost, the
/// registry and every actor of the partition stop before it answers.
struct router_state {
  static inline const char* name = "partition_router";

  explicit router_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(router_options opts);

private:
  struct slot {
    caf::actor registry;
    int64_t epoch = 0;
    /// The highest update id handed to the registry: a nudge reads on
    /// from there (the sweep finds anything placed lower later).
    int64_t handed = 0;
    /// Notes handed to the registry (their ids start at `note_id_base`),
    /// the latest `notes_remembered`: a read skips them while they are
    /// unfinished. Not a high-water mark: note ids are drawn before their
    /// transactions commit, so a lower one may appear after a higher one.
    std::deque<int64_t> notes_out;
    /// A read of the partition's inbox is running; another waits.
    bool reading = false;
    bool read_again = false;
    /// The first read of the partition (its resume) has reached the end:
    /// until then an update taken in is not handed on but read after the
    /// older ones, from the inbox where it was stored first.
    bool resumed = false;
    /// Waiting for a turn among the reads (`waiting_`), from `wait_after`.
    bool waiting = false;
    int64_t wait_after = 0;
    bool wait_nudged = false;
  };

  void own(int32_t p, int64_t epoch);
  void lose(int32_t p, bool handed_over);
  /// Hands on the partition's unfinished updates above `after`, page by
  /// page, oldest first.
  void read_inbox(int32_t p, int64_t after, bool nudged = false);
  /// A read ended: the next partition waiting for one starts.
  void read_done();
  void hand_on(int32_t p, tg_update u);
  void hand_note(slot& s, session_note n);
  slot* live(int32_t p);

  caf::event_based_actor* self;
  router_options opts_;
  std::vector<slot> slots_;
  /// Reads running, and partitions waiting for one: an engine wins dozens
  /// of partitions at its start, and a read each at once would fill the
  /// database queue.
  int reads_running_ = 0;
  std::deque<int32_t> waiting_;
  int64_t intake_epoch_ = 0;
};

caf::behavior partition_router(caf::stateful_actor<router_state>* self,
                               router_options opts);

} // namespace bridge
