// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/storage_intake.hpp"
#include "storage/sql.hpp"

/// Parked updates: those the engine gave up on after their retries, kept
/// unfinished for an operator to retry or drop.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& parked_statements();

caf::error check(const inbox_park& x);
caf::error check(const inbox_parked& x);
caf::error check(const inbox_release& x);

parked_row decode_parked_row(const row& r);

db_count execute(op_context& ctx, const inbox_park& x);
parked_page execute(op_context& ctx, const inbox_parked& x);
caf::expected<inbox_row> execute(op_context& ctx, const inbox_release& x);

} // namespace bridge::storage
