#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/http_client.hpp"
#include "tests/support/process.hpp"

namespace bridge::test {

/// What a chat received from the bot, as tg-sim recorded it.
struct chat_event {
  int64_t seq = 0;
  std::string method;
  int64_t message_id = 0;
  std::string text;
  /// callback_data of every button, row by row flattened.
  std::vector<std::string> buttons;
};

/// A Telegram user the test plays.
struct sim_user {
  int64_t id;
  std::string first_name;
  std::string language_code;
};

/// An end-to-end world: tg-sim and the real engine as child processes, the
/// engine pointed at the simulator and at the run's PostgreSQL and Redis.
/// The test talks as users through tg-sim's control API and reads what
/// each chat received.
class sim_world {
public:
  /// Starts tg-sim, then the engine with `engine_args` added to its
  /// command line.
  explicit sim_world(std::vector<std::string> engine_args = {},
                     std::vector<std::string> sim_args = {});
  ~sim_world();

  /// A user writes `text` in their private chat. Returns the update_id.
  int64_t say(const sim_user& u, const std::string& text);

  /// A user presses the button with `data` on bot message `message_id`.
  int64_t press(const sim_user& u, int64_t message_id, const std::string& data);

  /// Sends anything as one raw update (hostile input).
  void raw(const std::string& body);

  /// Events of `chat_id` after `after`, waiting up to `wait` for at least
  /// one.
  std::vector<chat_event> events(int64_t chat_id, int64_t after,
                                 std::chrono::milliseconds wait);

  /// Waits until the chat has received `count` sendMessage events after
  /// `after` (or `timeout` passed), returning what arrived.
  std::vector<chat_event> await_messages(int64_t chat_id, size_t count,
                                         std::chrono::milliseconds timeout
                                         = std::chrono::seconds{30});

  /// The next message the chat receives after everything seen so far.
  chat_event next_message(int64_t chat_id,
                          std::chrono::milliseconds timeout
                          = std::chrono::seconds{30});

  /// Raw control call; returns the body (fails the test on HTTP errors).
  std::string control(const std::string& method, const std::string& path,
                      const std::string& body = {});

  child_process& engine() { return *engine_; }
  int sim_port() const { return sim_port_; }
  const std::string& dir() const { return dir_; }

  /// Restarts the engine (after it was stopped or killed).
  void restart_engine();

private:
  void start_engine();

  std::string dir_;
  std::string token_;
  int sim_port_ = 0;
  std::vector<std::string> engine_args_;
  std::unique_ptr<child_process> sim_;
  std::unique_ptr<child_process> engine_;
  http_client http_;
  /// Per chat: the last event seq fetched, and messages fetched but not
  /// yet handed to the test.
  struct chat_cursor {
    int64_t after = 0;
    std::deque<chat_event> unread;
  };
  std::map<int64_t, chat_cursor> cursors_;
  int engine_starts_ = 0;
};

} // namespace bridge::test
