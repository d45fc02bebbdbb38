// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/growing_pool.hpp"

#include <algorithm>

namespace bridge::tg_sim {

growing_pool::growing_pool(size_t min_threads, size_t max_threads)
    : max_threads_(std::max<size_t>(1, max_threads)) {
  std::lock_guard<std::mutex> guard{mu_};
  auto n = std::min(std::max<size_t>(1, min_threads), max_threads_);
  for (size_t i = 0; i < n; ++i)
    threads_.emplace_back([this] { run(); });
}

growing_pool::~growing_pool() {
  shutdown();
}

void growing_pool::enqueue(std::function<void()> job) {
  std::lock_guard<std::mutex> guard{mu_};
  jobs_.push_back(std::move(job));
  if (idle_ < jobs_.size() && threads_.size() < max_threads_)
    threads_.emplace_back([this] { run(); });
  else
    cv_.notify_one();
}

void growing_pool::run() {
  std::unique_lock<std::mutex> guard{mu_};
  for (;;) {
    ++idle_;
    cv_.wait(guard, [this] { return stopping_ || !jobs_.empty(); });
    --idle_;
    if (jobs_.empty())
      return; // stopping, nothing left
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    guard.unlock();
    job();
    guard.lock();
  }
}

void growing_pool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> guard{mu_};
    stopping_ = true;
    threads.swap(threads_);
  }
  cv_.notify_all();
  for (auto& t : threads)
    if (t.joinable())
      t.join();
}

size_t growing_pool::threads() const {
  std::lock_guard<std::mutex> guard{mu_};
  return threads_.size();
}

} // namespace bridge::tg_sim
