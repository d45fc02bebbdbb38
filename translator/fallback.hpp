// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <vector>

#include "common/error.hpp"
#include "messages/translator.hpp"

namespace bridge::translation {

/// Which requests the configured backend gave up on go to a second,
/// rougher backend (`translator.fallback`): Apertium, offline, when Claude
/// is failing. Pure: the translator asks, it does not act.
class fallback_policy {
public:
  /// No fallback: every request fails as it would without one.
  fallback_policy() = default;

  /// A fallback that translates `pairs` (pivoted ones included).
  explicit fallback_policy(const std::vector<language_pair>& pairs);

  /// True when a request for `pair` that failed with `code` is worth
  /// translating with the fallback: the configured backend gave up on it
  /// (its circuit is open, its retries or its wait are spent, its key is
  /// refused or out of budget, or it answered an error that no retry
  /// mends) and the fallback knows the pair. A request refused for its
  /// own sake (bad input, an unknown pair, a full queue) or because the
  /// engine is stopping fails as before.
  bool takes(engine_errc code, const language_pair& pair) const;

  /// True when there is a fallback at all and it knows `pair`.
  bool covers(const language_pair& pair) const;

  bool enabled() const { return !pairs_.empty(); }

private:
  std::set<language_pair> pairs_;
};

/// True for the failures that mean the configured backend gave up, as
/// opposed to the request or the engine refusing it.
bool backend_gave_up(engine_errc code);

} // namespace bridge::translation
