// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <variant>

#include "messages/storage.hpp"
#include "ops/admin_query.hpp"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

/// Readers' corrections of translations for operators: a page of JSON, or
/// JSON Lines (one correction an object a line) to export for review or
/// fine-tuning.
namespace bridge::ops {

struct admin_options;

/// A parsed `GET /admin/corrections?after=&limit=&format=json|jsonl`.
struct corrections_query {
  correction_list list;
  bool jsonl = false;
};

std::variant<corrections_query, bad_request>
parse_corrections(const query_params& q);

/// `{"rows":[...],"next_after":id|null}`.
std::string render_corrections(const correction_page& page, int64_t limit);

/// One JSON object a line, each ending in "\n"; nothing for no rows.
std::string render_corrections_jsonl(const correction_page& page);

/// Serves the route on an HTTP thread (it blocks on the pool's answer).
void serve_corrections(const httplib::Request& req, httplib::Response& res,
                       const admin_options& o);

} // namespace bridge::ops
