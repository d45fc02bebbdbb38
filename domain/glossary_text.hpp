// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

/// What the glossary's translation units share and nobody else needs:
/// reading code points and trimming, the same way in matching and in the
/// commands' parsing.
namespace bridge::domain::glossary::detail {

/// The code point at `i` and its length in bytes; a malformed byte is
/// returned as itself (above U+10FFFF, so it folds to nothing else and
/// is no word) with length 1.
std::pair<char32_t, size_t> decode(std::string_view s, size_t i);

inline bool in(char32_t c, char32_t lo, char32_t hi) {
  return c >= lo && c <= hi;
}

/// `s` without the spaces, tabs and line ends around it.
std::string_view trim(std::string_view s);

} // namespace bridge::domain::glossary::detail
