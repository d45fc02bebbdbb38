// SPDX-License-Identifier: Apache-2.0
#include "translator/request_check.hpp"

#include <algorithm>
#include <cmath>

#include "common/utf8.hpp"
#include "translator/languages.hpp"

namespace bridge::translation {

namespace {

/// Label a context line costs in the prompt ("[participant, ast] " and
/// its line end).
constexpr size_t context_label_chars = 20;

checked_request reject(engine_errc code, std::string reason) {
  checked_request out;
  out.what = checked_request::verdict::reject;
  out.code = code;
  out.reason = std::move(reason);
  return out;
}

checked_request pass(std::string text) {
  checked_request out;
  out.what = checked_request::verdict::pass_through;
  out.text = std::move(text);
  return out;
}

bool blank(std::string_view text) {
  for (unsigned char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v'
        && c != '\f')
      return false;
  return true;
}

/// Decodes the code point at the start of well-formed `s` of `len` bytes.
uint32_t decode(std::string_view s, size_t len) {
  auto b = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[i]));
  };
  switch (len) {
  case 1:
    return b(0);
  case 2:
    return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
  case 3:
    return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  default:
    return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6)
           | (b(3) & 0x3F);
  }
}

/// A letter of some script, by block. Deliberately coarse (no Unicode
/// tables here): it only has to tell words from emoji and symbols.
bool is_letter(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  if (cp >= 0xC0 && cp <= 0x2AF)
    return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x370 && cp <= 0x1FFF)
    return true; // Greek to Greek Extended, Cyrillic, Arabic, Indic, ...
  if (cp >= 0x2C00 && cp <= 0x2DFF)
    return true;
  if (cp >= 0x2E80 && cp <= 0x2FDF)
    return true;
  if (cp >= 0x3040 && cp <= 0xD7FF)
    return true; // kana, CJK, Hangul, Yi, ...
  if (cp >= 0xF900 && cp <= 0xFDFF)
    return true;
  if (cp >= 0xFE70 && cp <= 0xFEFE)
    return true;
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)
      || (cp >= 0xFF66 && cp <= 0xFFDC))
    return true;
  if (cp >= 0x10000 && cp <= 0x1EFFF)
    return true; // historic scripts; emoji start at U+1F000
  return cp >= 0x20000 && cp <= 0x3FFFF; // CJK extensions
}

std::string clip(std::string_view text, size_t units) {
  std::string clean =
      utf8::is_valid(text) ? std::string{text} : utf8::sanitize(text);
  if (utf8::utf16_length(clean) > units)
    clean.resize(utf8::prefix_bytes_for_utf16(clean, units));
  return clean;
}

std::string unsupported(const std::string& src, const std::string& dst,
                        const std::set<language_pair>& supported) {
  std::vector<std::string> from_src;
  std::set<std::string> sources;
  for (auto& p : supported) {
    sources.insert(p.source);
    if (p.source == src)
      from_src.push_back(p.target);
  }
  std::string out = "no translation from " + src + " to " + dst + "; ";
  auto list = [](const auto& items) {
    std::string s;
    for (auto& x : items) {
      if (!s.empty())
        s += ", ";
      s += x;
    }
    return s.empty() ? std::string{"none"} : s;
  };
  if (from_src.empty())
    out += "this translator reads: " + list(sources);
  else
    out += "from " + src + " it writes: " + list(from_src);
  return out;
}

} // namespace

bool has_words(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto len = utf8::sequence_length(text.substr(i));
    if (len == 0) {
      ++i;
      continue;
    }
    if (is_letter(decode(text.substr(i), len)))
      return true;
    i += len;
  }
  return false;
}

double estimate_tokens(const backend_call& call, double chars_per_token) {
  auto chars = utf8::utf16_length(call.text) + prompt_overhead_chars;
  for (auto& line : call.context)
    chars += utf8::utf16_length(line.text) + context_label_chars;
  for (auto& t : call.terms)
    chars += utf8::utf16_length(t.term) + utf8::utf16_length(t.translation)
             + context_label_chars;
  return std::ceil(static_cast<double>(chars) / chars_per_token);
}

checked_request check_request(const translate_request& req,
                              const request_limits& limits,
                              const std::set<language_pair>& supported) {
  using errc = engine_errc;
  if (req.text.empty() || blank(req.text))
    return reject(errc::invalid_input, "the text is empty");
  if (!utf8::is_valid(req.text))
    return reject(errc::invalid_input, "the text is not valid UTF-8");
  if (req.text.find('\0') != std::string::npos)
    return reject(errc::invalid_input, "the text contains a NUL character");
  auto units = utf8::utf16_length(req.text);
  if (units > limits.max_text_units)
    return reject(errc::invalid_input,
                  "the text is " + std::to_string(units)
                      + " characters long; the limit is "
                      + std::to_string(limits.max_text_units));
  if (req.deadline_ms < 0)
    return reject(errc::invalid_input, "the deadline is negative");
  auto src = languages::normalize(req.source_lang);
  auto dst = languages::normalize(req.target_lang);
  if (src.empty())
    return reject(errc::unsupported_language,
                  "'" + clip(req.source_lang, 16) + "' is not a language code");
  if (dst.empty())
    return reject(errc::unsupported_language,
                  "'" + clip(req.target_lang, 16) + "' is not a language code");
  if (src == dst)
    return pass(req.text);
  if (supported.count(language_pair{src, dst}) == 0)
    return reject(errc::unsupported_language, unsupported(src, dst, supported));
  if (!has_words(req.text))
    return pass(req.text);

  checked_request out;
  out.what = checked_request::verdict::translate;
  out.call.text = req.text;
  out.call.source_lang = src;
  out.call.target_lang = dst;
  auto first = req.context.size() > limits.max_context_lines
                   ? req.context.size() - limits.max_context_lines
                   : 0;
  for (auto i = first; i < req.context.size(); ++i) {
    auto& in = req.context[i];
    if (in.text.empty() || blank(in.text))
      continue;
    context_line line;
    line.role =
        in.role == "manager" || in.role == "worker" ? in.role : "participant";
    line.lang = languages::normalize(in.lang);
    line.text = clip(in.text, limits.max_context_units);
    out.call.context.push_back(std::move(line));
  }
  // The team's terms found in the text, bounded like the context: a
  // malformed entry is left out, never the translation.
  out.call.terms = req.terms.filtered(
      [&](const glossary_term& t) {
        return !t.term.empty() && !t.translation.empty()
               && utf8::is_valid(t.term) && utf8::is_valid(t.translation)
               && utf8::utf16_length(t.term) <= limits.max_term_units
               && utf8::utf16_length(t.translation) <= limits.max_term_units;
      },
      limits.max_terms);
  out.tokens = estimate_tokens(out.call, limits.chars_per_token);
  out.deadline_ms = std::min(req.deadline_ms, limits.max_deadline_ms);
  return out;
}

} // namespace bridge::translation
