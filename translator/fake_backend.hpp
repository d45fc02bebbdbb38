// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "config/defaults.hpp"
#include "messages/translator.hpp"

namespace bridge::translation {

/// How the fake backend behaves.
struct fake_backend_options {
  /// Mean latency of a call, and its uniform spread (+/-).
  std::chrono::milliseconds latency = defaults::translator::fake_latency;
  std::chrono::milliseconds jitter = defaults::translator::fake_jitter;
  /// Share of calls that fail with `failure_status`.
  double failure_rate = defaults::translator::fake_failure_rate;
  int32_t failure_status = 503;
  /// Seeds latency and failures, so a run can be repeated exactly.
  uint64_t seed = 1;
  /// Every pair of these is "supported".
  std::vector<std::string> languages{"de", "en", "es", "fr", "pt", "ru", "uk"};
};

/// The fake's deterministic translation: "[es] Hello" for English to
/// Spanish.
std::string fake_translation(const backend_call& call);

/// The fake backend with its own timer message.
using fake_backend_actor =
    backend_actor::extend<caf::reacts_to<done_atom, uint64_t>>;

/// A deterministic backend for tests and load: answers after a configured
/// latency (on the actor clock, so tests can simulate it), fails a
/// configured share of calls, translates by tagging.
struct fake_backend_state {
  static inline const char* name = "fake_backend";

  explicit fake_backend_state(fake_backend_actor::pointer self) : self(self) {}

  fake_backend_actor::behavior_type make_behavior(fake_backend_options opts);

private:
  backend_reply reply_to(const backend_call& call);

  fake_backend_actor::pointer self;
  fake_backend_options opts_;
  std::mt19937_64 rng_;
  uint64_t next_ = 1;
  std::unordered_map<
      uint64_t,
      std::pair<caf::typed_response_promise<backend_reply>, backend_reply>>
      waiting_;
};

using fake_backend_impl =
    fake_backend_actor::stateful_pointer<fake_backend_state>;

/// Spawn function of the fake backend.
fake_backend_actor::behavior_type fake_backend(fake_backend_impl self,
                                               fake_backend_options opts);

} // namespace bridge::translation
