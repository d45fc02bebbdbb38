// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

#include "messages/translator.hpp"

namespace bridge::translation {

/// Pacing from what the server says is left (`anthropic-ratelimit-*`
/// headers): when the remaining requests or tokens, less what may already be
/// on the wire, cannot cover the next call, new calls wait for the reset the
/// server announced instead of running into a 429. Budgets the server shares
/// with other clients of the same key are the case this catches; our own
/// limits catch the rest. Pure: time is passed in.
class header_pacer {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  /// Takes in the budget a response reported; `now` is when it arrived.
  void observe(time_point now, const rate_snapshot& s);

  /// Counts a call we start against the last reported budget, so that the
  /// view stays conservative until the next response.
  void spent(double tokens);

  /// The earliest time a call of `tokens` may start, given `in_flight`
  /// calls whose cost the server may not have reported yet.
  time_point ready_at(time_point now, double tokens, uint32_t in_flight) const;

private:
  struct budget {
    bool known = false;
    double remaining = 0;
    time_point reset;
  };

  static time_point gate(const budget& b, time_point now, double need);

  budget requests_;
  budget tokens_;
};

} // namespace bridge::translation
