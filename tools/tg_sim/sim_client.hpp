// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <caf/expected.hpp>

#include "common/http_client.hpp"
#include "tools/tg_sim/entities.hpp"
#include "tools/tg_sim/loopback_http.hpp"
#include "tools/tg_sim/markup.hpp"
#include "tools/tg_sim/sim_model.hpp"
#include "tools/tg_sim/sim_requests.hpp"
#include "tools/tg_sim/sim_types.hpp"

namespace bridge::tg_sim {

/// One thing the bot did, as the event feeds report it.
struct sim_event {
  int64_t seq = 0;
  /// "sendMessage", "editMessageText", "sendChatAction",
  /// "answerCallbackQuery".
  std::string method;
  int64_t chat_id = 0;
  /// 0 for actions and callback answers.
  int64_t message_id = 0;
  std::string text;
  keyboard buttons;
  /// sendMessage and editMessageText: the entities sent with the text
  /// (tools/tg_sim/entities.hpp).
  std::vector<sim_entity> entities;
  std::string action;
  std::string callback_id;
  int64_t at_ms = 0;
  /// copyMessage(s): the copy's media kind, where it was copied from and
  /// its album (`text` is its caption).
  std::string media;
  int64_t from_chat_id = 0;
  int64_t source_message_id = 0;
  std::string media_group_id;
  /// The payment's own events (no `method`: the user, not the bot, did
  /// them): "pre_checkout_query", "successful_payment", "declined",
  /// "renewal_failed", "pre_checkout_expired"; with their charge or query
  /// id and amount in Stars where they have them.
  std::string payment;
  std::string charge_id;
  std::string query_id;
  int64_t amount = 0;
};

/// What an injection produced.
struct injected {
  int64_t update_id = 0;
  int64_t message_id = 0;
  int64_t chat_id = 0;
  std::string callback_id;
  /// The bot's allowed_updates excluded it; nothing was queued.
  bool filtered = false;
};

/// What one message of a batch came to: the injection, or why tg-sim
/// refused that message (`status` then is not 200).
struct batch_result {
  injected value;
  int status = 200;
  std::string error;

  bool ok() const { return status == 200; }
};

/// A client of tg-sim's control API for tests and tools: what users do,
/// what the bot did, faults and stats. Blocking and not thread-safe (one
/// kept-alive connection, tools/tg_sim/loopback_http.hpp); give each
/// thread its own. Failures come back as engine errors: http_unreachable,
/// http_status (with the simulator's message), or invalid_input for an
/// answer it cannot read.
class sim_client {
public:
  /// The client of a simulator on loopback port `port`.
  explicit sim_client(int port,
                      std::chrono::milliseconds timeout = std::chrono::seconds{
                          10});

  /// The client of a simulator on loopback port `port`.
  static sim_client on_port(int port) { return sim_client{port}; }

  /// "http://127.0.0.1:PORT", for messages.
  const std::string& base_url() const { return base_; }

  // -- what users do ----------------------------------------------------------

  /// `from` writes `text` in `chat_id` (0: their private chat).
  caf::expected<injected> say(const sim_user& from, std::string_view text,
                              int64_t chat_id = 0);
  /// `from` replies with `text` to message `reply_to` of their private chat.
  caf::expected<injected> reply(const sim_user& from, int64_t reply_to,
                                std::string_view text);
  /// `from` sends a media message ("photo", "voice", ...).
  caf::expected<injected> send_media(const sim_user& from,
                                     std::string_view media,
                                     std::string_view caption = {},
                                     int64_t chat_id = 0);
  /// `from` sends an item of album `group` ("photo", "video", ...).
  caf::expected<injected> send_album_item(const sim_user& from,
                                          std::string_view media,
                                          std::string_view group,
                                          std::string_view caption = {});
  /// Every message of `batch` in one call, answered in order. An error
  /// when the call as a whole failed (nothing was injected then).
  caf::expected<std::vector<batch_result>> say_many(const message_batch& batch);
  /// `from` edits their message `message_id`.
  caf::expected<injected> edit(const sim_user& from, int64_t chat_id,
                               int64_t message_id, std::string_view text);
  /// `from` presses a button carrying `data` on the bot's message.
  caf::expected<injected> press(const sim_user& from, int64_t chat_id,
                                int64_t message_id, std::string_view data);
  /// Queues `bytes` to be delivered verbatim once.
  caf::expected<void> inject_raw(std::string_view bytes);
  /// Queues the JSON object `update` with a real update_id; returns it.
  caf::expected<int64_t> inject_raw_update(std::string_view update);

  // -- what the bot did
  // --------------------------------------------------------

  /// Events of `chat_id` after `after`; with `wait`, long-polls until one
  /// exists or the wait ends.
  caf::expected<std::vector<sim_event>>
  chat_events(int64_t chat_id, int64_t after = 0,
              std::chrono::milliseconds wait = std::chrono::milliseconds{0});
  /// The global feed.
  caf::expected<std::vector<sim_event>>
  events(int64_t after = 0, size_t limit = 1000,
         std::chrono::milliseconds wait = std::chrono::milliseconds{0});

  // -- faults, limits, stats
  // ---------------------------------------------------

  /// The next `count` calls of `method` fail with `error_code`.
  caf::expected<void> fail_next(std::string_view method, int64_t count,
                                int error_code, int64_t retry_after_s = 1,
                                std::string_view description = {});
  /// The next `count` calls of `method` run (a send is delivered) and
  /// then answer `error_code` (answer error), are answered only after
  /// `hold` (answer hold), or get no answer at all (answer drop); only
  /// the calls for `chat_id` when it is given.
  caf::expected<void> fail_after_running(std::string_view method, int64_t count,
                                         fault_answer_kind answer,
                                         int error_code = 500,
                                         std::chrono::milliseconds hold = {},
                                         std::optional<int64_t> chat_id = {});
  caf::expected<void> block_chat(int64_t chat_id);
  caf::expected<void> unblock_chat(int64_t chat_id);
  caf::expected<void> set_limits(const limit_settings& limits);
  caf::expected<void> set_latency(std::chrono::milliseconds latency);
  /// GET /sim/stats as returned.
  caf::expected<std::string> stats_json();
  /// One counter of the stats by JSON pointer ("/too_many_requests/total").
  caf::expected<int64_t> stat(std::string_view json_pointer);
  caf::expected<void> reset();
  /// `who` pays the invoice `link` (POST /sim/pay): tg-sim asks the bot's
  /// pre-checkout within Telegram's 10 s; the answer is the control API's
  /// JSON (the query's id).
  caf::expected<std::string> pay(const sim_user& who, std::string_view link);
  bool healthy();

  // -- raw access, for tests of the API itself
  // -----------------------------------

  http_response get(const std::string& path);
  http_response post(const std::string& path, const std::string& body,
                     const std::string& content_type = "application/json");

private:
  caf::expected<std::string> call(const std::string& path,
                                  const std::string* body,
                                  std::chrono::milliseconds timeout);
  caf::expected<injected> inject(const std::string& path,
                                 const std::string& body);
  caf::expected<void> post_faults(const std::string& body);

  std::string base_;
  std::chrono::milliseconds timeout_;
  loopback_http http_;
};

/// Decodes a `{"events":[...]}` answer.
caf::expected<std::vector<sim_event>> decode_events(std::string_view body);

} // namespace bridge::tg_sim
