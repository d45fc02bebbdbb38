// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <caf/expected.hpp>

#include "messages/storage_join.hpp"
#include "storage/sql.hpp"

/// Join requests and their answers, and a manager's removal of a worker
/// (messages/storage_join.hpp). Every change that concerns another chat
/// queues a note for it in the same transaction (`queue_notes`).
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& join_statements();

caf::error check(const join_request_put& x);
caf::error check(const join_answer& x);
caf::error check(const worker_remove& x);

db_count execute(op_context& ctx, const join_request_put& x);
caf::expected<user_record> execute(op_context& ctx, const join_answer& x);
caf::expected<user_record> execute(op_context& ctx, const worker_remove& x);

/// Deletes the join requests `user_id` made or was asked (their reset);
/// answers how many.
int64_t forget_join_requests(op_context& ctx, int64_t user_id);

} // namespace bridge::storage
