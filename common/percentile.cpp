// SPDX-License-Identifier: Apache-2.0
#include "common/percentile.hpp"

#include <algorithm>
#include <cmath>

namespace bridge {

int64_t percentile(std::vector<int64_t> sample, double p) {
  if (sample.empty())
    return 0;
  auto n = sample.size();
  size_t rank = 1;
  if (p >= 100) {
    rank = n;
  } else if (p > 0) {
    // p * n before the division: p / 100 * n can land a hair above a whole
    // rank (0.07 * 100 is 7.000000000000001) and round up one rank too far.
    auto exact = std::ceil(p * static_cast<double>(n) / 100.0);
    rank = std::clamp<size_t>(static_cast<size_t>(exact), 1, n);
  }
  auto at = sample.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(sample.begin(), at, sample.end());
  return *at;
}

} // namespace bridge
