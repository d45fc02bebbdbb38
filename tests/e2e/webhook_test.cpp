#define BOOST_TEST_MODULE e2e.webhook
#include <boost/test/unit_test.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/http_client.hpp"
#include "tests/support/team.hpp"

// Webhook intake through tg-sim's push mode: the engine registers its
// webhook, updates arrive by push, a team talks; wrong secrets and broken
// bodies are refused with nothing processed; switching back to polling
// removes the webhook.

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

long post(int port, const std::string& body, std::vector<std::string> headers) {
  bridge::http_client c;
  headers.push_back("Content-Type: application/json");
  auto r = c.post("http://127.0.0.1:" + std::to_string(port) + "/telegram/webhook",
                  body, headers, std::chrono::seconds{10});
  return r.status;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_team_talks_through_webhook_pushes) {
  auto port = free_port();
  sim_world w{webhook_args(port),
              {"--per-chat-per-second", "100", "--per-chat-burst", "100"},
              {{"TELEGRAM_WEBHOOK_SECRET", secret}}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  w.say(ana, "Pushed, not polled");
  BOOST_TEST(w.next_message(bob.id).text.find("[es] Pushed, not polled")
             != std::string::npos);

  // Refusals: nothing is processed, so Bob hears nothing.
  auto update = R"({"update_id":1,"message":{"message_id":900,"date":1,)"
                R"("chat":{"id":1001,"type":"private"},)"
                R"("from":{"id":1001,"first_name":"Ana"},"text":"forged"}})";
  BOOST_TEST(post(port, update, {}) == 401);
  BOOST_TEST(post(port, update, {"X-Telegram-Bot-Api-Secret-Token: wrong"}) == 401);
  std::string with_secret = std::string{"X-Telegram-Bot-Api-Secret-Token: "} + secret;
  BOOST_TEST(post(port, "{not json", {with_secret}) == 400);
  BOOST_TEST(post(port, "", {with_secret}) == 400);
  BOOST_TEST(post(port, std::string(2 << 20, 'x'), {with_secret}) == 413);
  // A kind Bridge does not handle is taken (so Telegram stops pushing it)
  // and skipped.
  BOOST_TEST(post(port, R"({"update_id":2,"channel_post":{}})", {with_secret}) == 200);
  BOOST_TEST(w.await_messages(bob.id, 1, std::chrono::milliseconds{800}).empty());

  // Back to polling: the engine removes the webhook and polls.
  w.set_engine_args(common_args());
  w.restart_engine();
  w.say(ana, "Polled again");
  BOOST_TEST(w.next_message(bob.id).text.find("[es] Polled again")
             != std::string::npos);
}
