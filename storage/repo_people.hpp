// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include <caf/expected.hpp>

#include "messages/storage_people.hpp"
#include "storage/sql.hpp"

/// Users, invitation codes, manager-worker links, chat session state and
/// feedback (subscriptions and daily usage: storage/repo_billing.hpp).
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& people_statements();

/// Random codes tried before `user_issue_code` gives up. With 2^40 codes
/// a collision is already rare; eight in a row do not happen.
constexpr int max_code_attempts = 8;

// -- validation
// -----------------------------------------------------------------

caf::error check(const user_get& x);
caf::error check(const user_put& x);
caf::error check(const user_issue_code& x);
caf::error check(const user_by_code& x);
caf::error check(const user_reset& x);
caf::error check(const link_worker& x);
caf::error check(const unlink_worker& x);
caf::error check(const join_refused& x);
caf::error check(const inbox_rehome& x);
caf::error check(const workers_of& x);
caf::error check(const session_get& x);
caf::error check(const session_put& x);
caf::error check(const feedback_put& x);
caf::error check(const user_original_set& x);

// -- builders and decoders
// ------------------------------------------------------

user_role user_role_from(std::string_view text);

/// A user row: telegram_id, role, language, display_name, invitation_code,
/// manager_id, created_at, updated_at, original_mode.
user_record decode_user(const row& r);

chat_session_record decode_session(const row& r);

statement user_put_statement(const user_put& x);
statement user_set_code_statement(int64_t telegram_id, const std::string& code,
                                  bool replace);
statement session_put_statement(const chat_session_record& x);

// -- execution
// ------------------------------------------------------------------

caf::expected<user_record> execute(op_context& ctx, const user_get& x);
user_record execute(op_context& ctx, const user_put& x);
caf::expected<user_record> execute(op_context& ctx, const user_issue_code& x);
caf::expected<user_record> execute(op_context& ctx, const user_by_code& x);
user_reset_result execute(op_context& ctx, const user_reset& x);
caf::expected<link_result> execute(op_context& ctx, const link_worker& x);
db_count execute(op_context& ctx, const unlink_worker& x);
db_count execute(op_context& ctx, const join_refused& x);
db_count execute(op_context& ctx, const inbox_rehome& x);
user_page execute(op_context& ctx, const workers_of& x);
caf::expected<chat_session_record> execute(op_context& ctx,
                                           const session_get& x);
db_count execute(op_context& ctx, const session_put& x);
db_id execute(op_context& ctx, const feedback_put& x);
caf::expected<user_record> execute(op_context& ctx, const user_original_set& x);

/// Moves the unfinished updates of `chats` to the partition each chat
/// belongs to now (after a link, an unlink or a reset) and wakes the
/// owners of the partitions they moved to; answers how many. Update
/// `cause`, the one making the move, stays where it is handled: moved, it
/// would be handled again by the new partition's owner (and link again).
int64_t rehome(op_context& ctx, const std::vector<int64_t>& chats,
               int64_t cause = 0);

/// A note for another chat's session (messages/conversation.hpp).
struct queued_note {
  std::string kind;
  int64_t chat_id = 0;
  int64_t user_id = 0;
  std::string name;
  int64_t cause = 0;
};

/// Stores `notes` as inbox rows in the current transaction and wakes the
/// owners of their partitions.
void queue_notes(op_context& ctx, const std::vector<queued_note>& notes);

} // namespace bridge::storage
