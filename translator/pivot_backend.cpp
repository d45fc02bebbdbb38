// SPDX-License-Identifier: Apache-2.0
#include "translator/pivot_backend.hpp"

#include <algorithm>

#include <caf/exit_reason.hpp>
#include <caf/sec.hpp>

#include "common/error.hpp"
#include "domain/glossary.hpp"
#include "messages/type_ids.hpp"

namespace bridge::translation {

namespace {

/// Time the direct backend gets on top of a hop's own timeout.
constexpr auto hop_slack = std::chrono::seconds{1};

} // namespace

backend_actor::behavior_type pivot_backend_state::make_behavior(
    backend_actor direct, std::shared_ptr<const language_graph> graph) {
  direct_ = std::move(direct);
  graph_ = std::move(graph);
  // The direct backend lives exactly as long as its only client.
  self->attach_functor([direct = direct_](const caf::error&) {
    caf::anon_send_exit(direct, caf::exit_reason::user_shutdown);
  });
  return {
      [this](backend_call& call) -> caf::result<backend_reply> {
        auto route = graph_->route(call.source_lang, call.target_lang);
        if (!route || route->size() < 2) {
          backend_reply r;
          r.call_id = call.call_id;
          r.status = backend_status::refused;
          r.message = "no translation route from " + call.source_lang + " to "
                      + call.target_lang;
          return r;
        }
        auto j = std::make_shared<journey>();
        if (!call.terms.empty()) {
          std::vector<domain::glossary::term> terms;
          terms.reserve(call.terms.size());
          for (auto& t : call.terms)
            terms.push_back({t.term, t.translation});
          call.terms = {};
          auto p = domain::glossary::protect(
              domain::glossary::matcher{std::move(terms)}, call.text);
          call.text = std::move(p.text);
          j->replacements = std::move(p.replacements);
        }
        j->deadline =
            self->clock().now() + std::chrono::milliseconds{call.timeout_ms};
        j->call = std::move(call);
        j->route = std::move(*route);
        j->rp = self->make_response_promise<backend_reply>();
        auto rp = j->rp;
        next_hop(std::move(j));
        return rp;
      },
  };
}

void pivot_backend_state::next_hop(std::shared_ptr<journey> j) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      j->deadline - self->clock().now());
  if (j->hop > 0 && left.count() <= 0) {
    backend_reply r;
    r.status = backend_status::timeout;
    r.message =
        "no time left for the translation from " + j->route[j->hop] + " on";
    finish(*j, std::move(r));
    return;
  }
  backend_call hop = j->call;
  hop.source_lang = j->route[j->hop];
  hop.target_lang = j->route[j->hop + 1];
  hop.timeout_ms = std::max<int64_t>(left.count(), 1);
  self->request(direct_, left + hop_slack, std::move(hop))
      .then(
          [this, j](backend_reply& reply) {
            bool last = j->hop + 2 == j->route.size();
            if (reply.status != backend_status::ok || last) {
              finish(*j, std::move(reply));
              return;
            }
            // The pivot's text is what the next hop translates; the context
            // lines stay in their own languages (Apertium reads none).
            j->call.text = std::move(reply.text);
            ++j->hop;
            next_hop(j);
          },
          [this, j](caf::error& err) {
            backend_reply r;
            r.status = err == caf::sec::request_timeout
                           ? backend_status::timeout
                           : backend_status::transport_error;
            r.message = describe(err);
            finish(*j, std::move(r));
          });
}

void pivot_backend_state::finish(journey& j, backend_reply reply) {
  reply.call_id = j.call.call_id;
  if (reply.status == backend_status::ok) {
    reply.hops = static_cast<uint32_t>(j.route.size() - 1);
    if (!j.replacements.empty())
      reply.text = domain::glossary::restore(reply.text, j.replacements);
  } else if (j.route.size() > 2) {
    // Say where a chained translation broke: the writer sees the reason.
    reply.message = "translating " + j.route[j.hop] + "->" + j.route[j.hop + 1]
                    + " on the way from " + j.route.front() + " to "
                    + j.route.back() + ": " + reply.message;
  }
  j.rp.deliver(std::move(reply));
}

backend_actor::behavior_type
pivot_backend(pivot_backend_impl self, backend_actor direct,
              std::shared_ptr<const language_graph> graph) {
  return self->state.make_behavior(std::move(direct), std::move(graph));
}

} // namespace bridge::translation
