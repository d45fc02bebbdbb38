// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "messages/translator.hpp"
#include "translator/language_graph.hpp"

namespace bridge::translation {

/// Translates along routes of a language graph with a backend that only
/// translates directly: a call from English to Portuguese becomes English
/// to Spanish, then Spanish to Portuguese, one call after the other to
/// `direct`, within the call's one timeout. Its replies say how many hops
/// the text took. It owns `direct` and stops it when it stops.
///
/// The call's glossary terms are replaced by placeholders before the first
/// hop (domain/glossary.hpp) and by their fixed translations after the
/// last, so a term is never translated by the engine, on any route.
struct pivot_backend_state {
  static inline const char* name = "pivot_backend";

  explicit pivot_backend_state(backend_actor::pointer self) : self(self) {}

  backend_actor::behavior_type
  make_behavior(backend_actor direct,
                std::shared_ptr<const language_graph> graph);

private:
  using promise = caf::typed_response_promise<backend_reply>;

  /// One call on its way along its route.
  struct journey {
    backend_call call;
    std::vector<std::string> route;
    /// The hop under way: from route[hop] to route[hop + 1].
    size_t hop = 0;
    caf::actor_clock::time_point deadline;
    promise rp;
    /// The glossary's translations, put back in place of the placeholders
    /// that stood for the terms along the route.
    std::vector<std::string> replacements;
  };

  void next_hop(std::shared_ptr<journey> j);
  void finish(journey& j, backend_reply reply);

  backend_actor::pointer self;
  backend_actor direct_;
  std::shared_ptr<const language_graph> graph_;
};

using pivot_backend_impl = backend_actor::stateful_pointer<pivot_backend_state>;

/// Spawn function of the pivot backend.
backend_actor::behavior_type
pivot_backend(pivot_backend_impl self, backend_actor direct,
              std::shared_ptr<const language_graph> graph);

} // namespace bridge::translation
