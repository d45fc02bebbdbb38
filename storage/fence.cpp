// SPDX-License-Identifier: Apache-2.0
#include "storage/fence.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace bridge::storage {

namespace sql {

constexpr sql_def fence_check{"fence_check", R"(
SELECT unnest(bridge_fence($1::integer[], $2::bigint[])))"};

} // namespace sql

const std::vector<sql_def>& fence_statements() {
  static const std::vector<sql_def> defs{sql::fence_check};
  return defs;
}

namespace {

/// Positions in `tokens` of each distinct fenced (partition, epoch), in
/// the order the lease locks are taken.
std::vector<size_t> distinct_fenced(const std::vector<fence_token>& tokens) {
  std::vector<size_t> order;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].fenced())
      order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (tokens[a].partition != tokens[b].partition)
      return tokens[a].partition < tokens[b].partition;
    return tokens[a].epoch < tokens[b].epoch;
  });
  std::vector<size_t> distinct;
  for (auto i : order) {
    if (!distinct.empty()) {
      auto& last = tokens[distinct.back()];
      if (last.partition == tokens[i].partition
          && last.epoch == tokens[i].epoch)
        continue;
    }
    distinct.push_back(i);
  }
  return distinct;
}

fence_arrays arrays_of(const std::vector<fence_token>& tokens,
                       const std::vector<size_t>& distinct) {
  array_literal parts, epochs;
  for (auto i : distinct) {
    parts.add(tokens[i].partition);
    epochs.add(tokens[i].epoch);
  }
  return {parts.str(), epochs.str()};
}

} // namespace

fence_arrays fence_params(const std::vector<fence_token>& tokens) {
  return arrays_of(tokens, distinct_fenced(tokens));
}

fence_arrays fence_params(const op_context& ctx,
                          const std::vector<fence_token>& tokens) {
  return ctx.fences_checked ? fence_arrays{"{}", "{}"} : fence_params(tokens);
}

std::string fence_cte(int first) {
  return "fence AS (SELECT bridge_fence_or_fail($" + std::to_string(first)
         + "::integer[], $" + std::to_string(first + 1) + "::bigint[]) AS ok)";
}

std::string fence_branch(int width) {
  std::string out = "SELECT NULL";
  for (int i = 1; i < width; ++i)
    out += ", NULL";
  return out + " FROM fence WHERE NOT fence.ok";
}

std::vector<bool> refused_fences(op_context& ctx,
                                 const std::vector<fence_token>& tokens) {
  std::vector<bool> refused(tokens.size(), false);
  // Every writer takes its lease locks in the order a release does, so
  // none waits on another in a circle.
  auto distinct = distinct_fenced(tokens);
  if (distinct.empty())
    return refused;
  auto arrays = arrays_of(tokens, distinct);
  std::vector<bool> distinct_refused(distinct.size(), false);
  for (auto& r : ctx.sql.run(
           {sql::fence_check.name, {arrays.partitions, arrays.epochs}})) {
    auto pos = int_at(r, 0) - 1;
    if (pos >= 0 && static_cast<size_t>(pos) < distinct.size())
      distinct_refused[static_cast<size_t>(pos)] = true;
  }
  for (size_t k = 0; k < distinct.size(); ++k) {
    if (!distinct_refused[k])
      continue;
    auto& bad = tokens[distinct[k]];
    for (size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].partition == bad.partition && tokens[i].epoch == bad.epoch)
        refused[i] = true;
  }
  return refused;
}

} // namespace bridge::storage
