// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <unordered_map>
#include <vector>

#include "messages/storage_intake.hpp"
#include "storage/sql.hpp"

/// The inbox table: its statements, row builders and decoders, and the
/// code of each request.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& intake_statements();

// -- validation
// -----------------------------------------------------------------

caf::error check(const inbox_put& x);
caf::error check(const inbox_done& x);
caf::error check(const inbox_pending& x);
caf::error check(const partition_notify& x);

// -- builders and decoders
// ------------------------------------------------------

/// One multi-row insert of `rows` that skips ids stored before.
statement inbox_insert_statement(const std::vector<const inbox_row*>& rows);

/// Marks `ids` processed.
statement inbox_done_statement(const std::vector<int64_t>& ids);

/// Gives each request the ids of its rows in `fresh` (what the insert
/// returned: id -> partition); an id two requests share goes to the first.
std::vector<inbox_put_result>
split_new_ids(const std::vector<const inbox_put*>& calls,
              std::unordered_map<int64_t, int32_t> fresh);

inbox_row decode_inbox_row(const row& r);

// -- execution
// ------------------------------------------------------------------

std::vector<inbox_put_result>
execute_batch(op_context& ctx, const std::vector<const inbox_put*>& calls);

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const inbox_done*>& calls);

/// Marks the inbox rows of `update_ids` processed, as `inbox_done` does:
/// for `inbox_done` itself and for the updates a `message_put` finishes.
void mark_inbox_done(op_context& ctx, const std::vector<int64_t>& update_ids);

inbox_page execute(op_context& ctx, const inbox_pending& x);

db_count execute(op_context& ctx, const partition_notify& x);

} // namespace bridge::storage
