// SPDX-License-Identifier: Apache-2.0
#include "translator/claude_backend.hpp"

#include <algorithm>
#include <unordered_map>

#include <caf/stateful_actor.hpp>
#include <spdlog/spdlog.h>

#include "common/http_multi.hpp"
#include "messages/atoms.hpp"
#include "messages/type_ids.hpp"
#include "translator/claude_prompt.hpp"
#include "translator/claude_response.hpp"
#include "translator/languages.hpp"

namespace bridge::translation {

namespace {

/// A translation answer is a few kilobytes; anything near this is wrong.
constexpr size_t max_response_bytes = 1 << 20;

std::string messages_url(std::string base) {
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  return base + "/v1/messages";
}

std::vector<std::string> request_headers(const claude_options& opts) {
  return {"content-type: application/json", "x-api-key: " + opts.api_key,
          "anthropic-version: " + opts.anthropic_version};
}

} // namespace

claude_client::claude_client(claude_options opts)
    : opts_(std::move(opts)), url_(messages_url(opts_.api_url)),
      headers_(request_headers(opts_)) {
  http_.set_max_body(max_response_bytes);
}

backend_reply claude_client::translate(const backend_call& call) {
  auto body = claude::request_body(call, opts_.model, opts_.max_tokens);
  auto resp = http_.post(url_, body, headers_,
                         std::chrono::milliseconds{call.timeout_ms});
  auto reply = claude::decode_response(resp, std::chrono::system_clock::now());
  reply.call_id = call.call_id;
  return reply;
}

namespace {

struct claude_multi_state {
  static inline const char* name = "claude_backend";
  std::unique_ptr<http_multi> http;
  /// Calls on the wire, by local key, until their answer comes back.
  std::unordered_map<uint64_t, caf::response_promise> waiting;
  uint64_t next_key = 1;
};

/// The backend proper: builds each request on the scheduler, sends it on
/// the http_multi thread, and decodes the answer there; the decoded
/// reply comes back as a message and is delivered here.
caf::behavior claude_multi(caf::stateful_actor<claude_multi_state>* self,
                           claude_options opts, size_t connections) {
  self->state.http =
      std::make_unique<http_multi>(connections, max_response_bytes);
  auto url = messages_url(opts.api_url);
  auto headers = request_headers(opts);
  return {
      [=](backend_call& call) {
        auto rp = self->make_response_promise();
        auto key = self->state.next_key++;
        self->state.waiting.emplace(key, rp);
        auto body = claude::request_body(call, opts.model, opts.max_tokens);
        caf::weak_actor_ptr me{self->ctrl()};
        self->state.http->post(
            url, std::move(body), headers,
            std::chrono::milliseconds{call.timeout_ms},
            [me, key, call_id = call.call_id](http_response resp) {
              backend_reply reply;
              try {
                reply = claude::decode_response(
                    resp, std::chrono::system_clock::now());
              } catch (const std::exception& e) {
                reply.status = backend_status::transport_error;
                reply.message = e.what();
              }
              reply.call_id = call_id;
              if (auto strong = me.lock())
                caf::anon_send(caf::actor_cast<caf::actor>(strong),
                               done_atom::value, key, std::move(reply));
            });
        return rp;
      },
      [=](done_atom, uint64_t key, backend_reply& reply) {
        auto it = self->state.waiting.find(key);
        if (it == self->state.waiting.end())
          return;
        it->second.deliver(std::move(reply));
        self->state.waiting.erase(it);
      },
  };
}

} // namespace

spawned_backend spawn_claude_backend(caf::actor_system& sys,
                                     const claude_options& opts,
                                     size_t connections) {
  spawned_backend out;
  // Untyped inside for its reply message; to callers it is a backend.
  out.actor = caf::actor_cast<backend_actor>(
      sys.spawn(claude_multi, opts, std::max<size_t>(1, connections)));
  out.languages = languages::all_pairs(languages::claude_languages());
  spdlog::info("translator: Claude model {} at {}, {} connections", opts.model,
               opts.api_url, connections);
  return out;
}

} // namespace bridge::translation
