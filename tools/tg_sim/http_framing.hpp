// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

/// How an HTTP/1.1 answer is framed, read without a socket: its status
/// line and headers, a Content-Length, a chunk's size line. Pure, for
/// loopback_http and its tests; every parser refuses what it cannot read
/// whole instead of guessing.
namespace bridge::tg_sim::framing {

/// An answer's status line and headers.
struct answer_head {
  /// 0 when the head is malformed (`error` says how).
  long status = 0;
  /// Names lower-cased, values without surrounding blanks.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string error;
};

/// `head` is everything before the blank line that ends the headers.
answer_head parse_head(std::string_view head);

/// A chunk's size line: hex digits (at most 15), optionally followed by
/// ";extension".
bool parse_chunk_size(std::string_view line, size_t& out);

/// Whether a header's value names `token` (lower case), in any case.
bool has_token(std::string_view value, std::string_view token);

} // namespace bridge::tg_sim::framing
