// SPDX-License-Identifier: Apache-2.0
// The sender's half of the bot's global send limit: the limit is the
// bot's, so while other instances send too this one spends its share of
// it, or draws grants from the bucket they all share in Redis. Grants are
// asked for only while a call waits on the limit, one ask at a time, off
// the per-message path; the shared bucket not answering falls back to the
// share until it answers again.

#include "actors/sender.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

namespace {

/// The shared bucket's name for the bot's global limit.
constexpr const char* send_budget = "send";

/// How long a grant may take before the share is used instead.
constexpr auto grant_timeout = std::chrono::seconds{2};

} // namespace

void sender_state::set_members(uint32_t n) {
  auto& g = sched_->global();
  if (std::max<uint32_t>(n, 1) == g.members())
    return;
  g.set_members(n, clock::now());
  spdlog::info("sender: {} instance(s) share the bot; global limit {}",
               g.members(),
               g.drawing() ? std::string{"drawn from the shared bucket"}
                           : fmt::format("{:.2f}/s here", g.rate()));
  pump();
}

void sender_state::ask_grant() {
  if (!opts_.budgets || !sched_->global_blocked())
    return;
  auto& g = sched_->global();
  auto now = clock::now();
  auto ask = g.ask_for(now, 1.0, static_cast<double>(sched_->queued()));
  if (!ask)
    return;
  g.asked();
  auto& limits = opts_.limits;
  budget_take take{send_budget, limits.global_per_second,
                   telegram::spent_burst(limits.global_per_second), ask->want,
                   ask->least};
  self->request(opts_.budgets, grant_timeout, std::move(take))
      .then(
          [this](const budget_grant& grant) {
            telemetry::metrics().budget_grants(send_budget).Increment();
            if (sched_->global().granted(
                    grant.tokens, std::chrono::microseconds{grant.wait_us},
                    clock::now()))
              spdlog::info("sender: the shared send budget answers again");
            pump();
          },
          [this](const caf::error& err) {
            if (sched_->global().failed(clock::now())) {
              telemetry::metrics().budget_fallbacks(send_budget).Increment();
              spdlog::warn(
                  "sender: the shared send budget does not answer ({}); "
                  "sending at this instance's share, {:.2f}/s",
                  describe(err), sched_->global().rate());
            }
            pump();
          });
}

} // namespace bridge
