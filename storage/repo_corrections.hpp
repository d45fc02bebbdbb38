// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/storage_corrections.hpp"
#include "storage/sql.hpp"

/// Corrections of translations: the message behind a reader's copy, the
/// corrections stored, and the repeated ones as glossary suggestions.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& correction_statements();

caf::error check(const correction_target& x);
caf::error check(const correction_put& x);
caf::error check(const correction_list& x);
caf::error check(const correction_suggestions& x);
caf::error check(const correction_recent& x);

correction_source execute(op_context& ctx, const correction_target& x);
db_id execute(op_context& ctx, const correction_put& x);
correction_page execute(op_context& ctx, const correction_list& x);
correction_suggestion_page execute(op_context& ctx,
                                   const correction_suggestions& x);
correction_brief_page execute(op_context& ctx, const correction_recent& x);

} // namespace bridge::storage
