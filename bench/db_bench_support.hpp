// SPDX-License-Identifier: Apache-2.0
#pragma once

// What the storage benchmark's phases share: the run's options, the tally
// a driver keeps, the rows every phase writes and the clock that times a
// phase.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "config/config.hpp"
#include "messages/storage_talk.hpp"
#include "storage/db_pool.hpp"

namespace bridge::bench {

using steady = std::chrono::steady_clock;

/// What one run is set up with.
struct bench_options {
  std::string dsn;
  std::string redis_url;
  std::vector<size_t> sizes{1, 5, 10, 20};
  size_t batch = storage::db_pool_options{}.batch_max;
  /// Requests kept outstanding against the pool: enough that batches form.
  size_t window = 2000;
  size_t conversations = 100;
  double warmup = 1;
  double seconds = 6;
  double latency_seconds = 8;
  double cache_seconds = 4;
  size_t threads = 2;
  /// CAF's scheduler: "stealing" (work stealing, polls when idle) or
  /// "sharing" (one shared queue, sleeps on a condition variable).
  std::string policy = "stealing";
  /// Work stealing only: polls 50 us apart before an idle thread sleeps;
  /// the engine's own setting unless told (CAF's default, 500, when
  /// negative).
  int64_t idle_polls = bridge_config{}.engine.scheduler_idle_polls;
};

/// Application name of the pool's connections, to see when they are gone.
inline constexpr const char* pool_app = "bridge-bench-pool";

/// A chat line and its translation: the row shape the engine stores.
inline constexpr const char* original_text =
    "The machine on line three is broken again.";
inline constexpr const char* translated_text =
    "La máquina de la línea tres está rota otra vez.";

inline double seconds_since(steady::time_point t0) {
  return std::chrono::duration<double>(steady::now() - t0).count();
}

inline std::chrono::duration<double> secs(double s) {
  return std::chrono::duration<double>{s};
}

/// What a driver shares with the thread that times it.
struct tally {
  std::atomic<uint64_t> answered{0};
  std::atomic<uint64_t> failed{0};
  std::atomic<bool> stop{false};
  /// Set once stopped with nothing outstanding.
  std::promise<void> drained;
  std::mutex mtx;
  std::string first_error;

  void fail(const caf::error& e) {
    ++failed;
    std::lock_guard<std::mutex> guard{mtx};
    if (first_error.empty())
      first_error = describe(e);
  }
};

/// Hands out rows with a fresh (conversation, seq) each.
struct row_source {
  std::vector<int64_t> conversations;
  int64_t sender = 0;
  std::atomic<int64_t> seq{0};

  message_row next() {
    message_row m;
    m.seq = ++seq;
    m.conversation_id =
        conversations[static_cast<size_t>(m.seq) % conversations.size()];
    m.sender_id = sender;
    m.original_text = original_text;
    m.original_lang = "en";
    m.translated_text = translated_text;
    m.translated_lang = "es";
    m.status = message_status::translated;
    return m;
  }
};

/// Answers per second over `seconds` after `warmup`, then stops the driver
/// and waits until it has nothing outstanding.
inline double time_phase(tally& t, const bench_options& o) {
  std::this_thread::sleep_for(secs(o.warmup));
  auto before = t.answered.load();
  auto t0 = steady::now();
  std::this_thread::sleep_for(secs(o.seconds));
  auto after = t.answered.load();
  auto elapsed = seconds_since(t0);
  t.stop = true;
  if (t.drained.get_future().wait_for(std::chrono::seconds{60})
      != std::future_status::ready)
    throw std::runtime_error("a driver did not drain within 60 s");
  return static_cast<double>(after - before) / elapsed;
}

} // namespace bridge::bench
