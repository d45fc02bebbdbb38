// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/translator.hpp"

/// Installed Apertium translation modes and the pipelines they describe.
namespace bridge::translation::apertium {

/// Where Debian's `apertium-*` language packages put their modes.
constexpr const char* default_modes_dir = "/usr/share/apertium/modes";

/// One direction Apertium can translate.
struct mode {
  /// File name without `.mode` ("eng-spa").
  std::string name;
  /// ISO 639-1 codes where the language has one ("en" -> "es").
  language_pair pair;
  std::string path;
};

/// The translation modes in `dir`: files named `xxx-yyy.mode` for two
/// language codes. Variants (`spa-eng_US`) and debugging modes
/// (`eng-spa-tagger`) are left out, and so is a second mode for a pair.
/// Sorted by pair; empty when `dir` is missing.
std::vector<mode> discover(const std::string& dir);

/// One process of a pipeline: its argv.
using stage = std::vector<std::string>;

/// The stages of a `.mode` file, ready to run resident and null-flushing:
/// `-z` after each program, `$1` as `-n` (unknown words unmarked), `$2`
/// (tagger options) dropped. Empty, with `error` set, when the text is
/// not a plain pipeline of programs with quoted or bare arguments.
std::optional<std::vector<stage>> parse_pipeline(std::string_view text,
                                                 std::string& error);

} // namespace bridge::translation::apertium
