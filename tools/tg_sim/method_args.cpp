// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/method_args.hpp"

#include <cctype>
#include <charconv>

#include <simdjson.h>

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

simdjson::dom::parser& thread_parser() {
  thread_local dom::parser parser;
  return parser;
}

// -- method_args ----------------------------------------------------------

void method_args::add(std::string name, kind k, std::string value) {
  for (auto& a : args_)
    if (a.name == name) {
      a.k = k;
      a.value = std::move(value);
      return;
    }
  args_.push_back({std::move(name), k, std::move(value)});
}

void method_args::add_text(std::string name, std::string value) {
  add(std::move(name), kind::text, std::move(value));
}

void method_args::add_scalar(std::string name, std::string literal) {
  add(std::move(name), kind::scalar, std::move(literal));
}

void method_args::add_json(std::string name, std::string encoded) {
  add(std::move(name), kind::json, std::move(encoded));
}

const method_args::arg* method_args::find(std::string_view name) const {
  for (auto& a : args_)
    if (a.name == name)
      return &a;
  return nullptr;
}

arg_state method_args::get_int(std::string_view name, int64_t& out) const {
  auto* a = find(name);
  if (a == nullptr)
    return arg_state::absent;
  if (a->k == kind::json)
    return arg_state::invalid;
  std::string_view v = a->value;
  // Telegram trims nothing, but a JSON 42.0 is a float: refuse it too.
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size() || v.empty())
    return arg_state::invalid;
  return arg_state::ok;
}

arg_state method_args::get_string(std::string_view name,
                                  std::string& out) const {
  auto* a = find(name);
  if (a == nullptr)
    return arg_state::absent;
  if (a->k == kind::json || (a->k == kind::scalar && a->value == "null"))
    return arg_state::invalid;
  out = a->value;
  return arg_state::ok;
}

arg_state method_args::get_bool(std::string_view name, bool& out) const {
  auto* a = find(name);
  if (a == nullptr)
    return arg_state::absent;
  if (a->k == kind::json)
    return arg_state::invalid;
  if (a->value == "true" || a->value == "1") {
    out = true;
    return arg_state::ok;
  }
  if (a->value == "false" || a->value == "0") {
    out = false;
    return arg_state::ok;
  }
  return arg_state::invalid;
}

arg_state method_args::get_json(std::string_view name,
                                std::string_view& out) const {
  auto* a = find(name);
  if (a == nullptr)
    return arg_state::absent;
  if (a->k == kind::scalar)
    return arg_state::invalid;
  out = a->value;
  return arg_state::ok;
}

// -- decoding -------------------------------------------------------------

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0
               && hex_value(in[i + 2]) >= 0) {
      out +=
          static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

/// The media type of a Content-Type value, lower-cased, parameters and
/// surrounding blanks dropped.
std::string media_type(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto t = content_type.substr(0, semi);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
    t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
    t.remove_suffix(1);
  std::string out{t};
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The first character that is not a blank, or '\0'.
char first_visible(std::string_view s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      return c;
  return '\0';
}

} // namespace

void parse_form(std::string_view body, method_args& out) {
  while (!body.empty()) {
    auto amp = body.find('&');
    auto pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{}
                                         : body.substr(amp + 1);
    if (pair.empty())
      continue;
    auto eq = pair.find('=');
    auto name = form_decode(pair.substr(0, eq));
    auto value = eq == std::string_view::npos
                     ? std::string{}
                     : form_decode(pair.substr(eq + 1));
    if (!name.empty())
      out.add_text(std::move(name), std::move(value));
  }
}

refusal parse_json_body(std::string_view body, method_args& out) {
  static const std::string not_object = "can't parse JSON object: ";
  dom::element root;
  auto err = thread_parser().parse(body.data(), body.size()).get(root);
  if (err != simdjson::SUCCESS)
    return refusal::bad_request(not_object + simdjson::error_message(err));
  dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS)
    return refusal::bad_request(not_object + "the body is not an object");
  for (auto field : obj) {
    std::string name{field.key};
    auto v = field.value;
    switch (v.type()) {
    case dom::element_type::STRING:
      out.add_text(std::move(name), std::string{v.get_string().value()});
      break;
    case dom::element_type::ARRAY:
    case dom::element_type::OBJECT:
      out.add_json(std::move(name), simdjson::to_string(v));
      break;
    default:
      out.add_scalar(std::move(name), simdjson::to_string(v));
      break;
    }
  }
  return {};
}

refusal parse_body(std::string_view content_type, std::string_view body,
                   method_args& out) {
  auto type = media_type(content_type);
  if (type == "multipart/form-data")
    return refusal::bad_request("multipart/form-data is not supported by "
                                "this simulator; send JSON or a form");
  auto first = first_visible(body);
  if (first == '\0')
    return {};
  // Clients that forget the header still mean JSON when they send '{'.
  if (type == "application/json" || (type.empty() && first == '{'))
    return parse_json_body(body, out);
  if (type == "application/x-www-form-urlencoded" || type.empty()) {
    parse_form(body, out);
    return {};
  }
  return refusal::bad_request("unsupported Content-Type " + type);
}

} // namespace bridge::tg_sim
