// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/http_client.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_cluster)

// Two engines share one bot through tg-sim, one database and one Redis:
// a manager whose team lives in a partition one engine owns and a worker
// whose own chat starts in a partition the other owns. Pairing crosses
// the engines (the link moves the worker into the manager's partition and
// leaves the manager a note the other engine handles), and then their
// messages reach each other, translated, in order.

using namespace bridge::test;

namespace {

constexpr int partitions = 8;
constexpr const char* admin_token = "cluster-e2e-admin-token-0123456789";

std::vector<std::string> engine_args(const std::string& id,
                                     std::vector<std::string> extra = {}) {
  extra.insert(extra.end(),
               {"--translator.backend=fake", "--cluster.instance_id=" + id,
                "--cluster.partitions=" + std::to_string(partitions),
                "--cluster.lease_ttl_ms=1000"});
  return unthrottled_engine(std::move(extra));
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct two_engines {
  sim_world world;
  std::unique_ptr<child_process> peer;
  int peer_port = 0;

  explicit two_engines(std::vector<std::string> extra = {})
      : world{engine_args("engine-a", extra),
              unthrottled_sim(),
              {{"BRIDGE_ADMIN_TOKEN", admin_token}}} {
    peer = world.start_peer(engine_args("engine-b", extra), peer_port);
    // Both live, every partition owned, each engine some of them. (An
    // engine says its port before its migrations ran: the table may not
    // be there yet at the first looks.)
    BOOST_REQUIRE(wait_until(
        [&] {
          try {
            return db_value(world,
                            "SELECT (count(DISTINCT owner) = 2 AND count(*) "
                            "FILTER (WHERE owner IS NULL OR expires_at <= "
                            "now()) = 0)::int FROM partition_leases WHERE "
                            "partition >= 0")
                   == 1;
          } catch (const std::exception&) {
            return false;
          }
        },
        std::chrono::seconds{60}));
  }

  ~two_engines() {
    if (peer && peer->running())
      peer->stop();
  }

  /// A chat id below 2^20 (where a partition is the id modulo the count)
  /// whose partition `owner` holds.
  int64_t chat_owned_by(const std::string& owner, int64_t from) {
    for (int64_t id = from; id < from + 10 * partitions; ++id) {
      auto p = id % partitions;
      if (db_value(world, "SELECT count(*) FROM partition_leases WHERE "
                          "partition = "
                              + std::to_string(p) + " AND owner = '" + owner
                              + "'")
          == 1)
        return id;
    }
    BOOST_FAIL("no partition of " << owner);
    return 0;
  }
};

/// Two engines with one free message a day per manager.
struct two_engines_one_free_message : two_engines {
  two_engines_one_free_message()
      : two_engines({"--session.free_daily_messages=1"}) {}

  /// An admin call to engine-a.
  bridge::http_response admin(const std::string& method,
                              const std::string& path,
                              const std::string& body = {}) {
    bridge::http_client c;
    std::vector<std::string> headers{"Content-Type: application/json",
                                     std::string{"Authorization: Bearer "}
                                         + admin_token};
    return c.request(method,
                     "http://127.0.0.1:" + std::to_string(world.engine_port())
                         + path,
                     body, headers, std::chrono::seconds{10});
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(pairing_and_messages_cross_two_engines, two_engines) {
  auto ana = make_user(chat_owned_by("engine-a", 3000), "Ana", "en");
  auto bob = make_user(chat_owned_by("engine-b", 5000), "Bob", "es");
  auto code = register_manager(world, ana, "en");
  // Bob registers on engine-b's partition; /join moves him to Ana's, and
  // Ana hears of it from engine-a through the note the link stored.
  register_worker(world, bob, "es", code, ana);
  BOOST_TEST(db_value(world, "SELECT bridge_chat_partition("
                                 + std::to_string(bob.id) + ")")
             == ana.id % partitions);
  for (int i = 1; i <= 3; ++i) {
    world.say(bob, "hola " + std::to_string(i));
    auto m = world.next_message(ana.id);
    BOOST_TEST(contains(m.text, "hola " + std::to_string(i)), m.text);
  }
  world.say(ana, "thanks");
  auto copy = world.next_message(bob.id);
  BOOST_TEST(contains(copy.text, "thanks"), copy.text);
  // Stored once each, nothing left unfinished.
  BOOST_TEST(db_value(world, "SELECT count(*) FROM messages") == 4);
  BOOST_TEST(db_eventually(
      world,
      "SELECT (count(*) = 0)::int FROM inbox WHERE processed_at IS NULL "
      "AND parked_at IS NULL",
      std::chrono::seconds{30}));
}

BOOST_FIXTURE_TEST_CASE(a_team_survives_the_engine_that_owned_it, two_engines) {
  // Ana's team lives on the peer; the peer dies without a goodbye.
  auto ana = make_user(chat_owned_by("engine-b", 3000), "Ana", "en");
  auto bob = make_user(chat_owned_by("engine-b", 5000), "Bob", "es");
  auto code = register_manager(world, ana, "en");
  register_worker(world, bob, "es", code, ana);
  world.say(bob, "antes");
  BOOST_TEST(contains(world.next_message(ana.id).text, "antes"));
  peer->signal(SIGKILL);
  peer->wait_exit(std::chrono::seconds{30});
  // Written while nobody owns the team: taken over once the lease lapses.
  // A copy the dead engine had sent but not marked may come once more
  // (a counted possible duplicate), never anything else.
  world.say(bob, "durante");
  world.say(ana, "still there?");
  auto arrives = [&](int64_t chat, const std::string& text,
                     const std::string& repeat) {
    for (int i = 0; i < 3; ++i) {
      auto m = world.next_message(chat);
      if (contains(m.text, text))
        return true;
      BOOST_TEST((!repeat.empty() && contains(m.text, repeat)), m.text);
    }
    return false;
  };
  BOOST_TEST(arrives(ana.id, "durante", "antes"));
  BOOST_TEST(arrives(bob.id, "still there?", ""));
  BOOST_TEST(db_value(world, "SELECT count(*) FROM partition_leases WHERE "
                             "partition >= 0 AND owner = 'engine-a'")
             == partitions);
}

BOOST_FIXTURE_TEST_CASE(a_subscription_set_on_one_engine_reaches_the_owner,
                        two_engines_one_free_message) {
  // Ana's team lives on engine-b; the operator speaks to engine-a. The
  // change is seen by the owner's next read (README, "Several engines").
  auto ana = make_user(chat_owned_by("engine-b", 3000), "Ana", "en");
  auto bob = make_user(chat_owned_by("engine-b", 5000), "Bob", "es");
  auto code = register_manager(world, ana, "en");
  register_worker(world, bob, "es", code, ana);
  world.say(ana, "one");
  BOOST_TEST(contains(world.next_message(bob.id).text, "one"));
  world.say(ana, "two");
  BOOST_TEST(contains(world.next_message(ana.id).text, "free messages"));
  auto path = "/admin/users/" + std::to_string(ana.id) + "/subscription";
  BOOST_TEST(admin("PUT", path, R"({"days":30})").status == 200);
  world.say(ana, "three");
  BOOST_TEST(contains(world.next_message(bob.id).text, "three"));
  BOOST_TEST(admin("DELETE", path).status == 200);
  world.say(ana, "four");
  BOOST_TEST(contains(world.next_message(ana.id).text, "free messages"));
}

BOOST_AUTO_TEST_SUITE_END()
