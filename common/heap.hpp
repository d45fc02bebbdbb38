// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace bridge {

/// Free space glibc keeps at the top of a thread's heap before giving it
/// back to the kernel, and the size from which a block gets a mapping of
/// its own.
struct heap_retention {
  size_t trim_bytes = size_t{16} << 20;
  size_t mmap_bytes = size_t{1} << 20;
};

/// Lets each thread's heap keep up to `trim_bytes` free instead of
/// returning it at once. With glibc's defaults (128 KiB, raised only when
/// a large block is mapped) a thread that takes and frees a large buffer
/// per request (libcurl's transfer buffers, tens of KiB) hands the pages
/// back after each one and faults them in again at the next: a `madvise`
/// whose TLB shootdown interrupts every core, then page faults. Blocks of
/// `mmap_bytes` and more still get their own mapping, returned when freed.
/// Call first thing in `main`, before any thread starts. False when the
/// allocator refused a setting (not glibc's, or out of its range).
bool retain_freed_heap(heap_retention r = {});

} // namespace bridge
