// SPDX-License-Identifier: Apache-2.0
#include "translator/fallback.hpp"

namespace bridge::translation {

fallback_policy::fallback_policy(const std::vector<language_pair>& pairs)
    : pairs_(pairs.begin(), pairs.end()) {}

bool fallback_policy::covers(const language_pair& pair) const {
  // Pairs compare by source and target only, whatever route they take.
  return pairs_.count(language_pair{pair.source, pair.target}) > 0;
}

bool fallback_policy::takes(engine_errc code, const language_pair& pair) const {
  return backend_gave_up(code) && covers(pair);
}

bool backend_gave_up(engine_errc code) {
  switch (code) {
  case engine_errc::circuit_open:
  case engine_errc::deadline_exceeded:
  case engine_errc::rate_limited:
  case engine_errc::unauthorized:
  case engine_errc::translation_failed:
    return true;
  default:
    // invalid_input and unsupported_language are the request's own;
    // queue_full is load the fallback must not absorb unbounded;
    // shutting_down answers everyone now.
    return false;
  }
}

} // namespace bridge::translation
