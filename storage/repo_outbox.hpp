// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "messages/storage_intake.hpp"
#include "storage/fence.hpp"
#include "storage/sql.hpp"

/// The outbox table: its statements, row builders and decoders, and the
/// code of each request.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& outbox_statements();

// -- validation
// -----------------------------------------------------------------

caf::error check(const outbox_put& x);
/// The input fields of an outbox row, as `outbox_put` and `message_put`
/// write them.
caf::error check(const outbox_record& x);
caf::error check(const outbox_sent& x);
caf::error check(const outbox_failed& x);
caf::error check(const outbox_unsent& x);
caf::error check(const reply_put& x);

// -- builders and decoders
// ------------------------------------------------------

/// One multi-row insert of outbox rows that skips known dedupe keys.
statement
outbox_insert_statement(const std::vector<const outbox_record*>& rows);

/// Looks up existing rows by dedupe key.
statement outbox_lookup_statement(const std::vector<std::string>& keys);

/// Marks rows sent, each with its Telegram message ids.
/// The marks of `calls`, one statement that checks `fences` itself.
statement outbox_sent_statement(const std::vector<const outbox_sent*>& calls,
                                fence_arrays fences = {"{}", "{}"});

/// Marks rows failed, each with its reason (truncated) and attempt count.
statement
outbox_failed_statement(const std::vector<const outbox_failed*>& calls);

outbox_status outbox_status_from(std::string_view text);

outbox_record decode_outbox_record(const row& r);

/// The id and status of an existing row, as the lookup returns them.
struct outbox_known {
  int64_t id = 0;
  outbox_status status = outbox_status::pending;
};

/// Answers each outbox row from what the insert `created` (key to id) and
/// what the lookup found (`known`). A key two rows share is created for
/// the first only.
std::vector<outbox_put_result>
split_outbox_puts(const std::vector<const outbox_record*>& items,
                  const std::unordered_map<std::string, int64_t>& created,
                  const std::unordered_map<std::string, outbox_known>& known);

// -- execution
// ------------------------------------------------------------------

std::vector<outbox_put_result>
execute_batch(op_context& ctx, const std::vector<const outbox_put*>& calls);

/// `row` as a write carrying `fence` stores it: sent by the owner of the
/// fence's partition (a write without a fence leaves the row to its
/// chat's partition).
outbox_record placed(const outbox_record& row, const fence_token& fence);

std::vector<const outbox_record*>
pointers_to(const std::vector<outbox_record>& rows);

/// Writes outbox rows as `outbox_put` does, answering each in order: for
/// `outbox_put` itself and for the copies a `message_put` carries.
std::vector<outbox_put_result>
write_outbox(op_context& ctx, const std::vector<const outbox_record*>& items);

/// The second half of `write_outbox`, for a caller that ran the insert
/// itself: looks up the rows the insert did not create (stored before)
/// and answers each item.
std::vector<outbox_put_result>
settle_outbox(op_context& ctx, const std::vector<const outbox_record*>& items,
              const std::unordered_map<std::string, int64_t>& created);

/// Writes the rows and marks the finished updates, in the turn's
/// transaction.
std::vector<reply_put_result>
execute_batch(op_context& ctx, const std::vector<const reply_put*>& calls);

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const outbox_sent*>& calls);

std::vector<db_count>
execute_batch(op_context& ctx, const std::vector<const outbox_failed*>& calls);

outbox_page execute(op_context& ctx, const outbox_unsent& x);

} // namespace bridge::storage
