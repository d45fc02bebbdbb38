// SPDX-License-Identifier: Apache-2.0
#include "storage/sql.hpp"

#include <cctype>
#include <charconv>

#include "common/error.hpp"

namespace bridge::storage {

const char* to_string(failure_kind x) {
  switch (x) {
  case failure_kind::connection_lost:
    return "connection_lost";
  case failure_kind::in_doubt:
    return "in_doubt";
  case failure_kind::rollback:
    return "rollback";
  case failure_kind::unique_violation:
    return "unique_violation";
  case failure_kind::foreign_key_violation:
    return "foreign_key_violation";
  case failure_kind::invalid_data:
    return "invalid_data";
  case failure_kind::timeout:
    return "timeout";
  case failure_kind::decode:
    return "decode";
  case failure_kind::fenced:
    return "fenced";
  case failure_kind::other:
    return "other";
  }
  return "unknown";
}

failure_kind classify_sqlstate(std::string_view s) {
  if (s.size() != 5)
    return failure_kind::other;
  if (s == "23505")
    return failure_kind::unique_violation;
  if (s == "23503")
    return failure_kind::foreign_key_violation;
  if (s == "57014")
    return failure_kind::timeout;
  if (s == "BRF01")
    return failure_kind::fenced;
  auto cls = s.substr(0, 2);
  if (cls == "40")
    return failure_kind::rollback;
  // 08: connection exception; 57P01-57P03: the server is shutting down.
  if (cls == "08" || s == "57P01" || s == "57P02" || s == "57P03")
    return failure_kind::connection_lost;
  if (cls == "22" || cls == "23")
    return failure_kind::invalid_data;
  return failure_kind::other;
}

caf::error to_error(const db_failure& failure, std::string_view context) {
  std::string ctx{context};
  ctx += ": ";
  ctx += failure.what();
  switch (failure.kind()) {
  case failure_kind::connection_lost:
  case failure_kind::in_doubt:
  case failure_kind::rollback:
    return make_error(engine_errc::db_unavailable, std::move(ctx));
  case failure_kind::unique_violation:
    return make_error(engine_errc::conflict, std::move(ctx));
  case failure_kind::foreign_key_violation:
    return make_error(engine_errc::not_found, std::move(ctx));
  case failure_kind::invalid_data:
    return make_error(engine_errc::invalid_input, std::move(ctx));
  case failure_kind::timeout:
    return make_error(engine_errc::deadline_exceeded, std::move(ctx));
  case failure_kind::fenced:
    return make_error(engine_errc::fenced, std::move(ctx));
  case failure_kind::decode:
  case failure_kind::other:
    break;
  }
  return make_error(engine_errc::db_error, std::move(ctx));
}

// -- array_literal
// --------------------------------------------------------------

void array_literal::separate() {
  if (n_++ > 0)
    buf_ += ',';
}

void array_literal::add(int64_t x) {
  separate();
  buf_ += std::to_string(x);
}

void array_literal::add_text(std::string_view x) {
  separate();
  buf_.reserve(buf_.size() + x.size() + 2);
  buf_ += '"';
  for (char c : x) {
    if (c == '"' || c == '\\')
      buf_ += '\\';
    buf_ += c;
  }
  buf_ += '"';
}

void array_literal::add_null() {
  separate();
  buf_ += "NULL";
}

// -- decoding
// -------------------------------------------------------------------

namespace {

[[noreturn]] void bad_cell(const row& r, size_t i, const char* expected) {
  std::string what = "column ";
  what += std::to_string(i);
  what += " of a ";
  what += std::to_string(r.size());
  what += "-column row is not ";
  what += expected;
  throw db_failure{failure_kind::decode, what};
}

const cell& at(const row& r, size_t i) {
  if (i >= r.size()) {
    throw db_failure{failure_kind::decode, "row has " + std::to_string(r.size())
                                               + " columns, wanted column "
                                               + std::to_string(i)};
  }
  return r[i];
}

} // namespace

std::optional<int64_t> parse_int(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  int64_t out = 0;
  auto first = text.data();
  auto last = text.data() + text.size();
  auto [end, ec] = std::from_chars(first, last, out);
  if (ec != std::errc{} || end != last)
    return std::nullopt;
  return out;
}

void expect_width(const row& r, size_t width, const char* what) {
  if (r.size() != width) {
    throw db_failure{failure_kind::decode,
                     std::string{what} + ": expected " + std::to_string(width)
                         + " columns, got " + std::to_string(r.size())};
  }
}

int64_t int_at(const row& r, size_t i) {
  const auto& c = at(r, i);
  if (!c)
    return 0;
  auto v = parse_int(*c);
  if (!v)
    bad_cell(r, i, "an integer");
  return *v;
}

std::string text_at(const row& r, size_t i) {
  const auto& c = at(r, i);
  return c ? *c : std::string{};
}

bool bool_at(const row& r, size_t i) {
  const auto& c = at(r, i);
  if (c && *c == "t")
    return true;
  if (c && *c == "f")
    return false;
  bad_cell(r, i, "a boolean");
}

std::vector<int64_t> int_list_at(const row& r, size_t i) {
  const auto& c = at(r, i);
  std::vector<int64_t> out;
  if (!c)
    return out;
  std::string_view s = *c;
  if (s.size() < 2 || s.front() != '{' || s.back() != '}')
    bad_cell(r, i, "an integer array");
  s = s.substr(1, s.size() - 2);
  while (!s.empty()) {
    auto comma = s.find(',');
    auto item = s.substr(0, comma);
    auto v = parse_int(item);
    if (!v)
      bad_cell(r, i, "an integer array");
    out.push_back(*v);
    if (comma == std::string_view::npos)
      break;
    s.remove_prefix(comma + 1);
    if (s.empty())
      bad_cell(r, i, "an integer array");
  }
  return out;
}

std::string shift_params(const std::string& text, int by) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '$' || i + 1 >= text.size()
        || !std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      out += text[i++];
      continue;
    }
    size_t end = i + 1;
    int n = 0;
    while (end < text.size()
           && std::isdigit(static_cast<unsigned char>(text[end])))
      n = n * 10 + (text[end++] - '0');
    out += '$';
    out += std::to_string(n + by);
    i = end;
  }
  return out;
}

} // namespace bridge::storage
