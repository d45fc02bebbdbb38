// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/pg_scratch.hpp"
#include "tests/support/process.hpp"
#include "tests/support/redis_server.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace bridge::test {

using tg_sim::sim_event;
using tg_sim::sim_user;

/// A Telegram user the test plays, in their private chat.
inline sim_user make_user(int64_t id, std::string name, std::string lang) {
  sim_user u;
  u.id = id;
  u.first_name = std::move(name);
  u.language_code = std::move(lang);
  return u;
}

/// An end-to-end world: tg-sim and the real engine as child processes, the
/// engine pointed at the simulator, at a database of its own on the run's
/// PostgreSQL and at a Redis of its own, so worlds in parallel suites never
/// see each other's users.
/// The test talks as users through tg-sim's control API and reads what
/// each chat received.
class sim_world {
public:
  /// Starts tg-sim, then the engine with `engine_args` added to its
  /// command line.
  explicit sim_world(std::vector<std::string> engine_args = {},
                     std::vector<std::string> sim_args = {},
                     child_process::env_list engine_env = {});
  ~sim_world();

  /// A user writes `text` in their private chat; returns the injection.
  tg_sim::injected say(const sim_user& u, const std::string& text);

  /// A user presses the button with `data` on bot message `message_id`.
  tg_sim::injected press(const sim_user& u, int64_t message_id,
                         const std::string& data);

  /// The next `count` messages the chat receives after those already
  /// handed out (fewer when `timeout` passes first). Messages are texts
  /// (sendMessage) and copies of media (copyMessage, copyMessages: their
  /// `text` is the caption).
  std::vector<sim_event>
  await_messages(int64_t chat_id, size_t count,
                 std::chrono::milliseconds timeout = std::chrono::seconds{30});

  /// The next message the chat receives; fails the test (with the engine's
  /// log) when none comes in time.
  sim_event
  next_message(int64_t chat_id,
               std::chrono::milliseconds timeout = std::chrono::seconds{30});

  /// The chat's next event of `method` other than sendMessage
  /// ("editMessageText", "sendChatAction", "answerCallbackQuery") after
  /// those handed out; fails the test (with the engine's log) when none
  /// comes in time.
  sim_event next_event(int64_t chat_id, const std::string& method,
                       std::chrono::milliseconds timeout = std::chrono::seconds{
                           30});

  /// Every message and edit the chat has received and the test has not
  /// read yet, fetched now without waiting; they count as read after.
  std::vector<sim_event> unread(int64_t chat_id);

  tg_sim::sim_client& sim() { return *client_; }
  /// The bot's token tg-sim was started with, for raw Bot API calls.
  const std::string& token() const { return token_; }
  child_process& engine() { return *engine_; }
  /// The world's own Redis, to stop and start it.
  redis_server& redis() { return redis_; }
  /// The world's own database, for checks the bot cannot answer.
  const std::string& database_url() const { return db_.dsn(); }
  const std::string& dir() const { return dir_; }

  /// Stops the engine (SIGTERM) if running, and starts it again.
  void restart_engine();

  /// The engine's arguments from the next start on.
  void set_engine_args(std::vector<std::string> args) {
    engine_args_ = std::move(args);
  }

  /// The engine's added environment from the next start on; it wins over
  /// the world's own (a DATABASE_URL here points the engine elsewhere).
  void set_engine_env(child_process::env_list env) {
    engine_env_ = std::move(env);
  }

  /// Kills the engine (SIGKILL: no drain, no goodbye) and starts it again.
  void crash_engine();

  /// Starts another engine on the same database, Redis and tg-sim (a
  /// second instance sharing the bot), with `args` added to the command
  /// line; `http_port` receives its HTTP port. The caller owns it.
  std::unique_ptr<child_process> start_peer(std::vector<std::string> args,
                                            int& http_port);

  /// The engine's HTTP port (metrics, admin, webhook).
  int engine_port() const { return engine_http_port_; }

  /// The engine's /metrics text.
  std::string engine_metrics();

  /// A metric's value in the engine's /metrics (a line starting with
  /// `series`, e.g. `bridge_passivations_total{actor="session"}`); -1
  /// when it is not there.
  double engine_metric(const std::string& series);

private:
  void start_engine();

  /// Per chat: the last event seq fetched, and messages (and the other
  /// events) fetched but not yet handed to the test.
  struct chat_cursor {
    int64_t after = 0;
    std::deque<sim_event> unread;
    std::deque<sim_event> others;
  };

  /// Fetches the chat's events after its cursor (waiting up to `wait`
  /// for one) into its queues.
  void fetch(int64_t chat_id, std::chrono::milliseconds wait);

  pg_scratch db_;
  redis_server redis_;
  std::string dir_;
  std::string token_;
  int sim_port_ = 0;
  int peer_starts_ = 0;
  std::vector<std::string> engine_args_;
  child_process::env_list engine_env_;
  std::unique_ptr<child_process> sim_;
  std::unique_ptr<child_process> engine_;
  std::unique_ptr<tg_sim::sim_client> client_;
  std::map<int64_t, chat_cursor> cursors_;
  int engine_starts_ = 0;
  int engine_http_port_ = 0;
};

} // namespace bridge::test
