// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// A team's glossary: terms the manager fixed, found in a text and kept
/// through translation. Pure logic: no regex engine is ever built from a
/// user's term; matching is a scan over code points.
namespace bridge::domain::glossary {

// -- limits -------------------------------------------------------------------

/// Code points a term (and a translation) may have.
constexpr size_t max_term_chars = 64;

// -- text classes -------------------------------------------------------------

/// Lower case for the scripts the bot serves (Latin with diacritics,
/// Greek, Cyrillic); other code points are returned as they are.
char32_t fold(char32_t c);

/// `text` folded code point by code point; malformed bytes kept as they are.
std::string fold(std::string_view text);

/// A letter or digit of an alphabetic script: such code points join into
/// words, everything else separates them. Ideographs and kana are not
/// word code points: scripts written without spaces have a boundary
/// between any two characters.
bool is_word(char32_t c);

// -- terms and matching -------------------------------------------------------

/// One entry as a translation uses it: the term in the writer's language
/// and its fixed translation in the reader's.
struct term {
  std::string text;
  std::string translation;
};

/// Where a term occurs in a text: bytes [begin, end) of the original, and
/// the index of the term in the matcher's list.
struct match {
  size_t begin = 0;
  size_t end = 0;
  size_t term = 0;
};

/// Finds terms in texts: case-insensitively, whole words only, the
/// longest term first where several start at one place, never two
/// overlapping. Built once per glossary, used for every message.
class matcher {
public:
  explicit matcher(std::vector<term> terms);

  /// The occurrences in `text`, in order.
  std::vector<match> find(std::string_view text) const;

  const std::vector<term>& terms() const { return terms_; }

private:
  /// A trie of the terms' folded code points: a match walks it once from
  /// where a word starts, however many terms share a beginning. Each
  /// node's children are a run of `edge_points_` (sorted) and
  /// `edge_nodes_`, so a walk reads two flat arrays.
  struct node {
    /// The node's first edge and how many it has.
    uint32_t first_edge = 0;
    uint32_t edges = 0;
    /// The term ending here (the first given, of equal ones), or -1.
    int64_t term = -1;
    /// Whether that term's last code point is a word character (then it
    /// may not end where a word goes on).
    bool ends_in_word = false;
  };

  /// The child of `at` for `c`, or 0 (the root is never a child).
  uint32_t child(uint32_t at, char32_t c) const;

  std::vector<term> terms_;
  /// For an ASCII first code point: which second code points some term
  /// continues with (bit 127 stands for any code point past ASCII), and
  /// whether a term is that one code point alone. Most word starts are
  /// turned away here, before the trie.
  std::array<std::bitset<128>, 128> ascii_next_{};
  std::array<bool, 128> ascii_alone_{};
  /// Whether some term begins with this ASCII byte, in either case: the
  /// scan passes every other word without reading its code points.
  std::array<bool, 128> ascii_starts_{};
  /// nodes_[0] is the root.
  std::vector<node> nodes_{1};
  std::vector<char32_t> edge_points_;
  std::vector<uint32_t> edge_nodes_;
};

// -- placeholders -------------------------------------------------------------

/// Placeholder `n`: U+E000, the decimal number, U+E001. Private-use code
/// points never come out of a translation engine's dictionaries; the
/// Apertium stream format carries the whole run as a blank (see
/// translator/apertium_format.hpp), which every stage passes through.
std::string placeholder(size_t n);

/// A text with its terms replaced by placeholders.
struct protected_text {
  std::string text;
  /// What placeholder `n` stands for.
  std::vector<std::string> replacements;
};

/// Replaces each term found by `m` with a placeholder whose replacement is
/// the term's translation. Placeholder code points already in `text` are
/// removed first, so a writer cannot forge one.
protected_text protect(const matcher& m, std::string_view text);

/// Puts the replacements back in place of the placeholders. A placeholder
/// whose number is unknown is dropped.
std::string restore(std::string_view text,
                    const std::vector<std::string>& replacements);

// -- commands -----------------------------------------------------------------

/// Why an entry was refused.
enum class add_error : uint8_t {
  none,
  /// No " = " between term and translation.
  no_separator,
  empty_term,
  empty_translation,
  /// Over `max_term_chars` code points.
  too_long,
  /// A `code:` prefix that is not a language code.
  bad_language,
  /// The same language twice.
  repeated_language,
  /// The term has no letter or digit: it could never match.
  no_word,
};

/// One translation of a term.
struct side {
  /// ISO 639-1 code; empty when none was given (the partner's language).
  std::string lang;
  std::string translation;
};

/// `/glossary add TERM = TRANSLATION` or `TERM = es: ...; pt: ...`.
/// `term` is tidied but keeps the case it was typed in; store it under
/// `key(term)`.
struct add_request {
  add_error error = add_error::none;
  std::string term;
  std::vector<side> sides;
};

/// Reads the argument of `/glossary add`.
add_request parse_add(std::string_view args);

/// Whether `text` is written in a script messages in `lang` use: letters
/// of another alphabet (a Cyrillic term for English) could never occur
/// in such a message. Latin letters pass for every language (names,
/// brands, codes); digits and signs pass always; an unknown language
/// accepts anything.
bool fits_script(std::string_view text, std::string_view lang);

/// Code points in `text`.
size_t length(std::string_view text);

/// Whether a pair of wordings can be a glossary entry as they are: the
/// term (tidied) has a letter or digit and at most `max_term_chars` code
/// points, the translation is not blank and has at most twice that. A
/// corrected whole sentence is not a term.
bool fits_entry(std::string_view term, std::string_view translation);

/// Trims and joins inner whitespace runs into one space, keeping case:
/// a term as it is shown ("Back Room").
std::string tidy(std::string_view term);

/// `tidy` folded: the key under which a term is stored and matched, so
/// "Back Room", "back room" and "back  room " are one term.
std::string key(std::string_view term);

} // namespace bridge::domain::glossary
