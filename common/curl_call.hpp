// SPDX-License-Identifier: Apache-2.0
#pragma once

// What `http_client` and `http_multi` share: how one call is set up on a
// libcurl easy handle and how its result becomes an `http_response`.
// Only those two include this header.

#include <chrono>
#include <cstddef>
#include <string>

#include <curl/curl.h>

#include "common/http_client.hpp"

namespace bridge::detail {

/// Once per process, before the first handle.
void curl_global_init_once();

/// Where one call's response goes while libcurl receives it.
struct curl_transfer {
  http_response* resp = nullptr;
  size_t max_body = 0;
  bool too_large = false;
  /// The request body, handed to libcurl as it asks; `body_read` bytes so far.
  const std::string* body = nullptr;
  size_t body_read = 0;
};

/// Resets `h` and sets everything one call needs; `body` null means GET,
/// `method` null means POST (with a body) or GET. `headers` and `t` must
/// outlive the transfer.
void set_call_options(CURL* h, const std::string& url, const std::string* body,
                      curl_slist* headers, std::chrono::milliseconds timeout,
                      curl_transfer& t, const char* method);

/// Fills `t.resp` from the transfer's result.
void finish_response(CURL* h, CURLcode rc, curl_transfer& t);

} // namespace bridge::detail
