// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/tg_sim/event_log.hpp"
#include "tools/tg_sim/payments.hpp"
#include "tools/tg_sim/send_limits.hpp"
#include "tools/tg_sim/sim_clock.hpp"
#include "tools/tg_sim/sim_model.hpp"
#include "tools/tg_sim/sim_stats.hpp"
#include "tools/tg_sim/update_queue.hpp"

namespace bridge::tg_sim {

/// A fault armed by the control API: the next `count` calls of a method
/// (of one chat, when `chat_id` is set) fail. By default the call does not
/// run; `after_running` runs it first (a send is delivered) and fails only
/// its answer, as when Telegram accepted a message and the answer was lost.
struct fault {
  int64_t count = 1;
  int code = 500;
  std::string description;
  int64_t retry_after_s = 1;
  bool after_running = false;
  fault_answer_kind answer = fault_answer_kind::error;
  std::chrono::milliseconds hold{0};
  std::optional<int64_t> chat_id;
};

/// What a successful send or edit gives back to encode the reply.
struct message_outcome {
  refusal refused;
  /// A copy of the message as stored, and its chat's Chat object.
  stored_message message;
  std::string chat_json;
};

/// What the control API gets back from an injection.
struct injection {
  refusal refused;
  int64_t update_id = 0;
  int64_t message_id = 0;
  int64_t chat_id = 0;
  std::string callback_id;
  /// Payments: the pre-checkout query opened, the charge made.
  std::string query_id;
  std::string charge_id;
  /// The bot's allowed_updates excluded the kind: nothing was queued.
  bool filtered = false;
};

/// One user message to inject: what POST /sim/message carries.
struct message_request {
  sim_user from;
  /// 0: the user's private chat.
  int64_t chat_id = 0;
  /// Exactly one of text and media; a caption only with media.
  std::string text;
  std::string media;
  std::string caption;
  /// An album's id: items sharing it arrive as one album.
  std::string media_group_id;
  /// Names a new group.
  std::string chat_title;
  /// A message of the same chat this one replies to, or 0.
  int64_t reply_to_message_id = 0;
};

/// A copyMessage or copyMessages call, checked.
struct copy_request {
  const char* method = "copyMessage";
  int64_t chat_id = 0;
  int64_t from_chat_id = 0;
  std::vector<int64_t> message_ids;
  /// copyMessage's new caption, when one is given.
  std::optional<std::string> caption;
  bool remove_caption = false;
};

/// The copies made, in order, or why none was.
struct copy_outcome {
  refusal refused;
  std::vector<int64_t> message_ids;
};

/// The webhook as set by setWebhook.
struct webhook_info {
  std::string url;
  std::string secret_token;
  size_t pending = 0;
  int64_t last_error_date = 0;
  std::string last_error_message;
  std::vector<std::string> allowed;
};

/// One webhook delivery the pusher should make.
struct push_job {
  uint64_t generation = 0;
  int64_t update_id = 0;
  /// Raw bytes: pushed once, whatever the answer.
  bool raw = false;
  std::string url;
  std::string secret_token;
  std::string body;
};

/// What one pass of a getUpdates call found.
struct poll_step {
  refusal refused;
  /// The `result` elements, comma-separated; empty when none.
  std::string items;
  size_t count = 0;
  /// The state's update version when `items` was taken; wait on it.
  uint64_t version = 0;
};

/// The simulator's whole state: bot, chats, users, the update queue, the
/// webhook, send limits, faults, the event log and the counters. Pure
/// (no sockets, time from an injected clock) and thread-safe: one mutex
/// guards everything, held only to copy bytes in or out; JSON is encoded
/// by callers outside it where the data allows.
class sim_state {
public:
  sim_state(sim_options opts, std::shared_ptr<const sim_clock> clock);

  const sim_options& options() const { return opts_; }
  const sim_user& bot() const { return bot_; }
  const sim_clock& clock() const { return *clock_; }

  // -- Bot API: getUpdates ------------------------------------------------

  /// Starts a getUpdates call: refuses it (409) while a webhook is set or
  /// another call is in progress, else applies `offset` and, when given,
  /// the new `allowed` setting. On success `ticket` names the call.
  refusal begin_poll(int64_t offset, const allowed_updates* allowed,
                     uint64_t& ticket);

  /// Takes up to `limit` pending updates for call `ticket`.
  poll_step poll(uint64_t ticket, size_t limit);

  /// Ends call `ticket`; another may start.
  void end_poll(uint64_t ticket);

  /// Blocks until the update version moves past `seen`, `deadline`
  /// (real time) passes, or the state shuts down (returns false then).
  bool wait_updates(uint64_t seen,
                    std::chrono::steady_clock::time_point deadline);

  // -- Bot API: sending -----------------------------------------------------

  /// sendMessage. `event_fields` is the event's encoded members;
  /// `entities_json`, checked entities the Message echoes.
  message_outcome send_message(int64_t chat_id, std::string text, markup kb,
                               std::string event_fields,
                               std::string entities_json);
  message_outcome send_message(int64_t chat_id, std::string text, markup kb,
                               std::string event_fields);

  /// editMessageText of one of the bot's messages; its entities replace
  /// the old ones, as its text does.
  message_outcome edit_message(int64_t chat_id, int64_t message_id,
                               std::string text, markup kb,
                               std::string event_fields,
                               std::string entities_json = {});

  /// copyMessage and copyMessages: the bot copies messages of one chat
  /// into another (sim_state_copies.cpp). Each copy is stored and is an
  /// event of its own, with its caption as `text`.
  copy_outcome copy_messages(const copy_request& r);

  /// answerCallbackQuery.
  refusal answer_callback(const std::string& callback_id,
                          std::string event_fields);

  /// sendChatAction.
  refusal chat_action(int64_t chat_id, std::string event_fields);

  /// setMyCommands: keeps `commands` (a JSON array) under `key` (scope and
  /// language); a menu of one chat is an event of that chat too.
  refusal set_commands(const std::string& key, std::string commands,
                       std::optional<int64_t> chat_id,
                       std::string event_fields);
  /// getMyCommands: the array kept under `key`, or `[]`.
  std::string commands(const std::string& key) const;

  // -- Bot API and control: Telegram Stars (sim_payments.cpp) ---------------

  /// createInvoiceLink: checks and keeps the invoice, sets `link`.
  refusal create_invoice(const invoice_request& r, std::string& link);
  /// answerPreCheckoutQuery. A late answer is refused and fails the
  /// payment; an accepted one queues the successful_payment message.
  refusal answer_pre_checkout(const std::string& query_id, bool ok,
                              const std::string& error_message);
  /// refundStarPayment.
  refusal refund_star_payment(int64_t user_id, const std::string& charge_id);

  /// editUserStarSubscription: the user must be known, the charge theirs.
  refusal edit_star_subscription(int64_t user_id, const std::string& charge_id,
                                 bool canceled);

  /// A user pays `link`: a pre_checkout_query is queued that the bot must
  /// answer within `deadline` on the simulator's clock; `charged`
  /// overrides what its successful_payment will report.
  injection pay(const sim_user& from, const std::string& link,
                std::chrono::milliseconds deadline,
                const charge_override& charged = {});
  /// A user closes the invoice unpaid: Telegram tells the bot nothing.
  injection decline(const sim_user& from, const std::string& link);
  /// The subscription paid by `charge_id` renews: a successful_payment
  /// with is_recurring is queued.
  injection renew(const std::string& charge_id);
  /// A renewal fails: the subscription lapses, the bot hears nothing.
  injection fail_renewal(const std::string& charge_id);

  // -- Bot API: webhook -------------------------------------------------------

  refusal set_webhook(std::string url, std::string secret_token,
                      const allowed_updates* allowed, bool drop_pending);
  /// Returns whether a webhook was set.
  bool delete_webhook(bool drop_pending);
  webhook_info webhook() const;

  /// The next push that is due. When there is none, `wake` is when to ask
  /// again (time_point::max() for "when something changes") and
  /// `version` the update version to wait on.
  std::optional<push_job> next_push(sim_clock::time_point& wake,
                                    uint64_t& version);

  /// Records the answer to `job`: 2xx confirms the update; anything else
  /// schedules a retry with backoff (a raw entry is dropped either way).
  void push_done(const push_job& job, long http_status,
                 const std::string& error);

  // -- Bot API: bookkeeping ---------------------------------------------------

  /// What a call must honour before it runs: an armed fault (popped
  /// here) and the configured extra latency.
  struct call_setup {
    std::optional<fault> armed;
    std::chrono::milliseconds latency{0};
  };
  /// `chat_id` is the call's chat_id argument, when it has one.
  call_setup begin_call(bot_method m, std::optional<int64_t> chat_id);
  /// Counts one answered call of `m` with HTTP status `status`.
  void count_call(bot_method m, int status);
  /// Counts a request refused before it reached a method.
  void count_unauthorized();
  void count_unknown_method();

  // -- control API ------------------------------------------------------------

  /// A user writes `text`, or sends `media` with `caption`, in `chat_id`
  /// (0: the user's private chat). `chat_title` names a new group.
  injection inject_message(message_request r);
  injection inject_message(const sim_user& from, int64_t chat_id,
                           std::string text, std::string media,
                           std::string caption, std::string chat_title);
  /// Several user messages under one lock, in order, each with its own
  /// answer in `out`. The queue's bounds are checked for the whole batch
  /// first: when it cannot take them all, none is injected and the 503
  /// refusal is returned.
  refusal inject_messages(std::vector<message_request>& batch,
                          std::vector<injection>& out);
  /// A user edits one of their messages.
  injection inject_edit(const sim_user& from, int64_t chat_id,
                        int64_t message_id, std::string text);
  /// A user presses a button on one of the bot's messages.
  injection inject_callback(const sim_user& from, int64_t chat_id,
                            int64_t message_id, std::string data);
  /// Bytes delivered verbatim as one element of `result`, under the next
  /// update id (which the bytes need not carry) until an offset passes it.
  injection inject_raw(std::string bytes);
  /// An Update object from its members after update_id (encoded JSON,
  /// possibly empty); the simulator assigns the id.
  injection inject_raw_update(const std::string& members);

  /// Renders the events of one chat (or all, when `chat_id` is nullopt)
  /// after `after`, at most `limit`. Returns how many.
  size_t render_events(std::optional<int64_t> chat_id, int64_t after,
                       size_t limit, std::string& out) const;
  /// Blocks until such an event exists, `deadline` passes, or shutdown.
  void wait_events(std::optional<int64_t> chat_id, int64_t after,
                   std::chrono::steady_clock::time_point deadline);

  /// Arms `f` for `m` (and its chat, when set), replacing what was armed
  /// for the same method and chat.
  void arm_fault(bot_method m, fault f);
  /// Blocks or unblocks a chat; false when the chat is unknown.
  bool set_blocked(int64_t chat_id, bool blocked);
  void set_limits(const limit_settings& s);
  limit_settings limits() const;
  void set_latency(std::chrono::milliseconds d);

  sim_stats stats() const;

  /// Forgets everything injected, sent and configured at run time. Update
  /// ids and event sequence numbers keep increasing.
  void reset();

  /// Wakes every waiter for good; used when the server stops.
  void shutdown();

private:
  using lock = std::unique_lock<std::mutex>;

  chat_record* find_chat(int64_t chat_id);
  /// Records what `from` says about a user; fields left empty keep what
  /// was known. Returns the merged profile.
  const sim_user& remember(const sim_user& from);
  chat_record& chat_for(const sim_user& user, int64_t chat_id);
  stored_message& store(chat_record& chat, stored_message m);
  /// False (and `out` marked filtered) when allowed_updates excludes `kind`.
  bool admits(update_kind kind, injection& out);
  /// Queues an update; updates_changed() wakes the readers.
  void enqueue(int64_t update_id, std::string body);
  /// inject_message's work, under the lock; wakes nobody.
  injection message_locked(message_request& r);
  refusal check_chat(int64_t chat_id, chat_record*& chat);
  refusal check_limits(int64_t chat_id);
  void remember_callback(const std::string& id, int64_t chat_id);
  void updates_changed();
  /// Ends `guard`, then wakes the update readers (or the event readers):
  /// woken while the lock is still held, a reader would only wait again,
  /// on the lock. For the paths every message takes.
  void updates_changed_unlocking(lock& guard);
  void events_changed_unlocking(lock& guard);
  /// Queues the successful_payment service message of `c` in its user's
  /// private chat; sets `out`'s ids.
  void queue_payment_locked(const charge& c, injection& out);

  const sim_options opts_;
  const std::shared_ptr<const sim_clock> clock_;
  const sim_user bot_;

  mutable std::mutex mu_;
  std::condition_variable updates_cv_;
  std::condition_variable events_cv_;
  bool shut_down_ = false;

  std::unordered_map<int64_t, sim_user> users_;
  std::unordered_map<int64_t, chat_record> chats_;
  update_queue queue_;
  allowed_updates allowed_;
  event_log events_;
  send_limits limits_;
  /// Armed faults, chat-bound ones first in the order they are tried.
  struct armed_fault {
    bot_method method{};
    fault f;
  };
  std::vector<armed_fault> faults_;
  std::chrono::milliseconds latency_{0};

  /// Callback queries by id, with their chat; answered ones are marked.
  struct callback_record {
    int64_t chat_id = 0;
    bool answered = false;
  };
  std::unordered_map<std::string, callback_record> callbacks_;
  /// Command menus by scope and language (bounded by the chats known).
  std::unordered_map<std::string, std::string> command_menus_;
  std::deque<std::string> callback_order_;
  payment_book payments_;

  struct webhook_state {
    std::string url;
    std::string secret_token;
    uint64_t generation = 0;
    uint32_t failures = 0;
    sim_clock::time_point not_before{};
    bool in_flight = false;
    int64_t last_error_date = 0;
    std::string last_error_message;
  } webhook_;

  uint64_t poll_owner_ = 0;
  uint64_t poll_tickets_ = 0;
  uint64_t updates_version_ = 0;
  uint64_t event_waiters_ = 0;
  int64_t next_update_id_;
  int64_t next_media_serial_ = 1;
  uint64_t callback_serial_ = 0;
  sim_stats stats_;
};

} // namespace bridge::tg_sim
