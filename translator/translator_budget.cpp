// SPDX-License-Identifier: Apache-2.0
// The translator's half of the API key's limits: they are the key's, so
// while other instances use it too this one keeps its share of them, or
// draws grants from the buckets they all share in Redis. Grants are asked
// for only while a call waits on nothing else, one ask per budget at a
// time; a shared bucket not answering falls back to the share until it
// answers again.

#include "translator/translator.hpp"

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::translation {

namespace {

/// How long a grant may take before the share is used instead.
constexpr auto grant_timeout = std::chrono::seconds{2};

} // namespace

void translator_state::set_members(uint32_t n) {
  if (std::max<uint32_t>(n, 1) == limiter_->members())
    return;
  limiter_->set_members(n, now());
  spdlog::info("translator: {} instance(s) share the API key; {}",
               limiter_->members(),
               limiter_->budget(key_budget::requests).drawing()
                   ? std::string{"limits drawn from the shared buckets"}
                   : fmt::format("{:.0f} requests/min and {:.0f} tokens/min "
                                 "here",
                                 limiter_->requests_per_minute(),
                                 limiter_->tokens_per_minute()));
  pump();
}

void translator_state::ask_grants(time_point t) {
  if (!opts_.budgets)
    return;
  for (auto& a : limiter_->asks(t, static_cast<double>(queue_.waiting()))) {
    auto which = a.budget;
    limiter_->asked(which);
    budget_take take{to_string(which), a.rate, a.burst, a.ask.want,
                     a.ask.least};
    self->request(opts_.budgets, grant_timeout, std::move(take))
        .then(
            [this, which](const budget_grant& grant) {
              telemetry::metrics().budget_grants(to_string(which)).Increment();
              if (limiter_->granted(which, grant.tokens,
                                    std::chrono::microseconds{grant.wait_us},
                                    now()))
                spdlog::info("translator: the shared {} budget answers again",
                             to_string(which));
              pump();
            },
            [this, which](const caf::error& err) {
              if (limiter_->failed(which, now())) {
                telemetry::metrics()
                    .budget_fallbacks(to_string(which))
                    .Increment();
                spdlog::warn("translator: the shared {} budget does not answer "
                             "({}); keeping this instance's share",
                             to_string(which), describe(err));
              }
              pump();
            });
  }
}

} // namespace bridge::translation
