// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bridge::cache {

/// Where Redis listens and how to log in, from REDIS_URL.
struct redis_endpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  /// AUTH credentials; empty when none (a secret: never logged).
  std::string username;
  std::string password;
  /// SELECT index.
  int db = 0;
};

/// Parses `redis://[[user]:password@]host[:port][/db]`. Returns nothing
/// (and sets `why`, free of the password) for anything else: another
/// scheme (rediss:// needs TLS, which this hiredis lacks), a bad port or
/// database number, or stray characters.
std::optional<redis_endpoint> parse_redis_url(std::string_view url,
                                              std::string& why);

/// `host:port/db` for log lines.
std::string describe(const redis_endpoint& ep);

} // namespace bridge::cache
