// SPDX-License-Identifier: Apache-2.0
#include "translator/backend_pool.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge::translation {

namespace {

/// Time a worker gets on top of the call's own timeout.
constexpr auto worker_slack = std::chrono::seconds{1};

backend_reply refusal(const backend_call& call, backend_status status,
                      std::string why) {
  backend_reply r;
  r.call_id = call.call_id;
  r.status = status;
  r.message = std::move(why);
  return r;
}

} // namespace

backend_actor::behavior_type
backend_pool_state::make_behavior(backend_pool_options opts) {
  opts_ = std::move(opts);
  self->attach_functor([workers = workers_](const caf::error&) {
    for (auto& w : *workers)
      caf::anon_send_exit(w, caf::exit_reason::user_shutdown);
  });
  return {
      [this](backend_call& call) -> caf::result<backend_reply> {
        std::string why;
        auto name = opts_.route(call, why);
        if (!name)
          return refusal(call, backend_status::refused, std::move(why));
        auto& l = lanes_[*name];
        auto rp = self->make_response_promise<backend_reply>();
        if (!l.idle.empty()) {
          auto w = std::move(l.idle.back());
          l.idle.pop_back();
          run(*name, std::move(w), std::move(call), rp);
        } else if (l.started < opts_.workers_per_lane) {
          ++l.started;
          run(*name, spawn_worker(*name), std::move(call), rp);
        } else if (waiting_ < opts_.queue_limit) {
          ++waiting_;
          l.waiting.emplace_back(std::move(call), rp);
        } else {
          rp.deliver(refusal(call, backend_status::transport_error,
                             "every backend worker is busy"));
        }
        return rp;
      },
  };
}

backend_actor backend_pool_state::spawn_worker(const std::string& name) {
  auto w = opts_.factory(self, name);
  workers_->push_back(w);
  return w;
}

void backend_pool_state::run(const std::string& name, backend_actor worker,
                             backend_call call, promise rp) {
  auto timeout = std::chrono::milliseconds{call.timeout_ms} + worker_slack;
  auto id = call.call_id;
  self->request(worker, timeout, std::move(call))
      .then(
          [this, name, worker, rp](backend_reply& reply) mutable {
            rp.deliver(std::move(reply));
            finished(name, worker, true);
          },
          [this, name, worker, rp, id](caf::error& err) mutable {
            backend_reply reply;
            reply.call_id = id;
            reply.status = err == caf::sec::request_timeout
                               ? backend_status::timeout
                               : backend_status::transport_error;
            reply.message = "backend worker: " + describe(err);
            rp.deliver(std::move(reply));
            // A worker that timed out may still be blocked, and one that
            // failed may be gone: either way a fresh one takes its place.
            self->send_exit(worker, caf::exit_reason::user_shutdown);
            auto& all = *workers_;
            all.erase(std::remove(all.begin(), all.end(), worker), all.end());
            finished(name, worker, false);
          });
}

void backend_pool_state::finished(const std::string& name, backend_actor worker,
                                  bool alive) {
  auto& l = lanes_[name];
  if (!alive) {
    --l.started;
    if (l.waiting.empty())
      return;
    ++l.started;
    worker = spawn_worker(name);
  }
  if (l.waiting.empty()) {
    l.idle.push_back(std::move(worker));
    return;
  }
  auto [call, rp] = std::move(l.waiting.front());
  l.waiting.pop_front();
  --waiting_;
  run(name, std::move(worker), std::move(call), std::move(rp));
}

backend_actor::behavior_type backend_pool(backend_pool_impl self,
                                          backend_pool_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::translation
