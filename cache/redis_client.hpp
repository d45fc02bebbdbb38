// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cache/redis_url.hpp"

struct redisContext;

namespace bridge::cache {

/// One Redis reply, copied out of hiredis.
struct redis_reply {
  enum class kind { nil, integer, string, status, error, array };

  kind type = kind::nil;
  int64_t integer = 0;
  /// Bulk string, status or error text.
  std::string str;
  std::vector<redis_reply> elements;

  bool is_error() const { return type == kind::error; }
  bool is_nil() const { return type == kind::nil; }
};

/// A command and its arguments (binary-safe).
using redis_command = std::vector<std::string>;

/// A synchronous Redis connection (hiredis) with connect and command
/// timeouts. Blocking: only for a detached actor or its own thread. A
/// failed transfer closes the connection; `connect` opens a new one.
class redis_client {
public:
  redis_client() = default;
  ~redis_client();

  redis_client(const redis_client&) = delete;
  redis_client& operator=(const redis_client&) = delete;

  /// Connects, logs in and selects the database. False (with `last_error`
  /// set, never containing the password) when any step fails.
  bool connect(const redis_endpoint& ep, std::chrono::milliseconds timeout);

  bool connected() const { return ctx_ != nullptr; }

  /// Runs one command; nothing when the connection failed.
  std::optional<redis_reply> run(const redis_command& cmd);

  /// Sends every command, then reads every reply: one round trip. Nothing
  /// when the connection failed.
  std::optional<std::vector<redis_reply>>
  pipeline(const std::vector<redis_command>& cmds);

  /// Queues and writes one command without reading its reply (for a
  /// subscribed connection, whose replies come with the pushes).
  bool send(const redis_command& cmd);

  /// The next reply or pushed message, waiting at most `wait`. Nothing
  /// with `quiet` set when none came in time; nothing with `quiet`
  /// unset when the connection failed (it is then closed).
  std::optional<redis_reply> receive(std::chrono::milliseconds wait,
                                     bool& quiet);

  void close();

  const std::string& last_error() const { return last_error_; }

private:
  bool fail(const char* what);

  redisContext* ctx_ = nullptr;
  std::string last_error_;
};

} // namespace bridge::cache
