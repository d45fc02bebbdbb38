// SPDX-License-Identifier: Apache-2.0
#include "common/heap.hpp"

#include <climits>

#include <malloc.h>

namespace bridge {

bool retain_freed_heap(heap_retention r) {
  if (r.trim_bytes > INT_MAX || r.mmap_bytes > INT_MAX)
    return false;
  // Setting either one also stops glibc's own adjusting of both.
  bool trim = mallopt(M_TRIM_THRESHOLD, static_cast<int>(r.trim_bytes)) == 1;
  bool mmap = mallopt(M_MMAP_THRESHOLD, static_cast<int>(r.mmap_bytes)) == 1;
  return trim && mmap;
}

} // namespace bridge
