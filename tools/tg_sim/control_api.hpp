// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/method_args.hpp"
#include "tools/tg_sim/sim_state.hpp"

namespace bridge::tg_sim {

/// The control API under /sim/: what simulated users do, what the bot
/// did, faults, limits, stats and reset. Requests and answers are JSON;
/// errors are `{"ok":false,"error":"..."}` with a 4xx/5xx status. Socket-
/// free; only the event reads block, and only up to their `wait_ms`.
class control_api {
public:
  /// `max_wait` caps a `wait_ms`.
  control_api(sim_state& state, std::chrono::milliseconds max_wait)
      : state_(state), max_wait_(max_wait) {}

  /// POST /sim/message
  http_answer message(std::string_view body);
  /// POST /sim/messages: a JSON array of what /sim/message takes, answered
  /// with an array of what it answers, in order. A body that is not a
  /// JSON array, or holds more than max_batch_messages, is refused whole
  /// (400, 413); so is a batch the queue cannot take whole (503). Anything
  /// else is judged per element: a bad element gets
  /// `{"ok":false,"status":400,"error":"..."}` in its place and the
  /// others are injected.
  http_answer messages(std::string_view body);
  /// POST /sim/edit
  http_answer edit(std::string_view body);
  /// POST /sim/callback
  http_answer callback(std::string_view body);
  /// POST /sim/raw: the body, whatever it is, delivered once.
  http_answer raw(std::string body);
  /// POST /sim/raw_update
  http_answer raw_update(std::string_view body);
  /// GET /sim/chats/<chat_id>/events; `query` holds after and wait_ms.
  http_answer chat_events(std::string_view chat_id, const method_args& query);
  /// GET /sim/events; `query` holds after, limit and wait_ms.
  http_answer events(const method_args& query);
  /// POST /sim/faults
  http_answer faults(std::string_view body);
  /// GET /sim/stats
  http_answer stats();
  /// POST /sim/reset
  http_answer reset();
  /// GET /sim/health
  http_answer health();

  // -- Telegram Stars (control_payments.cpp) --------------------------------

  /// POST /sim/pay {from, link, deadline_ms?}: the user pays an invoice
  /// link; the bot gets a pre_checkout_query to answer within deadline_ms
  /// (Telegram's 10 s by default; 0 makes any answer late). Answers the
  /// query_id.
  http_answer pay(std::string_view body);
  /// POST /sim/decline {from, link}: the user closes the invoice unpaid.
  http_answer decline(std::string_view body);
  /// POST /sim/renew {charge_id} (or /sim/renew_fail with `fail`): the
  /// subscription that charge paid renews, or lapses.
  http_answer renew(std::string_view body, bool fail);

private:
  http_answer read_events(std::optional<int64_t> chat_id,
                          const method_args& query);

  sim_state& state_;
  std::chrono::milliseconds max_wait_;
};

/// A control API error answer.
http_answer control_error(int status, std::string_view what);

} // namespace bridge::tg_sim
