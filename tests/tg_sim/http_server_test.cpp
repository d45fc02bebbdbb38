// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

// The simulator over real loopback sockets: the server in-process on a
// free port, driven through sim_client and plain HTTP. No test asserts
// timing; where a wake-up matters, a client deadline far below the poll
// timeout turns a missed wake-up into a failure.

#include <future>
#include <set>
#include <thread>

#include "server_fixture.hpp"
#include "tools/tg_sim/cli.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_http_server)

using namespace tg_sim_test;

BOOST_FIXTURE_TEST_CASE(the_token_must_match, server_fixture) {
  auto me = bot_post("getMe", "");
  BOOST_TEST(me.status == 200);
  BOOST_TEST(me.body.find("\"username\":\"bridge_sim_bot\"")
             != std::string::npos);
  auto wrong = http.post(base + "/bot42:other/getMe", "", {}, 5s);
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(
      wrong.body
      == R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
  BOOST_TEST(http.get(base + "/bot/getMe", {}, 5s).status == 401);
  // GET with a query string works too, as in Telegram.
  BOOST_TEST(http.get(api + "getUpdates?timeout=0&limit=5", {}, 5s).status
             == 200);
}

BOOST_FIXTURE_TEST_CASE(unknown_paths_answer_json_404, server_fixture) {
  auto method = http.get(api + "sendPigeon", {}, 5s);
  BOOST_TEST(method.status == 404);
  BOOST_TEST(method.body
             == R"({"ok":false,"error_code":404,"description":"Not Found"})");
  auto other = http.get(base + "/nowhere", {}, 5s);
  BOOST_TEST(other.status == 404);
  BOOST_TEST(other.body.find("\"ok\":false") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(malformed_bodies_get_400_with_a_description,
                        server_fixture) {
  auto r = bot_post("sendMessage", "{\"chat_id\":1,");
  BOOST_TEST(r.status == 400);
  BOOST_TEST(r.body.find("\"description\":\"Bad Request: can't parse JSON")
             != std::string::npos);
  BOOST_TEST(bot_post("sendMessage", "[]").status == 400);
  BOOST_TEST(
      bot_post("sendMessage", "x", "multipart/form-data; boundary=b").status
      == 400);
  auto multipart = bot_post("sendMessage",
                            "--b\r\nContent-Disposition: form-data; "
                            "name=\"chat_id\"\r\n\r\n1\r\n--b--\r\n",
                            "multipart/form-data; boundary=b");
  BOOST_TEST(multipart.status == 400);
  BOOST_TEST(multipart.body.find("multipart/form-data is not supported")
             != std::string::npos);
  BOOST_TEST(bot_post("getMe", "").status == 200);
  sim_client sim{port};
  auto bad = sim.post("/sim/message", "{\"from\":");
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(bad.body.find("body is not valid JSON") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(oversize_bodies_are_refused_and_the_connection_survives,
                        server_fixture) {
  std::string huge =
      "{\"chat_id\":1,\"text\":\"" + std::string(1100 * 1024, 'x') + "\"}";
  auto r = bot_post("sendMessage", huge);
  BOOST_TEST(r.status == 413);
  BOOST_TEST(r.body.find("\"error_code\":413") != std::string::npos);
  // The same kept-alive connection still speaks HTTP.
  BOOST_TEST(bot_post("getMe", "{}").status == 200);
  sim_client sim{port};
  BOOST_TEST(sim.post("/sim/raw", std::string(17 * 1024 * 1024, 'r')).status
             == 413);
  BOOST_TEST(sim.healthy());
}

BOOST_FIXTURE_TEST_CASE(large_form_bodies_are_read_whole, server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  // 4096 Cyrillic letters: 24 KiB once percent-encoded, far above
  // cpp-httplib's own 8 KiB cap on form bodies.
  std::string text;
  for (int i = 0; i < 4096; ++i)
    text += "%D0%96";
  auto r = bot_post("sendMessage", "chat_id=1001&text=" + text,
                    "application/x-www-form-urlencoded");
  BOOST_TEST(r.status == 200);
  auto events = sim.chat_events(1001);
  BOOST_REQUIRE(events);
  BOOST_TEST(events->at(0).text.size() == 4096u * 2);
}

BOOST_FIXTURE_TEST_CASE(a_post_without_length_has_no_body, server_fixture) {
  raw_connection c{port, 3s};
  BOOST_REQUIRE(
      c.send("POST /bot" + token + "/getMe HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto answer = c.answer();
  BOOST_TEST(answer.rfind("HTTP/1.1 200", 0) == 0u, answer);
}

BOOST_FIXTURE_TEST_CASE(a_long_poll_returns_when_an_update_arrives,
                        server_fixture) {
  auto poll = std::async(std::launch::async, [this] {
    http_client own;
    // A client deadline far below the poll timeout: only a wake-up can
    // answer in time.
    return own.post(api + "getUpdates", R"({"timeout":50})",
                    {"Content-Type: application/json"}, 20s);
  });
  BOOST_REQUIRE_MESSAGE(
      eventually([&] { return state.stats().get_updates_in_progress != 0; }),
      "the long poll never reached the simulator");
  sim_client sim{port};
  auto sent = sim.say(ana, "wake up");
  BOOST_REQUIRE(sent);
  auto r = poll.get();
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body.find("\"update_id\":" + std::to_string(sent->update_id))
             != std::string::npos);
  BOOST_TEST(r.body.find("wake up") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_second_poller_ends_the_first_with_409_over_http,
                        server_fixture) {
  auto first_poll = [this] {
    return std::async(std::launch::async, [this] {
      http_client own;
      return own.post(api + "getUpdates", R"({"timeout":50})",
                      {"Content-Type: application/json"}, 20s);
    });
  };
  auto poll = first_poll();
  BOOST_REQUIRE_MESSAGE(
      eventually([&] { return state.stats().get_updates_in_progress != 0; }),
      "the first long poll never reached the simulator");
  auto second = bot_post("getUpdates", R"({"timeout":0})");
  BOOST_TEST(second.status == 200);
  auto first = poll.get();
  BOOST_TEST(first.status == 409);
  BOOST_TEST(first.body.find("terminated by other getUpdates request")
             != std::string::npos);
  // setWebhook ends a running poll with its own 409.
  poll = first_poll();
  BOOST_REQUIRE(
      eventually([&] { return state.stats().get_updates_in_progress != 0; }));
  BOOST_TEST(bot_post("setWebhook", R"({"url":"http://127.0.0.1:1/x"})").status
             == 200);
  BOOST_TEST(poll.get().body.find("terminated by setWebhook request")
             != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(an_event_read_returns_when_the_bot_acts,
                        server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  auto read = std::async(std::launch::async, [this] {
    http_client own;
    // A client deadline far below the 50 s wait.
    auto r =
        own.get(base + "/sim/chats/1001/events?after=0&wait_ms=50000", {}, 20s);
    return decode_events(r.body);
  });
  BOOST_REQUIRE_MESSAGE(
      eventually([&] { return state.stats().events_waiting != 0; }),
      "the event read never started waiting");
  BOOST_TEST(
      bot_post("sendMessage", R"({"chat_id":1001,"text":"hi Ana"})").status
      == 200);
  auto events = read.get();
  BOOST_REQUIRE(events);
  BOOST_REQUIRE(events->size() == 1u);
  BOOST_TEST(events->at(0).text == "hi Ana");
  BOOST_TEST(events->at(0).method == "sendMessage");
}

BOOST_FIXTURE_TEST_CASE(the_client_drives_a_whole_conversation,
                        server_fixture) {
  sim_client sim{port};
  BOOST_TEST(sim.healthy());
  auto said = sim.say(ana, "/start");
  BOOST_REQUIRE(said);
  BOOST_TEST(said->chat_id == 1001);
  auto sent = bot_post("sendMessage", R"({"chat_id":1001,"text":"Role?",
      "reply_markup":{"inline_keyboard":[[{"text":"Manager","callback_data":"r:m"}]]}})");
  BOOST_TEST(sent.status == 200);
  auto events = sim.chat_events(1001);
  BOOST_REQUIRE(events);
  BOOST_REQUIRE(events->size() == 1u);
  auto& ev = events->front();
  BOOST_TEST(ev.buttons.at(0).at(0).data == "r:m");
  auto pressed = sim.press(ana, 1001, ev.message_id, "r:m");
  BOOST_REQUIRE(pressed);
  BOOST_TEST(!pressed->callback_id.empty());
  BOOST_TEST(*sim.stat("/callback_queries/unanswered") == 1);
  BOOST_TEST(bot_post("answerCallbackQuery", "{\"callback_query_id\":\""
                                                 + pressed->callback_id + "\"}")
                 .status
             == 200);
  BOOST_TEST(*sim.stat("/callback_queries/unanswered") == 0);
  auto edited = sim.edit(ana, 1001, said->message_id, "/start again");
  BOOST_REQUIRE(edited);
  BOOST_TEST(edited->update_id > pressed->update_id);
  BOOST_REQUIRE(sim.inject_raw("{garbage"));
  auto raw_id = sim.inject_raw_update(R"({"channel_post":{}})");
  BOOST_REQUIRE(raw_id);
  auto all = sim.events();
  BOOST_REQUIRE(all);
  BOOST_TEST(all->size() == 2u);
  BOOST_TEST(all->back().method == "answerCallbackQuery");
  BOOST_TEST(*sim.stat("/updates/pending") == 5);
  BOOST_REQUIRE(sim.reset());
  BOOST_TEST(*sim.stat("/updates/pending") == 0);
}

BOOST_FIXTURE_TEST_CASE(client_errors_carry_the_simulators_reason,
                        server_fixture) {
  sim_client sim{port};
  auto r = sim.edit(ana, 1001, 5, "x");
  BOOST_REQUIRE(!r);
  BOOST_TEST((engine_code(r.error()) == engine_errc::http_status));
  BOOST_TEST(describe(r.error()).find("message not found")
             != std::string::npos);
  auto fault = sim.fail_next("sendPigeon", 1, 500);
  BOOST_REQUIRE(!fault);
  BOOST_TEST(describe(fault.error()).find("unknown Bot API method")
             != std::string::npos);
  sim_client nowhere{1, 2s};
  auto down = nowhere.say(ana, "x");
  BOOST_REQUIRE(!down);
  BOOST_TEST((engine_code(down.error()) == engine_errc::http_unreachable));
  BOOST_TEST(!nowhere.healthy());
}

BOOST_FIXTURE_TEST_CASE(a_send_after_running_is_dropped_or_held_over_http,
                        server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  BOOST_REQUIRE(
      sim.fail_after_running("sendMessage", 1, fault_answer_kind::drop));
  auto dropped = bot_post("sendMessage", R"({"chat_id":1001,"text":"one"})");
  BOOST_TEST(dropped.status == 0);
  BOOST_TEST(!dropped.error.empty());
  // The connection is closed, the server is not: the next call is served.
  BOOST_TEST(bot_post("sendMessage", R"({"chat_id":1001,"text":"two"})").status
             == 200);

  BOOST_REQUIRE(sim.fail_after_running("sendMessage", 1,
                                       fault_answer_kind::hold, 0, 600s));
  http_client own;
  auto held =
      own.post(api + "sendMessage", R"({"chat_id":1001,"text":"three"})",
               {"Content-Type: application/json"}, 1s);
  BOOST_TEST(held.status == 0);
  BOOST_TEST(held.timed_out);
  auto events = sim.chat_events(1001);
  BOOST_REQUIRE(events);
  BOOST_REQUIRE(events->size() == 3u);
  BOOST_TEST(events->at(0).text == "one");
  BOOST_TEST(events->at(2).text == "three");
}

BOOST_FIXTURE_TEST_CASE(faults_and_limits_through_the_client, server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  BOOST_REQUIRE(sim.fail_next("sendMessage", 1, 429, 7));
  auto r = bot_post("sendMessage", R"({"chat_id":1001,"text":"x"})");
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.body.find("\"retry_after\":7") != std::string::npos);
  BOOST_REQUIRE(sim.block_chat(1001));
  BOOST_TEST(bot_post("sendMessage", R"({"chat_id":1001,"text":"x"})").status
             == 403);
  BOOST_REQUIRE(sim.unblock_chat(1001));
  limit_settings off;
  off.enabled = false;
  BOOST_REQUIRE(sim.set_limits(off));
  for (int i = 0; i < 40; ++i)
    BOOST_TEST(bot_post("sendMessage", R"({"chat_id":1001,"text":"x"})").status
               == 200);
  BOOST_REQUIRE(sim.set_latency(1ms));
  BOOST_TEST(bot_post("getMe", "").status == 200);
  BOOST_TEST(*sim.stat("/too_many_requests/total") == 1);
}

BOOST_AUTO_TEST_CASE(stopping_does_not_wait_for_idle_clients) {
  sim_state state{server_fixture::options(), std::make_shared<real_clock>()};
  http_server server{state, server_settings{}};
  std::string error;
  auto port = server.start(error);
  BOOST_REQUIRE(port > 0);
  // A client that keeps its connection open and says nothing more.
  sim_client idle = sim_client::on_port(port);
  BOOST_REQUIRE(idle.healthy());
  auto stopped = std::async(std::launch::async, [&] { server.stop(); });
  BOOST_TEST((stopped.wait_for(10s) == std::future_status::ready));
}

BOOST_FIXTURE_TEST_CASE(stopping_cuts_an_armed_latency_short, server_fixture) {
  sim_client sim{port};
  BOOST_REQUIRE(sim.set_latency(60s));
  auto slow = std::async(std::launch::async, [this] {
    http_client own;
    return own.get(api + "getMe", {}, 120s);
  });
  // The call is counted before its answer waits out the latency.
  BOOST_REQUIRE_MESSAGE(
      eventually([&] { return state.stats().methods[0].calls != 0; }),
      "the slow call never reached the simulator");
  auto stopped = std::async(std::launch::async, [this] { server->stop(); });
  BOOST_TEST((stopped.wait_for(10s) == std::future_status::ready));
  slow.wait();
}

BOOST_FIXTURE_TEST_CASE(concurrent_senders_get_distinct_message_ids,
                        server_fixture) {
  sim_client sim{port};
  limit_settings off;
  off.enabled = false;
  BOOST_REQUIRE(sim.set_limits(off));
  BOOST_REQUIRE(sim.say(ana, "hola"));
  constexpr int threads = 4;
  constexpr int per_thread = 50;
  std::vector<std::future<int>> senders;
  for (int t = 0; t < threads; ++t)
    senders.push_back(std::async(std::launch::async, [this] {
      http_client own;
      int ok = 0;
      for (int i = 0; i < per_thread; ++i)
        ok += own.post(api + "sendMessage", R"({"chat_id":1001,"text":"x"})",
                       {"Content-Type: application/json"}, 10s)
                  .status
              == 200;
      return ok;
    }));
  int ok = 0;
  for (auto& s : senders)
    ok += s.get();
  BOOST_TEST(ok == threads * per_thread);
  auto events = sim.chat_events(1001, 0);
  BOOST_REQUIRE(events);
  BOOST_TEST(events->size() == size_t{threads * per_thread});
  std::set<int64_t> ids;
  for (auto& e : *events)
    ids.insert(e.message_id);
  BOOST_TEST(ids.size() == size_t{threads * per_thread});
}

BOOST_FIXTURE_TEST_CASE(a_user_pays_an_invoice_link_through_the_client,
                        server_fixture) {
  // What `tg-sim pay` does: the link the bot made, paid over the control
  // API; anything else is refused with the control API's reason.
  auto made = bot_post(
      "createInvoiceLink",
      R"({"title":"Bridge","description":"30 days","payload":"order-1",)"
      R"("currency":"XTR","prices":[{"label":"30 days","amount":250}],)"
      R"("subscription_period":2592000})");
  BOOST_REQUIRE_MESSAGE(made.status == 200, made.body);
  const std::string key = "\"result\":\"";
  auto at = made.body.find(key);
  BOOST_REQUIRE(at != std::string::npos);
  at += key.size();
  auto link = made.body.substr(at, made.body.find('"', at) - at);
  BOOST_TEST(link.rfind("https://t.me/$", 0) == 0u);
  auto client = sim_client::on_port(port);
  auto paid = client.pay(ana, link);
  BOOST_REQUIRE_MESSAGE(
      paid, (paid ? std::string{} : bridge::describe(paid.error())));
  BOOST_TEST(paid->find("query_id") != std::string::npos);
  for (const std::string& bad :
       {std::string{"https://t.me/$nothing"}, std::string{},
        std::string{"\"},\"from\":{\"id\":1},\"x\":\""},
        std::string("https://t.me/$\0\xff", 16), std::string(5000, '$')}) {
    auto refused = client.pay(ana, bad);
    BOOST_TEST(!refused);
  }
}

BOOST_FIXTURE_TEST_CASE(tg_sim_say_replies_to_a_message_of_the_chat,
                        server_fixture) {
  // What `tg-sim say --reply-to N` does: the update carries the message
  // replied to; a message the chat does not have is refused, as Telegram
  // does, and nothing reaches the bot.
  sim_client sim{port};
  BOOST_REQUIRE(sim.say(ana, "hola"));
  bot_post("getUpdates", R"({"timeout":0})");
  auto sent = bot_post("sendMessage", R"({"chat_id":)" + std::to_string(ana.id)
                                          + R"(,"text":"Hello"})");
  BOOST_REQUIRE_MESSAGE(sent.status == 200, sent.body);
  const std::string key = "\"message_id\":";
  auto at = sent.body.find(key);
  BOOST_REQUIRE(at != std::string::npos);
  auto id = std::stoll(sent.body.substr(at + key.size()));
  bridge::tg_sim::cli_user who;
  who.id = ana.id;
  who.name = "Ana";
  who.lang = "en";
  BOOST_TEST(bridge::tg_sim::run_say(port, who, "/fix Hello", id) == 0);
  auto got = bot_post("getUpdates", R"({"timeout":0})");
  BOOST_TEST(got.body.find("\"reply_to_message\"") != std::string::npos,
             got.body);
  BOOST_TEST(got.body.find("/fix Hello") != std::string::npos);
  BOOST_TEST(bridge::tg_sim::run_say(port, who, "/fix again", id + 1000) != 0);
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_http_server
