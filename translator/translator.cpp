// SPDX-License-Identifier: Apache-2.0
#include "translator/translator.hpp"

#include <algorithm>

#include <caf/actor_cast.hpp>
#include <caf/exit_reason.hpp>
#include <caf/sec.hpp>
#include <spdlog/spdlog.h>

#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge::translation {

namespace {

/// Time the backend gets on top of its own timeout before the translator
/// stops waiting for its reply.
constexpr auto reply_slack = std::chrono::seconds{2};

/// How often backend calls are checked against their deadline (one timer
/// for all of them, not one each).
constexpr auto watch_interval = std::chrono::seconds{1};

/// Slow notices fall due on this grid, so one tick serves every request
/// that arrived within it instead of a timer each.
constexpr auto slow_grid = std::chrono::milliseconds{100};

translator_state::time_point on_grid(translator_state::time_point t) {
  auto since = t.time_since_epoch();
  auto steps = (since + slow_grid - std::chrono::nanoseconds{1}) / slow_grid;
  return translator_state::time_point{
      std::chrono::duration_cast<translator_state::time_point::duration>(
          steps * slow_grid)};
}

std::string seconds_text(std::chrono::milliseconds ms) {
  auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

} // namespace

translator_actor::behavior_type
translator_state::make_behavior(translator_options opts) {
  opts_ = std::move(opts);
  supported_.insert(opts_.languages.begin(), opts_.languages.end());
  auto t0 = now();
  opts_.limits.draw_shared = static_cast<bool>(opts_.budgets);
  limiter_ = std::make_unique<rate_limiter>(opts_.limits, t0);
  breaker_ = std::make_unique<circuit_breaker>(opts_.breaker_failures,
                                               opts_.breaker_cooldown);
  retry_ = std::make_unique<retry_policy>(opts_.retry);
  rng_.seed(opts_.seed != 0 ? opts_.seed : std::random_device{}());
  counters_.backend = opts_.backend_name;
  request_seconds_ =
      &telemetry::metrics().translator_request_seconds(opts_.backend_name);
  if (opts_.fallback)
    fallback_ = fallback_policy{opts_.fallback_languages};
  // The backends live exactly as long as their only client.
  self->attach_functor(
      [backend = opts_.backend, fallback = opts_.fallback](const caf::error&) {
        caf::anon_send_exit(backend, caf::exit_reason::user_shutdown);
        if (fallback)
          caf::anon_send_exit(fallback, caf::exit_reason::user_shutdown);
      });
  // Stopping answers everyone still waiting before the actor goes.
  self->set_exit_handler([this](caf::exit_msg& msg) {
    fail_all(engine_errc::shutting_down, "the translator is stopping");
    fail_fallbacks(engine_errc::shutting_down, "the translator is stopping");
    self->quit(msg.reason);
  });
  spdlog::info("translator: backend {}, {} language pairs, {} requests/min, "
               "{} tokens/min, {} in flight",
               opts_.backend_name, supported_.size(),
               opts_.limits.requests_per_minute, opts_.limits.tokens_per_minute,
               opts_.limits.max_in_flight);
  return {
      [this](translate_request& req) { on_request(req); },
      [this](cluster_members& m) { set_members(m.count); },
      [this](languages_atom) { return opts_.languages; },
      [this](status_atom) { return status(); },
      [this](tick_atom) {
        tick_at_ = time_point::max();
        pump();
      },
      [this](watch_atom) {
        calls_.fired();
        expire_calls();
      },
  };
}

translator_state::time_point translator_state::now() const {
  // The actor system's clock: real time in the engine, simulated in tests.
  return self->clock().now();
}

void translator_state::on_request(translate_request& req) {
  ++counters_.received;
  auto reply_to = caf::actor_cast<translation_listener>(self->current_sender());
  if (!reply_to) {
    ++counters_.failed;
    spdlog::warn("translator: request {} came without a sender; nobody can "
                 "be answered",
                 req.id);
    return;
  }
  auto checked = check_request(req, opts_.request, supported_);
  using verdict = checked_request::verdict;
  if (checked.what == verdict::reject) {
    ++counters_.failed;
    answer(reply_to,
           {req.id, false, {}, std::move(checked.reason), 0, checked.code, 0});
    return;
  }
  if (checked.what == verdict::pass_through) {
    ++counters_.passed_through;
    answer(
        reply_to,
        {req.id, true, std::move(checked.text), {}, 0, engine_errc::none, 0});
    return;
  }
  auto t = now();
  auto refuse = [&](engine_errc code, std::string reason) {
    ++counters_.failed;
    answer(reply_to, {req.id, false, {}, std::move(reason), 0, code, 0});
  };
  // With the circuit open a request the fallback covers is queued: the
  // pump hands it over, and the queue's bounds hold for it too.
  if (breaker_->current(t) == circuit_breaker::state::open
      && !fallback_.covers(
          {checked.call.source_lang, checked.call.target_lang})) {
    ++counters_.rejected_open;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        breaker_->reopens_at() - t);
    refuse(engine_errc::circuit_open,
           "the translation service is failing; trying again in "
               + seconds_text(left));
    return;
  }
  if (checked.tokens > opts_.limits.tokens_per_minute) {
    refuse(engine_errc::invalid_input,
           "the text and its context need about "
               + std::to_string(static_cast<int64_t>(checked.tokens))
               + " tokens, more than a whole minute of budget");
    return;
  }
  if (queue_.waiting() >= opts_.queue_limit) {
    ++counters_.rejected_full;
    refuse(engine_errc::queue_full, "the translator is overloaded ("
                                        + std::to_string(queue_.waiting())
                                        + " translations waiting)");
    return;
  }
  pending_request p;
  p.key = next_key_++;
  p.id = req.id;
  p.call = std::move(checked.call);
  p.tokens = checked.tokens;
  p.reply_to = std::move(reply_to);
  p.arrived = t;
  auto wait = checked.deadline_ms > 0
                  ? std::chrono::milliseconds{checked.deadline_ms}
                  : opts_.queue_deadline;
  p.deadline = t + wait;
  p.notice_at = t + opts_.queued_notice_after;
  if (req.slow_notice_ms > 0)
    p.slow_at = on_grid(t + std::chrono::milliseconds{req.slow_notice_ms});
  queue_.push(std::move(p));
  pump();
}

void translator_state::pump() {
  auto t = now();
  for (auto key : queue_.expired(t)) {
    auto* p = queue_.find(key);
    if (p == nullptr)
      continue;
    ++counters_.expired;
    auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(t - p->arrived);
    std::string why = "no translation within " + seconds_text(waited);
    if (p->attempts > 0)
      why += " (" + std::to_string(p->attempts) + " attempts)";
    fail(key, engine_errc::deadline_exceeded, std::move(why));
  }
  for (auto key : queue_.notices_due(t))
    if (auto* p = queue_.find(key))
      self->send(p->reply_to, translation_queued{p->id});
  for (auto key : queue_.slow_due(t))
    if (auto* p = queue_.find(key))
      self->send(p->reply_to, translation_slow{p->id});
  auto wake = time_point::max();
  while (auto* p = queue_.next_ready(t)) {
    if (breaker_->current(t) == circuit_breaker::state::open) {
      ++counters_.rejected_open;
      fail(p->key, engine_errc::circuit_open,
           "the translation service is failing; not trying for now");
      continue;
    }
    auto adm = limiter_->check(t, p->tokens);
    using verdict = admission::verdict;
    if (adm.what == verdict::too_large) {
      fail(p->key, engine_errc::invalid_input,
           "the text and its context are larger than a minute of budget");
      continue;
    }
    if (adm.what == verdict::busy)
      break; // a reply frees a slot and pumps again
    if (adm.what == verdict::wait) {
      wake = adm.at;
      break;
    }
    if (!breaker_->try_acquire(t))
      break; // half-open: the probe's reply pumps again
    dispatch(*p, t);
  }
  if (auto next = queue_.next_event())
    wake = std::min(wake, *next);
  ask_grants(t);
  schedule(wake, t);
}

void translator_state::dispatch(pending_request& p, time_point t) {
  if (++p.attempts > 1)
    ++counters_.retries;
  queue_.started(p.key);
  limiter_->start(t, p.tokens);
  auto call = p.call;
  call.call_id = next_call_++;
  call.timeout_ms = opts_.request_timeout.count();
  auto id = calls_.add({p.key, t}, t + opts_.request_timeout + reply_slack);
  arm_watch();
  self->request(opts_.backend, caf::infinite, std::move(call))
      .then(
          [this, id](backend_reply& reply) {
            if (auto c = calls_.take(id)) // else timed out: answered already
              on_reply(c->key, reply, c->started);
          },
          [this, id](caf::error& err) {
            auto c = calls_.take(id);
            if (!c)
              return;
            backend_reply reply;
            reply.status = backend_status::transport_error;
            reply.message = describe(err);
            on_reply(c->key, reply, c->started);
          });
}

void translator_state::expire_calls() {
  for (auto& c : calls_.expired(now())) {
    backend_reply reply;
    reply.status = backend_status::timeout;
    reply.message =
        "no reply from the backend within "
        + seconds_text(std::chrono::duration_cast<std::chrono::milliseconds>(
            opts_.request_timeout + reply_slack));
    on_reply(c.key, reply, c.started);
  }
  arm_watch();
}

void translator_state::arm_watch() {
  if (calls_.arm())
    self->delayed_send(self, watch_interval, watch_atom::value);
}

void translator_state::on_reply(uint64_t key, backend_reply& reply,
                                time_point started) {
  auto t = now();
  request_seconds_->Observe(std::chrono::duration<double>(t - started).count());
  limiter_->finish();
  limiter_->observe(t, reply.limits);
  auto* p = queue_.find(key);
  if (reply.status == backend_status::ok
      && reply.text.find_first_not_of(" \t\r\n") == std::string::npos)
    reply.status = backend_status::empty; // a blank "translation" is none
  if (reply.status == backend_status::ok) {
    breaker_->on_success();
    if (p != nullptr)
      succeed(key, std::move(reply.text), std::max<uint32_t>(reply.hops, 1));
    pump();
    return;
  }
  auto v = classify(reply);
  auto was_open = breaker_->opens();
  if (v.unhealthy)
    breaker_->on_failure(t);
  else
    breaker_->on_success();
  if (breaker_->opens() != was_open)
    spdlog::warn("translator: circuit opened after {} failures in a row "
                 "(last: {}); probing again in {} ms",
                 breaker_->consecutive_failures(), v.reason,
                 opts_.breaker_cooldown.count());
  if (reply.http_status == 429)
    ++counters_.rate_limited;
  if (v.overloaded)
    ++counters_.overloaded;
  if (v.rate_limited && reply.retry_after_ms >= 0) {
    // The limit is the account's, not this call's: everyone waits.
    auto pause = std::min(std::chrono::milliseconds{reply.retry_after_ms},
                          opts_.retry.max_server_wait);
    limiter_->pause_until(t + pause);
    spdlog::info("translator: rate limited by the backend; pausing {} ms",
                 pause.count());
  }
  if (p == nullptr) {
    pump(); // answered already (deadline); only the slot mattered
    return;
  }
  auto attempts = p->attempts;
  auto prefix = attempts > 1
                    ? "after " + std::to_string(attempts) + " attempts: "
                    : std::string{};
  if (!v.retry || !retry_->may_retry(attempts)) {
    fail(key, v.code, prefix + v.reason);
    pump();
    return;
  }
  auto wait = retry_->delay(attempts, reply.retry_after_ms, rng_);
  if (!wait) {
    fail(key, v.code,
         prefix + v.reason + "; the service asks to wait "
             + seconds_text(std::chrono::milliseconds{reply.retry_after_ms}));
  } else if (t + *wait >= p->deadline) {
    fail(key, v.code, prefix + v.reason + "; no time left to try again");
  } else {
    spdlog::debug("translator: request {} attempt {} failed ({}); retrying "
                  "in {} ms",
                  p->id, attempts, v.reason, wait->count());
    queue_.retry_at(key, t + *wait);
  }
  pump();
}

void translator_state::succeed(uint64_t key, std::string text, uint32_t hops) {
  auto p = queue_.take(key);
  if (!p)
    return;
  ++counters_.translated;
  telemetry::metrics().translation_hops(hops).Increment();
  answer(
      p->reply_to,
      {p->id, true, std::move(text), {}, p->attempts, engine_errc::none, hops});
}

void translator_state::fail(uint64_t key, engine_errc code,
                            std::string reason) {
  auto p = queue_.take(key);
  if (!p || try_fallback(*p, code, reason))
    return;
  ++counters_.failed;
  spdlog::debug("translator: request {} failed: {}", p->id, reason);
  answer(p->reply_to,
         {p->id, false, {}, std::move(reason), p->attempts, code, 0});
}

void translator_state::answer(const translation_listener& to,
                              translation_done done) {
  self->send(to, std::move(done));
}

void translator_state::fail_all(engine_errc code, const std::string& reason) {
  for (auto key : queue_.keys())
    fail(key, code, reason);
}

void translator_state::schedule(time_point wake, time_point t) {
  if (wake == time_point::max() || wake >= tick_at_)
    return;
  tick_at_ = wake;
  auto delay = std::max(clock::duration::zero(), wake - t);
  // Rounded up: waking a hair early would find nothing due and sleep again.
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(delay)
            + std::chrono::microseconds{1};
  self->delayed_send(self, us, tick_atom::value);
}

translator_status translator_state::status() {
  auto t = now();
  auto s = counters_;
  s.queue_depth = queue_.waiting();
  s.in_flight = limiter_->in_flight();
  s.breaker = to_string(breaker_->current(t));
  s.breaker_opens = breaker_->opens();
  auto paused = limiter_->paused_until();
  s.paused_ms =
      paused > t
          ? std::chrono::duration_cast<std::chrono::milliseconds>(paused - t)
                .count()
          : 0;
  // This instance's part: the configured limits alone, a share of them
  // while other instances use the same key.
  s.requests_per_minute = static_cast<int64_t>(limiter_->requests_per_minute());
  s.tokens_per_minute = static_cast<int64_t>(limiter_->tokens_per_minute());
  s.max_in_flight = opts_.limits.max_in_flight;
  s.queue_limit = static_cast<int64_t>(opts_.queue_limit);
  return s;
}

translator_actor::behavior_type translator(translator_impl self,
                                           translator_options opts) {
  return self->state.make_behavior(std::move(opts));
}

} // namespace bridge::translation
