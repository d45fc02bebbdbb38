// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "messages/cache.hpp"
#include "messages/storage.hpp"
#include "messages/translator.hpp"
#include "ops/dashboard_figures.hpp"

namespace bridge::ops {

class http_server;

/// What the admin API reaches.
struct admin_options {
  /// Set last, with release order: once a handler sees it (acquire), every
  /// other field is filled in.
  std::atomic<caf::actor_system*> sys{nullptr};
  db_actor db;
  cache_actor cache;
  translator_actor translator;
  /// The dispatcher (the partition router): a parked update retried is
  /// handed to it.
  caf::actor registry;
  /// The lease keeper: `/admin/cluster` asks it for its `cluster_view`
  /// (`view_atom`); unset, the engine runs alone and the route answers 503.
  caf::actor keeper;
  /// BRIDGE_ADMIN_TOKEN; empty turns the admin API off (503).
  std::string token;
  /// Messages per minute, kept by the status poller.
  std::shared_ptr<const live_rates> rates;
  /// `ops.operator_language`: feedback is shown translated into it.
  std::string operator_language = "en";
  /// The Bot API, for refunds (refundStarPayment); the token is secret.
  std::string api_url;
  std::string bot_token;
};

/// The admin API under `/admin/`, every route behind
/// `Authorization: Bearer <BRIDGE_ADMIN_TOKEN>` (compared in constant time;
/// 401 otherwise, and the token is never logged):
///
/// - `GET /admin/users?role=&language=&active_since_ms=&after=&limit=`
/// - `GET /admin/conversations?manager=&worker=&active_since_ms=&after=&limit=`
/// - `PUT /admin/users/ID/subscription` `{"days":N}` or `{"expires_at_ms":T}`;
///   `DELETE` the same path cancels it
/// - `POST /admin/users/ID/reset`
/// - `GET /admin/parked?after=&limit=`: updates parked after their retries;
///   `POST /admin/parked/ID/retry` hands one on again, `DELETE
///   /admin/parked/ID` drops it (finished, unhandled)
/// - `GET /admin/feedback?after=&limit=`: users' feedback with its author's
///   role and language, translated into `operator_language`
///   (ops/admin_feedback.hpp)
/// - `POST /admin/payments/ID/refund`: refunds a Stars payment and ends
///   the subscription it paid for (ops/admin_stars.hpp)
/// - `GET /admin/corrections?after=&limit=&format=json|jsonl`: readers'
///   corrections of translations, as a page or JSON Lines
///   (ops/admin_corrections.hpp)
/// - `GET /admin/status`: pool, translator and cache counters
/// - `PUT /admin/log_level` `{"level":"debug"}`
/// - `GET /admin/dashboard`: the dashboard's figures
/// (ops/dashboard_figures.hpp)
/// - `GET /admin/cluster`: the live engines, who owns which partition under
///   which epoch, the intake leader, lease ages (ops/admin_cluster.hpp);
///   503 with `"state":"alone"` when the engine has no lease keeper,
///   `"unavailable"` when it did not answer in time
/// - `GET /admin/business`: users by role and language, active teams,
///   paying managers, Stars, renewals and churn (ops/admin_business.hpp)
///
/// Anything else under `/admin/` is 404. `opts` may be filled after the
/// server starts; until `sys` is set, routes answer 503.
void add_admin_routes(http_server& server,
                      std::shared_ptr<const admin_options> opts);

} // namespace bridge::ops
