// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <caf/behavior.hpp>
#include <caf/stateful_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "messages/translator.hpp"

namespace bridge {

/// A short-lived actor that sends a batch of texts to the translator and
/// answers the batch with every text's `translation_done`, in order:
/// the translator answers its requester with messages, and a session
/// that must await them (its updates are handled one at a time) asks
/// this actor instead. It quits once it has answered; a text without an
/// answer by the batch's deadline is answered as failed.
struct translate_batch_state {
  static inline const char* name = "translate_batch";

  explicit translate_batch_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(translator_actor translator);

private:
  caf::typed_response_promise<translate_batch_result> start(translate_batch& b);
  void settle(translation_done& d);
  void finish();

  caf::event_based_actor* self;
  translator_actor translator_;
  caf::typed_response_promise<translate_batch_result> promise_;
  translate_batch_result result_;
  std::vector<bool> open_;
  size_t left_ = 0;
  bool answered_ = false;
};

caf::behavior
translate_batch_actor(caf::stateful_actor<translate_batch_state>* self,
                      translator_actor translator);

} // namespace bridge
