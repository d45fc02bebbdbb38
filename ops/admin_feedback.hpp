// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace bridge::ops {

struct admin_options;

/// `GET /admin/feedback?after=&limit=`: a page of users' feedback, each
/// piece with its author's role and language and its text in
/// `operator_language` (ops/feedback_view.hpp). A piece not yet
/// translated is sent to the engine's translator (its rates, queue and
/// breaker apply; at most `max_feedback_translations` a reading, waited
/// for at most a few seconds) and the translation stored, so later
/// readings do not ask again. A translator that fails or is late leaves
/// the original, marked, never an error page. Runs on an HTTP thread
/// (it blocks while it waits), never on the actor scheduler's.
void serve_feedback(const httplib::Request& req, httplib::Response& res,
                    const admin_options& o);

} // namespace bridge::ops
