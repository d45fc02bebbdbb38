// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <utility>
#include <vector>

#include <caf/expected.hpp>

#include "messages/storage_talk.hpp"
#include "storage/sql.hpp"

/// Conversations, their messages and tasks.
namespace bridge::storage {

/// Statements of this repository: conversations and messages, then
/// tasks (`task_statements`, storage/repo_tasks.cpp).
const std::vector<sql_def>& talk_statements();
const std::vector<sql_def>& task_statements();

/// Most sequence numbers one `conversation_reserve` may take.
constexpr int64_t max_reserve = 10000;

// -- validation
// -----------------------------------------------------------------

caf::error check(const conversation_open& x);
caf::error check(const conversation_reserve& x);
caf::error check(const message_put& x);
caf::error check(const message_update& x);
caf::error check(const message_recent& x);
caf::error check(const message_count& x);
caf::error check(const task_create& x);
caf::error check(const task_list& x);
caf::error check(const task_done& x);
caf::error check(const task_texts& x);
caf::error check(const task_translated& x);

// -- builders and decoders
// ------------------------------------------------------

message_status message_status_from(std::string_view text);
task_status task_status_from(std::string_view text);

/// A message row: id, conversation_id, seq, sender_id, source_message_id,
/// original_text, original_lang, translated_text, translated_lang, status,
/// created_at, updated_at.
message_row decode_message(const row& r);

task_record decode_task(const row& r);

/// id, manager_id, worker_id, last_seq, created_at, last_message_at.
conversation_record decode_conversation(const row& r);

/// One multi-row insert of `rows` that skips (conversation, seq) pairs
/// stored before.
statement message_insert_statement(const std::vector<const message_row*>& rows);

/// (conversation_id, seq) of a stored message.
using message_key = std::pair<int64_t, int64_t>;

/// Adds to `stored` the ids of the rows of `calls` it lacks that a write
/// before stored (read in chunks of `batch_max`): what makes a rerun of a
/// batch whose answer was lost answer as the first run did.
void add_stored_before(op_context& ctx,
                       const std::vector<const message_put*>& calls,
                       std::map<message_key, int64_t>& stored);

/// Answers each `message_put` with the ids of its rows in `stored`, 0 for
/// rows it lacks; a key two requests share goes to the first.
std::vector<message_put_result>
split_message_ids(const std::vector<const message_put*>& calls,
                  std::map<message_key, int64_t> stored);

statement message_update_statement(const message_update& x);
statement message_recent_statement(const message_recent& x);
statement task_list_statement(const task_list& x);

/// A batch of messages with their copies and the updates they finish, in
/// one statement (execute_batch's path when the batch fits one).
const sql_def& message_store_statement();

// -- execution
// ------------------------------------------------------------------

caf::expected<conversation_record> execute(op_context& ctx,
                                           const conversation_open& x);
caf::expected<seq_range> execute(op_context& ctx,
                                 const conversation_reserve& x);
std::vector<message_put_result>
execute_batch(op_context& ctx, const std::vector<const message_put*>& calls);
caf::expected<message_row> execute(op_context& ctx, const message_update& x);
message_page execute(op_context& ctx, const message_recent& x);
db_count execute(op_context& ctx, const message_count& x);
task_record execute(op_context& ctx, const task_create& x);
task_page execute(op_context& ctx, const task_list& x);
caf::expected<task_record> execute(op_context& ctx, const task_done& x);
task_text_page execute(op_context& ctx, const task_texts& x);
db_count execute(op_context& ctx, const task_translated& x);

} // namespace bridge::storage
