// SPDX-License-Identifier: Apache-2.0
#include "cache/redis_url.hpp"

#include <charconv>

namespace bridge::cache {

namespace {

std::optional<int> parse_number(std::string_view text, int min, int max) {
  int out = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()
      || out < min || out > max)
    return std::nullopt;
  return out;
}

/// Decodes %XX escapes (passwords may contain '@' or ':').
std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size())
      return std::nullopt;
    int v = 0;
    auto [end, ec] =
        std::from_chars(text.data() + i + 1, text.data() + i + 3, v, 16);
    if (ec != std::errc{} || end != text.data() + i + 3)
      return std::nullopt;
    out += static_cast<char>(v);
    i += 2;
  }
  return out;
}

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

} // namespace

std::optional<redis_endpoint> parse_redis_url(std::string_view url,
                                              std::string& why) {
  constexpr std::string_view scheme = "redis://";
  if (url.substr(0, scheme.size()) != scheme) {
    why = "REDIS_URL must start with redis:// (TLS is not supported)";
    return std::nullopt;
  }
  auto rest = url.substr(scheme.size());
  redis_endpoint ep;
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto auth = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = auth.find(':');
    auto user = percent_decode(auth.substr(0, colon));
    auto pass = colon == std::string_view::npos
                    ? std::optional<std::string>{""}
                    : percent_decode(auth.substr(colon + 1));
    if (!user || !pass) {
      why = "REDIS_URL has a malformed user or password escape";
      return std::nullopt;
    }
    // `redis://secret@host` means a password without a user name.
    if (colon == std::string_view::npos) {
      ep.password = *user;
    } else {
      ep.username = *user;
      ep.password = *pass;
    }
  }
  auto slash = rest.find('/');
  auto hostport = rest.substr(0, slash);
  if (slash != std::string_view::npos) {
    auto db = rest.substr(slash + 1);
    if (!db.empty()) {
      auto n = parse_number(db, 0, 1000);
      if (!n) {
        why = "REDIS_URL database must be a number in [0, 1000]";
        return std::nullopt;
      }
      ep.db = *n;
    }
  }
  auto colon = hostport.rfind(':');
  auto host = hostport.substr(0, colon);
  if (colon != std::string_view::npos) {
    auto port = parse_number(hostport.substr(colon + 1), 1, 65535);
    if (!port) {
      why = "REDIS_URL port must be a number in [1, 65535]";
      return std::nullopt;
    }
    ep.port = *port;
  }
  if (host.empty() || host.size() > 253) {
    why = "REDIS_URL has no host";
    return std::nullopt;
  }
  for (char c : host)
    if (!host_char(c)) {
      why = "REDIS_URL host has a character a host name cannot have";
      return std::nullopt;
    }
  ep.host = std::string{host};
  return ep;
}

std::string describe(const redis_endpoint& ep) {
  return ep.host + ":" + std::to_string(ep.port) + "/" + std::to_string(ep.db);
}

} // namespace bridge::cache
