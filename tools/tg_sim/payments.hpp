// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// The one subscription period Telegram takes for Stars: 30 days.
constexpr int64_t star_subscription_period_s = 2'592'000;

/// What Telegram gives a bot to answer a pre_checkout_query.
constexpr std::chrono::seconds pre_checkout_deadline{10};

/// An invoice as createInvoiceLink was asked for it, before it is checked.
struct invoice_request {
  std::string title;
  std::string description;
  std::string payload;
  std::string currency;
  std::string provider_token;
  /// The `amount` of each LabeledPrice, in order.
  std::vector<int64_t> prices;
  /// 0 when no subscription_period was given.
  int64_t subscription_period_s = 0;
};

/// An accepted invoice: a link a user can pay.
struct invoice {
  std::string link;
  std::string title;
  std::string payload;
  int64_t amount = 0;
  int64_t period_s = 0;
};

/// What a payment's successful_payment reports instead of its invoice's
/// (0 and empty: the invoice's). Telegram never does this on its own; a
/// test uses it to check what a bot does with a payment no order
/// explains (its order changed between checkout and payment).
struct charge_override {
  int64_t amount = 0;
  std::string currency;
};

/// A pre_checkout_query waiting for the bot's answer.
struct checkout {
  std::string id;
  int64_t user_id = 0;
  std::string link;
  std::chrono::steady_clock::time_point deadline{};
  /// Applied to the charge once the bot accepts; the query itself shows
  /// the invoice.
  charge_override charged = {};
};

/// A payment Telegram made: what a successful_payment message reports.
struct charge {
  std::string id;
  int64_t user_id = 0;
  std::string payload;
  std::string link;
  int64_t amount = 0;
  std::string currency = "XTR";
  int64_t period_s = 0;
  /// Unix seconds; 0 for a one-time payment.
  int64_t expires_unix = 0;
  bool recurring = false;
  bool first_recurring = false;
  bool refunded = false;
  /// A renewal failed: the subscription ends at `expires_unix`.
  bool lapsed = false;
  /// The bot canceled its renewal (editUserStarSubscription): it ends at
  /// `expires_unix` unless the bot re-enables it.
  bool canceled = false;
};

/// What the bot's answer to a pre-checkout query did.
struct checkout_outcome {
  refusal refused;
  /// The query was found but answered too late: the payment failed.
  bool expired = false;
  /// Set when the user's payment went through.
  std::optional<charge> paid;
  int64_t user_id = 0;
};

/// Telegram Stars as the simulator keeps them: invoices, pending
/// checkouts with their 10-second deadline, charges and refunds. Pure and
/// not thread-safe (the state owns it under its lock); time is given.
class payment_book {
public:
  /// Checks `r` as createInvoiceLink does and, when it passes, keeps it
  /// and sets `link`.
  refusal create_invoice(const invoice_request& r, std::string& link);

  /// A user opens `link` and confirms: a pre-checkout query is opened
  /// with `deadline` to answer. Refuses an unknown link. `charged`
  /// overrides what the payment will report.
  refusal begin_checkout(int64_t user_id, const std::string& link,
                         std::chrono::steady_clock::time_point deadline,
                         checkout& out, const charge_override& charged = {});

  /// The bot's answerPreCheckoutQuery. A late or unknown query is refused
  /// as Telegram refuses it (a late one fails its payment); `ok` false
  /// needs an error message. When `ok` passes, the payment is charged
  /// and its subscription runs from `now_unix`.
  checkout_outcome answer(const std::string& query_id, bool ok,
                          const std::string& error_message,
                          std::chrono::steady_clock::time_point now,
                          int64_t now_unix);

  /// The subscription paid by `charge_id` renews: a new charge that runs
  /// one period past the last. Refuses a one-time, lapsed or canceled one;
  /// a refund alone does not stop it, as at Telegram.
  refusal renew(const std::string& charge_id, charge& out);

  /// A renewal fails (no Stars left): the subscription lapses.
  refusal fail_renewal(const std::string& charge_id, charge& out);

  /// editUserStarSubscription: cancels (or re-enables) the renewal of the
  /// subscription `charge_id` belongs to; `out` is its newest charge.
  refusal set_canceled(int64_t user_id, const std::string& charge_id,
                       bool canceled, charge& out);

  /// refundStarPayment.
  refusal refund(int64_t user_id, const std::string& charge_id, charge& out);

  const invoice* find_invoice(const std::string& link) const;
  const charge* find_charge(const std::string& id) const;

  void clear();

private:
  charge& add_charge(charge c);
  /// The newest charge of the subscription `c` belongs to (a user's
  /// subscription is one invoice link).
  charge* latest_of(const charge& c);

  std::unordered_map<std::string, invoice> invoices_;
  std::unordered_map<std::string, checkout> checkouts_;
  std::unordered_map<std::string, charge> charges_;
  /// "user:link" -> id of the subscription's newest charge.
  std::unordered_map<std::string, std::string> latest_;
  uint64_t serial_ = 0;
};

} // namespace bridge::tg_sim
