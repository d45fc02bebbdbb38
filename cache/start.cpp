// SPDX-License-Identifier: Apache-2.0
#include "cache/start.hpp"

#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge::cache {

cache_options cache_options_from(const bridge_config& cfg, db_actor db) {
  cache_options o;
  o.enabled = cfg.cache.enabled;
  o.url = cfg.secrets.redis_url;
  o.profile_ttl = cfg.cache.profile_ttl;
  o.subscription_ttl = cfg.cache.subscription_ttl;
  o.command_timeout = cfg.cache.command_timeout;
  o.reconnect_max = cfg.cache.reconnect_backoff_max;
  o.reconnect_base = std::min(o.reconnect_base, o.reconnect_max);
  o.db_timeout = cfg.db.request_timeout + std::chrono::seconds{1};
  o.db = std::move(db);
  return o;
}

caf::expected<cache_actor> start_cache(caf::actor_system& sys,
                                       const cache_options& opts) {
  if (!opts.db)
    return make_error(engine_errc::invalid_input,
                      "the cache needs the database pool");
  if (opts.enabled) {
    if (opts.url.empty())
      return make_error(
          engine_errc::invalid_input,
          "REDIS_URL is not set; set it or cache.enabled = false");
    std::string why;
    if (!parse_redis_url(opts.url, why))
      return make_error(engine_errc::invalid_input, why);
  }
  auto cache = sys.spawn<caf::detached>(cache_service, opts);
  caf::anon_send(opts.db, watch_atom::value,
                 caf::actor_cast<invalidation_sink>(cache));
  return cache;
}

caf::expected<cache_actor> start_cache(caf::actor_system& sys,
                                       const bridge_config& cfg, db_actor db) {
  return start_cache(sys, cache_options_from(cfg, std::move(db)));
}

} // namespace bridge::cache
