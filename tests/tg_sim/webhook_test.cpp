// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

// Webhook mode end to end: setWebhook over HTTP, a real receiver on
// loopback, pushes in order with the secret header, retries on failure.

#include <condition_variable>
#include <mutex>
#include <thread>

#include <httplib.h>

#include "server_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_webhook)

using namespace tg_sim_test;

namespace {

/// A bot's webhook endpoint: refuses the first push, then records.
struct webhook_receiver {
  webhook_receiver() {
    svr.Post("/hook",
             [this](const httplib::Request& req, httplib::Response& res) {
               std::lock_guard<std::mutex> guard{mu};
               if (refusals_left > 0) {
                 --refusals_left;
                 res.status = 500;
                 return;
               }
               bodies.push_back(req.body);
               secrets.push_back(
                   req.get_header_value("X-Telegram-Bot-Api-Secret-Token"));
               cv.notify_all();
             });
    // Bound here and kept: the port is this receiver's from now on.
    port = svr.bind_to_any_port("127.0.0.1");
    BOOST_REQUIRE_MESSAGE(port > 0, "the receiver cannot bind a port");
    thread = std::thread{[this] { svr.listen_after_bind(); }};
    // Stopping a server that is not listening yet does nothing, and the
    // listener would then never end: it must run before anything else.
    // (A listener that never runs has returned: its thread joins.)
    if (!eventually([this] { return svr.is_running(); })) {
      thread.join();
      BOOST_FAIL("the receiver did not start listening within 20 s");
    }
  }
  ~webhook_receiver() {
    svr.stop();
    thread.join();
  }

  bool wait_for(size_t n) {
    std::unique_lock<std::mutex> guard{mu};
    return cv.wait_for(guard, 20s, [&] { return bodies.size() >= n; });
  }

  httplib::Server svr;
  int port = 0;
  std::thread thread;
  std::mutex mu;
  std::condition_variable cv;
  int refusals_left = 1;
  std::vector<std::string> bodies;
  std::vector<std::string> secrets;
};

} // namespace

BOOST_FIXTURE_TEST_CASE(the_webhook_receives_every_update_in_order,
                        server_fixture) {
  webhook_receiver hook;
  auto url = "http://127.0.0.1:" + std::to_string(hook.port) + "/hook";
  BOOST_TEST(bot_post("setWebhook", R"({"url":")" + url
                                        + R"(","secret_token":"hook-secret"})")
                 .status
             == 200);
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "first"));
  BOOST_REQUIRE(sim.say(ana, "second"));
  BOOST_REQUIRE(hook.wait_for(2));
  // The receiver records a push before answering it; the confirmation
  // follows the answer.
  BOOST_REQUIRE_MESSAGE(
      eventually([&] { return state.stats().updates_pending == 0; }),
      "pushed updates still pending after 20 s");
  std::lock_guard<std::mutex> guard{hook.mu};
  BOOST_TEST(hook.bodies[0].find("\"first\"") != std::string::npos);
  BOOST_TEST(hook.bodies[1].find("\"second\"") != std::string::npos);
  BOOST_TEST(hook.secrets[0] == "hook-secret");
  BOOST_TEST(*sim.stat("/webhook/failures") == 1);
  BOOST_TEST(*sim.stat("/updates/pending") == 0);
  auto info = bot_post("getWebhookInfo", "");
  BOOST_TEST(info.body.find("\"url\":\"" + url + "\"") != std::string::npos);
  // Stopping the simulator closes the pusher's kept-alive connection, so
  // the receiver (plain cpp-httplib) need not wait it out.
  server->stop();
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_webhook
