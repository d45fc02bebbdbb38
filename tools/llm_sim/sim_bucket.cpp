// SPDX-License-Identifier: Apache-2.0
#include "tools/llm_sim/sim_bucket.hpp"

#include <algorithm>

namespace bridge::llm_sim {

namespace {

std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(std::max(0.0, s)));
}

} // namespace

void sim_bucket::refill(clock::time_point now) {
  if (now <= last_)
    return;
  std::chrono::duration<double> dt = now - last_;
  level_ = std::min(limit_, level_ + dt.count() * limit_ / 60.0);
  last_ = now;
}

bool sim_bucket::take(clock::time_point now, double n) {
  refill(now);
  if (level_ + 1e-9 < n)
    return false;
  level_ -= n;
  return true;
}

double sim_bucket::level(clock::time_point now) {
  refill(now);
  return level_;
}

sim_bucket::clock::duration sim_bucket::wait_for(clock::time_point now,
                                                 double n) {
  refill(now);
  return seconds((n - level_) * 60.0 / limit_);
}

sim_bucket::clock::duration sim_bucket::until_full(clock::time_point now) {
  return wait_for(now, limit_);
}

} // namespace bridge::llm_sim
