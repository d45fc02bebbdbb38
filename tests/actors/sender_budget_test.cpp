// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

#include "actors/sender.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(actors_sender_budget)

using namespace bridge;
using namespace std::chrono_literals;

// The bot's global send limit is the bot's: with three instances sharing
// it, each sends at a third of it; alone again, at all of it.

namespace {

using steady = std::chrono::steady_clock;

/// A Bot API that accepts every sendMessage and notes when it came.
struct fake_bot_api {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::vector<steady::time_point> arrivals;
  std::atomic<int64_t> next_id{1};

  fake_bot_api() {
    server.Post(R"(/bot[^/]+/sendMessage)", [this](const httplib::Request&,
                                                   httplib::Response& res) {
      {
        std::lock_guard<std::mutex> guard{mutex};
        arrivals.push_back(steady::now());
      }
      res.set_content(R"({"ok":true,"result":{"message_id":)"
                          + std::to_string(next_id++)
                          + R"(,"date":0,"chat":{"id":1,"type":"private"}}})",
                      "application/json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread{[this] { server.listen_after_bind(); }};
  }

  ~fake_bot_api() {
    server.stop();
    thread.join();
  }

  std::vector<steady::time_point> seen() {
    std::lock_guard<std::mutex> guard{mutex};
    return arrivals;
  }
};

struct fixture : test::system_fixture {
  fake_bot_api api;
  sender_actor out;

  fixture() {
    sender_options o;
    o.endpoint = {"http://127.0.0.1:" + std::to_string(api.port), "42:test",
                  5s};
    o.limits.global_per_second = 30;
    // Distinct chats, so only the global limit spaces the calls.
    o.limits.per_chat_per_second = 100;
    o.limits.per_chat_burst = 100;
    o.http_workers = 4;
    out = sys->spawn(sender, std::move(o));
  }

  ~fixture() { caf::anon_send_exit(out, caf::exit_reason::user_shutdown); }

  /// Sends `n` messages to `n` chats and returns the time from the first
  /// arrival to the last.
  steady::duration send_burst(int n) {
    auto before = api.seen().size();
    for (int i = 0; i < n; ++i) {
      outbound m;
      m.chat_id = 1000 + i;
      m.text = "hello " + std::to_string(i);
      caf::anon_send(out, std::move(m));
    }
    BOOST_REQUIRE(test::wait_until(
        [&] { return api.seen().size() >= before + static_cast<size_t>(n); },
        30s));
    auto seen = api.seen();
    return seen.back() - seen[before];
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(three_members_send_at_a_third_of_the_global_limit,
                        fixture) {
  caf::anon_send(out, cluster_members{3});
  // 10/s with a burst of 5: the last of 25 cannot leave before 2 s after
  // the first (a bound the limiter keeps however slow the machine; the
  // margin is for the first call's own latency).
  auto span = send_burst(25);
  BOOST_TEST_MESSAGE("25 sends at a third took "
                     << std::chrono::duration<double>(span).count() << " s");
  BOOST_TEST((span >= 1600ms));
}

// That one member alone sends at the whole limit again is the shared
// budget's arithmetic (common_shared_budget, on a simulated clock): a
// measured upper bound here would only measure the machine.

BOOST_AUTO_TEST_SUITE_END() // actors_sender_budget
