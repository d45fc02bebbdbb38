// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "actors/ownership.hpp"
#include "actors/sender.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(actors_sender_resume)

using namespace bridge;
using namespace std::chrono_literals;

// A partition won again (a lease lost while PostgreSQL was away, then
// taken back) is resumed from the outbox: its pending rows are read and
// sent. Rows its new actors hand in meanwhile are newer; none of a chat
// may leave before the older ones the resume brings.

namespace {

constexpr int32_t part = 5;

/// A Bot API that accepts every sendMessage and copyMessage and keeps the
/// calls (path and body) in order.
struct recording_bot_api {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<std::string> texts;

  recording_bot_api() {
    server.Post(R"(/bot[^/]+/(sendMessage|copyMessage))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  {
                    std::lock_guard<std::mutex> guard{mutex};
                    texts.push_back(req.path + " " + req.body);
                  }
                  res.set_content(
                      R"({"ok":true,"result":{"message_id":1,"date":0,)"
                      R"("chat":{"id":1,"type":"private"}}})",
                      "application/json");
                });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread{[this] { server.listen_after_bind(); }};
  }

  ~recording_bot_api() {
    server.stop();
    thread.join();
  }

  std::vector<std::string> seen() {
    std::lock_guard<std::mutex> guard{mutex};
    return texts;
  }
};

/// The outbox scans the database stand-in has been asked for; the test
/// answers them.
struct scans {
  std::mutex mutex;
  std::vector<caf::typed_response_promise<outbox_page>> pending;
};

/// The database: a resume scan waits for the test's answer; marks and
/// writes succeed.
caf::behavior stand_in_db(caf::event_based_actor* self,
                          std::shared_ptr<scans> s) {
  return {
      [=](const outbox_unsent&) -> caf::result<outbox_page> {
        auto rp = self->make_response_promise<outbox_page>();
        std::lock_guard<std::mutex> guard{s->mutex};
        s->pending.push_back(rp);
        return rp;
      },
      [](const outbox_sent&) { return db_count{1}; },
      // The test's answer to scan `i`, delivered from inside the actor.
      [=](int64_t i, outbox_page& page) {
        std::lock_guard<std::mutex> guard{s->mutex};
        s->pending.at(static_cast<size_t>(i)).deliver(std::move(page));
      },
  };
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct fixture : test::system_fixture {
  recording_bot_api api;
  std::shared_ptr<scans> s = std::make_shared<scans>();
  std::shared_ptr<ownership> owned = std::make_shared<ownership>(8);
  caf::actor db;
  sender_actor out;

  /// `per_chat`: messages a second to one chat (a slow chat keeps its
  /// rows queued in the sender).
  explicit fixture(double per_chat = 1000) {
    db = sys->spawn(stand_in_db, s);
    sender_options o;
    o.endpoint = {"http://127.0.0.1:" + std::to_string(api.port), "42:test",
                  5s};
    o.limits.global_per_second = 1000;
    o.limits.per_chat_per_second = per_chat;
    o.limits.per_chat_burst = per_chat;
    o.db = caf::actor_cast<db_actor>(db);
    o.owned = owned;
    o.sweep_interval = 0ms;
    out = sys->spawn(sender, std::move(o));
  }

  ~fixture() {
    caf::anon_send_exit(out, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(db, caf::exit_reason::user_shutdown);
  }

  size_t scans_asked() {
    std::lock_guard<std::mutex> guard{s->mutex};
    return s->pending.size();
  }
};

outbound live_row(const std::string& text, int64_t epoch = 2) {
  outbound m;
  m.chat_id = 77;
  m.text = text;
  m.dedupe_key = "live:" + text;
  m.stored = true;
  m.fence = {part, epoch};
  return m;
}

/// A chat the sender paces at one message a second.
struct slow_chat : fixture {
  slow_chat() : fixture(1) {}
};

outbox_record pending_row(int64_t id, const std::string& text) {
  outbox_record r;
  r.id = id;
  r.dedupe_key = "old:" + text;
  r.chat_id = 77;
  r.kind = to_string(outbound_kind::send_message);
  r.text = text;
  r.partition = part;
  return r;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_live_row_waits_for_the_resume_of_its_partition,
                        fixture) {
  owned->set(part, 2);
  caf::anon_send(out, partition_owned{part, 2});
  BOOST_REQUIRE(test::wait_until([&] { return scans_asked() == 1; }, 10s));
  // Handed in by the partition's new actors while the resume reads.
  caf::anon_send(out, live_row("newer"));
  // Given a moment to go wrong (a slow machine can only hide the fault,
  // never fail a correct sender).
  BOOST_TEST(!test::wait_until([&] { return !api.seen().empty(); }, 300ms));
  outbox_page page;
  page.rows.push_back(pending_row(1, "older"));
  caf::anon_send(db, int64_t{0}, std::move(page));
  BOOST_REQUIRE(test::wait_until([&] { return api.seen().size() == 2; }, 10s));
  auto seen = api.seen();
  BOOST_TEST(contains(seen[0], "older"), seen[0]);
  BOOST_TEST(contains(seen[1], "newer"), seen[1]);
}

BOOST_FIXTURE_TEST_CASE(a_resumed_copy_is_copied_and_a_damaged_one_left_alone,
                        fixture) {
  // A copy's row keeps its source where a text keeps its keyboard; read
  // back after a crash it is copied again, its note after it. A row whose
  // source cannot be read is not sent wrong: it is left as it is.
  owned->set(part, 2);
  caf::anon_send(out, partition_owned{part, 2});
  BOOST_REQUIRE(test::wait_until([&] { return scans_asked() == 1; }, 10s));
  auto damaged = pending_row(1, "damaged");
  damaged.kind = to_string(outbound_kind::copy_message);
  damaged.markup = R"({"from_chat_id":1001})";
  auto voice = pending_row(2, "a voice note, not translated");
  voice.kind = to_string(outbound_kind::copy_message);
  voice.markup =
      R"({"from_chat_id":1001,"message_ids":[55],"caption_after":true})";
  outbox_page page;
  page.rows = {damaged, voice};
  caf::anon_send(db, int64_t{0}, std::move(page));
  BOOST_REQUIRE(test::wait_until([&] { return api.seen().size() == 2; }, 10s));
  auto seen = api.seen();
  BOOST_TEST(contains(seen[0], "/copyMessage"), seen[0]);
  BOOST_TEST(contains(seen[0], R"("from_chat_id":1001)"), seen[0]);
  BOOST_TEST(contains(seen[0], R"("message_id":55)"), seen[0]);
  BOOST_TEST(!contains(seen[0], "caption"), seen[0]);
  BOOST_TEST(contains(seen[1], "/sendMessage"), seen[1]);
  BOOST_TEST(contains(seen[1], "a voice note, not translated"), seen[1]);
  BOOST_TEST(!test::wait_until([&] { return api.seen().size() > 2; }, 300ms));
}

BOOST_FIXTURE_TEST_CASE(rows_queued_under_a_lost_lease_are_resent_in_order,
                        slow_chat) {
  // The database was away past the lease: the partition was lost and won
  // again under a newer epoch while the chat's rows still waited in the
  // sender. They go with the resume, in the order they were written, and
  // before what the new actors hand in.
  owned->set(part, 1);
  caf::anon_send(out, partition_owned{part, 1});
  BOOST_REQUIRE(test::wait_until([&] { return scans_asked() == 1; }, 10s));
  caf::anon_send(db, int64_t{0}, outbox_page{});
  for (auto text : {"first", "second", "third"})
    caf::anon_send(out, live_row(text, 1));
  BOOST_REQUIRE(test::wait_until([&] { return api.seen().size() == 1; }, 10s));
  owned->set(part, 2);
  caf::anon_send(out, partition_owned{part, 2});
  BOOST_REQUIRE(test::wait_until([&] { return scans_asked() == 2; }, 10s));
  caf::anon_send(out, live_row("fourth", 2));
  auto again = [](int64_t id, const std::string& text) {
    auto r = pending_row(id, text);
    r.dedupe_key = "live:" + text;
    return r;
  };
  outbox_page page;
  page.rows = {again(2, "second"), again(3, "third")};
  caf::anon_send(db, int64_t{1}, std::move(page));
  BOOST_REQUIRE(test::wait_until([&] { return api.seen().size() >= 4; }, 20s));
  auto seen = api.seen();
  BOOST_TEST(contains(seen[0], "first"), seen[0]);
  BOOST_TEST(contains(seen[1], "second"), seen[1]);
  BOOST_TEST(contains(seen[2], "third"), seen[2]);
  BOOST_TEST(contains(seen[3], "fourth"), seen[3]);
  BOOST_TEST(!test::wait_until([&] { return api.seen().size() > 4; }, 1500ms));
}

BOOST_AUTO_TEST_SUITE_END()
