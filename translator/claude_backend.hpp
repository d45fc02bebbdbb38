// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/stateful_actor.hpp>

#include "common/http_client.hpp"
#include "config/defaults.hpp"
#include "messages/translator.hpp"
#include "translator/backend.hpp"

namespace bridge::translation {

/// Where and how the Claude backend calls the Messages API.
struct claude_options {
  /// Base URL; "/v1/messages" is appended.
  std::string api_url{defaults::translator::claude_api_url};
  /// Sent as `x-api-key`; never logged, never put in an error.
  std::string api_key;
  std::string model{defaults::translator::claude_model};
  int64_t max_tokens = defaults::translator::claude_max_tokens;
  std::string anthropic_version{defaults::translator::anthropic_version};
};

/// One kept-alive connection to the Messages API and the translation
/// request made over it, blocking: for tools and tests that want one call
/// and its answer (the engine's backend is `spawn_claude_backend`).
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

/// Spawns the Claude backend: one actor whose calls share `connections`
/// kept-alive connections on one HTTP thread (`http_multi`), so many
/// translations can wait on the API at once without a thread each.
spawned_backend spawn_claude_backend(caf::actor_system& sys,
                                     const claude_options& opts,
                                     size_t connections);

} // namespace bridge::translation
