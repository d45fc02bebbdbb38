// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string_view>

namespace bridge {

/// An HTTP Content-Length value (RFC 9110, 8.6): one to nineteen decimal
/// digits and nothing else: no sign, no blanks, no list. Nineteen digits
/// always fit 64 bits, so no value can wrap. False, with `out` untouched,
/// for anything else.
bool parse_content_length(std::string_view text, uint64_t& out);

} // namespace bridge
