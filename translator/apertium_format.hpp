// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

/// Apertium's stream format for plain text, as its `destxt`/`retxt`
/// filters read and write it, done in process so that a resident pipeline
/// needs no extra filter processes.
namespace bridge::translation::apertium {

/// Plain text to stream: reserved characters escaped with a backslash,
/// whitespace other than a single space kept verbatim inside a `[...]`
/// superblank, and an artificial sentence end `.[]` appended (without it
/// the pipeline holds back the last word).
std::string deformat(std::string_view text);

/// Stream to plain text: escapes undone, superblanks opened, the
/// artificial sentence end removed.
std::string reformat(std::string_view stream);

/// `translated` with the leading and trailing whitespace of `source`:
/// Apertium leaves the blank of a word it drops ("We need" becomes
/// " Necesitamos"), which the reader should not see.
std::string fit_edges(std::string_view source, std::string_view translated);

} // namespace bridge::translation::apertium
