#define BOOST_TEST_MODULE e2e.webhook
#include <boost/test/unit_test.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <set>
#include <thread>

#include <pqxx/pqxx>

#include "common/http_client.hpp"
#include "tests/support/team.hpp"

// Webhook intake through tg-sim's push mode: the engine registers its
// webhook, updates arrive by push, a team talks; wrong secrets and broken
// bodies are refused with nothing processed; pushes are refused while the
// engine is behind and taken once it caught up; switching back to
// polling removes the webhook.

using namespace bridge::test;

namespace {

constexpr const char* secret = "e2e-webhook-secret-value";

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
  socklen_t len = sizeof(a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

std::vector<std::string> common_args() {
  return {"--translator.backend=fake", "--sender.per_chat_per_second=100",
          "--sender.per_chat_burst=100"};
}

std::vector<std::string> webhook_args(int port) {
  auto args = common_args();
  args.push_back("--telegram.mode=webhook");
  args.push_back("--http.port=" + std::to_string(port));
  args.push_back("--telegram.webhook_url=http://127.0.0.1:" + std::to_string(port)
                 + "/telegram/webhook");
  return args;
}

bridge::http_response post_reply(int port, const std::string& body,
                                 std::vector<std::string> headers,
                                 std::chrono::seconds timeout = std::chrono::seconds{10}) {
  bridge::http_client c;
  headers.push_back("Content-Type: application/json");
  return c.post("http://127.0.0.1:" + std::to_string(port) + "/telegram/webhook",
                body, headers, timeout);
}

long post(int port, const std::string& body, std::vector<std::string> headers) {
  return post_reply(port, body, std::move(headers)).status;
}

const std::string secret_header = std::string{"X-Telegram-Bot-Api-Secret-Token: "} + secret;

/// A text message from `chat` as Telegram pushes it.
std::string text_update(int64_t update_id, int64_t chat, const std::string& text) {
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

/// A world in webhook mode where Ana (manager, English) and Bob (worker,
/// Spanish) are registered and paired.
struct webhook_team {
  explicit webhook_team(std::vector<std::string> engine_args)
    : w{std::move(engine_args),
        {"--per-chat-per-second", "100", "--per-chat-burst", "100"},
        {{"TELEGRAM_WEBHOOK_SECRET", secret}}} {
    auto code = register_manager(w, ana, "en");
    register_worker(w, bob, "es", code, ana);
  }

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
  auto port = free_port();
  webhook_team team{webhook_args(port)};
  auto& [w, ana, bob] = team;
  w.say(ana, "Pushed, not polled");
  BOOST_TEST(w.next_message(bob.id).text.find("[es] Pushed, not polled")
             != std::string::npos);

  // Refusals: nothing is processed, so Bob hears nothing.
  auto update = R"({"update_id":1,"message":{"message_id":900,"date":1,)"
                R"("chat":{"id":1001,"type":"private"},)"
                R"("from":{"id":1001,"first_name":"Ana"},"text":"forged"}})";
  BOOST_TEST(post(port, update, {}) == 401);
  BOOST_TEST(post(port, update, {"X-Telegram-Bot-Api-Secret-Token: wrong"}) == 401);
  BOOST_TEST(post(port, std::string(2 << 20, 'x'), {secret_header}) == 413);
  // An unreadable push and a kind Bridge does not handle are taken (so
  // Telegram stops pushing them), each counted once under its reason.
  auto refused = [&](const std::string& reason) {
    return std::max(0.0, w.engine_metric("bridge_updates_refused_total{reason=\""
                                         + reason + "\"}"));
  };
  auto truncated = refused("truncated");
  auto not_json = refused("not_json");
  auto deep = refused("too_deep");
  auto skipped = w.engine_metric(R"(bridge_updates_skipped_total{reason="channel_post"})");
  BOOST_TEST(post(port, "{not json", {secret_header}) == 200);
  BOOST_TEST(post(port, "", {secret_header}) == 200);
  BOOST_TEST(post(port, R"({"update_id":3,"message":)" + std::string(3000, '[')
                          + std::string(3000, ']') + "}",
                  {secret_header}) == 200);
  BOOST_TEST(post(port, R"({"update_id":2,"channel_post":{}})", {secret_header}) == 200);
  BOOST_TEST(refused("truncated") == truncated + 1);
  BOOST_TEST(refused("not_json") == not_json + 1);
  BOOST_TEST(refused("too_deep") == deep + 1);
  BOOST_TEST(w.engine_metric(R"(bridge_updates_skipped_total{reason="channel_post"})")
             == std::max(0.0, skipped) + 1);
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::milliseconds{800}).empty());

  // Back to polling: the engine removes the webhook and polls.
  w.set_engine_args(common_args());
  w.restart_engine();
  w.say(ana, "Polled again");
  BOOST_TEST(w.next_message(bob.id).text.find("[es] Polled again")
             != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pushes_wait_while_the_engine_is_behind_and_nothing_is_lost) {
  auto port = free_port();
  auto args = webhook_args(port);
  // One connection and a queue of four: one waiting request is a quarter.
  args.push_back("--db.pool_size=1");
  args.push_back("--db.queue_limit=4");
  webhook_team team{args};
  auto& [w, ana, bob] = team;

  // Registration's last writes done first, so the queue starts empty.
  pqxx::connection blocker{w.database_url()};
  for (int i = 0; i < 300; ++i) {
    pqxx::nontransaction q{blocker};
    if (q.exec1("SELECT count(*) FROM inbox WHERE processed_at IS NULL")[0].as<int>() == 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
  // The inbox is locked, so the engine's one connection waits on the
  // first push it takes and the requests behind it fill the queue.
  pqxx::work lock{blocker};
  lock.exec("LOCK TABLE inbox IN ACCESS EXCLUSIVE MODE");
  struct sent {
    int64_t id;
    std::shared_future<bridge::http_response> reply;
  };
  std::vector<sent> pushes;
  auto refused = [&] {
    for (auto& p : pushes)
      if (p.reply.wait_for(std::chrono::seconds{0}) == std::future_status::ready
          && held_back(p.reply.get()))
        return true;
    return false;
  };
  bool seen = false;
  // A taken push does not answer until the lock goes, so each push runs
  // on its own thread; pushes go on until one is held back (or 40 went).
  for (int64_t id = 900'001; id <= 900'040 && !seen; ++id) {
    pushes.push_back({id, std::async(std::launch::async, push, port,
                                     text_update(id, ana.id, "Held " + std::to_string(id)))
                        .share()});
    for (int i = 0; i < 10 && !seen; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
      seen = refused();
    }
  }
  lock.abort();
  BOOST_TEST_REQUIRE(seen);
  BOOST_TEST(w.engine_metric("bridge_intake_held_back_total") >= 1);

  // Taken pushes are answered once stored; refused ones left no trace and
  // are delivered when Telegram pushes them again.
  std::set<int64_t> taken, again;
  for (auto& p : pushes) {
    auto r = p.reply.get();
    BOOST_TEST((r.status == 200 || r.status == 503), "push " << p.id << ": " << r.status);
    if (r.status == 200)
      taken.insert(p.id);
    else
      again.insert(p.id);
  }
  // Usually the first push or two are taken before the queue fills; on
  // a busy machine the engine's own writes may fill it first, and then
  // every push is refused, which is as correct.
  std::set<std::string> got;
  for (auto& m : w.await_messages(bob.id, taken.size()))
    got.insert(m.text);
  BOOST_TEST(got.size() == taken.size());
  for (auto id : taken) {
    bool found = false;
    for (auto& text : got)
      found = found || text.find("Held " + std::to_string(id)) != std::string::npos;
    BOOST_TEST(found, "update " << id << " was taken but not delivered");
  }
  for (auto id : again)
    BOOST_TEST(push_until_taken(port, text_update(id, ana.id, "Held " + std::to_string(id)))
               == 200);
  auto late = w.await_messages(bob.id, again.size());
  BOOST_TEST(late.size() == again.size());
  for (auto& m : late) {
    bool refused_before = false;
    for (auto id : again)
      refused_before = refused_before
                       || m.text.find("Held " + std::to_string(id)) != std::string::npos;
    BOOST_TEST(refused_before, m.text);
  }
}
