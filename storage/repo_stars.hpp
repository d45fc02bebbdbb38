// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <caf/error.hpp>
#include <caf/expected.hpp>

#include "messages/storage.hpp"
#include "storage/sql.hpp"

/// Telegram Stars: orders, payments credited once per charge id, refunds
/// (migration 009). Money is stored here and nowhere else.
namespace bridge::storage {

/// Statements of this repository.
const std::vector<sql_def>& star_statements();

/// Most Stars one order may ask (Telegram's own cap on an invoice).
constexpr int64_t max_order_stars = 10'000;

caf::error check(const star_order_open& x);
caf::error check(const star_checkout& x);
caf::error check(const star_credit& x);
caf::error check(const star_payment_get& x);
caf::error check(const star_refund_put& x);

star_order execute(op_context& ctx, const star_order_open& x);
star_outcome execute(op_context& ctx, const star_checkout& x);
star_outcome execute(op_context& ctx, const star_credit& x);
caf::expected<star_payment> execute(op_context& ctx, const star_payment_get& x);
caf::expected<star_payment> execute(op_context& ctx, const star_refund_put& x);

} // namespace bridge::storage
