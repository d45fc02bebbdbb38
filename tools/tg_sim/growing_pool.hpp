// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace bridge::tg_sim {

/// The server's thread pool. cpp-httplib gives each connection a thread
/// for its whole life (keep-alive included), and a long poll holds one
/// for seconds, so a fixed pool deadlocks as soon as clients outnumber
/// it. This one starts with `min_threads` and adds a thread whenever no
/// thread is idle, up to `max_threads`; past that, connections wait in
/// order for a thread to free up.
class growing_pool final : public httplib::TaskQueue {
public:
  growing_pool(size_t min_threads, size_t max_threads);
  ~growing_pool() override;

  void enqueue(std::function<void()> job) override;

  /// Runs what is queued, then joins every thread.
  void shutdown() override;

  /// Threads started so far.
  size_t threads() const;

private:
  void run();

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  size_t max_threads_;
  bool stopping_ = false;
};

} // namespace bridge::tg_sim
