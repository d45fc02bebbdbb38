// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

#include <caf/actor.hpp>
#include <caf/result.hpp>
#include <caf/stateful_actor.hpp>

namespace bridge {

/// Makes the session actor of a chat.
using session_factory =
    std::function<caf::actor(caf::local_actor* parent, int64_t chat_id)>;

/// Makes the conversation actor of a manager-worker pair.
using conversation_factory = std::function<caf::actor(
    caf::local_actor* parent, int64_t manager_id, int64_t worker_id)>;

/// How long the registry waits for a session's answer to `drain_atom`.
constexpr std::chrono::seconds drain_answer_timeout{5};

/// One owner per key: owns the maps chat -> session and pair ->
/// conversation, found by a hash lookup, spawned on the first message and
/// forgotten when they stop. It counts what it forwards to each, so an
/// idle actor may stop only when nothing is on its way to it
/// (`passivate_request`).
struct registry_state {
  static inline const char* name = "registry";

  explicit registry_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(session_factory sessions,
                              conversation_factory conversations);

  /// Live actors, for metrics.
  size_t active_sessions() const { return sessions_.size(); }
  size_t active_conversations() const { return conversations_.size(); }

private:
  struct pair_hash {
    size_t operator()(const std::pair<int64_t, int64_t>& k) const noexcept {
      return std::hash<int64_t>{}(k.first * 1'000'003 ^ k.second);
    }
  };

  /// A live actor and how many messages it was handed.
  struct entry {
    caf::actor actor;
    uint64_t forwarded = 0;
  };

  entry& session_for(int64_t chat_id);
  entry& conversation_for(int64_t manager_id, int64_t worker_id);
  bool passivate(const caf::actor_addr& who, int64_t a, int64_t b,
                 uint64_t handled);
  /// Asks every session to give back what it holds (`drain_atom`, once
  /// the engine drained); true when all did.
  caf::result<bool> drain();
  /// Moves the active-actor gauges by what changed here.
  void publish();

  caf::event_based_actor* self;
  session_factory make_session_;
  conversation_factory make_conversation_;
  std::unordered_map<int64_t, entry> sessions_;
  std::unordered_map<std::pair<int64_t, int64_t>, entry, pair_hash>
      conversations_;
  /// Reverse maps, so a down message finds its entry without a search.
  std::unordered_map<caf::actor_addr, int64_t> chat_of_;
  std::unordered_map<caf::actor_addr, std::pair<int64_t, int64_t>> pair_of_;
  /// What the gauges hold of this registry's actors.
  size_t shown_sessions_ = 0;
  size_t shown_conversations_ = 0;
};

caf::behavior registry(caf::stateful_actor<registry_state>* self,
                       session_factory sessions,
                       conversation_factory conversations);

} // namespace bridge
