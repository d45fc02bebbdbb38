// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "messages/telegram.hpp"
#include "telegram/update_outcome.hpp"

/// One Update object, parsed, into a `tg_update` or a reason why not. For
/// the decoder's own use (its header is `update_decoder.hpp`).
namespace bridge::telegram::detail {

/// Decodes the parsed element `el`: a decoded update is appended to
/// `out`; the outcome names its id and end either way. Every string kept
/// is cleaned (`clean_input`).
element_outcome decode_element(simdjson::dom::element el, int64_t received_ns,
                               std::vector<tg_update>& out);

/// Why the parser refused `text` with `err`, as a refusal reason.
refuse_reason parse_refusal(simdjson::error_code err, std::string_view text);

} // namespace bridge::telegram::detail
