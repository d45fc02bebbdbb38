#include "actors/bot_api_worker.hpp"

#include <chrono>

#include "messages/type_ids.hpp"
#include "ops/metrics.hpp"
#include "telegram/bot_api.hpp"

namespace bridge {

caf::behavior bot_api_worker(caf::stateful_actor<bot_api_worker_state>* self,
                             bot_api_endpoint endpoint) {
  self->state.client.set_max_body(1024 * 1024);
  return {
    [=](send_attempt& attempt) -> send_outcome {
      auto url = telegram::method_url(endpoint.base_url, endpoint.token,
                                      attempt.method);
      auto asked = std::chrono::steady_clock::now();
      auto resp = self->state.client.post(
        url, attempt.body, {"Content-Type: application/json"},
        endpoint.timeout);
      ops::metrics().sender_call_seconds.Observe(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
      auto out = telegram::classify_send(resp.status, resp.body, resp.error);
      out.job_id = attempt.job_id;
      return out;
    },
  };
}

} // namespace bridge
