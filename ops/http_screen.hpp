// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>

#include <httplib.h>

namespace bridge::ops {

/// What the headers of a request say about its body, judged before a
/// byte of the body is read.
struct body_screen {
  /// 0 when the request may go on; otherwise the status to answer it with
  /// (the body is then never read and the connection is closed).
  int status = 0;
  /// Why, for the answer and the refusal counter's label.
  const char* reason = "";
  /// A body follows the headers (a length above 0, or chunked).
  bool has_body = false;
  /// A body follows that cpp-httplib will not read (a GET with a body):
  /// the connection must close after the answer, or its bytes would be
  /// taken for the next request.
  bool body_left_unread = false;
};

/// Judges the framing of a request's body from its method and headers:
/// a `Content-Length` that is not one plain decimal number, or more than
/// one, is 400; one past `max_body_bytes` is 413; a transfer coding other
/// than plain `chunked` is 501; a POST, PUT or PATCH with neither a length
/// nor chunked is 411 (cpp-httplib would read it until the client closes).
body_screen screen_body(const std::string& method,
                        const httplib::Headers& headers, size_t max_body_bytes);

} // namespace bridge::ops
