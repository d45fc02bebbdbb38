// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/storage_business.hpp"
#include "storage/sql.hpp"

/// Business figures for operators, read on demand. Every statement reads
/// through an index (migrations 013 and 014): none scans `messages` or
/// `daily_usage` in full, so a reading stays within a few hundred
/// milliseconds at a million users (BENCHMARKS.md). `team_active` keeps
/// the one table the figures need that history cannot answer quickly.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& business_statements();

caf::error check(const business_get& x);

business_figures execute(op_context& ctx, const business_get& x);

caf::error check(const team_active& x);

db_count execute(op_context& ctx, const team_active& x);

} // namespace bridge::storage
