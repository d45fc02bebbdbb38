// SPDX-License-Identifier: Apache-2.0
// `set_key`: one key's value checked against its type and bounds, from
// the file (typed) or the command line (text), with one set of messages.

#include "config/loader.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "config/schema.hpp"

namespace bridge::config {

namespace {

std::string type_name(const raw_value& v) {
  switch (v.index()) {
  case 0:
    return "an integer";
  case 1:
    return "a number";
  case 2:
    return "a boolean";
  default:
    return "a string";
  }
}

std::string render(const raw_value& v) {
  std::ostringstream os;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>)
          os << '\'' << x << '\'';
        else if constexpr (std::is_same_v<T, bool>)
          os << (x ? "true" : "false");
        else
          os << x;
      },
      v);
  return os.str();
}

std::optional<int64_t> text_to_int(const std::string& s) {
  int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc{} || end != s.data() + s.size() || s.empty())
    return std::nullopt;
  return out;
}

std::optional<double> text_to_double(const std::string& s) {
  if (s.empty())
    return std::nullopt;
  char* end = nullptr;
  double out = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(out))
    return std::nullopt;
  return out;
}

/// Applies one value to one field; each overload knows its field's type.
struct assigner {
  std::string_view key;
  const raw_value& value;
  bool from_text;
  std::optional<std::string> error;
  bool matched = false;

  std::string prefix() const {
    return "config key '" + std::string{key} + "' = " + render(value) + ": ";
  }

  std::optional<int64_t> as_int() {
    if (auto p = std::get_if<int64_t>(&value))
      return *p;
    if (from_text)
      if (auto p = std::get_if<std::string>(&value))
        return text_to_int(*p);
    return std::nullopt;
  }

  std::optional<double> as_double() {
    if (auto p = std::get_if<double>(&value))
      return *p;
    if (auto p = std::get_if<int64_t>(&value))
      return static_cast<double>(*p);
    if (from_text)
      if (auto p = std::get_if<std::string>(&value))
        return text_to_double(*p);
    return std::nullopt;
  }

  std::optional<bool> as_bool() {
    if (auto p = std::get_if<bool>(&value))
      return *p;
    if (from_text)
      if (auto p = std::get_if<std::string>(&value)) {
        if (*p == "true")
          return true;
        if (*p == "false")
          return false;
      }
    return std::nullopt;
  }

  template <class Field>
  void int_like(Field& field, bounds<int64_t> b, const char* unit) {
    auto v = as_int();
    if (!v) {
      error = prefix() + "expected an integer" + unit + " in ["
              + std::to_string(b.min) + ", " + std::to_string(b.max) + "], got "
              + type_name(value);
      return;
    }
    if (*v < b.min || *v > b.max) {
      error = prefix() + "out of range [" + std::to_string(b.min) + ", "
              + std::to_string(b.max) + "]" + unit;
      return;
    }
    field = Field{*v};
  }

  void operator()(key_info k, int64_t& field, bounds<int64_t> b) {
    if (k.name != key)
      return;
    matched = true;
    int_like(field, b, "");
  }
  void operator()(key_info k, std::chrono::milliseconds& field,
                  bounds<int64_t> b) {
    if (k.name != key)
      return;
    matched = true;
    int_like(field, b, " (milliseconds)");
  }
  void operator()(key_info k, std::chrono::seconds& field, bounds<int64_t> b) {
    if (k.name != key)
      return;
    matched = true;
    int_like(field, b, " (seconds)");
  }
  void operator()(key_info k, double& field, bounds<double> b) {
    if (k.name != key)
      return;
    matched = true;
    auto v = as_double();
    std::ostringstream range;
    range << '[' << b.min << ", " << b.max << ']';
    if (!v) {
      error = prefix() + "expected a number in " + range.str() + ", got "
              + type_name(value);
      return;
    }
    if (*v < b.min || *v > b.max) {
      error = prefix() + "out of range " + range.str();
      return;
    }
    field = *v;
  }
  void operator()(key_info k, bool& field) {
    if (k.name != key)
      return;
    matched = true;
    auto v = as_bool();
    if (!v) {
      error = prefix() + "expected true or false, got " + type_name(value);
      return;
    }
    field = *v;
  }
  void operator()(key_info k, std::string& field) {
    if (k.name != key)
      return;
    matched = true;
    auto p = std::get_if<std::string>(&value);
    if (!p) {
      error = prefix() + "expected a string, got " + type_name(value);
      return;
    }
    field = *p;
  }
  void operator()(key_info k, std::string& field, choices allowed) {
    if (k.name != key)
      return;
    matched = true;
    auto p = std::get_if<std::string>(&value);
    std::string list;
    for (auto a : allowed) {
      if (!list.empty())
        list += ", ";
      list += a;
    }
    if (!p) {
      error =
          prefix() + "expected one of " + list + ", got " + type_name(value);
      return;
    }
    for (auto a : allowed)
      if (*p == a) {
        field = *p;
        return;
      }
    error = prefix() + "expected one of " + list;
  }
};

} // namespace

std::optional<std::string> set_key(bridge_config& cfg, std::string_view key,
                                   const raw_value& value, bool from_text) {
  assigner a{key, value, from_text, std::nullopt};
  visit_keys(cfg, a);
  if (!a.matched)
    return "unknown config key '" + std::string{key} + "'";
  return a.error;
}

} // namespace bridge::config
