// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sim_world.hpp"

#include <algorithm>
#include <csignal>
#include <stdexcept>

#include "common/error.hpp"
#include "common/http_client.hpp"

namespace bridge::test {

namespace {

/// Shaped like a real token, so the masking of logs is exercised too.
constexpr const char* sim_token =
    "123456789:AAE2eTestTokenForBridgeEndToEnd00001";

template <class T> T need(caf::expected<T> x, const char* what) {
  if (!x)
    throw std::runtime_error(std::string{what} + ": " + describe(x.error()));
  return std::move(*x);
}

} // namespace

sim_world::sim_world(std::vector<std::string> engine_args,
                     std::vector<std::string> sim_args,
                     child_process::env_list engine_env)
    : dir_(make_scratch_dir("e2e")), token_(sim_token),
      engine_args_(std::move(engine_args)), engine_env_(std::move(engine_env)) {
  std::vector<std::string> argv{
      built_binary("tg-sim"), "serve",   "--port", "0", "--ready-file",
      dir_ + "/sim.port",     "--token", token_};
  argv.insert(argv.end(), sim_args.begin(), sim_args.end());
  sim_ = std::make_unique<child_process>(argv, child_process::env_list{},
                                         dir_ + "/tg-sim.log");
  auto port = wait_for_port_file(dir_ + "/sim.port", std::chrono::seconds{30});
  if (!port)
    throw std::runtime_error("tg-sim did not start: " + sim_->log_tail());
  sim_port_ = *port;
  client_ = std::make_unique<tg_sim::sim_client>(sim_port_);
  start_engine();
}

sim_world::~sim_world() {
  engine_.reset();
  sim_.reset();
}

void sim_world::start_engine() {
  ++engine_starts_;
  auto n = std::to_string(engine_starts_);
  std::vector<std::string> argv{
      built_binary("bridge"),
      "--telegram.api_url=http://127.0.0.1:" + std::to_string(sim_port_),
      // Short polls: a restarted engine is not refused for long by the
      // simulator while the dead one's poll is still open.
      "--telegram.poll_timeout_s=1",
      "--engine.ready_file=" + dir_ + "/engine-" + n + ".port",
  };
  bool port_given = false;
  for (const auto& a : engine_args_)
    port_given = port_given || a.rfind("--http.port=", 0) == 0;
  if (!port_given)
    argv.push_back("--http.port=0");
  argv.insert(argv.end(), engine_args_.begin(), engine_args_.end());
  child_process::env_list env{{"TELEGRAM_BOT_TOKEN", token_},
                              {"DATABASE_URL", db_.dsn()},
                              {"REDIS_URL", redis_.url()}};
  env.insert(env.end(), engine_env_.begin(), engine_env_.end());
  engine_ = std::make_unique<child_process>(argv, env,
                                            dir_ + "/engine-" + n + ".log");
  auto http = wait_for_port_file(dir_ + "/engine-" + n + ".port",
                                 std::chrono::seconds{60});
  if (!http)
    throw std::runtime_error("the engine did not start: "
                             + engine_->log_tail());
  engine_http_port_ = *http;
}

std::unique_ptr<child_process>
sim_world::start_peer(std::vector<std::string> args, int& http_port) {
  auto n = std::to_string(++peer_starts_);
  std::vector<std::string> argv{
      built_binary("bridge"),
      "--telegram.api_url=http://127.0.0.1:" + std::to_string(sim_port_),
      "--telegram.poll_timeout_s=1",
      "--engine.ready_file=" + dir_ + "/peer-" + n + ".port",
      "--http.port=0",
  };
  argv.insert(argv.end(), args.begin(), args.end());
  child_process::env_list env{{"TELEGRAM_BOT_TOKEN", token_},
                              {"DATABASE_URL", db_.dsn()},
                              {"REDIS_URL", redis_.url()}};
  env.insert(env.end(), engine_env_.begin(), engine_env_.end());
  auto peer =
      std::make_unique<child_process>(argv, env, dir_ + "/peer-" + n + ".log");
  auto http = wait_for_port_file(dir_ + "/peer-" + n + ".port",
                                 std::chrono::seconds{60});
  if (!http)
    throw std::runtime_error("the peer engine did not start: "
                             + peer->log_tail());
  http_port = *http;
  return peer;
}

void sim_world::restart_engine() {
  if (engine_ && engine_->running())
    engine_->stop();
  start_engine();
}

void sim_world::crash_engine() {
  engine_->signal(SIGKILL);
  engine_->wait_exit(std::chrono::seconds{30});
  start_engine();
}

std::string sim_world::engine_metrics() {
  http_client client;
  auto r = client.get("http://127.0.0.1:" + std::to_string(engine_http_port_)
                          + "/metrics",
                      {}, std::chrono::seconds{10});
  if (r.status != 200)
    throw std::runtime_error("GET /metrics: HTTP " + std::to_string(r.status));
  return r.body;
}

double sim_world::engine_metric(const std::string& series) {
  auto text = engine_metrics();
  size_t at = 0;
  while ((at = text.find(series, at)) != std::string::npos) {
    bool line_start = at == 0 || text[at - 1] == '\n';
    auto after = at + series.size();
    if (line_start && after < text.size() && text[after] == ' ')
      return std::stod(
          text.substr(after + 1, text.find('\n', after) - after - 1));
    at = after;
  }
  return -1;
}

tg_sim::injected sim_world::say(const sim_user& u, const std::string& text) {
  return need(client_->say(u, text), "tg-sim say");
}

tg_sim::injected sim_world::press(const sim_user& u, int64_t message_id,
                                  const std::string& data) {
  return need(client_->press(u, u.id, message_id, data), "tg-sim press");
}

void sim_world::fetch(int64_t chat_id, std::chrono::milliseconds wait) {
  auto& cur = cursors_[chat_id];
  auto events =
      need(client_->chat_events(chat_id, cur.after, wait), "tg-sim events");
  for (auto& e : events) {
    cur.after = std::max(cur.after, e.seq);
    // A copy of a user's media is a message the chat receives, in line
    // with the texts around it.
    if (e.method == "sendMessage" || e.method == "copyMessage"
        || e.method == "copyMessages")
      cur.unread.push_back(std::move(e));
    else
      cur.others.push_back(std::move(e));
  }
}

std::vector<sim_event>
sim_world::await_messages(int64_t chat_id, size_t count,
                          std::chrono::milliseconds timeout) {
  auto& cur = cursors_[chat_id];
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (cur.unread.size() < count
         && std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    fetch(chat_id, std::min(left, std::chrono::milliseconds{2000}));
  }
  std::vector<sim_event> got;
  while (!cur.unread.empty() && got.size() < count) {
    got.push_back(std::move(cur.unread.front()));
    cur.unread.pop_front();
  }
  return got;
}

sim_event sim_world::next_message(int64_t chat_id,
                                  std::chrono::milliseconds timeout) {
  auto got = await_messages(chat_id, 1, timeout);
  if (got.empty())
    throw std::runtime_error("chat " + std::to_string(chat_id)
                             + " received nothing; engine log:\n"
                             + engine_->log_tail());
  return got.front();
}

sim_event sim_world::next_event(int64_t chat_id, const std::string& method,
                                std::chrono::milliseconds timeout) {
  auto& cur = cursors_[chat_id];
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto it =
        std::find_if(cur.others.begin(), cur.others.end(),
                     [&](const sim_event& e) { return e.method == method; });
    if (it != cur.others.end()) {
      auto e = std::move(*it);
      cur.others.erase(it);
      return e;
    }
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline)
      throw std::runtime_error("chat " + std::to_string(chat_id) + " got no "
                               + method + "; engine log:\n"
                               + engine_->log_tail());
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    fetch(chat_id, std::min(left, std::chrono::milliseconds{2000}));
  }
}

std::vector<sim_event> sim_world::unread(int64_t chat_id) {
  fetch(chat_id, std::chrono::milliseconds{0});
  auto& cur = cursors_[chat_id];
  std::vector<sim_event> got{std::make_move_iterator(cur.unread.begin()),
                             std::make_move_iterator(cur.unread.end())};
  cur.unread.clear();
  for (auto it = cur.others.begin(); it != cur.others.end();) {
    if (it->method == "editMessageText") {
      got.push_back(std::move(*it));
      it = cur.others.erase(it);
    } else {
      ++it;
    }
  }
  std::sort(got.begin(), got.end(), [](const sim_event& a, const sim_event& b) {
    return a.seq < b.seq;
  });
  return got;
}

} // namespace bridge::test
