// SPDX-License-Identifier: Apache-2.0
#include "storage/dsn.hpp"

#include <algorithm>

namespace bridge::storage {

namespace {

/// Percent-encodes everything but unreserved URI characters.
std::string uri_escape(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
        || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

/// Quotes a value of the key=value form.
std::string kv_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\')
      out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

/// Where the authority part of a URI starts and ends.
struct uri_parts {
  size_t authority_begin = 0;
  size_t authority_end = 0;
};

uri_parts split_uri(std::string_view dsn) {
  uri_parts p;
  p.authority_begin = dsn.find("://") + 3;
  p.authority_end = dsn.find_first_of("/?", p.authority_begin);
  if (p.authority_end == std::string_view::npos)
    p.authority_end = dsn.size();
  return p;
}

} // namespace

bool is_dsn_uri(std::string_view dsn) {
  return dsn.substr(0, 13) == "postgresql://"
         || dsn.substr(0, 11) == "postgres://";
}

std::string add_dsn_param(std::string_view dsn, std::string_view key,
                          std::string_view value) {
  std::string out{dsn};
  if (is_dsn_uri(dsn)) {
    out += dsn.find('?') == std::string_view::npos ? '?' : '&';
    out += uri_escape(key);
    out += '=';
    out += uri_escape(value);
  } else {
    if (!out.empty())
      out += ' ';
    out += key;
    out += '=';
    out += kv_quote(value);
  }
  return out;
}

std::string dsn_with_database(std::string_view dsn, std::string_view dbname) {
  if (!is_dsn_uri(dsn))
    return add_dsn_param(dsn, "dbname", dbname);
  auto p = split_uri(dsn);
  auto rest = dsn.substr(p.authority_end);
  auto query = rest.find('?');
  std::string out{dsn.substr(0, p.authority_end)};
  out += '/';
  out += uri_escape(dbname);
  if (query != std::string_view::npos)
    out += rest.substr(query);
  return out;
}

std::string redact_dsn(std::string_view dsn) {
  std::string out{dsn};
  if (is_dsn_uri(dsn)) {
    auto p = split_uri(dsn);
    auto at = dsn.rfind('@', p.authority_end);
    if (at != std::string_view::npos && at >= p.authority_begin) {
      auto colon = dsn.find(':', p.authority_begin);
      if (colon != std::string_view::npos && colon < at)
        out = std::string{dsn.substr(0, colon + 1)} + "***"
              + std::string{dsn.substr(at)};
    }
  }
  // `password=` pairs, in the key=value form or a URI's query.
  for (size_t pos = 0;
       (pos = out.find("password=", pos)) != std::string::npos;) {
    auto start = pos + 9;
    size_t end = start;
    if (end < out.size() && out[end] == '\'') {
      ++end;
      while (end < out.size() && out[end] != '\'')
        end += out[end] == '\\' ? 2 : 1;
      end = std::min(out.size(), end + 1);
    } else {
      while (end < out.size() && out[end] != ' ' && out[end] != '&')
        ++end;
    }
    out.replace(start, end - start, "***");
    pos = start + 3;
  }
  return out;
}

} // namespace bridge::storage
