// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

/// What llm-sim puts on the wire, in the Messages API's shapes.
namespace bridge::llm_sim {

/// `{"type":"error","error":{"type":...,"message":...}}`.
std::string error_body(std::string_view type, std::string_view message);

/// A Messages API answer carrying `text` (no content block when empty).
std::string message_body(uint64_t id, std::string_view model,
                         std::string_view text, bool truncated,
                         int64_t input_tokens);

/// RFC 3339 in UTC, whole seconds rounded up (a reset is never early).
std::string rfc3339(std::chrono::system_clock::time_point t);

/// Input tokens as the simulator counts them: every character of the
/// system prompt and of the text blocks, four to a token, rounded up.
int64_t count_input_tokens(std::string_view body);

/// The text to "translate": the last text block of the last message; empty
/// when there is none.
std::string last_text(std::string_view body);

/// `text` with the terms of the request's terminology block (a text block
/// opening "Binding terminology", then one "term -> translation" a line)
/// replaced by their translations, as a model that obeys it would: the
/// answer shows what the prompt carried. `text` as it is without one.
std::string apply_terminology(std::string_view body, std::string text);

} // namespace bridge::llm_sim
