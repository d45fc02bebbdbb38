// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

namespace bridge {

/// The nearest-rank `p`-th percentile of `sample`: the smallest value with
/// at least `p` percent of the sample at or below it, i.e. the value of
/// rank ceil(p * n / 100) in ascending order (ranks from 1; rank 1 for
/// p = 0). Always a value of the sample, never an interpolation. `p` is in
/// percent and clamped to [0, 100] (NaN reads as 0); an empty sample gives
/// 0. The sample need not be sorted; pass it moved when it is not needed
/// afterwards.
int64_t percentile(std::vector<int64_t> sample, double p);

} // namespace bridge
