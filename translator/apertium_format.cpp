// SPDX-License-Identifier: Apache-2.0
#include "translator/apertium_format.hpp"

namespace bridge::translation::apertium {

namespace {

bool reserved(char c) {
  switch (c) {
  case '\\':
  case '^':
  case '$':
  case '@':
  case '/':
  case '<':
  case '>':
  case '[':
  case ']':
  case '{':
  case '}':
  case '*':
  case '#':
  case '+':
  case '~':
  case '|':
    return true;
  default:
    return false;
  }
}

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
         || c == '\f';
}

/// Length of a glossary placeholder (U+E000, digits, U+E001) at the start
/// of `text`, or 0.
size_t placeholder_at(std::string_view text) {
  constexpr std::string_view open = "\xee\x80\x80";
  constexpr std::string_view close = "\xee\x80\x81";
  if (text.substr(0, open.size()) != open)
    return 0;
  size_t i = open.size();
  while (i < text.size() && i < 24 && text[i] >= '0' && text[i] <= '9')
    ++i;
  if (i == open.size() || text.substr(i, close.size()) != close)
    return 0;
  return i + close.size();
}

} // namespace

std::string deformat(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 4);
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (space(c)) {
      auto end = i;
      while (end < text.size() && space(text[end]))
        ++end;
      auto run = text.substr(i, end - i);
      if (run == " ") {
        out += ' ';
      } else {
        out += '[';
        out += run;
        out += ']';
      }
      i = end;
      continue;
    }
    if (auto n = placeholder_at(text.substr(i))) {
      // A glossary placeholder travels as a blank: every stage passes
      // blanks through untouched, and reformat gives back its contents.
      out += '[';
      out += text.substr(i, n);
      out += ']';
      i += n;
      continue;
    }
    if (reserved(c))
      out += '\\';
    out += c;
    ++i;
  }
  out += ".[]";
  return out;
}

std::string reformat(std::string_view stream) {
  // Drop what only framed the answer: trailing NULs and line ends.
  while (!stream.empty() && (stream.back() == '\0' || stream.back() == '\n'))
    stream.remove_suffix(1);
  // The artificial end: ".[]", or a bare "." when a stage ate the blank.
  if (stream.size() >= 3 && stream.substr(stream.size() - 3) == ".[]")
    stream.remove_suffix(3);
  else if (!stream.empty() && stream.back() == '.'
           && !(stream.size() >= 2 && stream[stream.size() - 2] == '\\'))
    stream.remove_suffix(1);
  std::string out;
  out.reserve(stream.size());
  bool in_blank = false;
  for (size_t i = 0; i < stream.size(); ++i) {
    char c = stream[i];
    if (c == '\\' && i + 1 < stream.size()) {
      out += stream[++i];
      continue;
    }
    if (!in_blank && c == '[') {
      in_blank = true;
      continue;
    }
    if (in_blank && c == ']') {
      in_blank = false;
      continue;
    }
    out += c;
  }
  return out;
}

std::string fit_edges(std::string_view source, std::string_view translated) {
  auto lead = [](std::string_view s) {
    size_t n = 0;
    while (n < s.size() && space(s[n]))
      ++n;
    return n;
  };
  auto trail = [](std::string_view s) {
    size_t n = 0;
    while (n < s.size() && space(s[s.size() - 1 - n]))
      ++n;
    return n;
  };
  auto core = translated.substr(lead(translated));
  core.remove_suffix(std::min(trail(core), core.size()));
  std::string out{source.substr(0, lead(source))};
  out += core;
  if (lead(source) < source.size())
    out += source.substr(source.size() - trail(source));
  return out;
}

} // namespace bridge::translation::apertium
