// SPDX-License-Identifier: Apache-2.0
#include "storage/fence.hpp"

#include <algorithm>
#include <numeric>

namespace bridge::storage {

namespace sql {

constexpr sql_def fence_check{"fence_check", R"(
SELECT unnest(bridge_fence($1::integer[], $2::bigint[])))"};

} // namespace sql

const std::vector<sql_def>& fence_statements() {
  static const std::vector<sql_def> defs{sql::fence_check};
  return defs;
}

std::vector<bool> refused_fences(op_context& ctx,
                                 const std::vector<fence_token>& tokens) {
  std::vector<bool> refused(tokens.size(), false);
  // Distinct fenced tokens, by partition: every writer takes its lease
  // locks in the order a release does, so none waits on another in a
  // circle.
  std::vector<size_t> order;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].fenced())
      order.push_back(i);
  if (order.empty())
    return refused;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (tokens[a].partition != tokens[b].partition)
      return tokens[a].partition < tokens[b].partition;
    return tokens[a].epoch < tokens[b].epoch;
  });
  std::vector<size_t> distinct;
  array_literal parts, epochs;
  for (auto i : order) {
    if (!distinct.empty()) {
      auto& last = tokens[distinct.back()];
      if (last.partition == tokens[i].partition
          && last.epoch == tokens[i].epoch)
        continue;
    }
    distinct.push_back(i);
    parts.add(tokens[i].partition);
    epochs.add(tokens[i].epoch);
  }
  std::vector<bool> distinct_refused(distinct.size(), false);
  for (auto& r :
       ctx.sql.run({sql::fence_check.name, {parts.str(), epochs.str()}})) {
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
