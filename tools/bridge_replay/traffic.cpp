// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/traffic.hpp"

#include <array>
#include <map>
#include <set>

#include <simdjson.h>

#include "common/json_writer.hpp"

namespace bridge::replay {

namespace dom = simdjson::dom;

namespace {

struct kind_name {
  line_kind kind;
  const char* name;
  expectation default_expect;
};

constexpr std::array<kind_name, 10> kinds{{
    {line_kind::register_manager, "register_manager", expectation::none},
    {line_kind::register_worker, "register_worker", expectation::none},
    {line_kind::message, "message", expectation::delivery},
    {line_kind::switch_to, "switch", expectation::reply},
    {line_kind::command, "command", expectation::reply},
    {line_kind::press, "press", expectation::reply},
    {line_kind::media, "media", expectation::reply},
    {line_kind::update, "update", expectation::none},
    {line_kind::raw, "raw", expectation::none},
    {line_kind::meta, "meta", expectation::none},
}};

const kind_name* find_kind(std::string_view name) {
  for (const auto& k : kinds)
    if (name == k.name)
      return &k;
  return nullptr;
}

const kind_name& kind_of(line_kind kind) {
  return kinds[static_cast<size_t>(kind)];
}

/// Reads the optional field `key` into `out`; an error text when it has
/// the wrong type or breaks `max_bytes`.
std::string read_string(dom::object obj, const char* key, std::string& out,
                        size_t max_bytes) {
  auto field = obj[key];
  if (field.error() == simdjson::NO_SUCH_FIELD)
    return {};
  std::string_view v;
  if (field.get_string().get(v) != simdjson::SUCCESS)
    return std::string{key} + " is not a string";
  if (v.size() > max_bytes)
    return std::string{key} + " is longer than " + std::to_string(max_bytes)
           + " bytes";
  out.assign(v);
  return {};
}

std::string read_int(dom::object obj, const char* key, int64_t& out) {
  auto field = obj[key];
  if (field.error() == simdjson::NO_SUCH_FIELD)
    return {};
  if (field.get_int64().get(out) != simdjson::SUCCESS)
    return std::string{key} + " is not an integer";
  if (out < 0)
    return std::string{key} + " is negative";
  return {};
}

/// The fields each kind cannot do without.
std::string check_required(const traffic_line& l) {
  auto needs_user = l.kind != line_kind::update && l.kind != line_kind::raw
                    && l.kind != line_kind::meta;
  if (needs_user && l.user <= 0)
    return "user is missing";
  switch (l.kind) {
  case line_kind::register_manager:
  case line_kind::register_worker:
    if (l.name.empty() || l.lang.empty())
      return "name and lang are required";
    if (l.kind == line_kind::register_worker && l.manager <= 0)
      return "manager is missing";
    return {};
  case line_kind::message:
    return l.text.empty() ? "text is missing" : "";
  case line_kind::command:
    return l.text.empty() || l.text[0] != '/' ? "text must start with '/'" : "";
  case line_kind::switch_to:
    return l.to <= 0 ? "to is missing" : "";
  case line_kind::press:
    return l.data.empty() ? "data is missing" : "";
  case line_kind::media:
    return l.media.empty() ? "media is missing" : "";
  case line_kind::update:
  case line_kind::raw:
    return l.payload.empty() ? "update or bytes is missing" : "";
  case line_kind::meta:
    return {};
  }
  return {};
}

} // namespace

const char* to_string(line_kind kind) {
  return kind_of(kind).name;
}

const char* to_string(expectation e) {
  switch (e) {
  case expectation::delivery:
    return "delivery";
  case expectation::reply:
    return "reply";
  case expectation::none:
    return "none";
  }
  return "none";
}

parsed_line parse_line(std::string_view text, const traffic_limits& limits) {
  parsed_line out;
  if (text.size() > limits.max_line_bytes) {
    out.error = "line is longer than " + std::to_string(limits.max_line_bytes)
                + " bytes";
    return out;
  }
  if (text.find_first_not_of(" \t\r") == std::string_view::npos) {
    out.blank = true;
    return out;
  }
  // A parser per thread: building one costs more than parsing a line.
  thread_local dom::parser parser;
  simdjson::padded_string padded{text};
  dom::object obj;
  if (auto err = parser.parse(padded).get(obj)) {
    out.error =
        std::string{"not a JSON object: "} + simdjson::error_message(err);
    return out;
  }
  auto& l = out.line;
  std::string kind;
  std::string expect;
  auto& lim = limits.max_text_bytes;
  for (auto err :
       {read_int(obj, "t_ms", l.t_ms), read_string(obj, "kind", kind, 64),
        read_string(obj, "expect", expect, 64), read_int(obj, "user", l.user),
        read_string(obj, "name", l.name, 256),
        read_string(obj, "lang", l.lang, 16),
        read_int(obj, "manager", l.manager), read_int(obj, "to", l.to),
        read_string(obj, "text", l.text, lim),
        read_string(obj, "data", l.data, lim),
        read_string(obj, "media", l.media, 64),
        read_string(obj, "bytes", l.payload, lim)})
    if (!err.empty()) {
      out.error = err;
      return out;
    }
  const auto* k = find_kind(kind);
  if (k == nullptr) {
    out.error =
        kind.empty() ? "kind is missing" : "unknown kind '" + kind + "'";
    return out;
  }
  l.kind = k->kind;
  l.expect = k->default_expect;
  if (!expect.empty()) {
    if (expect == "delivery" && l.kind == line_kind::message)
      l.expect = expectation::delivery;
    else if (expect == "reply")
      l.expect = expectation::reply;
    else if (expect == "none")
      l.expect = expectation::none;
    else {
      out.error = "expect '" + expect + "' does not fit kind " + kind;
      return out;
    }
  }
  if (l.kind == line_kind::update) {
    dom::object update;
    if (obj["update"].get_object().get(update) != simdjson::SUCCESS) {
      out.error = "update is not an object";
      return out;
    }
    l.payload = simdjson::minify(update);
  }
  out.error = check_required(l);
  return out;
}

std::string encode_line(const traffic_line& l) {
  json::writer w;
  w.begin_object().field("t_ms", l.t_ms).field("kind", to_string(l.kind));
  if (l.expect != kind_of(l.kind).default_expect)
    w.field("expect", to_string(l.expect));
  if (l.user > 0)
    w.field("user", l.user);
  if (!l.name.empty())
    w.field("name", l.name);
  if (!l.lang.empty())
    w.field("lang", l.lang);
  if (l.manager > 0)
    w.field("manager", l.manager);
  if (l.to > 0)
    w.field("to", l.to);
  if (!l.text.empty())
    w.field("text", l.text);
  if (!l.data.empty())
    w.field("data", l.data);
  if (!l.media.empty())
    w.field("media", l.media);
  if (l.kind == line_kind::update)
    w.key("update").raw(l.payload);
  else if (l.kind == line_kind::raw)
    w.field("bytes", l.payload);
  return std::move(w.end_object()).str();
}

int64_t update_chat(std::string_view update) {
  thread_local dom::parser parser;
  simdjson::padded_string padded{update};
  dom::object obj;
  if (parser.parse(padded).get(obj) != simdjson::SUCCESS)
    return 0;
  int64_t chat = 0;
  for (auto path : {"/message/chat/id", "/edited_message/chat/id",
                    "/callback_query/message/chat/id"})
    if (obj.at_pointer(path).get_int64().get(chat) == simdjson::SUCCESS)
      return chat;
  return 0;
}

std::vector<std::string> check_traffic(const std::vector<traffic_line>& lines) {
  std::vector<std::string> errors;
  std::set<int64_t> managers;
  std::map<int64_t, int64_t> manager_of;
  int64_t last_t = 0;
  auto fail = [&](size_t i, const std::string& what) {
    if (errors.size() < 10)
      errors.push_back("record " + std::to_string(i + 1) + ": " + what);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.kind == line_kind::meta)
      continue;
    if (l.t_ms < last_t)
      fail(i, "t_ms goes backwards");
    last_t = std::max(last_t, l.t_ms);
    auto known = managers.count(l.user) > 0 || manager_of.count(l.user) > 0;
    switch (l.kind) {
    case line_kind::register_manager:
    case line_kind::register_worker:
      if (known)
        fail(i, "user " + std::to_string(l.user) + " registers twice");
      else if (l.kind == line_kind::register_manager)
        managers.insert(l.user);
      else if (managers.count(l.manager) == 0)
        fail(i, "manager " + std::to_string(l.manager) + " is not registered");
      else
        manager_of[l.user] = l.manager;
      break;
    case line_kind::switch_to:
      if (managers.count(l.user) == 0)
        fail(i, "switch by " + std::to_string(l.user) + ", not a manager");
      else if (manager_of.count(l.to) == 0 || manager_of[l.to] != l.user)
        fail(i, "switch to " + std::to_string(l.to) + ", not their worker");
      break;
    case line_kind::update:
    case line_kind::raw:
    case line_kind::meta:
      break;
    default:
      if (!known)
        fail(i, "user " + std::to_string(l.user) + " is not registered");
    }
  }
  return errors;
}

traffic read_traffic(std::istream& in, const traffic_limits& limits) {
  traffic out;
  std::string text;
  size_t number = 0;
  while (out.errors.size() < 10 && std::getline(in, text)) {
    ++number;
    if (out.lines.size() >= limits.max_lines) {
      out.errors.push_back("more than " + std::to_string(limits.max_lines)
                           + " lines");
      break;
    }
    auto parsed = parse_line(text, limits);
    if (!parsed.error.empty())
      out.errors.push_back("line " + std::to_string(number) + ": "
                           + parsed.error);
    else if (!parsed.blank)
      out.lines.push_back(std::move(parsed.line));
  }
  if (out.errors.empty())
    out.errors = check_traffic(out.lines);
  return out;
}

} // namespace bridge::replay
