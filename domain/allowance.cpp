// SPDX-License-Identifier: Apache-2.0
#include "domain/allowance.hpp"

#include <algorithm>

namespace bridge::domain {

allowance_lease::allowance_lease(int64_t lease, int64_t limit)
    : lease_(std::max<int64_t>(lease, 1)), limit_(limit) {}

leftover allowance_lease::move_to(int64_t day) {
  if (day == day_)
    return {};
  auto out = release();
  day_ = day;
  seen_ = -1;
  // An ask in flight is for the old day; its answer is handed back.
  in_flight_ = false;
  return out;
}

bool allowance_lease::take() {
  if (held_ <= 0)
    return false;
  --held_;
  return true;
}

int64_t allowance_lease::want() const {
  if (limit_ < 0)
    return lease_;
  // Unknown yet: as if nothing was counted today.
  return std::clamp<int64_t>(limit_ - std::max<int64_t>(seen_, 0), 1, lease_);
}

int64_t allowance_lease::prefetch() {
  if (in_flight_ || held_ > lease_ / 2)
    return 0;
  if (limit_ >= 0 && (seen_ < 0 || seen_ >= limit_))
    return 0;
  in_flight_ = true;
  return want();
}

leftover allowance_lease::granted(int64_t day, int64_t counted, int64_t total,
                                  bool background) {
  counted = std::max<int64_t>(counted, 0);
  if (day != day_)
    return {counted > 0 ? day : 0, counted};
  if (background)
    in_flight_ = false;
  held_ += counted;
  seen_ = total >= 0 ? total : -1;
  return {};
}

leftover allowance_lease::release() {
  leftover out;
  if (held_ > 0)
    out = {day_, held_};
  held_ = 0;
  return out;
}

} // namespace bridge::domain
