// SPDX-License-Identifier: Apache-2.0
#include "domain/invite_code.hpp"

#include <sys/random.h>

#include <cerrno>
#include <system_error>

namespace bridge::domain {

namespace {

constexpr std::string_view prefix = "BRIDGE";
constexpr size_t max_payload = 64;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_separator(char c) {
  return c == '-' || c == '_' || is_blank(c);
}

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

/// The base32 value of a symbol as Crockford reads it, or -1.
int symbol_value(char c) {
  c = upper(c);
  if (c == 'I' || c == 'L')
    c = '1';
  else if (c == 'O')
    c = '0';
  auto pos = code_alphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return s;
}

} // namespace

std::string format_code(uint64_t bits) {
  std::string out{prefix};
  out += '-';
  for (int i = code_symbols - 1; i >= 0; --i) {
    out += code_alphabet[(bits >> (5 * i)) & 31u];
    if (i == code_symbols / 2)
      out += '-';
  }
  return out;
}

std::string format_legacy_code(int64_t n) {
  return std::string{prefix} + "-" + std::to_string(n);
}

uint64_t random_code_bits() {
  uint64_t bits = 0;
  auto* p = reinterpret_cast<unsigned char*>(&bits);
  size_t got = 0;
  while (got < sizeof bits) {
    auto n = getrandom(p + got, sizeof bits - got, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    got += static_cast<size_t>(n);
  }
  return bits & ((uint64_t{1} << code_bits) - 1);
}

std::string new_code() {
  return format_code(random_code_bits());
}

std::optional<std::string> parse_code(std::string_view text) {
  text = trim_blanks(text);
  if (!text.empty() && text.back() == '.')
    text.remove_suffix(1);
  text = trim_blanks(text);
  if (text.size() < prefix.size() || text.size() > 40)
    return std::nullopt;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (upper(text[i]) != prefix[i])
      return std::nullopt;
  text.remove_prefix(prefix.size());
  // Separators between groups are forgiven ("7K2M 9QXD", "7K2M-9QXD"),
  // one dash or underscore at a time: "BRIDGE--…" is a typo of another
  // kind, and so is a separator at the end.
  std::string body;
  bool in_run = false;
  int marks = 0; // dashes and underscores in the current run
  bool digits_only = true;
  for (char c : text) {
    if (is_separator(c)) {
      marks = in_run ? marks : 0;
      in_run = true;
      if (!is_blank(c) && ++marks > 1)
        return std::nullopt;
      continue;
    }
    in_run = false;
    digits_only = digits_only && c >= '0' && c <= '9';
    body += c;
  }
  if (in_run || body.empty())
    return std::nullopt;
  if (digits_only && body.size() == 5) {
    auto n = std::stoll(body);
    if (n < min_legacy_code || n > max_legacy_code)
      return std::nullopt;
    return format_legacy_code(n);
  }
  if (body.size() != static_cast<size_t>(code_symbols))
    return std::nullopt;
  uint64_t bits = 0;
  for (char c : body) {
    auto v = symbol_value(c);
    if (v < 0)
      return std::nullopt;
    bits = (bits << 5) | static_cast<uint64_t>(v);
  }
  return format_code(bits);
}

bool is_legacy_code(std::string_view canonical) {
  return canonical.size() == prefix.size() + 6;
}

start_payload parse_start_payload(std::string_view args) {
  start_payload out;
  if (args.empty())
    return out;
  out.kind = payload_kind::malformed;
  if (args.size() > max_payload)
    return out;
  for (char c : args)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return out;
  auto code = parse_code(args);
  if (!code)
    return out;
  out.kind = payload_kind::code;
  out.code = std::move(*code);
  return out;
}

std::string join_link(std::string_view bot_username, std::string_view code) {
  if (bot_username.empty())
    return {};
  return "https://t.me/" + std::string{bot_username}
         + "?start=" + std::string{code};
}

} // namespace bridge::domain
