// SPDX-License-Identifier: Apache-2.0
#include "common/clock.hpp"

#include <utility>

namespace bridge {

int64_t system_wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch())
      .count();
}

int64_t system_steady_ns() {
  using namespace std::chrono;
  return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch())
      .count();
}

clock clock::fixed(std::function<int64_t()> now_ms) {
  clock c;
  c.wall_ms = now_ms;
  c.steady_ns = [f = std::move(now_ms)] { return f() * 1'000'000; };
  return c;
}

} // namespace bridge
