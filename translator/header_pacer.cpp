// SPDX-License-Identifier: Apache-2.0
#include "translator/header_pacer.hpp"

#include <algorithm>

namespace bridge::translation {

namespace {

void take(int64_t remaining, int64_t reset_ms, header_pacer::time_point now,
          bool& known, double& left, header_pacer::time_point& reset) {
  // Without a reset time there is nothing to wait for: ignore the figure.
  if (remaining < 0 || reset_ms < 0)
    return;
  known = true;
  left = static_cast<double>(remaining);
  reset = now + std::chrono::milliseconds{reset_ms};
}

} // namespace

void header_pacer::observe(time_point now, const rate_snapshot& s) {
  take(s.requests_remaining, s.requests_reset_ms, now, requests_.known,
       requests_.remaining, requests_.reset);
  take(s.tokens_remaining, s.tokens_reset_ms, now, tokens_.known,
       tokens_.remaining, tokens_.reset);
}

void header_pacer::spent(double tokens) {
  if (requests_.known)
    requests_.remaining -= 1;
  if (tokens_.known)
    tokens_.remaining -= tokens;
}

header_pacer::time_point header_pacer::gate(const budget& b, time_point now,
                                            double need) {
  if (!b.known || now >= b.reset)
    return now;
  return b.remaining >= need ? now : b.reset;
}

header_pacer::time_point header_pacer::ready_at(time_point now, double tokens,
                                                uint32_t in_flight) const {
  auto on_wire = static_cast<double>(in_flight);
  return std::max(gate(requests_, now, 1 + on_wire),
                  gate(tokens_, now, tokens * (1 + on_wire)));
}

} // namespace bridge::translation
