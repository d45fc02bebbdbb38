// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/expected.hpp>
#include <caf/stateful_actor.hpp>

#include "config/defaults.hpp"
#include "messages/translator.hpp"
#include "translator/apertium_modes.hpp"
#include "translator/apertium_pipeline.hpp"
#include "translator/backend.hpp"

namespace bridge::translation {

/// How the Apertium backend is set up.
struct apertium_options {
  std::string modes_dir = translation::apertium::default_modes_dir;
  /// Resident pipelines per language pair, started on the pair's first use.
  size_t pipelines_per_pair = defaults::translator::apertium_pipelines;
  /// Calls waiting for a busy pipeline before refusing.
  size_t queue_limit = 256;
};

/// Finds the installed modes and spawns a pool of resident pipelines for
/// them. An error naming the folder when no mode can be used.
caf::expected<spawned_backend>
spawn_apertium_backend(caf::actor_system& sys, const apertium_options& opts);

/// A detached actor owning one resident pipeline of one mode.
struct apertium_worker_state {
  static inline const char* name = "apertium_worker";
  std::unique_ptr<apertium::pipeline> pipe;
};

using apertium_worker_impl =
    backend_actor::stateful_pointer<apertium_worker_state>;

/// Spawn function of a pipeline worker (spawn it detached).
backend_actor::behavior_type
apertium_worker(apertium_worker_impl self, std::string mode_name,
                std::vector<apertium::stage> stages);

} // namespace bridge::translation
