// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "messages/translator.hpp"

/// Language codes: Bridge speaks ISO 639-1 ("en", "es"); Apertium names
/// its modes with ISO 639-3 ("eng-spa"); Claude is told language names.
namespace bridge::translation::languages {

/// Lower-cases `code` and drops a region or script suffix ("en-US" and
/// "EN_us" become "en"). Empty when what is left is not two or three
/// ASCII letters.
std::string normalize(std::string_view code);

/// ISO 639-1 code of an ISO 639-3 or 639-2/B code ("spa" -> "es"); the
/// code itself when the language has no two-letter code ("ast").
std::string to_iso1(std::string_view code);

/// English name of a language code ("es" -> "Spanish"); empty if unknown.
std::string_view english_name(std::string_view iso1);

/// The languages the Claude backend translates between (every pair).
const std::vector<std::string>& claude_languages();

/// Every ordered pair of distinct codes in `codes`.
std::vector<language_pair> all_pairs(const std::vector<std::string>& codes);

/// "en->es, es->en" for messages.
std::string describe(const std::vector<language_pair>& pairs);

} // namespace bridge::translation::languages
