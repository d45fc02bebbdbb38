// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <pqxx/pqxx>

#include "common/http_client.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_webhook)

// Webhook intake through tg-sim's push mode: the engine registers its
// webhook, updates arrive by push, a team talks; wrong secrets and broken
// bodies are refused with nothing processed; pushes are refused while the
// engine is behind and taken once it caught up; switching back to
// polling removes the webhook.

using namespace bridge::test;

namespace {

constexpr const char* secret = "e2e-webhook-secret-value";

std::vector<std::string> common_args() {
  return {"--translator.backend=fake", "--sender.per_chat_per_second=100",
          "--sender.per_chat_burst=100"};
}

std::vector<std::string> webhook_args(int port) {
  auto args = common_args();
  args.push_back("--telegram.mode=webhook");
  args.push_back("--http.port=" + std::to_string(port));
  args.push_back("--telegram.webhook_url=http://127.0.0.1:"
                 + std::to_string(port) + "/telegram/webhook");
  return args;
}

bridge::http_response
post_reply(int port, const std::string& body, std::vector<std::string> headers,
           std::chrono::seconds timeout = std::chrono::seconds{10}) {
  bridge::http_client c;
  headers.push_back("Content-Type: application/json");
  return c.post("http://127.0.0.1:" + std::to_string(port)
                    + "/telegram/webhook",
                body, headers, timeout);
}

long post(int port, const std::string& body, std::vector<std::string> headers) {
  return post_reply(port, body, std::move(headers)).status;
}

const std::string secret_header =
    std::string{"X-Telegram-Bot-Api-Secret-Token: "} + secret;

/// A text message from `chat` as Telegram pushes it.
std::string text_update(int64_t update_id, int64_t chat,
                        const std::string& text) {
  return R"({"update_id":)" + std::to_string(update_id)
         + R"(,"message":{"message_id":)" + std::to_string(update_id)
         + R"(,"date":1,"chat":{"id":)" + std::to_string(chat)
         + R"(,"type":"private"},"from":{"id":)" + std::to_string(chat)
         + R"(,"first_name":"Ana"},"text":")" + text + R"("}})";
}

/// A push as Telegram makes it, with the secret; it may wait for a
/// locked inbox.
bridge::http_response push(int port, const std::string& body) {
  return post_reply(port, body, {secret_header}, std::chrono::seconds{60});
}

/// Sockets listening on loopback port `port`, as the kernel lists them. The
/// engine's HTTP server (cpp-httplib) binds with SO_REUSEPORT, so a second
/// process of the same user can listen on the same port without an error
/// and take part of its connections: more than one means the port the
/// suite picked (free, then released) is shared with another run.
int listeners_on(int port) {
  int n = 0;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in{table};
    std::string line;
    std::getline(in, line); // the header
    while (std::getline(in, line)) {
      std::istringstream fields{line};
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      auto colon = local.rfind(':');
      if (colon != std::string::npos && state == "0A" // LISTEN
          && std::stoi(local.substr(colon + 1), nullptr, 16) == port)
        ++n;
    }
  }
  return n;
}

/// A world in webhook mode where Ana (manager, English) and Bob (worker,
/// Spanish) are registered and paired. The webhook's address must be known
/// before the engine starts, so the engine gets a fixed port; when that
/// port turns out shared with another process, the engine is started
/// again on another one.
struct webhook_team {
  explicit webhook_team(std::function<std::vector<std::string>(int)> args_for)
      : port{free_port()}, w{args_for(port),
                             {"--per-chat-per-second", "100",
                              "--per-chat-burst", "100"},
                             {{"TELEGRAM_WEBHOOK_SECRET", secret}}} {
    for (int tries = 1; listeners_on(port) != 1; ++tries) {
      BOOST_REQUIRE_MESSAGE(tries < 5, "port " << port << " has "
                                               << listeners_on(port)
                                               << " listeners after 5 tries");
      BOOST_TEST_MESSAGE("port " << port << " is shared; moving the engine");
      port = free_port();
      w.set_engine_args(args_for(port));
      w.restart_engine();
    }
    auto code = register_manager(w, ana, "en");
    register_worker(w, bob, "es", code, ana);
  }

  int port;
  sim_world w;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
};

bool held_back(const bridge::http_response& r) {
  return r.status == 503 && r.body.find("busy") != std::string::npos;
}

/// Pushes as Telegram does: again after a 503, for up to 30 s.
long push_until_taken(int port, const std::string& body) {
  long status = 0;
  for (int i = 0; i < 300 && status != 200; ++i) {
    status = push(port, body).status;
    if (status == 503)
      std::this_thread::sleep_for(std::chrono::milliseconds{100});
    else
      break;
  }
  return status;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_team_talks_through_webhook_pushes) {
  webhook_team team{webhook_args};
  auto port = team.port;
  auto& w = team.w;
  auto& ana = team.ana;
  auto& bob = team.bob;
  w.say(ana, "Pushed, not polled");
  BOOST_TEST(w.next_message(bob.id).text
             == fake_copy(ana, "es", "Pushed, not polled"));

  // Refusals: nothing is processed, so Bob hears nothing.
  auto update = R"({"update_id":1,"message":{"message_id":900,"date":1,)"
                R"("chat":{"id":1001,"type":"private"},)"
                R"("from":{"id":1001,"first_name":"Ana"},"text":"forged"}})";
  BOOST_TEST(post(port, update, {}) == 401);
  BOOST_TEST(post(port, update, {"X-Telegram-Bot-Api-Secret-Token: wrong"})
             == 401);
  // A body over the limit is refused from its headers, before it is read.
  // The close with the rest unread is a reset, which may reach curl
  // before the 413 does (e2e.http_abuse reads the 413 with a client that
  // waits for it); the counter says it was this refusal.
  auto too_large = [&] {
    return std::max(
        0.0,
        w.engine_metric("bridge_http_refused_total{reason=\"too_large\"}"));
  };
  auto too_large_before = too_large();
  auto big = post(port, std::string(2 << 20, 'x'), {secret_header});
  BOOST_TEST((big == 413 || big == 0), "status " << big);
  BOOST_TEST(wait_until([&] { return too_large() == too_large_before + 1; }));
  // An unreadable push and a kind Bridge does not handle are taken (so
  // Telegram stops pushing them), each counted once under its reason.
  auto refused = [&](const std::string& reason) {
    return std::max(0.0,
                    w.engine_metric("bridge_updates_refused_total{reason=\""
                                    + reason + "\"}"));
  };
  auto truncated = refused("truncated");
  auto not_json = refused("not_json");
  auto deep = refused("too_deep");
  auto out_of_range = refused("number_out_of_range");
  auto skipped =
      w.engine_metric(R"(bridge_updates_skipped_total{reason="channel_post"})");
  BOOST_TEST(post(port, "{not json", {secret_header}) == 200);
  BOOST_TEST(post(port, "", {secret_header}) == 200);
  BOOST_TEST(post(port,
                  R"({"update_id":3,"message":)" + std::string(3000, '[')
                      + std::string(3000, ']') + "}",
                  {secret_header})
             == 200);
  BOOST_TEST(post(port, R"({"update_id":2,"channel_post":{}})", {secret_header})
             == 200);
  // An id in the range of the engine's own notes (2^62 and up) is not
  // taken for one: refused, and Bob hears nothing of it.
  BOOST_TEST(
      post(port,
           R"({"update_id":4611686018427387904,"message":{"message_id":901,)"
           R"("date":1,"chat":{"id":1001,"type":"private"},)"
           R"("from":{"id":1001,"first_name":"Ana"},"text":"a note?"}})",
           {secret_header})
      == 200);
  BOOST_TEST(refused("truncated") == truncated + 1);
  BOOST_TEST(refused("number_out_of_range") == out_of_range + 1);
  BOOST_TEST(refused("not_json") == not_json + 1);
  BOOST_TEST(refused("too_deep") == deep + 1);
  BOOST_TEST(
      w.engine_metric(R"(bridge_updates_skipped_total{reason="channel_post"})")
      == std::max(0.0, skipped) + 1);
  BOOST_TEST(
      w.await_messages(bob.id, 1, std::chrono::milliseconds{800}).empty());

  // Back to polling: the engine removes the webhook and polls.
  w.set_engine_args(common_args());
  w.restart_engine();
  w.say(ana, "Polled again");
  BOOST_TEST(w.next_message(bob.id).text
             == fake_copy(ana, "es", "Polled again"));
  auto extra = arrived_unread(w, {ana.id, bob.id});
  BOOST_TEST(extra.empty(), extra);
}

BOOST_AUTO_TEST_CASE(
    pushes_wait_while_the_engine_is_behind_and_nothing_is_lost) {
  // One connection and a queue of four: one waiting request is a quarter.
  webhook_team team{[](int port) {
    auto args = webhook_args(port);
    args.push_back("--db.pool_size=2");
    args.push_back("--db.queue_limit=4");
    return args;
  }};
  auto port = team.port;
  auto& w = team.w;
  auto& ana = team.ana;
  auto& bob = team.bob;

  pqxx::connection blocker{w.database_url()};
  auto unfinished = [&] {
    pqxx::nontransaction q{blocker};
    return q.exec1("SELECT count(*) FROM inbox WHERE processed_at IS NULL")[0]
        .as<int>();
  };
  auto drained = [&] {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    while (unfinished() != 0) {
      if (std::chrono::steady_clock::now() >= deadline)
        return false;
      std::this_thread::sleep_for(std::chrono::milliseconds{100});
    }
    return true;
  };
  // Every push made, by update id; which were taken (200) and which were
  // held back (503 busy) while the engine was behind.
  std::map<int64_t, std::string> pushed;
  std::set<int64_t> taken, refused;
  int64_t next_id = 900'001;
  // A round: the inbox is locked, so the engine's one connection waits on
  // the first push it takes and the requests behind it fill the queue;
  // pushes go on until one is held back (or 40 went). Usually the first
  // push or two are taken before the queue fills, but on a busy machine
  // the engine's own writes may fill it first and every push of a round is
  // held back: then the round is played again, so that both kinds of
  // push are checked.
  for (int round = 1; round <= 3 && (taken.empty() || refused.empty());
       ++round) {
    // Registration's (or the last round's) writes done first, so the
    // queue starts empty.
    BOOST_REQUIRE_MESSAGE(
        drained(), "round " << round << ": the inbox kept " << unfinished()
                            << " unfinished update(s) for 30 s");
    pqxx::work lock{blocker};
    lock.exec("LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE");
    struct sent {
      int64_t id;
      std::shared_future<bridge::http_response> reply;
    };
    std::vector<sent> pushes;
    auto held = [&] {
      for (auto& p : pushes)
        if (p.reply.wait_for(std::chrono::seconds{0})
                == std::future_status::ready
            && held_back(p.reply.get()))
          return true;
      return false;
    };
    bool seen = false;
    // A taken push does not answer until the lock goes, so each push runs
    // on its own thread.
    for (int n = 0; n < 40 && !seen; ++n) {
      auto id = next_id++;
      pushed[id] = "Held " + std::to_string(id);
      pushes.push_back({id, std::async(std::launch::async, push, port,
                                       text_update(id, ana.id, pushed[id]))
                                .share()});
      for (int i = 0; i < 10 && !seen; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
        seen = held();
      }
    }
    lock.abort();
    BOOST_REQUIRE_MESSAGE(seen, "round " << round
                                         << ": 40 pushes and none held back");
    // Taken pushes are answered once stored; held-back ones left no trace.
    for (auto& p : pushes) {
      auto r = p.reply.get();
      BOOST_TEST((r.status == 200 || held_back(r)),
                 "push " << p.id << ": " << r.status << " " << r.body);
      (r.status == 200 ? taken : refused).insert(p.id);
    }
  }
  BOOST_TEST_REQUIRE(!taken.empty(),
                     "three rounds and every push was held back");
  BOOST_TEST(w.engine_metric("bridge_intake_held_back_total")
             >= static_cast<double>(refused.size()));
  // Telegram pushes the held-back ones again until they are taken.
  for (auto id : refused)
    BOOST_TEST(push_until_taken(port, text_update(id, ana.id, pushed[id]))
                   == 200,
               "update " << id << " was never taken");
  // Bob gets every pushed update exactly once (the taken ones and the
  // held-back ones alike), and nothing else.
  std::vector<std::string> want;
  for (auto& [id, text] : pushed)
    want.push_back(fake_copy(ana, "es", text));
  std::vector<std::string> got;
  for (auto& m :
       w.await_messages(bob.id, want.size(), std::chrono::seconds{60}))
    got.push_back(m.text);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  BOOST_TEST(got == want, boost::test_tools::per_element());
  auto extra = arrived_unread(w, {bob.id, ana.id});
  BOOST_TEST(extra.empty(), "arrived besides the pushed updates:" << extra);
  BOOST_TEST(drained(), unfinished()
                            << " update(s) left unfinished in the inbox");
}

BOOST_AUTO_TEST_SUITE_END() // e2e_webhook
