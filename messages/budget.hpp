// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/atoms.hpp"

/// Budgets the bot shares across instances: Telegram's global send limit
/// is the bot's and the translation limits are the API key's, so N
/// instances together must never spend more than one would alone.
namespace bridge {

/// How many engine instances share the bot now (sent to the sender and
/// the translator whenever that changes). Each then spends 1/count of a
/// shared budget, or draws from the bucket in Redis (`cluster.send_budget`,
/// `cluster.translation_budget`).
struct cluster_members {
  uint32_t count = 1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cluster_members& x) {
  return f(caf::meta::type_name("cluster_members"), x.count);
}

/// Takes up to `want` tokens (at least `least`, or none) from the shared
/// bucket `budget` ("send", "translate.req", "translate.tok"), which
/// refills at `rate` per second up to `burst`.
struct budget_take {
  std::string budget;
  double rate = 0;
  double burst = 0;
  double want = 0;
  double least = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, budget_take& x) {
  return f(caf::meta::type_name("budget_take"), x.budget, x.rate, x.burst,
           x.want, x.least);
}

/// What the shared bucket gave.
struct budget_grant {
  double tokens = 0;
  /// When nothing was given: microseconds until `least` is there.
  int64_t wait_us = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, budget_grant& x) {
  return f(caf::meta::type_name("budget_grant"), x.tokens, x.wait_us);
}

/// The shared buckets (one detached actor holding a Redis connection).
/// Answers `cache_unavailable` at once while Redis is away; `retry` is its
/// own reconnect timer.
using budget_actor =
    caf::typed_actor<caf::replies_to<budget_take>::with<budget_grant>,
                     caf::reacts_to<retry_atom>>;

} // namespace bridge
