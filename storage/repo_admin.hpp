// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <caf/expected.hpp>

#include "messages/storage.hpp"
#include "storage/sql.hpp"

/// Operator listings, backlog counts and retention deletes.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& admin_statements();

/// Most rows one `purge` may delete.
constexpr int64_t max_purge_batch = 100000;

caf::error check(const user_list& x);
caf::error check(const conversation_list& x);
caf::error check(const purge& x);
caf::error check(const backlog_get& x);

statement user_list_statement(const user_list& x);
statement conversation_list_statement(const conversation_list& x);
statement purge_statement(const purge& x);

user_page execute(op_context& ctx, const user_list& x);
conversation_page execute(op_context& ctx, const conversation_list& x);
caf::expected<db_count> execute(op_context& ctx, const purge& x);
backlog_counts execute(op_context& ctx, const backlog_get& x);

} // namespace bridge::storage
