// SPDX-License-Identifier: Apache-2.0
#include "common/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "common/utf8.hpp"

namespace bridge::json {

void append_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
      }
      ++i;
      continue;
    }
    auto len = utf8::sequence_length(text.substr(i));
    if (len == 0) {
      out += "\xEF\xBF\xBD"; // U+FFFD
      ++i;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
  out += '"';
}

std::string quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_string(out, text);
  return out;
}

void writer::separate() {
  if (need_comma_)
    out_ += ',';
  need_comma_ = true;
}

writer& writer::begin_object() {
  separate();
  out_ += '{';
  need_comma_ = false;
  return *this;
}

writer& writer::end_object() {
  out_ += '}';
  need_comma_ = true;
  return *this;
}

writer& writer::begin_array() {
  separate();
  out_ += '[';
  need_comma_ = false;
  return *this;
}

writer& writer::end_array() {
  out_ += ']';
  need_comma_ = true;
  return *this;
}

writer& writer::key(std::string_view name) {
  separate();
  append_string(out_, name);
  out_ += ':';
  need_comma_ = false;
  return *this;
}

writer& writer::value(std::string_view text) {
  separate();
  append_string(out_, text);
  return *this;
}

writer& writer::value(int64_t number) {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), number);
  out_.append(buf, end);
  return *this;
}

writer& writer::value(uint64_t number) {
  separate();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), number);
  out_.append(buf, end);
  return *this;
}

writer& writer::value(double number) {
  separate();
  if (!std::isfinite(number)) {
    out_ += "null";
    return *this;
  }
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), "%.17g", number);
  out_.append(buf, static_cast<size_t>(n));
  return *this;
}

writer& writer::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  return *this;
}

writer& writer::null() {
  separate();
  out_ += "null";
  return *this;
}

writer& writer::raw(std::string_view encoded) {
  separate();
  out_ += encoded;
  return *this;
}

} // namespace bridge::json
