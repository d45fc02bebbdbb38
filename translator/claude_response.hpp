// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string_view>

#include "common/http_client.hpp"
#include "messages/translator.hpp"

/// What the Messages API answered, as a `backend_reply`.
namespace bridge::translation::claude {

/// Decodes a 200 body: the text blocks of `content`, joined. `ok`, or
/// `malformed` (not the documented shape), `empty` (no text),
/// `truncated` (stopped at max_tokens) or `refused` (the model declined).
backend_reply decode_success(std::string_view body);

/// Reads `{"type":"error","error":{"type":...,"message":...}}`; a body
/// that is not such an object leaves `type` empty and quotes the start of
/// the body as the message.
void decode_error(std::string_view body, std::string& type,
                  std::string& message);

/// The whole answer: transport failure, timeout, HTTP error or success,
/// with `retry-after` and the rate-limit headers read against `now`.
backend_reply decode_response(const http_response& resp,
                              std::chrono::system_clock::time_point now);

} // namespace bridge::translation::claude
