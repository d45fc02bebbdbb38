// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tools/tg_sim/sim_types.hpp"

namespace simdjson::dom {
class parser;
}

namespace bridge::tg_sim {

/// The simdjson parser of the calling thread; parsers are not thread-safe
/// and costly to build, so each server thread keeps one.
simdjson::dom::parser& thread_parser();

/// What a lookup found.
enum class arg_state : uint8_t { absent, ok, invalid };

/// The arguments of one Bot API call, however they were sent. Telegram
/// accepts a JSON body, a form-urlencoded body or a query string, and
/// coerces between strings and numbers ("chat_id":"42" works); this class
/// gives every method one view of all three.
class method_args {
public:
  /// Adds a value that arrived as text (query string, form field, JSON
  /// string). A later value of the same name wins.
  void add_text(std::string name, std::string value);

  /// Adds a JSON number, boolean or null, as its literal.
  void add_scalar(std::string name, std::string literal);

  /// Adds a JSON object or array, minified.
  void add_json(std::string name, std::string encoded);

  /// An integer: a JSON integer or a decimal string.
  arg_state get_int(std::string_view name, int64_t& out) const;

  /// A string: a JSON string, or a number or boolean as written.
  arg_state get_string(std::string_view name, std::string& out) const;

  /// A boolean: true/false, "true"/"false", 1/0.
  arg_state get_bool(std::string_view name, bool& out) const;

  /// A JSON object or array: inline in a JSON body, or as text holding
  /// JSON (form and query fields).
  arg_state get_json(std::string_view name, std::string_view& out) const;

  bool has(std::string_view name) const { return find(name) != nullptr; }

  size_t size() const { return args_.size(); }

private:
  enum class kind : uint8_t { text, scalar, json };
  struct arg {
    std::string name;
    kind k;
    std::string value;
  };

  const arg* find(std::string_view name) const;
  void add(std::string name, kind k, std::string value);

  std::vector<arg> args_;
};

/// Decodes an application/x-www-form-urlencoded string ('+' is a space,
/// %XX a byte; a broken escape is kept literally) into `out`.
void parse_form(std::string_view body, method_args& out);

/// Decodes a JSON body that must be one object into `out`.
refusal parse_json_body(std::string_view body, method_args& out);

/// Decodes `body` by its Content-Type into `out`, after `out` already
/// holds the query string's values (body values win, as later ones do).
refusal parse_body(std::string_view content_type, std::string_view body,
                   method_args& out);

} // namespace bridge::tg_sim
