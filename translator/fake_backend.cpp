// SPDX-License-Identifier: Apache-2.0
#include "translator/fake_backend.hpp"

#include <algorithm>

#include "messages/type_ids.hpp"

namespace bridge::translation {

std::string fake_translation(const backend_call& call) {
  return "[" + call.target_lang + "] " + call.text;
}

fake_backend_actor::behavior_type
fake_backend_state::make_behavior(fake_backend_options opts) {
  opts_ = std::move(opts);
  rng_.seed(opts_.seed);
  return {
      [this](backend_call& call) -> caf::result<backend_reply> {
        auto reply = reply_to(call);
        auto spread = opts_.jitter.count();
        auto latency = opts_.latency.count();
        if (spread > 0)
          latency +=
              std::uniform_int_distribution<int64_t>{-spread, spread}(rng_);
        if (latency <= 0)
          return reply;
        auto id = next_++;
        auto rp = self->make_response_promise<backend_reply>();
        waiting_.emplace(id, std::make_pair(rp, std::move(reply)));
        self->delayed_send(self, std::chrono::milliseconds{latency},
                           done_atom::value, id);
        return rp;
      },
      [this](done_atom, uint64_t id) {
        auto it = waiting_.find(id);
        if (it == waiting_.end())
          return;
        it->second.first.deliver(std::move(it->second.second));
        waiting_.erase(it);
      },
  };
}

backend_reply fake_backend_state::reply_to(const backend_call& call) {
  backend_reply reply;
  reply.call_id = call.call_id;
  auto& langs = opts_.languages;
  auto known = [&](const std::string& code) {
    return std::find(langs.begin(), langs.end(), code) != langs.end();
  };
  if (!known(call.source_lang) || !known(call.target_lang)) {
    reply.status = backend_status::refused;
    reply.message = "the fake backend does not know " + call.source_lang + "->"
                    + call.target_lang;
    return reply;
  }
  if (opts_.failure_rate > 0
      && std::uniform_real_distribution<double>{0, 1}(rng_)
             < opts_.failure_rate) {
    reply.status = backend_status::http_error;
    reply.http_status = opts_.failure_status;
    reply.error_type =
        opts_.failure_status == 529 ? "overloaded_error" : "api_error";
    reply.message = "injected failure";
    return reply;
  }
  reply.text = fake_translation(call);
  return reply;
}

fake_backend_actor::behavior_type fake_backend(fake_backend_impl self,
                                               fake_backend_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::translation
