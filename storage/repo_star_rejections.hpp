// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include "messages/storage.hpp"
#include "storage/sql.hpp"

/// Stars events that credited nothing (migration 015): refused
/// pre-checkout queries and successful payments no order explains, stored
/// once each for operators, who list them and may refund such a payment.
/// The Stars repository (storage/repo_stars.cpp) writes them inside its
/// own checks' transactions.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& star_rejection_statements();

/// Stores a refused checkout; a query id stored before stores nothing.
void record_refused_checkout(op_context& ctx, const star_checkout& x,
                             star_verdict verdict);

/// The verdict a payment with this charge id was stored with, if any.
std::optional<star_verdict> rejected_before(op_context& ctx,
                                            const std::string& charge_id);

/// Stores an uncredited payment; false when a concurrent delivery of the
/// same charge stored it first (nothing stored again).
bool record_uncredited(op_context& ctx, const star_credit& x,
                       star_verdict verdict);

/// The uncredited payment with this charge id, as a refund needs it
/// (`credited` false, `order_id` 0).
std::optional<star_payment> uncredited_payment(op_context& ctx,
                                               const std::string& charge_id);

/// Marks an uncredited payment refunded; false when it was before.
bool mark_uncredited_refunded(op_context& ctx, const std::string& charge_id,
                              const std::string& requested_by);

caf::error check(const star_rejection_list& x);
star_rejection_page execute(op_context& ctx, const star_rejection_list& x);

/// The verdict stored as `text` (to_string's), unknown_order for a text
/// no build wrote.
star_verdict verdict_from(std::string_view text);

} // namespace bridge::storage
