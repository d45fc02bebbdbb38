// SPDX-License-Identifier: Apache-2.0
// A glossary's terms kept out of the translator's reach: each found term
// becomes a numbered placeholder the translators carry through untouched,
// and the term's translation takes its place afterwards.
#include "domain/glossary.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bridge::domain::glossary {

namespace {

/// The placeholder marks, U+E000 and U+E001 (private use), in UTF-8. Their
/// lead byte never continues another sequence, so a search for them lands
/// only on code point boundaries.
constexpr std::string_view open_bytes = "\xEE\x80\x80";
constexpr std::string_view close_bytes = "\xEE\x80\x81";

} // namespace

std::string placeholder(size_t n) {
  std::string out{open_bytes};
  out += std::to_string(n);
  out += close_bytes;
  return out;
}

protected_text protect(const matcher& m, std::string_view text) {
  // Copied in runs between the marks (a writer's forged ones), not code
  // point by code point.
  std::string clean;
  clean.reserve(text.size());
  size_t from = 0;
  for (size_t i = text.find('\xEE'); i != std::string_view::npos;
       i = text.find('\xEE', i + 1)) {
    auto three = text.substr(i, 3);
    if (three == open_bytes || three == close_bytes) {
      clean.append(text, from, i - from);
      from = i + 3;
      i += 2;
    }
  }
  clean.append(text, from, std::string_view::npos);
  protected_text out;
  auto found = m.find(clean);
  if (found.empty()) {
    out.text = std::move(clean);
    return out;
  }
  out.text.reserve(clean.size() + found.size() * 8);
  size_t at = 0;
  for (auto& f : found) {
    out.text.append(clean, at, f.begin - at);
    out.text += placeholder(out.replacements.size());
    out.replacements.push_back(m.terms()[f.term].translation);
    at = f.end;
  }
  out.text.append(clean, at, std::string::npos);
  return out;
}

std::string restore(std::string_view text,
                    const std::vector<std::string>& replacements) {
  std::string out;
  out.reserve(text.size() + 16 * replacements.size());
  size_t from = 0;
  for (size_t i = text.find(open_bytes); i != std::string_view::npos;
       i = text.find(open_bytes, from)) {
    out.append(text, from, i - from);
    size_t j = i + open_bytes.size();
    size_t number = 0;
    bool digits = false;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      // Saturates: a number past any list is unknown, however long.
      if (number <= replacements.size())
        number = number * 10 + static_cast<size_t>(text[j] - '0');
      digits = true;
      ++j;
    }
    if (text.substr(j, close_bytes.size()) == close_bytes) {
      if (digits && number < replacements.size())
        out += replacements[number];
      from = j + close_bytes.size();
      continue;
    }
    from = i + open_bytes.size(); // a stray mark: dropped
  }
  out.append(text, from, std::string_view::npos);
  return out;
}

} // namespace bridge::domain::glossary
