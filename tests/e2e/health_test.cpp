// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <functional>
#include <thread>

#include "common/http_client.hpp"
#include "tests/support/notify_socket.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_health)

// What README promises an operator about /healthz and /readyz, asked of
// the real engine: /readyz is 200 only when PostgreSQL, migrations and
// intake are ready and the engine is not draining; otherwise 503 with
// {"ready":false,"not_ready":[...]} naming what is not. Redis down leaves
// it ready but "degraded" (body and bridge_degraded). /healthz says the
// process is alive, whatever else holds.

using namespace bridge::test;

namespace {

constexpr const char* all_ready =
    R"({"ready":true,"not_ready":[],"degraded":[]})";

bridge::http_response get(sim_world& w, const std::string& path) {
  bridge::http_client c;
  return c.get("http://127.0.0.1:" + std::to_string(w.engine_port()) + path, {},
               std::chrono::seconds{10});
}

/// Asks /readyz until `done` holds for an answer, calling `seen` with
/// every answer on the way; false after `limit`.
bool readyz_until(
    sim_world& w, const std::function<bool(const bridge::http_response&)>& done,
    const std::function<void(const bridge::http_response&)>& seen = {},
    std::chrono::seconds limit = std::chrono::seconds{30}) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    auto r = get(w, "/readyz");
    if (seen)
      seen(r);
    if (done(r))
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  return false;
}

bool is(const bridge::http_response& r, long status, const std::string& body) {
  return r.status == status && r.body == body;
}

std::vector<std::string> fake_engine(std::vector<std::string> extra = {}) {
  return unthrottled_engine([&] {
    extra.insert(extra.begin(), "--translator.backend=fake");
    return extra;
  }());
}

/// Ana (manager, English) and Bob (worker, Spanish), paired.
struct health_pair {
  sim_world w;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit health_pair(std::vector<std::string> extra = {})
      : w{fake_engine(std::move(extra)), unthrottled_sim()} {
    auto code = register_manager(w, ana, "en");
    register_worker(w, bob, "es", code, ana);
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_running_engine_is_alive_and_ready) {
  health_pair p;
  auto alive = get(p.w, "/healthz");
  BOOST_TEST(alive.status == 200);
  BOOST_TEST(alive.body == R"({"alive":true})");
  BOOST_TEST(readyz_until(p.w, [](auto& r) { return is(r, 200, all_ready); }),
             get(p.w, "/readyz").body);
}

BOOST_AUTO_TEST_CASE(an_engine_that_cannot_fetch_updates_is_not_ready) {
  health_pair p;
  auto& w = p.w;
  // The engine starts again against a Bot API whose next five getUpdates
  // fail: the database, the migrations and Redis are ready long before
  // intake is, and until then /readyz says so.
  w.engine().stop();
  BOOST_REQUIRE(w.sim().fail_next("getUpdates", 5, 500));
  w.restart_engine();
  bool always_503_with_intake = true;
  std::string odd;
  auto intake_only = R"({"ready":false,"not_ready":["intake"],"degraded":[]})";
  bool only_intake = readyz_until(
      w, [&](auto& r) { return is(r, 503, intake_only); },
      [&](auto& r) {
        if (r.status != 503 || r.body.find("\"intake\"") == std::string::npos) {
          always_503_with_intake = false;
          odd = std::to_string(r.status) + " " + r.body;
        }
      });
  BOOST_TEST(only_intake, get(w, "/readyz").body);
  BOOST_TEST(always_503_with_intake, odd);
  // The faults run out, a poll succeeds: ready, and messages flow.
  BOOST_TEST(readyz_until(w, [](auto& r) { return is(r, 200, all_ready); }),
             get(w, "/readyz").body << "\n"
                                    << w.engine().log_tail());
  w.say(p.ana, "Ready now");
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Ready now"));
  auto extra = arrived_unread(w, {p.ana.id, p.bob.id});
  BOOST_TEST(extra.empty(), extra);
}

/// The value of the unlabelled or labelled series `name` in a scrape.
std::string scraped_value(sim_world& w, const std::string& series) {
  auto body = get(w, "/metrics").body;
  auto at = body.find("\n" + series + " ");
  if (at == std::string::npos)
    return "(missing)";
  auto from = at + series.size() + 2;
  return body.substr(from, body.find('\n', from) - from);
}

BOOST_AUTO_TEST_CASE(an_engine_without_redis_is_ready_degraded_and_works) {
  health_pair p;
  auto& w = p.w;
  BOOST_REQUIRE(readyz_until(w, [](auto& r) { return is(r, 200, all_ready); }));
  w.redis().kill();
  // The cache learns Redis is gone when it next uses it; this message
  // makes it (the manager's allowance and her partner's profile go
  // through the cache), and it still arrives, from PostgreSQL.
  w.say(p.ana, "Redis is down");
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Redis is down"));
  BOOST_TEST(readyz_until(
                 w,
                 [](auto& r) {
                   return is(
                       r, 200,
                       R"({"ready":true,"not_ready":[],"degraded":["cache"]})");
                 }),
             get(w, "/readyz").body);
  BOOST_TEST(get(w, "/healthz").status == 200);
  BOOST_TEST(scraped_value(w, "bridge_degraded{part=\"cache\"}") == "1");
  BOOST_TEST(scraped_value(w, "bridge_ready") == "1");
  // Redis comes back (empty): the cache reconnects and the engine is no
  // longer degraded.
  w.redis().start();
  BOOST_TEST(readyz_until(w, [](auto& r) { return is(r, 200, all_ready); }),
             get(w, "/readyz").body << "\n"
                                    << w.engine().log_tail());
  BOOST_TEST(scraped_value(w, "bridge_degraded{part=\"cache\"}") == "0");
  w.say(p.ana, "Redis is back");
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Redis is back"));
  auto extra = arrived_unread(w, {p.ana.id, p.bob.id});
  BOOST_TEST(extra.empty(), extra);
}

BOOST_AUTO_TEST_CASE(a_draining_engine_is_alive_but_not_ready) {
  // A translation that takes a while keeps the drain going long enough to
  // be asked about; the deadline is far beyond it.
  health_pair p{{"--translator.fake_latency_ms=5000",
                 "--shutdown.drain_deadline_ms=60000"}};
  auto& w = p.w;
  BOOST_REQUIRE(readyz_until(w, [](auto& r) { return is(r, 200, all_ready); }));
  auto said = w.say(p.ana, "Finish this first");
  // Taken: the update is in the inbox and unfinished, so the drain must
  // wait for it.
  BOOST_REQUIRE_MESSAGE(db_eventually(w, "SELECT count(*) FROM inbox WHERE "
                                         "processed_at IS NULL AND update_id = "
                                             + std::to_string(said.update_id)),
                        "the update was never taken");
  w.engine().signal(SIGTERM);
  BOOST_TEST(
      readyz_until(
          w,
          [](auto& r) {
            return is(
                r, 503,
                R"({"ready":false,"not_ready":["draining"],"degraded":[]})");
          }),
      get(w, "/readyz").body);
  BOOST_TEST(get(w, "/healthz").status == 200);
  auto status = w.engine().wait_exit(std::chrono::seconds{60});
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST(*status == 0);
  // What was taken was finished before the engine went.
  BOOST_TEST(w.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Finish this first"));
}

BOOST_AUTO_TEST_CASE(systemd_hears_ready_when_ready_and_stopping_on_drain) {
  // The engine run as a Type=notify unit: NOTIFY_SOCKET names the test's
  // socket, as systemd's would.
  notify_socket systemd;
  sim_world w{
      fake_engine(), unthrottled_sim(), {{"NOTIFY_SOCKET", systemd.path()}}};
  auto ready = systemd.next(60'000);
  BOOST_REQUIRE_MESSAGE(ready, w.engine().log_tail());
  BOOST_TEST(notify_socket::has(*ready, "READY=1"), *ready);
  // READY follows what /readyz reports, so /readyz says so already.
  BOOST_TEST(is(get(w, "/readyz"), 200, all_ready));
  w.engine().signal(SIGTERM);
  auto stopping = systemd.next(60'000);
  BOOST_REQUIRE(stopping);
  BOOST_TEST(notify_socket::has(*stopping, "STOPPING=1"), *stopping);
  auto status = w.engine().wait_exit(std::chrono::seconds{60});
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST(*status == 0);
  // READY was said once.
  BOOST_TEST(!systemd.next(0));
}

BOOST_AUTO_TEST_SUITE_END() // e2e_health
