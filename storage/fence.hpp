// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "messages/cluster.hpp"
#include "storage/sql.hpp"

/// The fencing check every fenced write runs first, in its transaction.
namespace bridge::storage {

/// Statements of the check.
const std::vector<sql_def>& fence_statements();

/// The check's two array parameters (partitions, epochs) for `tokens`:
/// each fenced (partition, epoch) once, by partition, the order every
/// writer and every release takes the lease locks in, so none waits on
/// another in a circle. `{}` and `{}` when none is fenced.
struct fence_arrays {
  std::string partitions;
  std::string epochs;
};
fence_arrays fence_params(const std::vector<fence_token>& tokens);

/// `fence_params` for a statement that checks its own fences: none when
/// the transaction it runs in checked them already.
fence_arrays fence_params(const op_context& ctx,
                          const std::vector<fence_token>& tokens);

/// `fence_params` of the tokens the requests `calls` carry.
template <class Op>
fence_arrays fence_params(const op_context& ctx,
                          const std::vector<const Op*>& calls) {
  std::vector<fence_token> tokens;
  tokens.reserve(calls.size());
  for (auto c : calls)
    tokens.push_back(c->fence);
  return fence_params(ctx, tokens);
}

/// The fenced variant of a one-statement write: a CTE named `fence`
/// calling bridge_fence_or_fail over parameters `$first` and `$first+1`,
/// and a first UNION ALL branch of `width` NULL columns that reads it and
/// returns no row, so the check runs before the writes. A refusal aborts
/// the statement with SQLSTATE BRF01 (`failure_kind::fenced`).
std::string fence_cte(int first);
std::string fence_branch(int width);

/// Which of `tokens` PostgreSQL refuses: their partition's lease has
/// another epoch now. One statement for all of them, with each
/// partition's advisory lease lock held shared until the transaction
/// ends, so a takeover waits for this write to commit or roll back.
/// Unfenced tokens are never refused and cost nothing; when none is
/// fenced no statement runs. Throws `db_failure`.
std::vector<bool> refused_fences(op_context& ctx,
                                 const std::vector<fence_token>& tokens);

} // namespace bridge::storage
