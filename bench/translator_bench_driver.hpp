// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the translator benchmarks share: the sentences they translate, the
// driver actor that keeps a window of requests outstanding, and the line
// the main thread waits at for its report.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include <caf/actor_system_config.hpp>
#include <caf/stateful_actor.hpp>

#include "messages/type_ids.hpp"
#include "translator/translator.hpp"

namespace bridge::bench {

using steady = std::chrono::steady_clock;

/// Short workplace sentences, the kind the bot carries.
const char* const sentences[] = {
    "Please sign the report before Friday.",
    "The meeting starts at eight tomorrow.",
    "Where is the key to the warehouse?",
    "We need two more boxes of screws.",
    "Thank you, the delivery arrived on time.",
    "Can you work the night shift this week?",
    "The machine on line three is broken again.",
    "I will be late because of the traffic.",
    "Send me the photos of the damaged pallets.",
    "Your salary was paid this morning.",
};
constexpr size_t sentence_count = sizeof(sentences) / sizeof(sentences[0]);

/// Seconds from `t0` to now.
inline double seconds_since(steady::time_point t0) {
  return std::chrono::duration<double>(steady::now() - t0).count();
}

/// Keeps `window` requests outstanding until `total` were answered, then
/// reports through `done`.
struct driver_state {
  static inline const char* name = "bench_driver";
  translator_actor tr;
  uint64_t sent = 0;
  uint64_t answered = 0;
  uint64_t failed = 0;
  uint64_t total = 0;
  std::function<void(uint64_t answered, uint64_t failed)> done;
};

/// Sends `window` requests to `tr`, one more per answer, until `total` were
/// answered; then calls `done` with the answered and failed counts.
inline caf::behavior driver(caf::stateful_actor<driver_state>* self,
                            translator_actor tr, uint64_t total,
                            uint64_t window, std::string target,
                            int64_t deadline_ms,
                            std::function<void(uint64_t, uint64_t)> done) {
  auto& st = self->state;
  st.tr = tr;
  st.total = total;
  st.done = std::move(done);
  auto send_one = [self, target, deadline_ms] {
    auto& s = self->state;
    if (s.sent >= s.total)
      return;
    translate_request r;
    r.id = ++s.sent;
    r.text = sentences[r.id % sentence_count];
    r.source_lang = "en";
    r.target_lang = target;
    r.deadline_ms = deadline_ms;
    self->send(s.tr, std::move(r));
  };
  for (uint64_t i = 0; i < window; ++i)
    send_one();
  return {
      [self, send_one](translation_done& d) {
        auto& s = self->state;
        ++s.answered;
        if (!d.ok)
          ++s.failed;
        send_one();
        if (s.answered == s.total) {
          s.done(s.answered, s.failed);
          self->quit();
        }
      },
      [](translation_queued&) {},
  };
}

/// `cfg` with the message types announced, CAF's own logger off and
/// `threads` scheduler threads.
inline caf::actor_system_config& quiet(caf::actor_system_config& cfg,
                                       size_t threads) {
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  cfg.set("scheduler.max-threads", threads);
  return cfg;
}

/// Waits for a driver's report.
struct finish_line {
  std::mutex mtx;
  std::condition_variable cv;
  bool finished = false;
  uint64_t answered = 0;
  uint64_t failed = 0;

  std::function<void(uint64_t, uint64_t)> callback() {
    return [this](uint64_t a, uint64_t f) {
      std::lock_guard<std::mutex> guard{mtx};
      answered = a;
      failed = f;
      finished = true;
      cv.notify_all();
    };
  }

  void wait() {
    std::unique_lock<std::mutex> lock{mtx};
    cv.wait(lock, [this] { return finished; });
  }
};
} // namespace bridge::bench
