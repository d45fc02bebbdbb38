// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>
#include <utility>
#include <vector>

#include "actors/conversation.hpp"
#include "tests/support/actor_fixture.hpp"

// A conversation whose first read of its row fails keeps what arrives
// until it is open, and numbers a writer's messages in the order they
// came, whichever of them arrived while it was still opening.

BOOST_AUTO_TEST_SUITE(actors_conversation_open)

using namespace bridge;
using namespace std::chrono_literals;

namespace {

struct probe {
  int opens = 0;
  /// What the translator was asked, in order: (sequence, text).
  std::vector<std::pair<uint64_t, std::string>> asked;
};

/// Fails the first read of the pair's row as a broken connection does.
caf::behavior stand_in_db(caf::event_based_actor* self,
                          std::shared_ptr<probe> p) {
  self->set_default_handler(caf::drop);
  return {
      [=](const conversation_open& o) -> caf::result<conversation_record> {
        if (++p->opens == 1)
          return make_error(engine_errc::db_unavailable,
                            "the connection broke while it ran");
        conversation_record c;
        c.id = 7;
        c.manager_id = o.manager_id;
        c.worker_id = o.worker_id;
        return c;
      },
      [](const message_recent&) { return message_page{}; },
  };
}

caf::behavior stand_in_translator(caf::event_based_actor* self,
                                  std::shared_ptr<probe> p) {
  self->set_default_handler(caf::drop);
  return {
      [=](const translate_request& r) { p->asked.emplace_back(r.id, r.text); },
  };
}

caf::behavior sink(caf::event_based_actor* self) {
  self->set_default_handler(caf::drop);
  return {[](const outbound&) {}};
}

partner_text from_worker(int64_t update_id, std::string text) {
  partner_text t;
  t.manager_id = 1;
  t.worker_id = 2;
  t.from_worker = true;
  t.update_id = update_id;
  t.message_id = update_id;
  t.text = std::move(text);
  t.source_lang = "es";
  t.target_lang = "en";
  t.writer_lang = "es";
  return t;
}

struct fixture : test::deterministic_fixture {
  std::shared_ptr<probe> p = std::make_shared<probe>();
  std::vector<caf::actor> stand_ins;
  caf::actor conv;

  fixture() {
    auto o = std::make_shared<conversation_options>();
    stand_ins.push_back(sys->spawn(stand_in_db, p));
    stand_ins.push_back(sys->spawn(stand_in_translator, p));
    stand_ins.push_back(sys->spawn(sink));
    o->db = caf::actor_cast<db_actor>(stand_ins[0]);
    o->translator = caf::actor_cast<translator_actor>(stand_ins[1]);
    o->sender = caf::actor_cast<sender_actor>(stand_ins[2]);
    o->typing_delay = 1s;
    conv = sys->spawn(conversation, int64_t{1}, int64_t{2}, stand_ins[2],
                      std::shared_ptr<const conversation_options>{o});
  }

  ~fixture() {
    caf::anon_send_exit(conv, caf::exit_reason::user_shutdown);
    for (auto& a : stand_ins)
      caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
    sched->run();
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(messages_keep_their_order_across_a_failed_open,
                        fixture) {
  sched->run();
  BOOST_REQUIRE_EQUAL(p->opens, 1);
  // Arrives during the pause before the next attempt: kept.
  caf::anon_send(conv, from_worker(101, "primero"));
  sched->run();
  BOOST_TEST(p->asked.empty());
  // The pause ends: the conversation asks for its row again...
  sched->advance_time(std::chrono::milliseconds{300});
  BOOST_REQUIRE(sched->try_run_once());
  BOOST_REQUIRE_EQUAL(p->opens, 1); // asked, not answered yet
  // ...and the writer's next message arrives before the answer.
  caf::anon_send(conv, from_worker(102, "segundo"));
  sched->run();
  BOOST_REQUIRE_EQUAL(p->opens, 2);
  BOOST_REQUIRE_EQUAL(p->asked.size(), 2u);
  BOOST_TEST(p->asked[0].first == 1u);
  BOOST_TEST(p->asked[0].second == "primero");
  BOOST_TEST(p->asked[1].first == 2u);
  BOOST_TEST(p->asked[1].second == "segundo");
}

BOOST_FIXTURE_TEST_CASE(messages_before_a_first_open_keep_their_order,
                        fixture) {
  // Both arrive while the first attempt is awaited; it succeeds once.
  caf::anon_send(conv, from_worker(101, "primero"));
  caf::anon_send(conv, from_worker(102, "segundo"));
  sched->run();
  BOOST_REQUIRE_EQUAL(p->opens, 1);
  BOOST_TEST(p->asked.empty()); // kept through the pause
  sched->advance_time(std::chrono::milliseconds{300});
  sched->run();
  BOOST_REQUIRE_EQUAL(p->asked.size(), 2u);
  BOOST_TEST(p->asked[0].second == "primero");
  BOOST_TEST(p->asked[1].second == "segundo");
}

BOOST_AUTO_TEST_SUITE_END()
