#include "translator/claude_backend.hpp"

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "translator/backend_pool.hpp"
#include "translator/claude_prompt.hpp"
#include "translator/claude_response.hpp"
#include "translator/languages.hpp"

namespace bridge {

namespace {

/// A translation answer is a few kilobytes; anything near this is wrong.
constexpr size_t max_response_bytes = 1 << 20;

} // namespace

claude_client::claude_client(claude_options opts) : opts_(std::move(opts)) {
  url_ = opts_.api_url;
  while (!url_.empty() && url_.back() == '/')
    url_.pop_back();
  url_ += "/v1/messages";
  headers_ = {"content-type: application/json",
              "x-api-key: " + opts_.api_key,
              "anthropic-version: " + opts_.anthropic_version};
  http_.set_max_body(max_response_bytes);
}

backend_reply claude_client::translate(const backend_call& call) {
  auto body = translation::claude::request_body(call, opts_.model,
                                               opts_.max_tokens);
  auto resp = http_.post(url_, body, headers_,
                         std::chrono::milliseconds{call.timeout_ms});
  auto reply = translation::claude::decode_response(
    resp, std::chrono::system_clock::now());
  reply.call_id = call.call_id;
  return reply;
}

backend_actor::behavior_type claude_worker(claude_worker_impl self,
                                           claude_options opts) {
  self->state.client = std::make_unique<claude_client>(std::move(opts));
  return {
    [self](backend_call& call) -> backend_reply {
      try {
        return self->state.client->translate(call);
      } catch (const std::exception& e) {
        backend_reply reply;
        reply.call_id = call.call_id;
        reply.status = backend_status::transport_error;
        reply.message = e.what();
        return reply;
      }
    },
  };
}

spawned_backend spawn_claude_backend(caf::actor_system& sys,
                                     const claude_options& opts,
                                     size_t workers) {
  backend_pool_options po;
  po.workers_per_lane = workers;
  po.queue_limit = workers * 4;
  po.route = [](const backend_call&, std::string&) -> std::optional<std::string> {
    return std::string{};
  };
  po.factory = [opts](caf::local_actor* parent, const std::string&) {
    return parent->spawn<caf::detached>(claude_worker, opts);
  };
  spawned_backend out;
  out.actor = sys.spawn(backend_pool, std::move(po));
  out.languages = translation::languages::all_pairs(
    translation::languages::claude_languages());
  spdlog::info("translator: Claude model {} at {}, {} connections",
               opts.model, opts.api_url, workers);
  return out;
}

} // namespace bridge
