// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "tools/tg_sim/bot_methods.hpp"

namespace bridge::tg_sim {

/// Reads the fields of one control request object, remembering the first
/// problem so that handlers check once.
class field_reader {
public:
  explicit field_reader(simdjson::dom::object obj) : obj_(obj) {}

  bool has(std::string_view key) { return !obj_[key].error(); }

  bool integer(std::string_view key, int64_t& out, bool required = false) {
    auto v = obj_[key];
    if (v.error())
      return missing(key, required);
    if (v.get_int64().get(out) != simdjson::SUCCESS)
      return wrong(key, "an integer");
    return true;
  }

  bool number(std::string_view key, double& out) {
    auto v = obj_[key];
    if (v.error())
      return false;
    if (v.get_double().get(out) != simdjson::SUCCESS || !std::isfinite(out))
      return wrong(key, "a number");
    return true;
  }

  bool string(std::string_view key, std::string& out, bool required = false) {
    auto v = obj_[key];
    if (v.error())
      return missing(key, required);
    std::string_view s;
    if (v.get_string().get(s) != simdjson::SUCCESS)
      return wrong(key, "a string");
    out.assign(s);
    return true;
  }

  bool boolean(std::string_view key, bool& out) {
    auto v = obj_[key];
    if (v.error())
      return false;
    if (v.get_bool().get(out) != simdjson::SUCCESS)
      return wrong(key, "a boolean");
    return true;
  }

  bool object(std::string_view key, simdjson::dom::object& out,
              bool required = false) {
    auto v = obj_[key];
    if (v.error())
      return missing(key, required);
    if (v.get_object().get(out) != simdjson::SUCCESS)
      return wrong(key, "an object");
    return true;
  }

  void fail(std::string what) {
    if (error.empty())
      error = std::move(what);
  }

  std::string error;

private:
  bool missing(std::string_view key, bool required) {
    if (required)
      fail(std::string{key} + " is required");
    return false;
  }

  bool wrong(std::string_view key, const char* type) {
    fail(std::string{key} + " must be " + type);
    return false;
  }

  simdjson::dom::object obj_;
};

/// Parses a control request body that must be one JSON object; on
/// failure `error` is the answer to give.
bool parse_object(std::string_view body, simdjson::dom::object& out,
                  http_answer& error);

/// The same for a body that must be one JSON array.
bool parse_array(std::string_view body, simdjson::dom::array& out,
                 http_answer& error);

} // namespace bridge::tg_sim
