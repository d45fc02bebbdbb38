// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/actor_system.hpp>
#include <caf/expected.hpp>

#include "config/config.hpp"
#include "messages/storage.hpp"
#include "storage/db_pool.hpp"

/// Starting the storage room from the configuration.
namespace bridge::storage {

/// Pool options from the `db.*` keys and DATABASE_URL.
db_pool_options db_pool_options_from(const bridge_config& cfg);

/// Brings the schema up to date, then spawns the pool. Refuses with an
/// error naming what failed (never the password) when DATABASE_URL is
/// empty, the server cannot be reached, or the schema does not match this
/// build; the engine must not start then.
caf::expected<db_actor> start_db_pool(caf::actor_system& sys,
                                      const db_pool_options& opts);

/// `start_db_pool` with options from the configuration.
caf::expected<db_actor> start_db_pool(caf::actor_system& sys,
                                      const bridge_config& cfg);

} // namespace bridge::storage
