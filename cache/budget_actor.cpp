// SPDX-License-Identifier: Apache-2.0
#include "cache/budget_actor.hpp"

#include <cmath>

#include <spdlog/spdlog.h>

#include "cache/budget_script.hpp"
#include "cache/keys.hpp"
#include "common/error.hpp"
#include "common/thread_name.hpp"
#include "messages/type_ids.hpp"

namespace bridge::cache {

namespace {

/// Budget names become part of a key: lowercase words and dots only.
bool is_budget_name(std::string_view s) {
  if (s.empty() || s.size() > 32)
    return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
          || c == '.'))
      return false;
  return true;
}

bool positive(double x) {
  return std::isfinite(x) && x > 0;
}

std::string number(double x) {
  return fmt::format("{:.17g}", x);
}

caf::error no_redis_for_budget() {
  return make_error(engine_errc::cache_unavailable,
                    "Redis is unavailable; spend the share");
}

} // namespace

budget_actor::behavior_type budget_state::make_behavior(budget_options opts) {
  opts_ = std::move(opts);
  retry_ = std::make_unique<retry_state>(
      backoff_policy{opts_.reconnect_base, opts_.reconnect_max});
  std::string why;
  if (auto ep = parse_redis_url(opts_.url, why)) {
    endpoint_ = *ep;
    usable_ = true;
    try_connect();
  } else {
    spdlog::error("budgets: {}; every instance keeps its share", why);
  }
  return {
      [this](budget_take& x) { return take(x); },
      [this](retry_atom) {
        reconnect_scheduled_ = false;
        try_connect();
      },
  };
}

caf::result<budget_grant> budget_state::take(const budget_take& x) {
  if (!is_budget_name(x.budget) || !positive(x.rate) || !positive(x.burst)
      || !positive(x.want) || !positive(x.least) || x.least > x.want)
    return make_error(engine_errc::invalid_input,
                      "a budget take needs a name of [a-z0-9_.] and "
                      "0 < least <= want, rate > 0, burst > 0");
  if (!up_)
    return no_redis_for_budget();
  auto r = run_script(x);
  if (!r)
    return no_redis_for_budget();
  if (r->is_error() || r->type != redis_reply::kind::array
      || r->elements.size() != 2) {
    spdlog::debug("budgets: Redis answered the take of {}: {}", x.budget,
                  r->str);
    return make_error(engine_errc::cache_unavailable,
                      "Redis refused the budget script");
  }
  budget_grant g;
  g.tokens = std::strtod(r->elements[0].str.c_str(), nullptr);
  g.wait_us = r->elements[1].integer;
  return g;
}

std::optional<redis_reply> budget_state::run_script(const budget_take& x) {
  redis_command cmd{"EVALSHA",
                    sha_,
                    "1",
                    keys::budget(x.budget),
                    number(x.rate),
                    number(x.burst),
                    number(x.want),
                    number(x.least)};
  auto r = redis_.run(cmd);
  if (r && r->is_error() && r->str.rfind("NOSCRIPT", 0) == 0) {
    // Redis restarted or flushed its scripts: EVAL carries the script and
    // caches it again under the same SHA.
    cmd[0] = "EVAL";
    cmd[1] = scripts::take;
    r = redis_.run(cmd);
  }
  if (!r)
    went_down();
  return r;
}

void budget_state::went_down() {
  if (!up_)
    return;
  up_ = false;
  spdlog::warn("budgets: lost Redis ({}); instances spend their shares while "
               "reconnecting",
               redis_.last_error());
  redis_.close();
  schedule_reconnect();
}

void budget_state::try_connect() {
  if (!usable_)
    return;
  if (redis_.connect(endpoint_, opts_.command_timeout)) {
    auto loaded = redis_.run({"SCRIPT", "LOAD", scripts::take});
    if (loaded && loaded->type == redis_reply::kind::string) {
      sha_ = loaded->str;
      up_ = true;
      spdlog::info("budgets: connected to Redis at {}", describe(endpoint_));
      retry_->succeeded();
      return;
    }
    redis_.close();
  }
  if (retry_->failures() == 0)
    spdlog::warn("budgets: cannot reach Redis at {} ({}); instances spend "
                 "their shares, retrying with backoff",
                 describe(endpoint_), redis_.last_error());
  schedule_reconnect();
}

void budget_state::schedule_reconnect() {
  if (reconnect_scheduled_)
    return;
  reconnect_scheduled_ = true;
  self->delayed_send(self, retry_->failed(rng_), retry_atom::value);
}

budget_actor::behavior_type budget_service(budget_impl self,
                                           budget_options opts) {
  name_detached_thread(self, "bridge.budget");
  return self->state.make_behavior(std::move(opts));
}

caf::expected<budget_actor> start_budgets(caf::actor_system& sys,
                                          const bridge_config& cfg) {
  if (cfg.cluster.send_budget != "redis"
      && cfg.cluster.translation_budget != "redis")
    return budget_actor{};
  budget_options o;
  o.url = cfg.secrets.redis_url;
  o.command_timeout = cfg.cache.command_timeout;
  o.reconnect_max = cfg.cache.reconnect_backoff_max;
  o.reconnect_base = std::min(o.reconnect_base, o.reconnect_max);
  if (o.url.empty()) {
    // The default: an engine without Redis still keeps the limits, by
    // its share of them.
    spdlog::info("budgets: no REDIS_URL; each instance keeps its share of "
                 "the bot's limits");
    return budget_actor{};
  }
  std::string why;
  if (!parse_redis_url(o.url, why))
    return make_error(engine_errc::invalid_input, why);
  return sys.spawn<caf::detached>(budget_service, std::move(o));
}

} // namespace bridge::cache
