// SPDX-License-Identifier: Apache-2.0
#include "actors/registry.hpp"

#include <memory>

#include "messages/type_ids.hpp"
#include "telemetry/metrics.hpp"

namespace bridge {

caf::behavior
registry_state::make_behavior(session_factory sessions,
                              conversation_factory conversations) {
  make_session_ = std::move(sessions);
  make_conversation_ = std::move(conversations);
  // A session or conversation that stopped on its own (a crash, an exit
  // at shutdown) is forgotten, so the next message spawns a fresh one.
  self->set_down_handler([this](caf::down_msg& dm) {
    if (auto c = chat_of_.find(dm.source); c != chat_of_.end()) {
      sessions_.erase(c->second);
      chat_of_.erase(c);
    } else if (auto p = pair_of_.find(dm.source); p != pair_of_.end()) {
      conversations_.erase(p->second);
      pair_of_.erase(p);
    }
    publish();
  });
  // At shutdown, every session and conversation goes with the registry:
  // they are not linked to it (one crashing must not take the others
  // down), so it tells them itself.
  self->set_exit_handler([this](caf::exit_msg& em) {
    for (auto& [_, e] : sessions_)
      self->send_exit(e.actor, em.reason);
    for (auto& [_, e] : conversations_)
      self->send_exit(e.actor, em.reason);
    sessions_.clear();
    conversations_.clear();
    publish();
    self->quit(std::move(em.reason));
  });
  return {
      [this](tg_update& u) {
        auto& e = session_for(u.chat_id);
        ++e.forwarded;
        self->send(e.actor, std::move(u));
      },
      [this](session_note& n) {
        auto& e = session_for(n.chat_id);
        ++e.forwarded;
        self->send(e.actor, std::move(n));
      },
      [this](partner_text& t) {
        auto& e = conversation_for(t.manager_id, t.worker_id);
        ++e.forwarded;
        self->send(e.actor, std::move(t));
      },
      [this](const conversation_flush& f) -> caf::result<bool> {
        auto it =
            conversations_.find(std::make_pair(f.manager_id, f.worker_id));
        if (it == conversations_.end())
          return true; // no conversation: nothing of it is unstored
        ++it->second.forwarded;
        auto rp = self->make_response_promise<bool>();
        self->request(it->second.actor, caf::infinite, f)
            .then(
                [rp](bool stored) mutable { rp.deliver(stored); },
                [rp](caf::error& err) mutable { rp.deliver(std::move(err)); });
        return rp;
      },
      [this](drain_atom) { return drain(); },
      [this](const passivate_request& r) {
        auto who = self->current_sender();
        return passivate(who ? who->address() : caf::actor_addr{}, r.key_a,
                         r.key_b, r.handled);
      },
  };
}

registry_state::entry& registry_state::session_for(int64_t chat_id) {
  auto it = sessions_.find(chat_id);
  if (it != sessions_.end())
    return it->second;
  auto s = make_session_(self, chat_id);
  self->monitor(s);
  chat_of_.emplace(s.address(), chat_id);
  auto& e = sessions_.emplace(chat_id, entry{std::move(s), 0}).first->second;
  publish();
  return e;
}

registry_state::entry& registry_state::conversation_for(int64_t manager_id,
                                                        int64_t worker_id) {
  auto key = std::make_pair(manager_id, worker_id);
  auto it = conversations_.find(key);
  if (it != conversations_.end())
    return it->second;
  auto c = make_conversation_(self, manager_id, worker_id);
  self->monitor(c);
  pair_of_.emplace(c.address(), key);
  auto& e = conversations_.emplace(key, entry{std::move(c), 0}).first->second;
  publish();
  return e;
}

bool registry_state::passivate(const caf::actor_addr& who, int64_t a, int64_t b,
                               uint64_t handled) {
  // A session asks with b == 0 (chats are keyed by one id); a conversation
  // with its pair. Only the actor the map holds may stop that entry.
  auto decide = [&](auto& map, auto it, auto& reverse) {
    if (it == map.end() || it->second.actor.address() != who)
      return false;
    if (it->second.forwarded != handled)
      return false;
    self->demonitor(it->second.actor);
    reverse.erase(who);
    map.erase(it);
    publish();
    return true;
  };
  if (b == 0) {
    auto agreed = decide(sessions_, sessions_.find(a), chat_of_);
    if (agreed)
      telemetry::metrics().session_passivations.Increment();
    return agreed;
  }
  auto agreed = decide(conversations_,
                       conversations_.find(std::make_pair(a, b)), pair_of_);
  if (agreed)
    telemetry::metrics().conversation_passivations.Increment();
  return agreed;
}

caf::result<bool> registry_state::drain() {
  if (sessions_.empty())
    return true;
  // Every session answers, or is given up on after a bound: a stuck one
  // must not hold the engine's exit.
  auto rp = self->make_response_promise<bool>();
  auto left = std::make_shared<size_t>(sessions_.size());
  auto all_ok = std::make_shared<bool>(true);
  auto one_done = [rp, left, all_ok](bool ok) mutable {
    *all_ok = *all_ok && ok;
    if (--*left == 0)
      rp.deliver(*all_ok);
  };
  for (auto& [_, e] : sessions_)
    self->request(e.actor, drain_answer_timeout, drain_atom::value)
        .then([one_done](bool ok) mutable { one_done(ok); },
              [one_done](const caf::error&) mutable { one_done(false); });
  return rp;
}

void registry_state::publish() {
  // One registry per partition owned: each adds what changed in its own
  // maps, so the gauges sum over all of them.
  auto& m = telemetry::metrics();
  auto move = [](prometheus::Gauge& g, size_t now, size_t& shown) {
    if (now > shown)
      g.Increment(static_cast<double>(now - shown));
    else if (now < shown)
      g.Decrement(static_cast<double>(shown - now));
    shown = now;
  };
  move(m.sessions_active, sessions_.size(), shown_sessions_);
  move(m.conversations_active, conversations_.size(), shown_conversations_);
}

caf::behavior registry(caf::stateful_actor<registry_state>* self,
                       session_factory sessions,
                       conversation_factory conversations) {
  return self->state.make_behavior(std::move(sessions),
                                   std::move(conversations));
}

} // namespace bridge
