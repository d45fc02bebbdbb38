// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scheduler/test_coordinator.hpp>

#include "actors/registry.hpp"
#include "messages/type_ids.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(actors_registry)

// The registry's one-owner-per-key maps and the passivation handshake, on
// CAF's deterministic scheduler: an idle actor may stop only when nothing
// is on its way to it, so a message that arrives while it stops is never
// lost.

using namespace bridge;

namespace {

/// What the stand-in sessions saw and did.
struct probe {
  std::vector<caf::actor> spawned;
  std::vector<int64_t> got;
  std::vector<bool> answers;
  /// Chats asked to give back their allowance, and the registry's answers.
  std::vector<int64_t> drained;
  std::vector<bool> drain_answers;
};

/// A session stand-in: counts what it takes, asks to stop on `idle`.
caf::behavior stand_in(caf::event_based_actor* self, caf::actor registry,
                       std::shared_ptr<probe> p, int64_t a, int64_t b) {
  auto handled = std::make_shared<uint64_t>(0);
  return {
      [=](tg_update& u) {
        ++*handled;
        p->got.push_back(u.update_id);
      },
      [=](partner_text& t) {
        ++*handled;
        p->got.push_back(t.update_id);
      },
      [=](drain_atom) {
        p->drained.push_back(a);
        return a != 13; // chat 13 cannot give back
      },
      [=](idle_atom) {
        self->request(registry, caf::infinite,
                      passivate_request{a, b, *handled})
            .then([=](bool agreed) {
              p->answers.push_back(agreed);
              if (agreed)
                self->quit();
            });
      },
  };
}

struct fixture : test::deterministic_fixture {
  std::shared_ptr<probe> p = std::make_shared<probe>();
  caf::actor reg;

  fixture() {
    auto pr = p;
    reg = sys->spawn(
        registry, session_factory{[pr](caf::local_actor* parent, int64_t chat) {
          auto a = parent->spawn(stand_in, caf::actor_cast<caf::actor>(parent),
                                 pr, chat, int64_t{0});
          pr->spawned.push_back(a);
          return a;
        }},
        conversation_factory{[pr](caf::local_actor* parent, int64_t m,
                                  int64_t w) {
          auto a = parent->spawn(stand_in, caf::actor_cast<caf::actor>(parent),
                                 pr, m, w);
          pr->spawned.push_back(a);
          return a;
        }});
    sched->run();
  }

  ~fixture() {
    caf::anon_send_exit(reg, caf::exit_reason::user_shutdown);
    sched->run();
  }

  void update(int64_t chat, int64_t id) {
    tg_update u;
    u.chat_id = chat;
    u.update_id = id;
    caf::anon_send(reg, std::move(u));
  }

  /// Asks the registry to drain, as the engine does; the answer lands in
  /// the probe.
  /// (The probe and registry travel as spawn arguments: CAF 0.17 reads a
  /// null argument tuple when a function actor is spawned with none.)
  void drain() {
    sys->spawn(
        [](caf::event_based_actor* self, std::shared_ptr<probe> pr,
           caf::actor r) {
          self->request(r, caf::infinite, drain_atom::value)
              .then([pr](bool ok) { pr->drain_answers.push_back(ok); });
        },
        p, reg);
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(one_session_per_chat, fixture) {
  update(7, 1);
  update(7, 2);
  update(8, 3);
  sched->run();
  BOOST_TEST(p->spawned.size() == 2u);
  BOOST_TEST(p->got == (std::vector<int64_t>{1, 2, 3}));
}

BOOST_FIXTURE_TEST_CASE(
    an_idle_session_stops_and_the_next_update_spawns_another, fixture) {
  update(7, 1);
  sched->run();
  caf::anon_send(p->spawned.at(0), idle_atom::value);
  sched->run();
  BOOST_TEST(p->answers == std::vector<bool>{true});
  update(7, 2);
  sched->run();
  BOOST_TEST(p->spawned.size() == 2u);
  BOOST_TEST(p->got == (std::vector<int64_t>{1, 2}));
}

BOOST_FIXTURE_TEST_CASE(an_update_on_its_way_keeps_the_session, fixture) {
  update(7, 1);
  sched->run();
  // The session asks to stop while update 2 is already in the registry's
  // mailbox, ahead of the request: the registry refuses, and update 2
  // reaches the session that was about to stop.
  caf::anon_send(p->spawned.at(0), idle_atom::value);
  update(7, 2);
  sched->run();
  BOOST_TEST(p->answers == std::vector<bool>{false});
  BOOST_TEST(p->spawned.size() == 1u);
  BOOST_TEST(p->got == (std::vector<int64_t>{1, 2}));
}

BOOST_FIXTURE_TEST_CASE(conversations_are_keyed_by_pair_and_passivate_alike,
                        fixture) {
  partner_text t;
  t.manager_id = 1;
  t.worker_id = 2;
  t.update_id = 10;
  caf::anon_send(reg, t);
  t.worker_id = 3;
  t.update_id = 11;
  caf::anon_send(reg, t);
  sched->run();
  BOOST_TEST(p->spawned.size() == 2u);
  caf::anon_send(p->spawned.at(0), idle_atom::value);
  sched->run();
  BOOST_TEST(p->answers == std::vector<bool>{true});
  // The other pair asks while update 12 is on its way to it: refused.
  caf::anon_send(p->spawned.at(1), idle_atom::value);
  t.update_id = 12;
  caf::anon_send(reg, t);
  sched->run();
  BOOST_TEST(p->answers == (std::vector<bool>{true, false}));
  BOOST_TEST(p->got == (std::vector<int64_t>{10, 11, 12}));
}

BOOST_FIXTURE_TEST_CASE(draining_asks_every_session_and_answers_once, fixture) {
  drain();
  sched->run();
  BOOST_TEST(p->drain_answers == (std::vector<bool>{true})); // none to ask
  update(7, 1);
  update(8, 2);
  sched->run();
  drain();
  sched->run();
  BOOST_TEST(p->drained.size() == 2u);
  BOOST_TEST(p->drain_answers == (std::vector<bool>{true, true}));
  // One session failing to give back makes the answer false, still once.
  update(13, 3);
  sched->run();
  drain();
  sched->run();
  BOOST_TEST(p->drained.size() == 5u);
  BOOST_TEST(p->drain_answers == (std::vector<bool>{true, true, false}));
}

BOOST_AUTO_TEST_SUITE_END() // actors_registry
