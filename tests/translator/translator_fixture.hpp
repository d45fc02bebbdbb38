// SPDX-License-Identifier: Apache-2.0
#pragma once

// The translator actor under a simulated clock: a scripted backend, a
// requester that collects answers, and a fixture tying them together.
// Shared by the translator's actor suites.

#include <boost/test/unit_test.hpp>

#include <deque>
#include <map>
#include <memory>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scheduler/test_coordinator.hpp>
#include <caf/send.hpp>

#include "messages/type_ids.hpp"
#include "translator/translator.hpp"

namespace bridge::testing {

using namespace std::chrono_literals;

using release_atom = caf::atom_constant<caf::atom("release")>;
using time_point = caf::actor_clock::time_point;

/// What the scripted backend does with each call, in order; once the
/// script is used up it answers "[target] text" at once.
struct backend_script {
  struct step {
    enum kind_t { answer, hold, delay } kind = answer;
    backend_reply reply;
    std::chrono::milliseconds after{0};
  };
  std::deque<step> steps;
  std::vector<backend_call> calls;
  std::vector<time_point> call_times;
  /// Default latency once the script is used up.
  std::chrono::milliseconds latency{0};

  void fail(int status, std::string type = "api_error",
            std::string message = "boom", int64_t retry_after_ms = -1) {
    step s;
    s.reply.status = backend_status::http_error;
    s.reply.http_status = status;
    s.reply.error_type = std::move(type);
    s.reply.message = std::move(message);
    s.reply.retry_after_ms = retry_after_ms;
    steps.push_back(s);
  }
  void hold() {
    step s;
    s.kind = step::hold;
    steps.push_back(s);
  }
};

inline caf::behavior scripted_backend(caf::event_based_actor* self,
                                      std::shared_ptr<backend_script> s) {
  using promise = caf::typed_response_promise<backend_reply>;
  auto held =
      std::make_shared<std::map<uint64_t, std::pair<promise, backend_reply>>>();
  return {
      [=](backend_call& call) -> caf::result<backend_reply> {
        s->calls.push_back(call);
        s->call_times.push_back(self->clock().now());
        backend_script::step step;
        if (!s->steps.empty()) {
          step = s->steps.front();
          s->steps.pop_front();
        } else {
          step.reply.text = "[" + call.target_lang + "] " + call.text;
          if (s->latency.count() > 0) {
            step.kind = backend_script::step::delay;
            step.after = s->latency;
          }
        }
        step.reply.call_id = call.call_id;
        if (step.kind == backend_script::step::answer)
          return step.reply;
        auto rp = self->make_response_promise<backend_reply>();
        held->emplace(call.call_id, std::make_pair(rp, step.reply));
        if (step.kind == backend_script::step::delay)
          self->delayed_send(self, step.after, release_atom::value,
                             call.call_id);
        return rp;
      },
      [=](release_atom, uint64_t id) {
        auto it = held->find(id);
        if (it == held->end())
          return;
        it->second.first.deliver(it->second.second);
        held->erase(it);
      },
  };
}

struct inbox {
  std::vector<translation_done> done;
  std::vector<translation_queued> queued;
  std::vector<translation_slow> slow;
  std::vector<translator_status> status;
  std::vector<std::vector<language_pair>> languages;

  const translation_done* find(uint64_t id) const {
    for (auto& d : done)
      if (d.id == id)
        return &d;
    return nullptr;
  }
  size_t count(uint64_t id) const {
    size_t n = 0;
    for (auto& d : done)
      n += d.id == id;
    return n;
  }
};

inline caf::behavior collector(caf::event_based_actor*,
                               std::shared_ptr<inbox> in) {
  return {
      [=](translation_done& d) { in->done.push_back(d); },
      [=](translation_queued& q) { in->queued.push_back(q); },
      [=](translation_slow& s) { in->slow.push_back(s); },
      [=](translator_status& s) { in->status.push_back(s); },
      [=](std::vector<language_pair>& l) { in->languages.push_back(l); },
  };
}

struct fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  caf::scheduler::test_coordinator* sched = nullptr;
  std::shared_ptr<backend_script> script = std::make_shared<backend_script>();
  std::shared_ptr<inbox> in = std::make_shared<inbox>();
  caf::actor requester;
  translator_actor tr;
  uint64_t next_id = 1;

  fixture() {
    announce_message_types(cfg);
    cfg.set("scheduler.policy", caf::atom("testing"));
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
    sched = &dynamic_cast<caf::scheduler::test_coordinator&>(sys->scheduler());
    requester = sys->spawn(collector, in);
  }

  ~fixture() {
    caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(requester, caf::exit_reason::user_shutdown);
    sched->run();
  }

  static translation::translator_options defaults() {
    translation::translator_options o;
    o.backend_name = "scripted";
    o.languages = {{"en", "es"}, {"es", "en"}};
    o.limits = {6000, 1e7, 8};
    o.retry = {100ms, 1000ms, 3, 60s};
    o.breaker_failures = 5;
    o.breaker_cooldown = 10s;
    o.queue_limit = 100;
    o.queue_deadline = 60s;
    o.queued_notice_after = 3s;
    o.request_timeout = 1s;
    o.seed = 42;
    return o;
  }

  void start(translation::translator_options o = defaults()) {
    o.backend =
        caf::actor_cast<backend_actor>(sys->spawn(scripted_backend, script));
    tr = sys->spawn(translation::translator, std::move(o));
    sched->run();
  }

  uint64_t ask(std::string text, std::string src = "en", std::string dst = "es",
               int64_t deadline_ms = 0, int64_t slow_notice_ms = 0) {
    translate_request r;
    r.id = next_id++;
    r.text = std::move(text);
    r.source_lang = std::move(src);
    r.target_lang = std::move(dst);
    r.deadline_ms = deadline_ms;
    r.slow_notice_ms = slow_notice_ms;
    caf::send_as(requester, tr, std::move(r));
    sched->run();
    return next_id - 1;
  }

  /// Moves the simulated clock; timers fire a microsecond after what they
  /// wait for, so tests step just past the moment of interest.
  void advance(std::chrono::milliseconds d) {
    sched->advance_time(d);
    sched->run();
  }

  /// Runs the simulation until `until`, waking at every timer on the way.
  void run_until(time_point until) {
    sched->run();
    while (sched->has_pending_timeout()
           && sched->clock().current_time < until) {
      sched->trigger_timeout();
      sched->run();
    }
  }

  time_point now() { return sched->clock().now(); }

  translator_status status() {
    caf::send_as(requester, tr, status_atom::value);
    sched->run();
    BOOST_REQUIRE(!in->status.empty());
    return in->status.back();
  }

  /// Keeps a standing backlog far larger than the budget for `duration`
  /// of simulated time against a backend taking 50 ms, and returns the
  /// largest number of requests and of estimated tokens that started in
  /// any sliding minute, and the calls made.
  struct backlog_run {
    size_t worst_requests = 0;
    double worst_tokens = 0;
    double tokens = 0;
    size_t calls = 0;
  };

  /// `members` instances share the key (told once started); `budgets`
  /// are the shared buckets, if any.
  backlog_run run_backlog(translation::rate_limits limits, int requests,
                          std::chrono::hours duration, uint32_t members = 1,
                          budget_actor budgets = {}) {
    auto o = defaults();
    o.limits = limits;
    o.queue_limit = static_cast<size_t>(requests);
    o.queue_deadline = duration + 1h;
    o.queued_notice_after = duration + 1h;
    o.budgets = std::move(budgets);
    start(o);
    if (members != 1) {
      caf::anon_send(tr, cluster_members{members});
      sched->run();
    }
    script->latency = 50ms;
    auto begin = now();
    for (int i = 0; i < requests; ++i)
      ask(i % 3 ? "Short message." : std::string(300, 'x'));
    run_until(begin + duration);
    backlog_run out;
    auto& times = script->call_times;
    out.calls = times.size();
    translation::request_limits rl;
    auto cost = [&](size_t i) {
      return translation::estimate_tokens(script->calls[i], rl.chars_per_token);
    };
    size_t lo = 0;
    double sum = 0;
    for (size_t hi = 0; hi < times.size(); ++hi) {
      sum += cost(hi);
      out.tokens += cost(hi);
      while (times[hi] - times[lo] >= 60s)
        sum -= cost(lo++);
      out.worst_requests = std::max(out.worst_requests, hi - lo + 1);
      out.worst_tokens = std::max(out.worst_tokens, sum);
    }
    BOOST_TEST_MESSAGE("calls " << out.calls << ", worst minute "
                                << out.worst_requests << " requests, "
                                << out.worst_tokens << " tokens; total tokens "
                                << out.tokens);
    // Nothing was answered twice or lost: answered + owed = asked.
    auto s = status();
    BOOST_TEST(s.in_flight <= limits.max_in_flight);
    BOOST_TEST(in->done.size() + s.queue_depth + s.in_flight
               == static_cast<size_t>(requests));
    return out;
  }
};

} // namespace bridge::testing
