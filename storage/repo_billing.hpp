// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <caf/error.hpp>

#include "messages/storage_billing.hpp"
#include "storage/sql.hpp"

/// Subscriptions and the managers' daily usage: what lifts the free daily
/// limit and what counts against it.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& billing_statements();

/// Most messages one `usage_incr` counts or one `usage_release` gives back.
constexpr int64_t max_usage_lease = 1000;

// -- validation
// -----------------------------------------------------------------

caf::error check(const sub_get& x);
caf::error check(const sub_set& x);
caf::error check(const sub_clear& x);
caf::error check(const usage_incr& x);
caf::error check(const usage_get& x);
caf::error check(const usage_release& x);

// -- builders and decoders
// ------------------------------------------------------

subscription_status subscription_status_from(std::string_view text);

/// A subscription row: user_id, status, expires_at, updated_at.
subscription decode_subscription(const row& r);

/// yyyymmdd as the ISO date PostgreSQL reads (`20240131` -> `2024-01-31`).
std::string day_param(int64_t day);

statement usage_incr_statement(const usage_incr& x);

// -- execution
// ------------------------------------------------------------------

subscription execute(op_context& ctx, const sub_get& x);
subscription execute(op_context& ctx, const sub_set& x);
subscription execute(op_context& ctx, const sub_clear& x);
usage_count execute(op_context& ctx, const usage_incr& x);
usage_count execute(op_context& ctx, const usage_get& x);
db_count execute(op_context& ctx, const usage_release& x);

} // namespace bridge::storage
