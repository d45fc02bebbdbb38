// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <caf/expected.hpp>

#include "messages/storage_glossary.hpp"
#include "storage/sql.hpp"

/// A team's glossary (messages/storage_glossary.hpp): the manager's terms,
/// a worker's proposals and the manager's answers.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& glossary_statements();

caf::error check(const glossary_list& x);
caf::error check(const glossary_put& x);
caf::error check(const glossary_answer& x);
caf::error check(const glossary_remove& x);

glossary_page execute(op_context& ctx, const glossary_list& x);
glossary_page execute(op_context& ctx, const glossary_put& x);
caf::expected<glossary_row> execute(op_context& ctx, const glossary_answer& x);
db_count execute(op_context& ctx, const glossary_remove& x);

} // namespace bridge::storage
