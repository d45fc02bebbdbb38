#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>

#include "common/http_client.hpp"
#include "messages/translator.hpp"
#include "translator/backend.hpp"

namespace bridge {

/// Where and how the Claude backend calls the Messages API.
struct claude_options {
  /// Base URL; "/v1/messages" is appended.
  std::string api_url = "https://api.anthropic.com";
  /// Sent as `x-api-key`; never logged, never put in an error.
  std::string api_key;
  std::string model = "claude-sonnet-4-5";
  int64_t max_tokens = 1024;
  std::string anthropic_version = "2023-06-01";
};

/// One kept-alive connection to the Messages API and the translation
/// request made over it. Blocking and not thread-safe: one per worker.
class claude_client {
public:
  explicit claude_client(claude_options opts);

  /// Asks for the translation of `call` and decodes the answer.
  backend_reply translate(const backend_call& call);

private:
  claude_options opts_;
  std::string url_;
  std::vector<std::string> headers_;
  http_client http_;
};

/// A detached actor owning one `claude_client`.
struct claude_worker_state {
  static inline const char* name = "claude_worker";
  std::unique_ptr<claude_client> client;
};

using claude_worker_impl = backend_actor::stateful_pointer<claude_worker_state>;

/// Spawn function of a worker (spawn it detached).
backend_actor::behavior_type claude_worker(claude_worker_impl self,
                                           claude_options opts);

/// Spawns the Claude backend: `workers` detached workers behind a pool.
spawned_backend spawn_claude_backend(caf::actor_system& sys,
                                     const claude_options& opts,
                                     size_t workers);

} // namespace bridge
