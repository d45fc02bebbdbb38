// SPDX-License-Identifier: Apache-2.0
#include "translator/spawn.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/claude_backend.hpp"
#include "translator/fake_backend.hpp"
#include "translator/languages.hpp"

namespace bridge::translation {

translator_options translator_options_from(const bridge_config& cfg) {
  auto& t = cfg.translator;
  translator_options o;
  o.backend_name = t.backend;
  o.limits.requests_per_minute = static_cast<double>(t.requests_per_minute);
  o.limits.tokens_per_minute = static_cast<double>(t.tokens_per_minute);
  o.limits.max_in_flight = static_cast<uint32_t>(t.max_in_flight);
  o.retry.base = t.retry_base;
  o.retry.cap = t.retry_cap;
  o.retry.max_attempts = static_cast<uint32_t>(t.max_attempts);
  o.breaker_failures = static_cast<uint32_t>(t.breaker_failures);
  o.breaker_cooldown = t.breaker_cooldown;
  o.queue_limit = static_cast<size_t>(t.queue_limit);
  o.queue_deadline = t.queue_deadline;
  o.queued_notice_after = t.queued_notice_after;
  o.request_timeout = t.request_timeout;
  o.request.chars_per_token = t.chars_per_token;
  return o;
}

apertium_options apertium_options_from(const bridge_config& cfg) {
  apertium_options o;
  o.pipelines_per_pair = static_cast<size_t>(cfg.translator.apertium_pipelines);
  o.modes_dir = cfg.translator.apertium_modes_dir;
  // The translator lets at most max_in_flight calls out at once; the pool
  // must hold them all, or it refuses some as failures and opens the
  // circuit for every pair under mere load.
  o.queue_limit = std::max(o.queue_limit,
                           static_cast<size_t>(cfg.translator.max_in_flight));
  return o;
}

claude_options claude_options_from(const bridge_config& cfg) {
  const auto& t = cfg.translator;
  claude_options o;
  o.api_url = t.claude_api_url;
  o.api_key = cfg.secrets.anthropic_api_key;
  o.model = t.claude_model;
  o.max_tokens = t.claude_max_tokens;
  o.anthropic_version = t.anthropic_version;
  return o;
}

fake_backend_options fake_backend_options_from(const bridge_config& cfg) {
  const auto& t = cfg.translator;
  fake_backend_options o;
  o.latency = t.fake_latency;
  o.jitter = t.fake_jitter;
  o.failure_rate = t.fake_failure_rate;
  return o;
}

void add_fallback(caf::actor_system& sys, const bridge_config& cfg,
                  translator_options& opts) {
  if (cfg.translator.fallback != "apertium")
    return;
  auto b = spawn_apertium_backend(sys, apertium_options_from(cfg));
  if (!b) {
    // Claude alone, as without a fallback: nothing here is worth refusing
    // to start for.
    spdlog::info("translator: no Apertium fallback ({})", describe(b.error()));
    return;
  }
  opts.fallback = b->actor;
  opts.fallback_name = "apertium";
  opts.fallback_languages = std::move(b->languages);
  spdlog::info("translator: Apertium stands in for {} on {} language pairs "
               "when it gives up",
               opts.backend_name, opts.fallback_languages.size());
}

caf::expected<translator_actor> spawn_translator(caf::actor_system& sys,
                                                 const bridge_config& cfg,
                                                 budget_actor budgets) {
  auto opts = translator_options_from(cfg);
  opts.budgets = std::move(budgets);
  auto& t = cfg.translator;
  if (t.backend == "apertium") {
    auto b = spawn_apertium_backend(sys, apertium_options_from(cfg));
    if (!b)
      return b.error();
    opts.backend = b->actor;
    opts.languages = std::move(b->languages);
  } else if (t.backend == "claude") {
    if (cfg.secrets.anthropic_api_key.empty())
      return make_error(engine_errc::unauthorized,
                        "translator.backend = claude needs ANTHROPIC_API_KEY");
    auto b = spawn_claude_backend(sys, claude_options_from(cfg),
                                  static_cast<size_t>(t.max_in_flight));
    opts.backend = b.actor;
    opts.languages = std::move(b.languages);
    add_fallback(sys, cfg, opts);
  } else if (t.backend == "fake") {
    auto fo = fake_backend_options_from(cfg);
    opts.languages = translation::languages::all_pairs(fo.languages);
    opts.backend = sys.spawn(fake_backend, std::move(fo));
  } else {
    return make_error(engine_errc::invalid_input,
                      "config key 'translator.backend' = '" + t.backend
                          + "' is not apertium, claude or fake");
  }
  return sys.spawn(translator, std::move(opts));
}

} // namespace bridge::translation
