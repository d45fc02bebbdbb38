// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bridge::json {

/// Appends `text` to `out` as a JSON string literal (quotes included).
/// Invalid UTF-8 bytes become U+FFFD so the output is always valid JSON.
void append_string(std::string& out, std::string_view text);

/// Returns `text` as a JSON string literal.
std::string quote(std::string_view text);

/// Builds one JSON object or array by appending to a string; the caller
/// keeps the nesting right. Small on purpose: encoding is all Bridge needs,
/// every decode goes through simdjson.
class writer {
public:
  writer& begin_object();
  writer& end_object();
  writer& begin_array();
  writer& end_array();
  /// Writes `"name":` inside an object.
  writer& key(std::string_view name);
  writer& value(std::string_view text);
  writer& value(const char* text) { return value(std::string_view{text}); }
  writer& value(const std::string& text) {
    return value(std::string_view{text});
  }
  writer& value(int64_t number);
  writer& value(int number) { return value(static_cast<int64_t>(number)); }
  writer& value(uint64_t number);
  writer& value(double number);
  writer& value(bool flag);
  writer& null();
  /// Inserts already-encoded JSON verbatim.
  writer& raw(std::string_view encoded);

  /// Shorthand for `key(name).value(v)`.
  template <class T> writer& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  const std::string& str() const& { return out_; }
  std::string str() && { return std::move(out_); }

private:
  void separate();

  std::string out_;
  bool need_comma_ = false;
};

} // namespace bridge::json
