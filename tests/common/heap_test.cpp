// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <vector>

#include <malloc.h>

#include "common/heap.hpp"

BOOST_AUTO_TEST_SUITE(common_heap)

using bridge::heap_retention;
using bridge::retain_freed_heap;

BOOST_AUTO_TEST_CASE(settings_past_the_allocators_range_are_refused) {
  BOOST_TEST(!retain_freed_heap(heap_retention{size_t{1} << 40, 1 << 20}));
  BOOST_TEST(!retain_freed_heap(heap_retention{16 << 20, size_t{1} << 40}));
}

#if defined(__SANITIZE_ADDRESS__)

// AddressSanitizer's allocator takes no glibc settings: refused, and said.
BOOST_AUTO_TEST_CASE(another_allocator_refuses) {
  BOOST_TEST(!retain_freed_heap());
}

#else

// What the setting is for: blocks freed at the top of the heap stay there
// for the next request instead of going back to the kernel. With glibc's
// default the 8 MiB freed below would go back to the kernel.
BOOST_AUTO_TEST_CASE(freed_blocks_stay_in_the_heap) {
  BOOST_REQUIRE(retain_freed_heap());
  std::vector<void*> blocks;
  for (int i = 0; i < 16; ++i) {
    // 512 KiB: under the 1 MiB from which a block is mapped on its own.
    blocks.push_back(std::malloc(size_t{512} << 10));
    BOOST_REQUIRE(blocks.back() != nullptr);
  }
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
    std::free(*it);
  // Free bytes the heap holds: about 8 MiB here, about 60 KiB with
  // glibc's defaults.
  auto info = mallinfo2();
  BOOST_TEST(info.fordblks >= size_t{4} << 20);
}

#endif

BOOST_AUTO_TEST_SUITE_END()
