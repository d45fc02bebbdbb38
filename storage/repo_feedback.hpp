// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/storage_feedback.hpp"
#include "storage/sql.hpp"

/// Feedback as operators read it: listed a page at a time, with the
/// translation into the operator's language stored once made (users store
/// it with `feedback_put`, storage/repo_people.hpp).
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& feedback_statements();

caf::error check(const feedback_list& x);
caf::error check(const feedback_translated& x);

feedback_page execute(op_context& ctx, const feedback_list& x);
db_count execute(op_context& ctx, const feedback_translated& x);

} // namespace bridge::storage
