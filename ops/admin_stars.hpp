// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace bridge::ops {

struct admin_options;

/// `POST /admin/payments/ID/refund` (ID: the telegram_payment_charge_id;
/// optional body `{"requested_by":"name"}`): gives the Stars back through
/// refundStarPayment, then records the refund and ends the subscription
/// the payment paid for, in one transaction, and logs who asked. A payment
/// that credited nothing (/admin/payments/uncredited) is refunded the same
/// way, its refund marked on its row, and no subscription ended. 404 for
/// an unknown charge; 409 for one refunded before (here, or already at
/// Telegram: then recorded too, so the books match); 502 when Telegram
/// refuses or cannot be reached (nothing is recorded, the operator may
/// try again). A refund of a subscription's payment then cancels the
/// subscription's renewal (editUserStarSubscription), or Telegram would
/// charge the user again next period: the answer says
/// `"renewal_canceled":true|false`. A failed cancellation leaves the
/// refund standing; it is logged, counted in
/// bridge_star_renewal_cancel_failures_total, and POSTing the route again
/// (a 409, since the refund was made) retries it. Runs on an HTTP thread:
/// it blocks while it waits.
void refund_payment(const httplib::Request& req, httplib::Response& res,
                    const admin_options& o);

} // namespace bridge::ops
