#include "actors/front.hpp"

#include <algorithm>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/intake.hpp"
#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/update_decoder.hpp"

namespace bridge {

namespace {

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
           std::chrono::steady_clock::now().time_since_epoch())
    .count();
}

} // namespace

caf::behavior front_state::make_behavior(front_options opts) {
  opts_ = std::move(opts);
  if (opts_.counters)
    counters = opts_.counters;
  // A getUpdates reply holds at most 100 updates; 8 MiB is far beyond any
  // real one and still bounds what a broken peer can make us buffer.
  client_.set_max_body(8 * 1024 * 1024);
  self->send(self, resume_atom::value);
  return {
    [this](resume_atom) {
      resume_from_inbox(self->system(), opts_.db, opts_.dispatcher, *counters);
      self->send(self, poll_atom::value);
    },
    [this](poll_atom) {
      auto pause = poll_once();
      if (pause.count() == 0)
        self->send(self, poll_atom::value);
      else
        self->delayed_send(self, pause, poll_atom::value);
    },
    [this](stop_atom) { self->quit(); },
  };
}

bool front_state::held_back(caf::scoped_actor& blocking) {
  bool behind = ask_engine_behind(blocking, opts_.db);
  auto now = steady_ns();
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

std::chrono::milliseconds front_state::poll_once() {
  caf::scoped_actor blocking{self->system()};
  if (isolate_ == 0 && held_back(blocking)) {
    ++counters->held_back;
    telemetry::metrics().intake_held_back.Increment();
    return opts_.hold_back_pause;
  }
  ++counters->polls;
  auto limit = isolate_ > 0 ? 1 : opts_.poll_limit;
  auto call = telegram::encode_get_updates(offset_, limit,
                                           isolate_ > 0 ? 0 : opts_.poll_timeout.count());
  auto url = telegram::method_url(opts_.endpoint.base_url,
                                  opts_.endpoint.token, call.method);
  auto asked_ns = steady_ns();
  auto resp = client_.post(url, call.body, {"Content-Type: application/json"},
                           opts_.endpoint.timeout + opts_.poll_timeout);
  auto& m = telemetry::metrics();
  m.intake_fetch_seconds.Observe(static_cast<double>(steady_ns() - asked_ns) / 1e9);
  if (resp.transport_failed()) {
    ++counters->errors;
    auto wait = retry_.failed(rng_);
    spdlog::warn("front: getUpdates failed: {}; retrying in {} ms", resp.error,
                 wait.count());
    return wait;
  }
  auto batch = telegram::decode_updates(resp.body, steady_ns());
  if (batch.error && batch.error->error_code == 0 && resp.status == 200) {
    // The body itself is broken. With several updates in it, fetch them
    // one by one; with one, skip it (its id read off the raw text).
    ++counters->errors;
    if (limit > 1) {
      isolate_ = opts_.poll_limit;
      spdlog::warn("front: unreadable getUpdates body ({}); fetching updates "
                   "one by one to isolate the broken one",
                   batch.error->description);
      return std::chrono::milliseconds{0};
    }
    if (batch.max_update_id >= offset_) {
      ++counters->skipped;
      spdlog::error("front: skipping update {}: {}", batch.max_update_id,
                    batch.error->description);
      offset_ = batch.max_update_id + 1;
      --isolate_;
      return std::chrono::milliseconds{0};
    }
  }
  if (batch.error) {
    ++counters->errors;
    auto& e = *batch.error;
    auto wait = retry_.failed(rng_);
    telemetry::engine_health().intake = false;
    if (e.error_code == 409) {
      ++counters->conflicts;
      m.get_updates_conflicts.Increment();
      spdlog::error("front: getUpdates refused with 409 Conflict ({}): another "
                    "process polls this bot or a webhook is set; retrying in "
                    "{} ms",
                    e.description, wait.count());
    } else if (e.error_code == 401 || e.error_code == 404) {
      spdlog::error("front: the Bot API refused the bot token (HTTP {}: {}); "
                    "check TELEGRAM_BOT_TOKEN; retrying in {} ms",
                    e.error_code, e.description, wait.count());
    } else if (e.error_code == 429) {
      wait = std::max(wait, std::chrono::milliseconds{e.retry_after_s * 1000});
      spdlog::warn("front: getUpdates rate limited; retrying in {} ms",
                   wait.count());
    } else {
      spdlog::warn("front: getUpdates failed (HTTP {}): {}; retrying in {} ms",
                   resp.status, e.description, wait.count());
    }
    return wait;
  }
  retry_.succeeded();
  telemetry::engine_health().intake = true;
  if (isolate_ > 0)
    --isolate_;
  if (batch.repaired_utf8)
    spdlog::warn("front: getUpdates body had invalid UTF-8; repaired");
  for (size_t i = 0; i < batch.skipped.size(); ++i)
    if (auto n = batch.skipped[i]; n > 0) {
      counters->skipped += n;
      m.updates_skipped.Increment(static_cast<double>(n));
      spdlog::info("front: skipped {} update(s): {}", n,
                   telegram::to_string(static_cast<telegram::skip_reason>(i)));
    }
  counters->updates += batch.updates.size();
  auto store_ns = steady_ns();
  bool stored = store_and_hand_on(blocking, opts_.db, opts_.dispatcher,
                                  batch.updates, *counters);
  if (!batch.updates.empty())
    m.intake_store_seconds.Observe(static_cast<double>(steady_ns() - store_ns) / 1e9);
  if (!stored) {
    auto wait = retry_.failed(rng_);
    spdlog::warn("front: the inbox could not store {} update(s); polling them "
                 "again in {} ms", batch.updates.size(), wait.count());
    return wait;
  }
  if (batch.max_update_id >= offset_)
    offset_ = batch.max_update_id + 1;
  return std::chrono::milliseconds{0};
}

caf::behavior front(caf::stateful_actor<front_state>* self,
                    front_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge
