// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "messages/translator.hpp"

namespace bridge::translation {

/// Makes one worker of a lane: a detached actor doing blocking I/O,
/// neither linked nor monitored (the pool stops it itself).
using backend_worker_factory = std::function<backend_actor(
    caf::local_actor* parent, const std::string& lane)>;

/// Picks the lane of a call (the Apertium mode of its language pair; one
/// lane for Claude). Empty when the call cannot be served, with `why` set.
using backend_router = std::function<std::optional<std::string>(
    const backend_call&, std::string& why)>;

/// How a pool is made.
struct backend_pool_options {
  backend_worker_factory factory;
  backend_router route;
  /// Workers per lane, started on first use.
  size_t workers_per_lane = 1;
  /// Calls waiting for a worker, over all lanes, before refusing.
  size_t queue_limit = 64;
};

/// Spreads backend calls over blocking workers: each lane has up to
/// `workers_per_lane` detached workers, started when the lane is first
/// used; a call waits (bounded) when all of its lane's workers are busy.
struct backend_pool_state {
  static inline const char* name = "backend_pool";

  explicit backend_pool_state(backend_actor::pointer self) : self(self) {}

  backend_actor::behavior_type make_behavior(backend_pool_options opts);

private:
  using promise = caf::typed_response_promise<backend_reply>;

  struct lane {
    std::vector<backend_actor> idle;
    size_t started = 0;
    std::deque<std::pair<backend_call, promise>> waiting;
  };

  backend_actor spawn_worker(const std::string& name);
  void run(const std::string& name, backend_actor worker, backend_call call,
           promise rp);
  void finished(const std::string& name, backend_actor worker, bool alive);

  backend_actor::pointer self;
  backend_pool_options opts_;
  /// Every live worker, shared with the cleanup that stops them all.
  std::shared_ptr<std::vector<backend_actor>> workers_ =
      std::make_shared<std::vector<backend_actor>>();
  std::unordered_map<std::string, lane> lanes_;
  size_t waiting_ = 0;
};

using backend_pool_impl = backend_actor::stateful_pointer<backend_pool_state>;

/// Spawn function of a pool.
backend_actor::behavior_type backend_pool(backend_pool_impl self,
                                          backend_pool_options opts);

} // namespace bridge::translation
