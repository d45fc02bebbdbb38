// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "telegram/bot_api.hpp"

/// The Bot API calls of Telegram Stars, encoded and decoded without I/O.
namespace bridge::telegram {

/// Telegram's one subscription period for Stars: 30 days.
constexpr int64_t star_subscription_period_s = 2'592'000;

/// createInvoiceLink for a Stars subscription: currency XTR, an empty
/// provider token, one price of `stars`, `period_s` (0: a one-time
/// payment).
api_call encode_create_invoice_link(std::string_view title,
                                    std::string_view description,
                                    std::string_view payload, int64_t stars,
                                    int64_t period_s);

/// answerPreCheckoutQuery; `error_message` is shown to the payer when
/// `ok` is false.
api_call encode_answer_pre_checkout(std::string_view query_id, bool ok,
                                    std::string_view error_message);

/// refundStarPayment.
api_call encode_refund_star_payment(int64_t user_id,
                                    std::string_view charge_id);

/// editUserStarSubscription: `canceled` true stops Telegram renewing the
/// subscription `charge_id` paid (it runs to the end of its period).
api_call encode_edit_user_star_subscription(int64_t user_id,
                                            std::string_view charge_id,
                                            bool canceled);

/// The string `result` of a successful reply (an invoice link); nullopt
/// for an error or anything unreadable.
std::optional<std::string> decode_string_result(std::string_view body);

} // namespace bridge::telegram
