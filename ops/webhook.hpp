// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/front.hpp"
#include "messages/storage.hpp"

namespace bridge::ops {

class http_server;

/// Path Telegram pushes updates to (the operator's proxy maps the public
/// `telegram.webhook_url` onto it).
constexpr const char* webhook_path = "/telegram/webhook";

/// What the webhook route needs.
struct webhook_options {
  /// Set last, with release order: once a handler sees it (acquire), every
  /// other field is filled in.
  std::atomic<caf::actor_system*> sys{nullptr};
  db_actor db;
  /// The pool's queue as it publishes it: pushes are refused while it is
  /// behind.
  std::shared_ptr<const db_pressure> pressure;
  caf::actor dispatcher;
  /// TELEGRAM_WEBHOOK_SECRET: the `X-Telegram-Bot-Api-Secret-Token` value.
  std::string secret;
  std::shared_ptr<intake_state> counters;
  /// Every engine takes pushes; each hands on those of partitions it owns
  /// and wakes the owners of the others.
  std::shared_ptr<const ownership> owned;
};

/// Webhook intake: POST `webhook_path` with the secret header (compared in
/// constant time; 401 and nothing processed otherwise, judged from the
/// headers so a refused push's body is never read) and one Update as
/// JSON. The update is stored in the inbox and answered 200 only once it
/// is durable (503 when it could not be stored, so Telegram retries);
/// kinds Bridge does not handle are answered 200 and counted as skipped by
/// kind, and a push that cannot be read (not JSON, malformed, oversize) is
/// answered 200 and counted as refused with its reason, as polling counts
/// them: any other answer makes Telegram push it again and again. A body
/// past `http.max_body_bytes` is answered 413 by the server before it is
/// read. While the engine is behind (`engine_is_behind`)
/// pushes are answered 503 with `Retry-After` and counted as held back,
/// as polling holds getUpdates back: Telegram keeps what it could not
/// push.
/// `opts` may be filled after the server starts (the rooms start after
/// it); until `sys` is set pushes are answered 503 and Telegram retries.
void add_webhook_route(http_server& server,
                       std::shared_ptr<const webhook_options> opts);

/// Registers the webhook with Telegram (`setWebhook` with the secret and
/// the update kinds Bridge handles). False with `err` set when refused.
bool set_webhook(const std::string& api_url, const std::string& token,
                 const std::string& url, const std::string& secret,
                 std::string& err);

/// Removes any webhook, so polling can work (`deleteWebhook`).
bool delete_webhook(const std::string& api_url, const std::string& token,
                    std::string& err);

} // namespace bridge::ops
