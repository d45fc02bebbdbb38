// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/intake.hpp"
#include "actors/ownership.hpp"
#include "actors/team_glossary.hpp"
#include "cache/profile_memo.hpp"
#include "common/error.hpp"
#include "config/config.hpp"
#include "domain/language_map.hpp"
#include "messages/budget.hpp"
#include "messages/cache.hpp"
#include "messages/sender.hpp"
#include "messages/stars.hpp"
#include "messages/storage.hpp"
#include "messages/translator.hpp"

namespace bridge::ops {
class http_server;
struct webhook_options;
struct admin_options;
class live_rates;
} // namespace bridge::ops

namespace bridge {

/// The running engine: its long-lived actors, started in dependency order
/// and stopped in reverse.
class engine {
public:
  engine(caf::actor_system& sys, const bridge_config& cfg);
  ~engine();

  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  /// Starts the HTTP server, the database pool (after migrations), the
  /// cache, the translator, the sender, the registry and the front, in
  /// that order; polling starts at once. False with `err` set when
  /// something cannot start (the port is taken, PostgreSQL is unreachable,
  /// no Apertium pair is installed, ...).
  bool start(std::string& err);

  /// After a failed start, the engine code of its cause when it has one
  /// (`schema_newer` gets an exit code of its own in main), else `none`.
  engine_errc start_failure() const { return start_failure_; }

  /// Graceful drain: stops taking updates, waits until every update taken
  /// is finished and every reply sent (both as PostgreSQL sees it: no
  /// unfinished inbox row, no pending outbox row), at most `deadline`.
  /// What is left then stays in the inbox and outbox for the next start.
  /// True when nothing was left.
  bool drain(std::chrono::milliseconds deadline);

  /// Stops intake first, then the rest.
  void stop();

  /// Whether this engine serves partitions while another one polls
  /// Telegram (it waits for the intake role): ready to do its share,
  /// though /readyz says intake is not ready. Before the leases are
  /// placed it owns nothing, so a lone engine's start is not mistaken for
  /// standing by.
  bool standing_by() const {
    return front_ && owned_ && !owned_->leads_intake()
           && !owned_->owned().empty();
  }

private:
  bool start_http(std::string& err);
  /// The pool (after migrations), the cache, retention, the translator
  /// and the status poller.
  bool start_rooms(std::string& err);
  /// The sender, and the partition router with the registry (session and
  /// conversation factories) it starts for each partition won.
  bool start_actors(std::string& err);
  /// The lease keeper: joins the engines sharing the bot and reports the
  /// partitions (and the intake role) this one wins and loses.
  void start_keeper();
  /// Hands every lease to the other engines (at the end of a drain).
  void hand_over();
  /// `cluster.instance_id`, or host:pid.
  std::string instance_id() const;
  /// Hands the admin API the actors it asks.
  void wire_admin();
  /// Intake: resumes the inbox, then Telegram's pushes or the front.
  bool start_webhook_intake(std::string& err);
  bool start_polling(std::string& err);
  /// Which languages the translator lets users talk across (what sign-up
  /// offers and who may be paired); empty when it did not say.
  domain::language_map languages();

  caf::actor_system& sys_;
  engine_errc start_failure_ = engine_errc::none;
  std::unique_ptr<ops::http_server> http_;
  const bridge_config& cfg_;
  db_actor db_;
  /// The pool's queue depth, read by the intake before each poll or push.
  std::shared_ptr<db_pressure> db_pressure_ = std::make_shared<db_pressure>();
  cache_actor cache_;
  /// Profiles kept in this engine's memory; unset without Redis or with
  /// `cache.local_profiles = 0`.
  std::shared_ptr<cache::profile_memo> memo_;
  /// Teams' glossaries this engine's conversations read.
  std::shared_ptr<glossary_memo> glossaries_;
  retention_actor retention_;
  translator_actor translator_;
  sender_actor sender_;
  /// Telegram Stars: invoice links and pre-checkout answers.
  stars_actor stars_;
  /// Dispatches updates to the registry of their partition.
  caf::actor router_;
  caf::actor keeper_;
  /// The budgets shared with the other engines in Redis (unset: each
  /// engine keeps its share).
  budget_actor budgets_;
  std::shared_ptr<ownership> owned_;
  caf::actor poller_;
  caf::actor sweeper_;
  std::shared_ptr<intake_state> intake_ = std::make_shared<intake_state>();
  /// Filled once the rooms run; the webhook route answers 503 until then.
  std::shared_ptr<ops::webhook_options> webhook_;
  std::shared_ptr<ops::admin_options> admin_;
  std::shared_ptr<ops::live_rates> rates_;
  caf::actor front_;
  bool running_ = false;
};

} // namespace bridge
