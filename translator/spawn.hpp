// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/actor_system.hpp>
#include <caf/expected.hpp>

#include "config/config.hpp"
#include "messages/translator.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/claude_backend.hpp"
#include "translator/fake_backend.hpp"
#include "translator/translator.hpp"

namespace bridge::translation {

/// The translator's options from the `translator.*` keys; the backend and
/// its languages are left for the caller to fill.
translator_options translator_options_from(const bridge_config& cfg);

/// Each backend's options from its `translator.*` keys (and, for Claude,
/// ANTHROPIC_API_KEY).
apertium_options apertium_options_from(const bridge_config& cfg);
claude_options claude_options_from(const bridge_config& cfg);
fake_backend_options fake_backend_options_from(const bridge_config& cfg);

/// Adds the fallback backend (`translator.fallback`) to `opts` when it is
/// configured and has at least one pair; otherwise leaves `opts` without.
void add_fallback(caf::actor_system& sys, const bridge_config& cfg,
                  translator_options& opts);

/// Spawns the configured backend (`translator.backend`) and the translator
/// over it; the engine calls this once at start. An error, naming what is
/// missing, when the backend cannot run (no Apertium mode installed, no
/// ANTHROPIC_API_KEY). `budgets`: the buckets shared with the other
/// instances (`cache::start_budgets`), unset to keep a share.
caf::expected<translator_actor> spawn_translator(caf::actor_system& sys,
                                                 const bridge_config& cfg,
                                                 budget_actor budgets = {});

} // namespace bridge::translation
