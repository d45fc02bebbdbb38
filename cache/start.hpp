// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/actor_system.hpp>
#include <caf/expected.hpp>

#include "cache/cache_actor.hpp"
#include "config/config.hpp"

/// Starting the cache from the configuration.
namespace bridge::cache {

/// Cache options from the `cache.*` keys and REDIS_URL.
cache_options cache_options_from(const bridge_config& cfg, db_actor db);

/// Spawns the cache (detached) and makes it the pool's watcher, so every
/// cache-relevant write invalidates it. Refuses a malformed REDIS_URL, or
/// none while `cache.enabled`; Redis being down is no reason to refuse
/// (the cache answers from PostgreSQL and reconnects).
caf::expected<cache_actor> start_cache(caf::actor_system& sys,
                                       const cache_options& opts);

/// `start_cache` with options from the configuration.
caf::expected<cache_actor> start_cache(caf::actor_system& sys,
                                       const bridge_config& cfg, db_actor db);

} // namespace bridge::cache
