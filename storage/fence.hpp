// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/cluster.hpp"
#include "storage/sql.hpp"

/// The fencing check every fenced write runs first, in its transaction.
namespace bridge::storage {

/// Statements of the check.
const std::vector<sql_def>& fence_statements();

/// Which of `tokens` PostgreSQL refuses: their partition's lease has
/// another epoch now. One statement for all of them, with each
/// partition's advisory lease lock held shared until the transaction
/// ends, so a takeover waits for this write to commit or roll back.
/// Unfenced tokens are never refused and cost nothing; when none is
/// fenced no statement runs. Throws `db_failure`.
std::vector<bool> refused_fences(op_context& ctx,
                                 const std::vector<fence_token>& tokens);

} // namespace bridge::storage
