// SPDX-License-Identifier: Apache-2.0
#pragma once

// The ceiling the pool is measured against: threads, each on its own
// libpqxx connection and outside any actor, writing the pool's rows in
// full batches as fast as the server takes them.

#include <cstddef>

#include "bench/db_bench_support.hpp"

namespace bridge::bench {

/// The statement a raw thread writes its batches with.
enum class raw_statement {
  /// A prepared multi-row `INSERT … VALUES`: no conflict check, nothing
  /// returned. The cheapest way to store the rows.
  plain,
  /// The pool's own `message_insert`, built by the same repository
  /// function: the same rows, the same idempotent insert, the same rows
  /// returned. What the pool could reach if it cost nothing.
  pool,
};

const char* to_string(raw_statement x);

/// Rows/s of `connections` raw threads writing with `kind`.
double raw_phase(const bench_options& o, size_t connections, row_source& rows,
                 raw_statement kind);

} // namespace bridge::bench
