// SPDX-License-Identifier: Apache-2.0
#include "telegram/body_split.hpp"

#include <cctype>
#include <charconv>

namespace bridge::telegram {

namespace {

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skip_ws(std::string_view s, size_t i) {
  while (i < s.size() && is_ws(s[i]))
    ++i;
  return i;
}

std::string_view trim(std::string_view s) {
  auto b = skip_ws(s, 0);
  auto e = s.size();
  while (e > b && is_ws(s[e - 1]))
    --e;
  return s.substr(b, e - b);
}

/// Steps through JSON text keeping track of strings and brackets; `step`
/// returns false when a bracket closes what it did not open.
struct scanner {
  std::vector<char> open;
  bool in_string = false;
  bool escaped = false;

  bool step(char c) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      return true;
    }
    switch (c) {
    case '"':
      in_string = true;
      break;
    case '{':
      open.push_back('}');
      break;
    case '[':
      open.push_back(']');
      break;
    case '}':
    case ']':
      if (open.empty() || open.back() != c)
        return false;
      open.pop_back();
      break;
    default:
      break;
    }
    return true;
  }
};

/// Where the `result` array's first element may start, or npos.
size_t find_result_array(std::string_view body) {
  auto i = skip_ws(body, 0);
  if (i >= body.size() || body[i] != '{')
    return std::string_view::npos;
  scanner s;
  size_t string_start = 0;
  std::string_view key; // the root's key whose value comes next
  bool after_colon = false;
  for (; i < body.size(); ++i) {
    char c = body[i];
    bool was_in_string = s.in_string;
    bool at_root = !was_in_string && s.open.size() == 1;
    if (at_root && c == '[' && after_colon && key == "result")
      return i + 1;
    if (!s.step(c))
      return std::string_view::npos;
    if (s.open.empty())
      return std::string_view::npos; // the root closed without a result
    if (at_root && s.in_string) {
      string_start = i + 1;
    } else if (was_in_string && !s.in_string && s.open.size() == 1
               && !after_colon) {
      key = body.substr(string_start, i - string_start);
    } else if (at_root && c == ':') {
      after_colon = true;
    } else if (at_root && c == ',') {
      after_colon = false;
      key = {};
    }
  }
  return std::string_view::npos;
}

} // namespace

std::optional<result_elements> split_result(std::string_view body) {
  auto first = find_result_array(body);
  if (first == std::string_view::npos)
    return std::nullopt;
  result_elements out;
  scanner s;
  size_t start = std::string_view::npos;
  auto finish = [&](size_t end) {
    if (start != std::string_view::npos) {
      auto el = trim(body.substr(start, end - start));
      if (!el.empty())
        out.elements.push_back(el);
    }
    start = std::string_view::npos;
  };
  for (auto i = first; i < body.size(); ++i) {
    char c = body[i];
    if (!s.in_string && s.open.empty()) {
      if (is_ws(c))
        continue;
      if (c == ',') {
        finish(i);
        continue;
      }
      if (c == ']') {
        finish(i);
        return out;
      }
    }
    if (start == std::string_view::npos)
      start = i;
    if (!s.step(c)) {
      finish(body.size());
      out.last_cut = true;
      return out;
    }
  }
  if (start != std::string_view::npos) {
    finish(body.size());
    out.last_cut = true;
  }
  return out;
}

int64_t element_update_id(std::string_view el) {
  auto i = skip_ws(el, 0);
  if (i >= el.size() || el[i] != '{')
    return 0;
  scanner s;
  size_t string_start = 0;
  for (; i < el.size(); ++i) {
    bool was_in_string = s.in_string;
    if (!s.step(el[i]) || s.open.empty())
      return 0;
    if (!was_in_string && s.in_string) {
      string_start = i + 1;
      continue;
    }
    if (!was_in_string || s.in_string || s.open.size() != 1)
      continue;
    // A string at the top level just closed: a key if a colon follows.
    auto key = el.substr(string_start, i - string_start);
    auto j = skip_ws(el, i + 1);
    if (key != "update_id" || j >= el.size() || el[j] != ':')
      continue;
    j = skip_ws(el, j + 1);
    int64_t id = 0;
    auto [end, ec] = std::from_chars(el.data() + j, el.data() + el.size(), id);
    auto stop = static_cast<size_t>(end - el.data());
    if (ec != std::errc{} || stop == j || stop >= el.size()
        || !(is_ws(el[stop]) || el[stop] == ',' || el[stop] == '}'))
      return 0;
    return id > 0 ? id : 0;
  }
  return 0;
}

bool ends_open(std::string_view text) {
  scanner s;
  for (char c : text)
    if (!s.step(c))
      return false;
  return s.in_string || !s.open.empty();
}

bool has_lone_surrogate(std::string_view text) {
  auto unit_at = [&](size_t i) -> int {
    // "\uXXXX" at i: its value, or -1.
    if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u')
      return -1;
    int v = 0;
    auto [end, ec] =
        std::from_chars(text.data() + i + 2, text.data() + i + 6, v, 16);
    return ec == std::errc{} && end == text.data() + i + 6 ? v : -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\')
      continue;
    auto v = unit_at(i);
    if (v >= 0xD800 && v <= 0xDBFF) {
      auto low = unit_at(i + 6);
      if (low < 0xDC00 || low > 0xDFFF)
        return true;
      i += 11;
      continue;
    }
    if (v >= 0xDC00 && v <= 0xDFFF)
      return true;
    ++i; // the escaped character, whatever it is
  }
  return false;
}

} // namespace bridge::telegram
