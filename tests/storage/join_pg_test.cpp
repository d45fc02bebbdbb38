// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "domain/invite_code.hpp"
#include "storage/validate.hpp"
#include "tests/support/partitioned_db.hpp"

// Joining with the manager's approval and leaving at the manager's word,
// as storage sees them: the request row, the answer that takes it (once),
// the link, the notes left for the other chat (in the partition that chat
// belongs to after the change), the fence, and code rotation.

BOOST_AUTO_TEST_SUITE(storage_join_pg)

using namespace bridge;
using bridge::test::code_of;

namespace {

using bridge::test::chat_in;
using bridge::test::partitioned_db;

/// partitioned_db with the join tables read back.
struct join_db : partitioned_db {
  int64_t requests() { return db.scalar("SELECT count(*) FROM join_requests"); }

  void user(int64_t id, user_role role, const std::string& name) {
    must(user_put{id, role, "en", name});
  }

  /// The notes waiting in partition `p`, as "kind:chat:user:name" lines.
  std::vector<std::string> notes_in(int32_t p) {
    std::vector<std::string> out;
    for (auto& r : must(inbox_pending{note_id_base - 1, 50, 0, 0, {p}}).rows)
      out.push_back(r.payload);
    return out;
  }
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(join, join_db)

BOOST_AUTO_TEST_CASE(a_request_waits_and_tells_the_manager) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, user_role::manager, "Ana");
  user(worker, user_role::worker, "Bob");
  must(join_request_put{worker, manager, "Bob", 40, 0, fence_token{6, 1}});
  BOOST_TEST(requests() == 1);
  // Nothing is linked yet: the worker stays in its own partition.
  BOOST_TEST(partition_of_chat(worker) == 6);
  BOOST_TEST(must(user_get{worker}).manager_id == 0);
  auto notes = notes_in(3);
  BOOST_REQUIRE_EQUAL(notes.size(), 1u);
  BOOST_TEST(has(notes[0], "\"join_request\""));
  BOOST_TEST(has(notes[0], "\"Bob\""));
  // A second request replaces the first: one per worker.
  must(join_request_put{worker, manager, "Bob", 41, 0, fence_token{6, 1}});
  BOOST_TEST(requests() == 1);
  // A stale owner of the worker's partition stores nothing.
  auto other = chat_in(3, 1);
  user(other, user_role::manager, "Eve");
  BOOST_TEST((code_of(run(join_request_put{worker, other, "Bob", 42, 0,
                                           fence_token{6, 0}}))
              == engine_errc::fenced));
  BOOST_TEST(db.scalar("SELECT manager_id FROM join_requests") == manager);
  BOOST_TEST((code_of(run(join_request_put{worker, worker, "Bob"}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(run(join_request_put{0, manager, "Bob"}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(accept_links_once_and_tells_the_worker_where_they_asked) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, user_role::manager, "Ana");
  user(worker, user_role::worker, "Bob");
  must(join_request_put{worker, manager, "Bob", 40, 0, fence_token{6, 1}});
  auto w =
      must(join_answer{manager, worker, true, "Ana", 50, 0, fence_token{3, 5}});
  BOOST_TEST(w.telegram_id == worker);
  BOOST_TEST(w.manager_id == manager);
  BOOST_TEST(requests() == 0);
  // The worker joined the team's partition; the note waits in the one
  // whose session heard them ask (it learns the link from it).
  BOOST_TEST(partition_of_chat(worker) == 3);
  std::string accepted;
  for (auto& n : notes_in(6))
    if (has(n, "\"join_accepted\""))
      accepted = n;
  for (auto& n : notes_in(3))
    BOOST_TEST(!has(n, "\"join_accepted\""));
  BOOST_TEST(has(accepted, "\"Ana\""));
  BOOST_TEST(has(accepted, "\"chat_id\" : " + std::to_string(worker)));
  // Pressed again: nothing waits, nothing changes.
  BOOST_TEST((code_of(run(join_answer{manager, worker, true, "Ana", 51, 0,
                                      fence_token{3, 5}}))
              == engine_errc::not_found));
  BOOST_TEST((code_of(run(join_answer{manager, worker, false, "Ana", 52, 0,
                                      fence_token{3, 5}}))
              == engine_errc::not_found));
  BOOST_TEST(must(user_get{worker}).manager_id == manager);
}

BOOST_AUTO_TEST_CASE(decline_links_nothing_and_tells_the_worker_at_home) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, user_role::manager, "Ana");
  user(worker, user_role::worker, "Bob");
  must(join_request_put{worker, manager, "Bob", 40, 0, fence_token{6, 1}});
  auto w = must(
      join_answer{manager, worker, false, "Ana", 50, 0, fence_token{3, 5}});
  BOOST_TEST(w.manager_id == 0);
  BOOST_TEST(requests() == 0);
  BOOST_TEST(partition_of_chat(worker) == 6);
  auto notes = notes_in(6);
  BOOST_REQUIRE_EQUAL(notes.size(), 1u);
  BOOST_TEST(has(notes[0], "\"join_declined\""));
}

BOOST_AUTO_TEST_CASE(
    an_answer_from_a_stale_owner_or_after_a_reset_does_nothing) {
  auto manager = chat_in(3);
  auto worker = chat_in(6);
  user(manager, user_role::manager, "Ana");
  user(worker, user_role::worker, "Bob");
  must(join_request_put{worker, manager, "Bob", 40, 0, fence_token{6, 1}});
  // The manager's partition moved on (epoch 5 now, 4 held): refused whole.
  BOOST_TEST((code_of(run(join_answer{manager, worker, true, "Ana", 50, 0,
                                      fence_token{3, 4}}))
              == engine_errc::fenced));
  BOOST_TEST(requests() == 1);
  BOOST_TEST(must(user_get{worker}).manager_id == 0);
  // The worker starts over: the request goes with it.
  must(user_reset{worker});
  BOOST_TEST(requests() == 0);
  BOOST_TEST((code_of(run(join_answer{manager, worker, true, "Ana", 51, 0,
                                      fence_token{3, 5}}))
              == engine_errc::not_found));
  BOOST_TEST(must(user_get{worker}).manager_id == 0);
  // Someone else's request cannot be answered.
  auto other = chat_in(3, 1);
  user(other, user_role::manager, "Eve");
  user(worker, user_role::worker, "Bob");
  must(join_request_put{worker, manager, "Bob", 60, 0, fence_token{6, 1}});
  BOOST_TEST((code_of(run(join_answer{other, worker, true, "Eve", 61, 0,
                                      fence_token{3, 5}}))
              == engine_errc::not_found));
  BOOST_TEST(requests() == 1);
  // A manager who starts over takes the requests made to them along.
  must(user_reset{manager});
  BOOST_TEST(requests() == 0);
}

BOOST_AUTO_TEST_CASE(remove_unlinks_only_the_managers_own_worker) {
  auto manager = chat_in(3);
  auto other = chat_in(3, 1);
  auto worker = chat_in(6);
  user(manager, user_role::manager, "Ana");
  user(other, user_role::manager, "Eve");
  user(worker, user_role::worker, "Bob");
  must(link_worker{worker, manager});
  BOOST_TEST(partition_of_chat(worker) == 3);
  // Not Eve's worker: nothing changes.
  BOOST_TEST((code_of(run(worker_remove{other, worker, "Eve", 70, 0,
                                        fence_token{3, 5}}))
              == engine_errc::not_found));
  BOOST_TEST(must(user_get{worker}).manager_id == manager);
  auto w =
      must(worker_remove{manager, worker, "Ana", 71, 0, fence_token{3, 5}});
  BOOST_TEST(w.manager_id == 0);
  // Home again, where the note that tells them waits.
  BOOST_TEST(partition_of_chat(worker) == 6);
  auto notes = notes_in(6);
  BOOST_REQUIRE_EQUAL(notes.size(), 1u);
  BOOST_TEST(has(notes[0], "\"removed\""));
  BOOST_TEST(has(notes[0], "\"Ana\""));
  // Twice: the second finds no link.
  BOOST_TEST((code_of(run(worker_remove{manager, worker, "Ana", 72, 0,
                                        fence_token{3, 5}}))
              == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(rotation_retires_the_old_code_at_once) {
  auto manager = chat_in(3);
  user(manager, user_role::manager, "Ana");
  // A code of the first release keeps working until rotated.
  db.query(
      "UPDATE users SET invitation_code = 'BRIDGE-48213' WHERE telegram_id = "
      + std::to_string(manager));
  BOOST_TEST(must(user_by_code{"BRIDGE-48213"}).telegram_id == manager);
  auto fresh = must(user_issue_code{manager, true});
  BOOST_TEST(storage::is_invitation_code(fresh.invitation_code));
  BOOST_TEST(!domain::is_legacy_code(fresh.invitation_code));
  BOOST_TEST(
      (code_of(run(user_by_code{"BRIDGE-48213"})) == engine_errc::not_found));
  BOOST_TEST(must(user_by_code{fresh.invitation_code}).telegram_id == manager);
  auto again = must(user_issue_code{manager, true});
  BOOST_TEST(again.invitation_code != fresh.invitation_code);
  BOOST_TEST((code_of(run(user_by_code{fresh.invitation_code}))
              == engine_errc::not_found));
  // The database refuses a code of any other shape.
  BOOST_CHECK_THROW(
      db.query("UPDATE users SET invitation_code = 'BRIDGE-ILOU-0000' "
               "WHERE telegram_id = "
               + std::to_string(manager)),
      std::exception);
}

BOOST_AUTO_TEST_SUITE_END() // join

BOOST_AUTO_TEST_SUITE_END() // storage_join_pg
