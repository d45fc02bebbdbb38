// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/scoped_actor.hpp>
#include <simdjson.h>

#include "common/http_client.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/http_server.hpp"
#include "telemetry/metrics.hpp"

BOOST_AUTO_TEST_SUITE(ops_admin_cluster_route)

// `GET /admin/cluster` on a real HTTP server with stand-in keepers: behind
// the token like every admin route; the keeper's view as JSON with the
// fenced-write count of the metric; a clear 503 when there is no keeper,
// when it is gone, and when it does not answer.

using namespace bridge;
using namespace bridge::ops;

namespace {

constexpr const char* token = "cluster-route-token-0123456789";

/// A keeper that answers every view with `v`.
caf::behavior answering(caf::event_based_actor*, cluster_view v) {
  return {[v](view_atom) { return v; }};
}

/// A keeper that takes the question and never answers it.
// Takes an argument it ignores: CAF 0.17 spawns a function of no
// arguments through a null tuple, which the sanitizer build refuses.
caf::behavior silent(caf::event_based_actor* self, int) {
  return {[self](view_atom) {
    return self->make_response_promise<cluster_view>();
  }};
}

struct config : caf::actor_system_config {
  config() {
    announce_message_types(*this);
    set("scheduler.max-threads", 2);
    set("logger.verbosity", caf::atom("quiet"));
  }
};

struct fixture {
  config cfg;
  caf::actor_system sys{cfg};
  std::shared_ptr<admin_options> opts = std::make_shared<admin_options>();
  http_server server{http_options{"127.0.0.1", 0, 2}};

  fixture() {
    add_admin_routes(server, opts);
    std::string err;
    BOOST_REQUIRE_MESSAGE(server.start(err), err);
  }

  /// Fills the options as the engine does, `sys` last.
  void open(caf::actor keeper = {}) {
    opts->keeper = std::move(keeper);
    opts->token = token;
    opts->sys.store(&sys, std::memory_order_release);
  }

  ~fixture() { server.stop(); }

  http_response get(const char* bearer = token) {
    http_client c;
    std::vector<std::string> headers;
    if (bearer != nullptr)
      headers.push_back(std::string{"Authorization: Bearer "} + bearer);
    return c.get("http://127.0.0.1:" + std::to_string(server.port())
                     + "/admin/cluster",
                 headers, std::chrono::seconds{20});
  }
};

std::string state_of(const std::string& body) {
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  std::string_view state;
  if (p.parse(body).get(doc) != simdjson::SUCCESS
      || doc["state"].get_string().get(state) != simdjson::SUCCESS
      || doc["error"].get_string().error() != simdjson::SUCCESS)
    return "not the error shape: " + body;
  return std::string{state};
}

} // namespace

BOOST_FIXTURE_TEST_CASE(the_token_guards_the_route, fixture) {
  open();
  BOOST_TEST(get(nullptr).status == 401);
  BOOST_TEST(get("wrong").status == 401);
}

BOOST_FIXTURE_TEST_CASE(without_a_keeper_the_engine_runs_alone, fixture) {
  open();
  auto r = get();
  BOOST_TEST(r.status == 503);
  BOOST_TEST(state_of(r.body) == "alone");
}

BOOST_FIXTURE_TEST_CASE(the_keepers_view_with_the_fenced_write_metric,
                        fixture) {
  cluster_view v;
  v.self = "engine-a";
  v.partitions = 2;
  v.lease_ttl_ms = 10'000;
  v.now_ms = 1'000'000;
  v.members = {member_record{"engine-a", "127.0.0.1:1", 1, 999'000}};
  v.leases = {lease_record{-1, "engine-a", 1, 990'000, 1'005'000},
              lease_record{0, "engine-a", 2, 990'000, 1'005'000},
              lease_record{1, "", 3, 0, 0}};
  v.fenced_writes = 999; // the keeper's field is not what is shown
  open(sys.spawn(answering, v));
  telemetry::metrics().db_fenced_writes.Increment(2);
  auto fenced =
      static_cast<int64_t>(telemetry::metrics().db_fenced_writes.Value());

  auto r = get();
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.header("cache-control") == "no-store");
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(r.body).get(doc) == simdjson::SUCCESS);
  BOOST_TEST(std::string_view(doc["self"]) == "engine-a");
  BOOST_TEST(std::string_view(doc["intake_leader"]["instance_id"])
             == "engine-a");
  BOOST_TEST(doc["members"].at(0)["owns"].get_array().size() == 1u);
  BOOST_TEST(int64_t(doc["free"].at(0)) == 1);
  BOOST_TEST(int64_t(doc["fenced_writes"]) == fenced);
}

BOOST_FIXTURE_TEST_CASE(a_keeper_that_is_gone_is_unavailable, fixture) {
  auto k = sys.spawn(silent, 0);
  caf::anon_send_exit(k, caf::exit_reason::kill);
  caf::scoped_actor waiter{sys};
  waiter->wait_for(k);
  open(k);
  auto r = get();
  BOOST_TEST(r.status == 503);
  BOOST_TEST(state_of(r.body) == "unavailable");
}

BOOST_FIXTURE_TEST_CASE(a_keeper_that_does_not_answer_is_unavailable, fixture) {
  open(sys.spawn(silent, 0));
  auto r = get();
  BOOST_TEST(r.status == 503);
  BOOST_TEST(state_of(r.body) == "unavailable");
  BOOST_TEST(r.body.find("did not answer") != std::string::npos, r.body);
}

BOOST_AUTO_TEST_SUITE_END() // ops_admin_cluster_route
