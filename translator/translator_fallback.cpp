// SPDX-License-Identifier: Apache-2.0
// The translator's second backend: what the configured one gives up on
// (circuit open, retries or wait spent, key refused or out of budget, an
// error no retry mends) goes to the fallback, Apertium, when it knows the
// pair. The fallback's calls are not the API key's, so they stay outside
// its rate limits and breaker; its own pool bounds them. The answer says
// `fallback`, so readers in "auto" get the original under it.

#include "translator/translator.hpp"

#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::translation {

namespace {

/// Time the fallback gets on top of its own timeout.
constexpr auto fallback_slack = std::chrono::seconds{2};

} // namespace

bool translator_state::try_fallback(pending_request& p, engine_errc code,
                                    std::string& reason) {
  if (!fallback_.takes(code, {p.call.source_lang, p.call.target_lang}))
    return false;
  log_fallback(reason);
  auto call = p.call;
  call.call_id = next_call_++;
  call.timeout_ms = opts_.request_timeout.count();
  auto key = p.key;
  fallbacks_.emplace(key, fallback_call{std::move(p), code, std::move(reason)});
  self->request(opts_.fallback, opts_.request_timeout + fallback_slack,
                std::move(call))
      .then(
          [this, key](backend_reply& reply) { on_fallback_reply(key, reply); },
          [this, key](caf::error& err) {
            backend_reply reply;
            reply.status = backend_status::transport_error;
            reply.message = describe(err);
            on_fallback_reply(key, reply);
          });
  return true;
}

void translator_state::on_fallback_reply(uint64_t key, backend_reply& reply) {
  auto it = fallbacks_.find(key);
  if (it == fallbacks_.end())
    return; // answered already (the translator is stopping)
  auto f = std::move(it->second);
  fallbacks_.erase(it);
  auto& p = f.request;
  auto attempts = p.attempts + 1;
  bool blank = reply.text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (reply.status != backend_status::ok || blank) {
    // The writer hears why the configured backend failed: that is the
    // outage; the fallback only could not stand in for it.
    ++counters_.failed;
    spdlog::debug("translator: request {} failed, {} could not stand in: {}",
                  p.id, opts_.fallback_name,
                  blank ? std::string{"empty translation"} : reply.message);
    answer(p.reply_to,
           {p.id, false, {}, std::move(f.reason), attempts, f.code, 0});
    return;
  }
  auto hops = std::max<uint32_t>(reply.hops, 1);
  ++counters_.translated;
  auto& m = telemetry::metrics();
  m.translation_hops(hops).Increment();
  m.translator_fallbacks(to_string(f.code)).Increment();
  answer(p.reply_to, {p.id,
                      true,
                      std::move(reply.text),
                      {},
                      attempts,
                      engine_errc::none,
                      hops,
                      true});
}

void translator_state::fail_fallbacks(engine_errc code,
                                      const std::string& reason) {
  for (auto& [key, f] : fallbacks_) {
    ++counters_.failed;
    answer(f.request.reply_to,
           {f.request.id, false, {}, reason, f.request.attempts, code, 0});
  }
  fallbacks_.clear();
}

void translator_state::log_fallback(const std::string& reason) {
  // An outage fails every message the same way: one line per opening of
  // the breaker (or one before it ever opens), not one per message.
  auto opening = breaker_->opens();
  if (fallback_logged_ == opening)
    return;
  fallback_logged_ = opening;
  spdlog::warn("translator: {} gave up ({}); {} translates the pairs it "
               "knows until {} answers again",
               opts_.backend_name, reason, opts_.fallback_name,
               opts_.backend_name);
}

} // namespace bridge::translation
