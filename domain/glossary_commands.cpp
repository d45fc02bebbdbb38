// SPDX-License-Identifier: Apache-2.0
// The glossary's commands: what `/glossary add` asks for, checked before
// anything is stored (sizes, scripts, languages).
#include <algorithm>

#include "domain/glossary.hpp"
#include "domain/glossary_text.hpp"

namespace bridge::domain::glossary {

namespace {

using detail::decode;
using detail::in;
using detail::trim;

/// A term's text: something that could be a word somewhere.
bool has_text(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto [c, n] = decode(s, i);
    if (is_word(c) || (c >= 0x2E80 && c <= 0x10FFFF && c != 0x3000))
      return true;
    i += n;
  }
  return false;
}

bool language_code(std::string_view s) {
  if (s.size() < 2 || s.size() > 3)
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

} // namespace

// -- commands -----------------------------------------------------------------

namespace {

enum class script : uint8_t {
  other,
  latin,
  greek,
  cyrillic,
  arabic,
  indic,
  han
};

script script_of(char32_t c) {
  if (c < 0x0250 || in(c, 0x1E00, 0x1EFF))
    return script::latin;
  if (in(c, 0x0370, 0x03FF) || in(c, 0x1F00, 0x1FFF))
    return script::greek;
  if (in(c, 0x0400, 0x052F))
    return script::cyrillic;
  if (in(c, 0x0600, 0x06FF))
    return script::arabic;
  if (in(c, 0x0900, 0x097F))
    return script::indic;
  if (in(c, 0x3040, 0x30FF) || in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF))
    return script::han;
  return script::other;
}

script script_of_language(std::string_view lang) {
  if (lang == "ru" || lang == "uk" || lang == "be" || lang == "bg")
    return script::cyrillic;
  if (lang == "el")
    return script::greek;
  if (lang == "ar" || lang == "ur" || lang == "fa")
    return script::arabic;
  if (lang == "hi")
    return script::indic;
  if (lang == "zh" || lang == "ja")
    return script::han;
  static constexpr std::string_view latin[] = {
      "en", "es", "pt", "fr", "it", "ro", "ca", "gl",
      "pl", "de", "tr", "tl", "nl", "cs", "sk", "hu"};
  for (auto l : latin)
    if (l == lang)
      return script::latin;
  return script::other;
}

} // namespace

bool fits_script(std::string_view text, std::string_view lang) {
  auto want = script_of_language(lang);
  if (want == script::other)
    return true;
  for (size_t i = 0; i < text.size();) {
    auto [c, n] = decode(text, i);
    i += n;
    bool letter =
        (is_word(c) && !(c >= '0' && c <= '9')) || script_of(c) == script::han;
    if (!letter || in(c, 0x0300, 0x036F))
      continue; // digits, signs and combining marks go with any script
    auto s = script_of(c);
    if (s != want && s != script::latin)
      return false;
    if (want == script::latin && s != script::latin)
      return false;
  }
  return true;
}

size_t length(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count)
    i += decode(text, i).second;
  return count;
}

std::string tidy(std::string_view term) {
  auto trimmed = trim(term);
  std::string out;
  out.reserve(trimmed.size());
  bool blank = false;
  for (char c : trimmed) {
    bool s = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (s) {
      blank = true;
      continue;
    }
    if (blank)
      out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string key(std::string_view term) {
  return fold(tidy(term));
}

bool fits_entry(std::string_view term, std::string_view translation) {
  auto t = trim(term);
  auto x = trim(translation);
  return !t.empty() && !x.empty() && length(t) <= max_term_chars
         && length(x) <= max_term_chars * 2 && has_text(t);
}

add_request parse_add(std::string_view args) {
  add_request out;
  auto eq = args.find('=');
  if (eq == std::string_view::npos) {
    out.error = add_error::no_separator;
    return out;
  }
  auto term = trim(args.substr(0, eq));
  auto rest = trim(args.substr(eq + 1));
  if (term.empty()) {
    out.error = add_error::empty_term;
    return out;
  }
  if (length(term) > max_term_chars) {
    out.error = add_error::too_long;
    return out;
  }
  if (!has_text(term)) {
    out.error = add_error::no_word;
    return out;
  }
  out.term = tidy(term);
  // Several languages: "es: factura; pt: fatura".
  auto colon = rest.find(':');
  bool several = colon != std::string_view::npos
                 && language_code(trim(rest.substr(0, colon)));
  std::vector<std::string_view> parts;
  if (several) {
    size_t at = 0;
    while (at <= rest.size()) {
      auto semi = rest.find(';', at);
      auto piece = rest.substr(at, semi == std::string_view::npos
                                       ? std::string_view::npos
                                       : semi - at);
      if (!trim(piece).empty())
        parts.push_back(piece);
      if (semi == std::string_view::npos)
        break;
      at = semi + 1;
    }
  } else {
    parts.push_back(rest);
  }
  if (parts.empty()) {
    out.error = add_error::empty_translation;
    return out;
  }
  for (auto piece : parts) {
    side s;
    if (several) {
      auto c = piece.find(':');
      auto code = c == std::string_view::npos ? std::string_view{}
                                              : trim(piece.substr(0, c));
      if (!language_code(code)) {
        out.error = add_error::bad_language;
        return out;
      }
      for (char ch : code)
        s.lang += static_cast<char>(ch | 32);
      piece = piece.substr(c + 1);
    }
    auto text = trim(piece);
    if (text.empty()) {
      out.error = add_error::empty_translation;
      return out;
    }
    if (length(text) > max_term_chars * 2) {
      out.error = add_error::too_long;
      return out;
    }
    for (auto& other : out.sides)
      if (other.lang == s.lang) {
        out.error = add_error::repeated_language;
        return out;
      }
    s.translation = std::string{text};
    out.sides.push_back(std::move(s));
  }
  return out;
}

} // namespace bridge::domain::glossary
