#include "tests/support/sim_world.hpp"

#include <stdexcept>
#include <thread>

#include <simdjson.h>

#include "common/json_writer.hpp"

namespace bridge::test {

namespace {

/// Shaped like a real token, so the masking of logs is exercised too.
constexpr const char* sim_token = "123456789:AAE2eTestTokenForBridgeEndToEnd00001";

std::string user_json(const sim_user& u) {
  json::writer w;
  w.begin_object()
    .field("id", u.id)
    .field("first_name", u.first_name)
    .field("language_code", u.language_code)
    .end_object();
  return std::move(w).str();
}

int64_t int_field(simdjson::dom::element el, const char* key) {
  int64_t v = 0;
  if (el[key].get_int64().get(v) != simdjson::SUCCESS)
    return 0;
  return v;
}

std::string string_field(simdjson::dom::element el, const char* key) {
  std::string_view v;
  if (el[key].get_string().get(v) != simdjson::SUCCESS)
    return {};
  return std::string{v};
}

} // namespace

sim_world::sim_world(std::vector<std::string> engine_args,
                     std::vector<std::string> sim_args)
  : dir_(make_scratch_dir("e2e")), token_(sim_token),
    engine_args_(std::move(engine_args)) {
  std::vector<std::string> argv{built_binary("tg-sim"), "serve", "--port", "0",
                                "--ready-file", dir_ + "/sim.port", "--token",
                                token_};
  argv.insert(argv.end(), sim_args.begin(), sim_args.end());
  sim_ = std::make_unique<child_process>(argv, child_process::env_list{},
                                         dir_ + "/tg-sim.log");
  auto port = wait_for_port_file(dir_ + "/sim.port", std::chrono::seconds{30});
  if (!port)
    throw std::runtime_error("tg-sim did not start: " + sim_->log_tail());
  sim_port_ = *port;
  start_engine();
}

sim_world::~sim_world() {
  engine_.reset();
  sim_.reset();
}

void sim_world::start_engine() {
  std::vector<std::string> argv{
    built_binary("bridge"),
    "--telegram.api_url=http://127.0.0.1:" + std::to_string(sim_port_),
    "--telegram.poll_timeout_s=2",
  };
  argv.insert(argv.end(), engine_args_.begin(), engine_args_.end());
  child_process::env_list env{{"TELEGRAM_BOT_TOKEN", token_}};
  ++engine_starts_;
  engine_ = std::make_unique<child_process>(
    argv, env, dir_ + "/engine-" + std::to_string(engine_starts_) + ".log");
}

void sim_world::restart_engine() {
  if (engine_ && engine_->running())
    engine_->stop();
  start_engine();
}

std::string sim_world::control(const std::string& method,
                               const std::string& path,
                               const std::string& body) {
  auto url = "http://127.0.0.1:" + std::to_string(sim_port_) + path;
  auto resp = method == "GET"
                ? http_.get(url, {}, std::chrono::seconds{60})
                : http_.post(url, body, {"Content-Type: application/json"},
                             std::chrono::seconds{60});
  if (resp.status != 200)
    throw std::runtime_error("tg-sim " + method + " " + path + " answered "
                             + std::to_string(resp.status) + ": " + resp.body
                             + resp.error);
  return resp.body;
}

int64_t sim_world::say(const sim_user& u, const std::string& text) {
  json::writer w;
  w.begin_object().key("from").raw(user_json(u)).field("text", text).end_object();
  simdjson::dom::parser p;
  return int_field(p.parse(control("POST", "/sim/message", w.str())),
                   "update_id");
}

int64_t sim_world::press(const sim_user& u, int64_t message_id,
                         const std::string& data) {
  json::writer w;
  w.begin_object()
    .key("from")
    .raw(user_json(u))
    .field("chat_id", u.id)
    .field("message_id", message_id)
    .field("data", data)
    .end_object();
  simdjson::dom::parser p;
  return int_field(p.parse(control("POST", "/sim/callback", w.str())),
                   "update_id");
}

void sim_world::raw(const std::string& body) {
  control("POST", "/sim/raw", body);
}

std::vector<chat_event> sim_world::events(int64_t chat_id, int64_t after,
                                          std::chrono::milliseconds wait) {
  auto body = control("GET", "/sim/chats/" + std::to_string(chat_id)
                               + "/events?after=" + std::to_string(after)
                               + "&wait_ms=" + std::to_string(wait.count()));
  simdjson::dom::parser p;
  std::vector<chat_event> out;
  simdjson::dom::array arr;
  if (p.parse(body)["events"].get_array().get(arr) != simdjson::SUCCESS)
    throw std::runtime_error("tg-sim events: unexpected body " + body);
  for (auto el : arr) {
    chat_event e;
    e.seq = int_field(el, "seq");
    e.method = string_field(el, "method");
    e.message_id = int_field(el, "message_id");
    e.text = string_field(el, "text");
    simdjson::dom::array rows;
    if (el["buttons"].get_array().get(rows) == simdjson::SUCCESS)
      for (auto row : rows) {
        simdjson::dom::array buttons;
        if (row.get_array().get(buttons) != simdjson::SUCCESS)
          continue;
        for (auto b : buttons)
          e.buttons.push_back(string_field(b, "data"));
      }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<chat_event>
sim_world::await_messages(int64_t chat_id, size_t count,
                          std::chrono::milliseconds timeout) {
  auto& cur = cursors_[chat_id];
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (cur.unread.size() < count
         && std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
    for (auto& e : events(chat_id, cur.after,
                          std::min(left, std::chrono::milliseconds{2000}))) {
      cur.after = std::max(cur.after, e.seq);
      if (e.method == "sendMessage")
        cur.unread.push_back(std::move(e));
    }
  }
  std::vector<chat_event> got;
  while (!cur.unread.empty() && got.size() < count) {
    got.push_back(std::move(cur.unread.front()));
    cur.unread.pop_front();
  }
  return got;
}

chat_event sim_world::next_message(int64_t chat_id,
                                   std::chrono::milliseconds timeout) {
  auto got = await_messages(chat_id, 1, timeout);
  if (got.empty())
    throw std::runtime_error("chat " + std::to_string(chat_id)
                             + " received nothing; engine log:\n"
                             + engine_->log_tail());
  return got.front();
}

} // namespace bridge::test
