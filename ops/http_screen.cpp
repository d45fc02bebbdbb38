// SPDX-License-Identifier: Apache-2.0
#include "ops/http_screen.hpp"

#include <strings.h>

#include <cstdint>

#include "common/content_length.hpp"

namespace bridge::ops {

namespace {

/// cpp-httplib reads a body for these methods, and only these.
bool body_is_read(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH"
         || method == "DELETE" || method == "PRI";
}

body_screen refuse(int status, const char* reason) {
  body_screen s;
  s.status = status;
  s.reason = reason;
  return s;
}

} // namespace

body_screen screen_body(const std::string& method,
                        const httplib::Headers& headers,
                        size_t max_body_bytes) {
  auto lengths = headers.count("Content-Length");
  auto codings = headers.count("Transfer-Encoding");
  body_screen s;
  if (codings > 0) {
    // Both framings at once is how requests are smuggled past proxies.
    if (codings > 1 || lengths > 0)
      return refuse(400, "bad_framing");
    const auto& te = headers.find("Transfer-Encoding")->second;
    if (::strcasecmp(te.c_str(), "chunked") != 0)
      return refuse(501, "bad_framing");
    s.has_body = true;
  } else if (lengths > 0) {
    uint64_t len = 0;
    if (lengths > 1
        || !parse_content_length(headers.find("Content-Length")->second, len))
      return refuse(400, "bad_framing");
    if (len > max_body_bytes)
      return refuse(413, "too_large");
    s.has_body = len > 0;
  } else if (method == "POST" || method == "PUT" || method == "PATCH") {
    return refuse(411, "length_required");
  }
  s.body_left_unread = s.has_body && !body_is_read(method);
  return s;
}

} // namespace bridge::ops
