// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scheduler/test_coordinator.hpp>

#include "actors/partition_router.hpp"
#include "messages/type_ids.hpp"
#include "telegram/durable_codec.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(actors_partition_router)

// The router's resume of a partition it wins, on CAF's deterministic
// scheduler with a stand-in database whose inbox reads the test answers
// by hand: an update taken in while the partition's unfinished ones are
// still being read must reach its session after them, never before, even
// when it was stored after a read had already looked at the inbox.

using namespace bridge;

namespace {

constexpr int32_t part = 3;

/// What the stand-ins saw, and the inbox reads still unanswered.
struct probe {
  std::vector<caf::typed_response_promise<inbox_page>> reads;
  std::vector<int64_t> read_after;
  /// Update ids in the order the partition's registry got them.
  std::vector<int64_t> handed;
};

/// The database: an inbox read waits until the test answers it.
caf::behavior stand_in_db(caf::event_based_actor* self,
                          std::shared_ptr<probe> p) {
  return {
      [=](const inbox_pending& ask) -> caf::result<inbox_page> {
        p->read_after.push_back(ask.after_update_id);
        p->reads.push_back(self->make_response_promise<inbox_page>());
        return p->reads.back();
      },
      [](const inbox_done& d) {
        return db_count{static_cast<int64_t>(d.update_ids.size())};
      },
      // The test's answer to read `i`, given from inside the actor.
      [=](int64_t i, inbox_page& pg) {
        p->reads.at(static_cast<size_t>(i)).deliver(std::move(pg));
      },
  };
}

/// The sender: told of partitions won and lost. (It takes an argument:
/// CAF 0.17 reads a null argument tuple when a function actor is spawned
/// with none.)
caf::behavior stand_in_sender(caf::event_based_actor*, int) {
  return {
      [](const partition_owned&) {},
      [](const partition_lost&) { return true; },
  };
}

/// A partition's registry: records what it is handed, in order.
caf::behavior stand_in_registry(caf::event_based_actor*,
                                std::shared_ptr<probe> p) {
  return {
      [=](const tg_update& u) { p->handed.push_back(u.update_id); },
      [=](const session_note& n) { p->handed.push_back(n.update_id); },
  };
}

tg_update update(int64_t id) {
  tg_update u;
  u.update_id = id;
  u.chat_id = 42;
  u.text = "hello " + std::to_string(id);
  u.partition = part;
  return u;
}

inbox_row row(int64_t id) {
  inbox_row r;
  r.update_id = id;
  r.chat_id = 42;
  r.payload = telegram::encode_update(update(id));
  r.partition = part;
  return r;
}

/// A note's id: the n-th from the base of the notes' range.
int64_t note(int64_t n) {
  return note_id_base + n;
}

inbox_row row_of_note(int64_t id) {
  inbox_row r;
  r.update_id = id;
  r.chat_id = 42;
  r.payload = R"({"bridge_note":{"kind":"worker_joined","chat_id":42,)"
              R"("user_id":43,"name":"Wkr","cause":7}})";
  r.partition = part;
  return r;
}

inbox_page page(std::initializer_list<int64_t> ids) {
  inbox_page pg;
  for (auto id : ids)
    pg.rows.push_back(is_note_id(id) ? row_of_note(id) : row(id));
  return pg;
}

struct fixture : test::deterministic_fixture {
  std::shared_ptr<probe> p = std::make_shared<probe>();
  caf::actor db;
  caf::actor router;

  fixture() {
    router_options o;
    db = sys->spawn(stand_in_db, p);
    o.db = caf::actor_cast<db_actor>(db);
    o.sender = caf::actor_cast<sender_actor>(sys->spawn(stand_in_sender, 0));
    o.owned = std::make_shared<ownership>(8);
    o.intake = std::make_shared<intake_state>();
    auto pr = p;
    o.make_registry = [pr](caf::local_actor* parent, fence_token) {
      return parent->spawn(stand_in_registry, pr);
    };
    router = sys->spawn(partition_router, std::move(o));
    sched->run();
  }

  ~fixture() {
    caf::anon_send_exit(router, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(db, caf::exit_reason::user_shutdown);
    sched->run();
  }

  /// Answers inbox read number `read` (counted from 0) with `pg`.
  void answer(size_t read, inbox_page pg) {
    caf::anon_send(db, static_cast<int64_t>(read), std::move(pg));
    sched->run();
  }

  void take_in(int64_t id) {
    caf::anon_send(router, update(id));
    sched->run();
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_won_partition_hands_on_its_unfinished_updates_first,
                        fixture) {
  caf::anon_send(router, partition_owned{part, 1});
  sched->run();
  BOOST_TEST_REQUIRE(p->reads.size() == 1u);
  BOOST_TEST(p->read_after.at(0) == 0);
  answer(0, page({5, 6}));
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, 6}));
  // Resumed: what is taken in now goes straight on.
  take_in(7);
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, 6, 7}));
  BOOST_TEST(p->reads.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(
    an_update_taken_in_during_the_resume_is_read_after_the_older_ones,
    fixture) {
  caf::anon_send(router, partition_owned{part, 1});
  sched->run();
  BOOST_TEST_REQUIRE(p->reads.size() == 1u);
  // Taken in (and stored) while the first read runs: not handed on yet.
  take_in(10);
  BOOST_TEST(p->handed.empty());
  // The first read looked at the inbox before 10 was stored.
  answer(0, page({5}));
  BOOST_TEST(p->handed == (std::vector<int64_t>{5}));
  // So the partition is read again, from what was handed on.
  BOOST_TEST_REQUIRE(p->reads.size() == 2u);
  BOOST_TEST(p->read_after.at(1) == 5);
  // An update taken in while that read runs (a /switch, say) must not
  // overtake 10, which only this read brings.
  take_in(11);
  BOOST_TEST(p->handed == (std::vector<int64_t>{5}));
  answer(1, page({10}));
  // 11 was stored after this read's look too: read once more.
  BOOST_TEST_REQUIRE(p->reads.size() == 3u);
  BOOST_TEST(p->read_after.at(2) == 10);
  answer(2, page({11}));
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, 10, 11}));
  // Nothing arrived meanwhile: resumed, and later updates go straight on.
  take_in(12);
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, 10, 11, 12}));
  BOOST_TEST(p->reads.size() == 3u);
}

BOOST_FIXTURE_TEST_CASE(a_full_page_is_followed_by_the_next, fixture) {
  caf::anon_send(router, partition_owned{part, 1});
  sched->run();
  inbox_page full;
  for (int64_t id = 1; id <= 500; ++id)
    full.rows.push_back(row(id));
  answer(0, std::move(full));
  BOOST_TEST(p->handed.size() == 500u);
  BOOST_TEST_REQUIRE(p->reads.size() == 2u);
  BOOST_TEST(p->read_after.at(1) == 500);
  // Not resumed before the last page: this waits for the next read.
  take_in(502);
  BOOST_TEST(p->handed.size() == 500u);
  answer(1, page({501}));
  BOOST_TEST_REQUIRE(p->reads.size() == 3u);
  answer(2, page({502}));
  BOOST_TEST(p->handed.size() == 502u);
  BOOST_TEST(p->handed.back() == 502);
}

BOOST_FIXTURE_TEST_CASE(a_note_committed_after_a_higher_one_is_still_handed_on,
                        fixture) {
  caf::anon_send(router, partition_owned{part, 1});
  sched->run();
  // Note ids are drawn before their transactions commit: note 2's
  // committed first and is read first, while note 1's is still open.
  answer(0, page({5, note(2)}));
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, note(2)}));
  // Note 1 commits and wakes the partition; note 2 is not finished yet,
  // so the read meets both.
  caf::anon_send(router, partition_nudge{part});
  sched->run();
  BOOST_TEST_REQUIRE(p->reads.size() == 2u);
  answer(1, page({note(1), note(2)}));
  // Note 2 is not handed on twice; note 1 is handed on.
  BOOST_TEST(p->handed == (std::vector<int64_t>{5, note(2), note(1)}));
}

BOOST_FIXTURE_TEST_CASE(a_note_the_sweep_finds_unfinished_is_handed_on_again,
                        fixture) {
  caf::anon_send(router, partition_owned{part, 1});
  sched->run();
  answer(0, page({note(1)}));
  BOOST_TEST(p->handed == (std::vector<int64_t>{note(1)}));
  // Its session never finished it (it stopped, say): the sweep hands it
  // to the router, which must take it and pass it on.
  session_note n;
  n.chat_id = 42;
  n.user_id = 43;
  n.name = "Wkr";
  n.update_id = note(1);
  n.stored = true;
  n.partition = part;
  caf::anon_send(router, n);
  sched->run();
  BOOST_TEST(p->handed == (std::vector<int64_t>{note(1), note(1)}));
  // A note of a partition owned elsewhere is left to its owner.
  n.partition = part + 1;
  caf::anon_send(router, n);
  sched->run();
  BOOST_TEST(p->handed.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
