// SPDX-License-Identifier: Apache-2.0
#include "actors/front.hpp"

#include <algorithm>
#include <thread>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/intake.hpp"
#include "common/thread_name.hpp"
#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/update_decoder.hpp"
#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

using telegram::poll_verdict;

caf::behavior front_state::make_behavior(front_options opts) {
  opts_ = std::move(opts);
  if (opts_.counters)
    counters = opts_.counters;
  // A getUpdates reply holds at most 100 updates; 8 MiB is far beyond any
  // real one and still bounds what a broken peer can make us buffer.
  client_.set_max_body(8 * 1024 * 1024);
  announce_intake_metrics();
  // With partitions, the router resumes each one as it is won.
  if (opts_.owned)
    self->send(self, poll_atom::value);
  else
    self->send(self, resume_atom::value);
  return {
      [this](resume_atom) {
        resume_from_inbox(self->system(), opts_.db, opts_.dispatcher,
                          *counters);
        self->send(self, poll_atom::value);
      },
      [this](poll_atom) {
        if (!leading()) {
          self->delayed_send(self, opts_.standby_pause, poll_atom::value);
          return;
        }
        auto pause = poll_once();
        // The front is alone on its thread, so a gather pause is slept
        // here rather than set on CAF's clock, whose thread wakes when a
        // timer is set and again when it fires: at 800 messages a second
        // the gather was a third of the engine's timers. A stop waits at
        // most this long; longer pauses (isolation, refusals) still go
        // to the clock so that a stop is never held for seconds.
        if (pause.count() > 0 && pause <= opts_.poll_gather) {
          std::this_thread::sleep_for(pause);
          pause = delay::zero();
        }
        if (pause.count() == 0)
          self->send(self, poll_atom::value);
        else
          self->delayed_send(self, pause, poll_atom::value);
      },
      [this](stop_atom) { self->quit(); },
  };
}

bool front_state::leading() {
  bool leads = !opts_.owned || opts_.owned->leads_intake();
  if (leads != leading_) {
    leading_ = leads;
    if (leads)
      spdlog::info("front: this engine leads the intake now; polling");
    else
      spdlog::info("front: another engine leads the intake; standing by");
  }
  return leads;
}

bool front_state::held_back() {
  bool behind = engine_is_behind(opts_.pressure.get());
  auto now = opts_.clock.steady_ns();
  if (behind && held_since_ns_ == 0) {
    held_since_ns_ = now;
    spdlog::warn("front: the database queue is a quarter full; holding "
                 "getUpdates back until it drains");
  } else if (!behind && held_since_ns_ != 0) {
    spdlog::info("front: polling again after holding back for {} ms",
                 (now - held_since_ns_) / 1'000'000);
    held_since_ns_ = 0;
  }
  return behind;
}

front_state::delay front_state::poll_once() {
  if (cursor_.may_hold_back() && held_back())
    return hold_back();
  ++counters->polls;
  auto limit = cursor_.limit(opts_.poll_limit);
  auto resp = fetch(limit);
  auto outcome = telegram::classify_poll(resp, limit, cursor_.position(),
                                         opts_.clock.steady_ns());
  if (outcome.error_reason != nullptr)
    count_error(outcome.error_reason);
  switch (outcome.verdict) {
  case poll_verdict::store: {
    auto pause = store(outcome);
    // A short answer: the next updates arrive one by one, so let a few
    // gather rather than fetch and store each alone.
    if (pause.count() == 0)
      pause = cursor_.gather_pause(outcome.batch.elements.size(), limit,
                                   opts_.poll_gather);
    return pause;
  }
  case poll_verdict::transport_failed:
    return transport_failed(resp);
  case poll_verdict::isolate:
    return isolate(outcome);
  case poll_verdict::conflict:
  case poll_verdict::token_refused:
  case poll_verdict::rate_limited:
  case poll_verdict::failed:
    break;
  }
  return refused(outcome, resp.status);
}

front_state::delay front_state::hold_back() {
  ++counters->held_back;
  telemetry::metrics().intake_held_back.Increment();
  return opts_.hold_back_pause;
}

http_response front_state::fetch(int64_t limit) {
  auto call = telegram::encode_get_updates(
      cursor_.offset(), limit, cursor_.timeout_s(opts_.poll_timeout.count()));
  auto url = telegram::method_url(opts_.endpoint.base_url, opts_.endpoint.token,
                                  call.method);
  auto asked_ns = opts_.clock.steady_ns();
  auto resp = client_.post(url, call.body, {"Content-Type: application/json"},
                           opts_.endpoint.timeout + opts_.poll_timeout);
  telemetry::metrics().intake_fetch_seconds.Observe(
      static_cast<double>(opts_.clock.steady_ns() - asked_ns) / 1e9);
  return resp;
}

void front_state::count_error(const char* reason) {
  ++counters->errors;
  telemetry::metrics().get_updates_errors(reason).Increment();
}

front_state::delay front_state::transport_failed(const http_response& resp) {
  auto wait = retry_.failed(rng_);
  spdlog::warn("front: getUpdates failed: {}; retrying in {} ms", resp.error,
               wait.count());
  return wait;
}

front_state::delay front_state::isolate(const telegram::poll_outcome& outcome) {
  cursor_.apply(outcome, opts_.poll_limit);
  spdlog::warn("front: unreadable getUpdates body ({}); fetching updates "
               "one by one to isolate the broken one",
               outcome.batch.error ? outcome.batch.error->description
                                   : std::string{"past the size cap"});
  return delay{0};
}

front_state::delay front_state::refused(const telegram::poll_outcome& outcome,
                                        long http_status) {
  const auto& e = *outcome.batch.error;
  auto wait = retry_.failed(rng_);
  telemetry::engine_health().intake = false;
  switch (outcome.verdict) {
  case poll_verdict::conflict:
    ++counters->conflicts;
    telemetry::metrics().get_updates_conflicts.Increment();
    spdlog::error("front: getUpdates refused with 409 Conflict ({}): another "
                  "process polls this bot or a webhook is set; retrying in "
                  "{} ms",
                  e.description, wait.count());
    break;
  case poll_verdict::token_refused:
    spdlog::error("front: the Bot API refused the bot token (HTTP {}: {}); "
                  "check TELEGRAM_BOT_TOKEN; retrying in {} ms",
                  e.error_code, e.description, wait.count());
    break;
  case poll_verdict::rate_limited:
    wait = std::max(wait, telegram::rate_limit_wait(e));
    spdlog::warn("front: getUpdates rate limited; retrying in {} ms",
                 wait.count());
    break;
  default:
    spdlog::warn("front: getUpdates failed (HTTP {}): {}; retrying in {} ms",
                 http_status, e.description, wait.count());
  }
  return wait;
}

front_state::delay front_state::store(telegram::poll_outcome& outcome) {
  auto& batch = outcome.batch;
  telemetry::engine_health().intake = true;
  counters->updates += batch.updates.size();
  auto store_ns = opts_.clock.steady_ns();
  if (!blocking_)
    blocking_.emplace(self->system(), true);
  bool stored = store_and_hand_on(*blocking_, opts_.db, opts_.dispatcher,
                                  batch.updates, *counters, opts_.owned.get());
  if (!batch.updates.empty())
    telemetry::metrics().intake_store_seconds.Observe(
        static_cast<double>(opts_.clock.steady_ns() - store_ns) / 1e9);
  if (!stored) {
    // Not confirmed to Telegram: the same updates come again, and what was
    // left out of them is counted then.
    auto wait = retry_.failed(rng_);
    spdlog::warn("front: the inbox could not store {} update(s); polling them "
                 "again in {} ms",
                 batch.updates.size(), wait.count());
    return wait;
  }
  count_left_out(batch, *counters, "front", outcome.repeated);
  cursor_.apply(outcome, opts_.poll_limit);
  if (cursor_.stuck_unnamed()) {
    // Offset 0 names no update: wait for a neighbour to name it.
    auto wait = retry_.failed(rng_);
    spdlog::warn("front: an unreadable update without a readable id heads "
                 "the queue before any id is known; asking again in {} ms",
                 wait.count());
    return wait;
  }
  retry_.succeeded();
  return delay{0};
}

caf::behavior front(caf::stateful_actor<front_state>* self,
                    front_options opts) {
  name_detached_thread(self, "bridge.front");
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
