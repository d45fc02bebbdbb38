// SPDX-License-Identifier: Apache-2.0
#pragma once

// A real actor system for integration suites, with Bridge's message types,
// and a blocking way to ask an actor and wait for its answer.

#include <chrono>
#include <memory>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scheduler/test_coordinator.hpp>
#include <caf/scoped_actor.hpp>

#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge::test {

struct system_fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;

  system_fixture() {
    announce_message_types(cfg);
    cfg.set("scheduler.max-threads", size_t{2});
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
  }
};

/// An actor system on CAF's deterministic scheduler: nothing runs until
/// the test calls `sched->run()`, so an actor's order of events is the
/// test's to choose.
struct deterministic_fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  caf::scheduler::test_coordinator* sched = nullptr;

  deterministic_fixture() {
    announce_message_types(cfg);
    cfg.set("scheduler.policy", caf::atom("testing"));
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
    sched = &dynamic_cast<caf::scheduler::test_coordinator&>(sys->scheduler());
  }
};

/// Sends `msg` to `dst` and waits for the answer (or `wait`).
template <class Result, class Handle, class Msg>
caf::expected<Result>
ask(caf::actor_system& sys, const Handle& dst, Msg msg,
    std::chrono::milliseconds wait = std::chrono::seconds{30}) {
  caf::scoped_actor self{sys};
  caf::expected<Result> out{caf::error{}};
  self->request(dst, wait, std::move(msg))
      .receive([&](Result& r) { out = std::move(r); },
               [&](caf::error& e) { out = std::move(e); });
  return out;
}

/// Asks a storage request and waits; the answer type comes from the request.
template <class Op, class Handle>
caf::expected<typename Op::result>
ask_op(caf::actor_system& sys, const Handle& dst, Op op,
       std::chrono::milliseconds wait = std::chrono::seconds{30}) {
  return ask<typename Op::result>(sys, dst, std::move(op), wait);
}

} // namespace bridge::test

#include <thread>

namespace bridge::test {

/// Polls `pred` until it holds or `limit` passes; for readiness that
/// arrives asynchronously (a connection, a lock wait), never for timing.
template <class Pred>
bool wait_until(Pred pred,
                std::chrono::milliseconds limit = std::chrono::seconds{20}) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  }
  return true;
}

} // namespace bridge::test
