// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>

#include "messages/storage.hpp"

/// The admin API's request parsing and answer rendering, pure: query
/// parameters in, storage requests or a reason out; records in, JSON out.
namespace bridge::ops {

/// Query parameters as the HTTP server hands them over.
using query_params = std::multimap<std::string, std::string>;

/// Why a request was refused (HTTP 400 with this text).
struct bad_request {
  std::string reason;
};

/// `GET /admin/users?role=&language=&active_since_ms=&after=&limit=`.
std::variant<user_list, bad_request> parse_user_list(const query_params& q);

/// `GET /admin/conversations?manager=&worker=&active_since_ms=&after=&limit=`.
std::variant<conversation_list, bad_request>
parse_conversation_list(const query_params& q);

/// `GET /admin/parked?after=&limit=`.
std::variant<inbox_parked, bad_request>
parse_parked_list(const query_params& q);

/// `GET /admin/feedback?after=&limit=`.
std::variant<feedback_list, bad_request>
parse_feedback_list(const query_params& q);

/// `GET /admin/payments/uncredited?kind=payment|checkout|all&before=&limit=`
/// (newest first; `before` an id from an earlier page).
std::variant<star_rejection_list, bad_request>
parse_uncredited_list(const query_params& q);

/// A user id in a path segment: positive decimal, else nullopt.
std::optional<int64_t> parse_id(const std::string& text);

/// `{"rows":[...],"next_after":N|null}`: `next_after` is the id to ask
/// from for the next page, null on the last page.
std::string render(const user_page& page, int64_t limit);
std::string render(const conversation_page& page, int64_t limit);
std::string render(const parked_page& page, int64_t limit);
std::string render(const subscription& s);
std::string render(const db_pool_status& s);

/// `{"error":"..."}`.
std::string render_error(const std::string& reason);

} // namespace bridge::ops
