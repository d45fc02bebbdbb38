// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/storage_business.hpp"
#include "storage/sql.hpp"

/// Business figures for operators, read on demand. Every statement reads
/// through an index (migration 013): none scans `messages` or
/// `daily_usage` in full, so a reading stays within a few hundred
/// milliseconds at a million users (BENCHMARKS.md).
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& business_statements();

caf::error check(const business_get& x);

business_figures execute(op_context& ctx, const business_get& x);

} // namespace bridge::storage
