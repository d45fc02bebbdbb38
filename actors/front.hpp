// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <vector>

#include <caf/actor.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/bot_api_endpoint.hpp"
#include "actors/intake.hpp"
#include "actors/ownership.hpp"
#include "common/backoff.hpp"
#include "common/clock.hpp"
#include "common/http_client.hpp"
#include "config/defaults.hpp"
#include "messages/storage.hpp"
#include "messages/telegram.hpp"
#include "telegram/poll_classify.hpp"

namespace bridge {

/// What the front needs at start.
struct front_options {
  bot_api_endpoint endpoint;
  std::chrono::seconds poll_timeout = defaults::telegram::poll_timeout;
  int64_t poll_limit = defaults::telegram::poll_limit;
  /// The pause after an answer shorter than the limit.
  std::chrono::milliseconds poll_gather = defaults::telegram::poll_gather;
  /// Receives every decoded update (the registry).
  caf::actor dispatcher;
  /// Where each batch is made durable (the inbox) before the offset moves.
  db_actor db;
  /// The pool's queue as it publishes it: polls wait while it is behind.
  std::shared_ptr<const db_pressure> pressure;
  /// Shared with whoever watches the intake (the engine's drain).
  std::shared_ptr<intake_state> counters;
  /// Pause before looking again while the engine is behind.
  std::chrono::milliseconds hold_back_pause{20};
  /// Steady time: the updates' arrival stamps, fetch and store durations.
  bridge::clock clock;
  /// With several engines: polls only while this engine holds the intake
  /// role, and hands on only the updates of partitions it owns (the
  /// partition router resumes each partition as it is won). None: polls
  /// always, resumes the whole inbox at start.
  std::shared_ptr<const ownership> owned;
  /// How often a standby looks whether it leads the intake now.
  std::chrono::milliseconds standby_pause{100};
};

/// The intake: long-polls getUpdates on its own thread (a detached actor,
/// since the call blocks), decodes each batch, stores it in the inbox,
/// hands on the updates that were new, and only then moves the offset past
/// them, so a crash loses nothing Telegram gave us. At start it first
/// hands on what the inbox holds unfinished. Every update ends handed on,
/// skipped by kind or refused as unreadable, and is counted; the offset
/// always moves past what cannot be read (see telegram/poll_classify.hpp
/// for the rule). Errors back off with jitter; a 409 Conflict (another
/// poller, or a webhook) is reported and retried slowly, never spun on.
struct front_state {
  static inline const char* name = "front";

  explicit front_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(front_options opts);

  std::shared_ptr<intake_state> counters = std::make_shared<intake_state>();

private:
  using delay = std::chrono::milliseconds;

  /// One getUpdates round; returns the delay before the next one.
  delay poll_once();
  /// Whether the engine is behind (`engine_is_behind`); logs each change.
  bool held_back();
  /// Whether this engine polls now (it holds the intake role, or runs
  /// alone); logs each change.
  bool leading();
  /// Counts a poll put off while the engine is behind.
  delay hold_back();
  /// Asks getUpdates for at most `limit` updates from the offset.
  http_response fetch(int64_t limit);
  /// Counts a call that failed as a whole, once.
  void count_error(const char* reason);
  delay transport_failed(const http_response& resp);
  delay isolate(const telegram::poll_outcome& outcome);
  /// An error answer: backs off, longer on a 429 that asks for it.
  delay refused(const telegram::poll_outcome& outcome, long http_status);
  /// Stores the updates, counts what was left out, then moves on.
  delay store(telegram::poll_outcome& outcome);

  caf::event_based_actor* self;
  front_options opts_;
  http_client client_;
  /// Waits for the inbox writes, on the front's own thread. One for the
  /// front's life: a scoped actor made and ended at every poll cost CAF's
  /// clock thread two wake-ups each time (its timeouts cancelled at exit).
  std::optional<caf::scoped_actor> blocking_;
  /// The offset, the unnamed update expected again, and isolation: after
  /// a body that could not be cut into its updates, the front fetches one
  /// update at a time, so the broken one is refused alone and its
  /// neighbours are still handled.
  telegram::poll_cursor cursor_;
  /// Held back since this steady-clock time (ns), or 0.
  int64_t held_since_ns_ = 0;
  bool leading_ = false;
  retry_state retry_{backoff_policy{std::chrono::milliseconds{500},
                                    std::chrono::milliseconds{30000}}};
  std::minstd_rand rng_{std::random_device{}()};
};

caf::behavior front(caf::stateful_actor<front_state>* self, front_options opts);

} // namespace bridge
