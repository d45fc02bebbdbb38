// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "messages/storage_stars.hpp"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace bridge::ops {

struct admin_options;

/// A page of Stars events that credited nothing, newest first:
/// `{"rows":[{"id","kind","verdict","user_id","payload","currency",
/// "amount","charge_id","query_id","expires_at_ms","created_at_ms",
/// "refunded_at_ms","refunded_by"}],"next_before":N|null}`; `next_before`
/// is the `before` of the next (older) page, null on the last.
std::string render(const star_rejection_page& page, int64_t limit);

/// `GET /admin/payments/uncredited?kind=payment|checkout|all&before=&limit=`:
/// successful payments no order explained (Telegram took the Stars,
/// nothing was credited; refund one with `POST /admin/payments/ID/refund`)
/// and, asked for, refused pre-checkout queries. 400 for a bad parameter,
/// 503 when the database does not answer. Runs on an HTTP thread.
void serve_uncredited(const httplib::Request& req, httplib::Response& res,
                      const admin_options& o);

} // namespace bridge::ops
