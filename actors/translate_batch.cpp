// SPDX-License-Identifier: Apache-2.0
#include "actors/translate_batch.hpp"

#include <chrono>

#include "messages/type_ids.hpp"

namespace bridge {

namespace {

/// What a batch waits when it names no deadline.
constexpr int64_t default_deadline_ms = 10'000;

} // namespace

caf::behavior
translate_batch_state::make_behavior(translator_actor translator) {
  translator_ = std::move(translator);
  return {
      [this](translate_batch& b) { return start(b); },
      [this](translation_done& d) { settle(d); },
      [](const translation_queued&) {},
      [](const translation_slow&) {},
      [this](tick_atom) { finish(); },
  };
}

caf::typed_response_promise<translate_batch_result>
translate_batch_state::start(translate_batch& b) {
  promise_ = self->make_response_promise<translate_batch_result>();
  auto n = b.requests.size();
  result_.answers.resize(n);
  open_.assign(n, true);
  left_ = n;
  auto deadline = b.deadline_ms > 0 ? b.deadline_ms : default_deadline_ms;
  for (size_t i = 0; i < n; ++i) {
    auto& r = b.requests[i];
    // Answers are told apart by their place in the batch.
    r.id = i + 1;
    r.deadline_ms = deadline;
    result_.answers[i].id = r.id;
    result_.answers[i].reason = "the translator did not answer in time";
    self->send(translator_, std::move(r));
  }
  // The translator answers every request by its deadline; this is only
  // the backstop that keeps the batch from outliving its asker.
  self->delayed_send(self, std::chrono::milliseconds{deadline + 1000},
                     tick_atom::value);
  if (left_ == 0)
    finish();
  return promise_;
}

void translate_batch_state::settle(translation_done& d) {
  if (d.id == 0 || d.id > open_.size() || !open_[d.id - 1])
    return;
  open_[d.id - 1] = false;
  result_.answers[d.id - 1] = std::move(d);
  if (--left_ == 0)
    finish();
}

void translate_batch_state::finish() {
  if (answered_)
    return;
  answered_ = true;
  promise_.deliver(std::move(result_));
  self->quit();
}

caf::behavior
translate_batch_actor(caf::stateful_actor<translate_batch_state>* self,
                      translator_actor translator) {
  return self->state.make_behavior(std::move(translator));
}

} // namespace bridge
