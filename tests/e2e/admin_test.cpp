// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <thread>

#include <pqxx/pqxx>
#include <simdjson.h>

#include "common/http_client.hpp"
#include "telegram/durable_codec.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_admin)

// The admin API against the running engine: the bearer token, listings
// with pagination and filters, subscriptions that lift the free allowance,
// an operator's reset, status, log level, the cluster's leases, and every
// kind of bad request.

using namespace bridge::test;

namespace {

constexpr const char* token = "admin-e2e-token-0123456789";
constexpr const char* instance = "admin-e2e";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct admin_world {
  sim_world world{
      {"--translator.backend=fake", "--session.free_daily_messages=1",
       "--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
       std::string{"--cluster.instance_id="} + instance},
      {"--per-chat-per-second", "100", "--per-chat-burst", "100"},
      {{"BRIDGE_ADMIN_TOKEN", token}}};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  admin_world() {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  /// Stores Ana's text as an update the engine gave up on: parked.
  void park(int64_t update_id, const std::string& text) {
    bridge::tg_update u;
    u.update_id = update_id;
    u.chat_id = ana.id;
    u.message_id = update_id;
    u.from.id = ana.id;
    u.from.first_name = "Ana";
    u.from.language_code = "en";
    u.text = text;
    pqxx::connection c{world.database_url()};
    pqxx::work tx{c};
    tx.exec_params("INSERT INTO inbox (update_id, chat_id, payload, parked_at, "
                   "park_reason) VALUES ($1, $2, $3, now(), 'db_unavailable')",
                   update_id, ana.id, bridge::telegram::encode_update(u));
    tx.commit();
  }

  bridge::http_response call(const std::string& method, const std::string& path,
                             const std::string& body = {},
                             const char* bearer = token) {
    bridge::http_client c;
    std::vector<std::string> headers{"Content-Type: application/json"};
    if (bearer != nullptr)
      headers.push_back(std::string{"Authorization: Bearer "} + bearer);
    auto url = "http://127.0.0.1:" + std::to_string(world.engine_port()) + path;
    if (method == "GET")
      return c.get(url, headers, std::chrono::seconds{10});
    return c.request(method, url, body, headers, std::chrono::seconds{10});
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(the_token_guards_every_route, admin_world) {
  BOOST_TEST(call("GET", "/admin/users", {}, nullptr).status == 401);
  BOOST_TEST(call("GET", "/admin/users", {}, "wrong").status == 401);
  BOOST_TEST(call("GET", "/admin/nothing", {}, nullptr).status == 401);
  BOOST_TEST(call("GET", "/admin/nothing").status == 404);
  BOOST_TEST(call("POST", "/admin/users/1001/launch", "{}").status == 404);
  // The token never reaches the log.
  BOOST_TEST(!contains(world.engine().log_tail(1 << 20), token));
}

BOOST_FIXTURE_TEST_CASE(listings_page_and_filter, admin_world) {
  auto all = call("GET", "/admin/users");
  BOOST_TEST(all.status == 200);
  BOOST_TEST(contains(all.body, "\"telegram_id\":1001"), all.body);
  BOOST_TEST(contains(all.body, "\"telegram_id\":2002"), all.body);
  auto first = call("GET", "/admin/users?limit=1");
  BOOST_TEST(contains(first.body, "\"next_after\":1001"), first.body);
  auto second = call("GET", "/admin/users?limit=1&after=1001");
  BOOST_TEST(contains(second.body, "\"telegram_id\":2002"), second.body);
  auto beyond = call("GET", "/admin/users?after=999999999");
  BOOST_TEST(beyond.status == 200);
  BOOST_TEST(contains(beyond.body, "\"rows\":[]"), beyond.body);
  BOOST_TEST(contains(beyond.body, "\"next_after\":null"), beyond.body);
  auto workers = call("GET", "/admin/users?role=worker");
  BOOST_TEST(!contains(workers.body, "\"telegram_id\":1001"), workers.body);
  for (auto bad : {"limit=-1", "limit=0", "limit=abc", "limit=5000", "after=-3",
                   "role=admin", "limit=1&limit=2"})
    BOOST_TEST(call("GET", std::string{"/admin/users?"} + bad).status == 400,
               bad);

  world.say(ana, "hello");
  world.next_message(bob.id);
  auto convs = call("GET", "/admin/conversations?manager=1001");
  BOOST_TEST(contains(convs.body, "\"worker_id\":2002"), convs.body);
  BOOST_TEST(call("GET", "/admin/conversations?worker=x").status == 400);
}

BOOST_FIXTURE_TEST_CASE(a_subscription_lifts_the_allowance_until_cleared,
                        admin_world) {
  world.say(ana, "one");
  world.next_message(bob.id);
  world.say(ana, "two");
  BOOST_TEST(contains(world.next_message(ana.id).text, "free messages"));
  auto set = call("PUT", "/admin/users/1001/subscription", R"({"days":30})");
  BOOST_TEST(set.status == 200);
  BOOST_TEST(contains(set.body, "\"status\":\"active\""), set.body);
  world.say(ana, "three");
  BOOST_TEST(contains(world.next_message(bob.id).text, "three"));
  auto cleared = call("DELETE", "/admin/users/1001/subscription");
  BOOST_TEST(contains(cleared.body, "\"status\":\"canceled\""), cleared.body);
  world.say(ana, "four");
  BOOST_TEST(contains(world.next_message(ana.id).text, "free messages"));

  for (auto bad : {"{}", R"({"days":0})", R"({"days":"x"})", "not json",
                   R"({"expires_at_ms":5})"})
    BOOST_TEST(call("PUT", "/admin/users/1001/subscription", bad).status == 400,
               bad);
  BOOST_TEST(
      call("PUT", "/admin/users/abc/subscription", R"({"days":1})").status
      == 400);
  // A body past the limit is refused from its headers and the connection
  // closed with the body unread. That close is a reset, which can reach
  // the client before the 413 does (e2e.http_abuse reads the 413 with a
  // client that waits for it); either way the engine answers on.
  auto big =
      call("PUT", "/admin/users/1001/subscription", std::string(2 << 20, 'x'));
  BOOST_TEST((big.status == 413 || big.status == 0), big.status);
  BOOST_TEST(call("GET", "/admin/users").status == 200);
}

BOOST_FIXTURE_TEST_CASE(an_operator_reset_reaches_the_user, admin_world) {
  auto r = call("POST", "/admin/users/2002/reset");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(contains(r.body, "\"unlinked\":[1001]"), r.body);
  BOOST_TEST(contains(world.next_message(bob.id).text, "/start"));
  world.say(bob, "hola");
  BOOST_TEST(contains(world.next_message(bob.id).text, "/start"));
  BOOST_TEST(call("POST", "/admin/users/0/reset").status == 400);
}

BOOST_FIXTURE_TEST_CASE(a_parked_update_is_listed_retried_and_dropped,
                        admin_world) {
  park(900001, "Parked hello");
  park(900002, "Never mind");
  auto list = call("GET", "/admin/parked?limit=1");
  BOOST_TEST(list.status == 200);
  BOOST_TEST(contains(list.body, "{\"update_id\":900001,\"chat_id\":1001,"
                                 "\"reason\":\"db_unavailable\""),
             list.body);
  BOOST_TEST(contains(list.body, "\"next_after\":900001"), list.body);

  // Retried: handed on, delivered to the partner, listed no more.
  auto retry = call("POST", "/admin/parked/900001/retry");
  BOOST_TEST(retry.status == 200);
  BOOST_TEST(retry.body == "{\"retried\":900001}");
  BOOST_TEST(world.next_message(bob.id).text == "Ana: [es] Parked hello");
  // Dropped: finished without being handled.
  auto drop = call("DELETE", "/admin/parked/900002");
  BOOST_TEST(drop.status == 200);
  BOOST_TEST(drop.body == "{\"dropped\":900002}");
  BOOST_TEST(call("GET", "/admin/parked").body
             == "{\"rows\":[],\"next_after\":null}");
  BOOST_TEST(world.await_messages(bob.id, 1, std::chrono::seconds{2}).empty());

  BOOST_TEST(call("DELETE", "/admin/parked/900002").status == 404);
  BOOST_TEST(call("POST", "/admin/parked/123/retry").status == 404);
  BOOST_TEST(call("POST", "/admin/parked/abc/retry").status == 400);
  BOOST_TEST(call("GET", "/admin/parked?limit=0").status == 400);
}

BOOST_FIXTURE_TEST_CASE(status_and_log_level, admin_world) {
  auto s = call("GET", "/admin/status");
  BOOST_TEST(s.status == 200);
  // The pool's own connections: db.pool_size less the lease keeper's.
  BOOST_TEST(contains(s.body, "\"pool_size\":19"), s.body);
  BOOST_TEST(contains(s.body, "\"backend\":\"fake\""), s.body);
  BOOST_TEST(call("PUT", "/admin/log_level", R"({"level":"debug"})").status
             == 200);
  BOOST_TEST(call("PUT", "/admin/log_level", R"({"level":"loud"})").status
             == 400);
  BOOST_TEST(call("PUT", "/admin/log_level", "[").status == 400);
}

namespace {

/// What `/admin/cluster` says one engine holds.
struct held {
  std::string self;
  int64_t partitions = 0;
  size_t owned = 0;
  size_t leases_owned = 0;
  size_t free = 0;
  std::string leader;
  bool member_is_leader = false;
  bool counters = false;
};

held read_cluster(const std::string& body) {
  held h;
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  if (p.parse(body).get(doc) != simdjson::SUCCESS)
    return h;
  h.self = std::string{std::string_view(doc["self"])};
  h.partitions = int64_t(doc["partitions"]);
  for (auto m : doc["members"].get_array())
    if (std::string_view(m["instance_id"]) == h.self) {
      h.owned = m["owns"].get_array().size();
      h.member_is_leader = bool(m["intake"]);
    }
  for (auto l : doc["leases"].get_array())
    if (int64_t(l["partition"]) >= 0 && !l["owner"].is_null()
        && std::string_view(l["owner"]) == h.self && !bool(l["expired"]))
      ++h.leases_owned;
  h.free = doc["free"].get_array().size();
  if (!doc["intake_leader"].is_null())
    h.leader =
        std::string{std::string_view(doc["intake_leader"]["instance_id"])};
  h.counters = doc["rebalances"].is_uint64() && doc["leases_lost"].is_uint64()
               && doc["fenced_writes"].is_uint64();
  return h;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(the_cluster_view_shows_this_engine_holding_everything,
                        admin_world) {
  BOOST_TEST(call("GET", "/admin/cluster", {}, nullptr).status == 401);
  // Alone, the engine's keeper takes every lease at its first round; the
  // view may be asked before that round, so it is asked until it shows
  // them (a bound on how long, not a claim about speed).
  bridge::http_response r;
  held h;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  do {
    r = call("GET", "/admin/cluster");
    if (r.status == 200) {
      h = read_cluster(r.body);
      if (h.partitions > 0 && h.owned == static_cast<size_t>(h.partitions)
          && h.leader == instance)
        break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{250});
  } while (std::chrono::steady_clock::now() < until);
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(h.self == instance, r.body);
  BOOST_TEST(h.partitions == 64);
  BOOST_TEST(h.owned == 64u, r.body);
  BOOST_TEST(h.leases_owned == 64u);
  BOOST_TEST(h.free == 0u);
  BOOST_TEST(h.leader == instance);
  BOOST_TEST(h.member_is_leader);
  BOOST_TEST(h.counters, r.body);
}

// Business figures: behind the token, and read from what the engine
// stored: Ana (a manager writing English, charged for her message) and
// Bob (a worker writing Spanish).
BOOST_FIXTURE_TEST_CASE(business_figures_are_served_behind_the_token,
                        admin_world) {
  BOOST_TEST(call("GET", "/admin/business", {}, nullptr).status == 401);
  BOOST_TEST(call("GET", "/admin/business", {}, "wrong").status == 401);
  world.say(ana, "hello");
  world.next_message(bob.id);
  BOOST_TEST(
      call("PUT", "/admin/users/1001/subscription", R"({"days":30})").status
      == 200);
  auto r = call("GET", "/admin/business");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(r.body).get(doc) == simdjson::SUCCESS);
  auto n = [&](const char* pointer) {
    int64_t v = -1;
    BOOST_TEST(
        (doc.at_pointer(pointer).get_int64().get(v) == simdjson::SUCCESS),
        pointer);
    return v;
  };
  BOOST_TEST(n("/users/total") == 2, r.body);
  BOOST_TEST(n("/users/by_role/manager") == 1);
  BOOST_TEST(n("/users/by_role/worker") == 1);
  BOOST_TEST(n("/active_teams/days_7") == 1, r.body);
  BOOST_TEST(n("/active_teams/days_30") == 1);
  // Given through the admin API, not paid with Stars.
  BOOST_TEST(n("/paying_managers/total") == 1, r.body);
  BOOST_TEST(n("/paying_managers/admin") == 1);
  BOOST_TEST(n("/stars_30d/taken/stars") == 0);
  BOOST_TEST(n("/churned_30d") == 0);
  BOOST_TEST(contains(r.body, R"({"role":"worker","language":"es","users":1})"),
             r.body);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_admin
