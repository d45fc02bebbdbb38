// SPDX-License-Identifier: Apache-2.0
#include "app/engine.hpp"

#include <algorithm>
#include <fstream>
#include <thread>

#include <unistd.h>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/intake.hpp"
#include "actors/options_from.hpp"
#include "actors/partition_router.hpp"
#include "actors/registry.hpp"
#include "actors/stars.hpp"
#include "cache/budget_actor.hpp"
#include "cache/start.hpp"
#include "cluster/keeper.hpp"
#include "cluster/lease_store.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
#include "ops/bot_identity.hpp"
#include "ops/dashboard.hpp"
#include "ops/http_server.hpp"
#include "ops/routes.hpp"
#include "ops/status_poller.hpp"
#include "ops/webhook.hpp"
#include "storage/retention.hpp"
#include "storage/start.hpp"
#include "telemetry/health.hpp"
#include "translator/spawn.hpp"

namespace bridge {

engine::engine(caf::actor_system& sys, const bridge_config& cfg)
    : sys_(sys), cfg_(cfg) {}

engine::~engine() {
  stop();
}

bool engine::start_http(std::string& err) {
  auto ho = ops::http_options_from(cfg_);
  http_ = std::make_unique<ops::http_server>(ho);
  ops::add_health_routes(*http_);
  admin_ = std::make_shared<ops::admin_options>();
  ops::add_admin_routes(*http_, admin_);
  ops::add_dashboard_page(*http_);
  if (cfg_.telegram.mode == "webhook") {
    webhook_ = std::make_shared<ops::webhook_options>();
    ops::add_webhook_route(*http_, webhook_);
  }
  if (!http_->start(err))
    return false;
  spdlog::info("engine: HTTP on {}:{} (/metrics, /healthz, /readyz, "
               "/dashboard)",
               ho.address, http_->port());
  if (!cfg_.engine.ready_file.empty()) {
    std::ofstream out{cfg_.engine.ready_file};
    out << http_->port() << '\n';
    if (!out) {
      err = "cannot write engine.ready_file '" + cfg_.engine.ready_file + "'";
      return false;
    }
  }
  return true;
}

bool engine::start_rooms(std::string& err) {
  // Kept only while subscribed to the other engines' changes, which
  // needs Redis; the pool drops what this engine's writes change.
  if (cfg_.cache.enabled && cfg_.cache.local_profiles > 0)
    memo_ = std::make_shared<cache::profile_memo>(
        static_cast<size_t>(cfg_.cache.local_profiles),
        defaults::cache::local_profile_ttl);
  auto pool = storage::db_pool_options_from(cfg_);
  // The teams' glossaries are kept whether or not profiles are: they
  // expire on their own (glossary.cache_ttl_s).
  glossaries_ = conversation_options_from(cfg_).glossaries;
  pool.on_change = [memo = memo_,
                    glossaries = glossaries_](const cache_invalidate& x) {
    if (memo)
      for (auto id : x.profiles)
        memo->forget(id);
    for (auto id : x.glossaries)
      glossaries->forget(id);
  };
  pool.pressure = db_pressure_;
  auto db = storage::start_db_pool(sys_, pool);
  if (!db) {
    start_failure_ = engine_code(db.error());
    err = "database: " + describe(db.error());
    return false;
  }
  db_ = *db;
  telemetry::engine_health().migrations = true;
  {
    // The partition count is fixed for the database's life: a different
    // one is refused here, before anything runs.
    cluster::lease_store_options lo;
    lo.dsn = cfg_.secrets.database_url;
    cluster::lease_store store{std::move(lo)};
    if (auto e = store.prepare(static_cast<int32_t>(cfg_.cluster.partitions))) {
      err = "cluster: " + describe(e);
      return false;
    }
  }
  auto co = cache::cache_options_from(cfg_, db_);
  co.memo = memo_;
  // Other engines' glossary changes reach this engine's copies at once;
  // without Redis they expire after glossary.cache_ttl_s.
  co.forget_glossaries = [glossaries = glossaries_](
                             const std::vector<int64_t>& managers, bool all) {
    if (all)
      glossaries->forget_all();
    for (auto id : managers)
      glossaries->forget(id);
  };
  auto cache = cache::start_cache(sys_, co);
  if (!cache) {
    err = "cache: " + describe(cache.error());
    return false;
  }
  cache_ = *cache;
  retention_ = sys_.spawn(
      storage::retention,
      storage::retention_options_from(cfg_, db_, cache_, instance_id()));
  // The bot's send limit and the API key's translation budget are shared
  // by every engine: each spends its share, or draws from Redis.
  auto budgets = cache::start_budgets(sys_, cfg_);
  if (!budgets) {
    err = "shared budgets: " + describe(budgets.error());
    return false;
  }
  budgets_ = *budgets;
  auto tr = translation::spawn_translator(
      sys_, cfg_,
      cfg_.cluster.translation_budget == "redis" ? budgets_ : budget_actor{});
  if (!tr) {
    err = "translator: " + describe(tr.error());
    return false;
  }
  translator_ = *tr;
  rates_ = std::make_shared<ops::live_rates>();
  ops::poller_options po;
  po.db = db_;
  po.cache = cache_;
  po.translator = translator_;
  po.rates = rates_;
  poller_ = sys_.spawn(ops::status_poller, std::move(po));
  return true;
}

domain::language_map engine::languages() {
  std::vector<domain::language_map::direction> directions;
  caf::scoped_actor self{sys_};
  self->request(translator_, std::chrono::seconds{10}, languages_atom::value)
      .receive(
          [&](const std::vector<language_pair>& pairs) {
            for (const auto& p : pairs)
              directions.push_back({p.source, p.target, p.via});
          },
          [&](const caf::error& e) {
            spdlog::error("engine: translator languages unknown: {}",
                          describe(e));
          });
  return domain::language_map{directions};
}

bool engine::start(std::string& err) {
  if (!start_http(err) || !start_rooms(err) || !start_actors(err))
    return false;
  start_keeper();
  wire_admin();
  if (webhook_ ? !start_webhook_intake(err) : !start_polling(err))
    return false;
  running_ = true;
  return true;
}

std::string engine::instance_id() const {
  if (!cfg_.cluster.instance_id.empty())
    return cfg_.cluster.instance_id;
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  return std::string{host} + ":" + std::to_string(getpid());
}

void engine::start_keeper() {
  cluster::keeper_options ko;
  ko.dsn = cfg_.secrets.database_url;
  ko.instance_id = instance_id();
  ko.address = cfg_.http.listen_address + ":"
               + std::to_string(http_ ? http_->port() : 0);
  ko.partitions = static_cast<int32_t>(cfg_.cluster.partitions);
  ko.ttl = cfg_.cluster.lease_ttl;
  // Webhook engines all take pushes; only a polling one contends for the
  // one getUpdates poller the Bot API allows.
  ko.wants_intake = cfg_.telegram.mode != "webhook";
  ko.subscriber = router_;
  ko.member_watchers = {caf::actor_cast<caf::actor>(sender_),
                        caf::actor_cast<caf::actor>(translator_)};
  keeper_ = sys_.spawn<caf::detached>(cluster::keeper, std::move(ko));
  spdlog::info("engine: joining as '{}' ({} partitions, leases of {} ms)",
               instance_id(), cfg_.cluster.partitions,
               cfg_.cluster.lease_ttl.count());
}

void engine::hand_over() {
  if (!keeper_)
    return;
  // Every partition (and the intake role) goes to the other engines now,
  // instead of when the leases expire: each one's actors stop first.
  caf::scoped_actor self{sys_};
  self->request(keeper_, cfg_.cluster.lease_ttl * 2, stop_atom::value)
      .receive(
          [](bool all) {
            if (all)
              spdlog::info("engine: every lease handed over");
            else
              spdlog::warn("engine: some leases were not handed over; they "
                           "expire by themselves");
          },
          [](const caf::error& err) {
            spdlog::warn("engine: leases not handed over ({}); they expire by "
                         "themselves",
                         describe(err));
          });
}

bool engine::start_actors(std::string& err) {
  owned_ = std::make_shared<ownership>(
      static_cast<int32_t>(cfg_.cluster.partitions));
  auto so = sender_options_from(cfg_);
  so.db = db_;
  so.owned = owned_;
  if (cfg_.cluster.send_budget == "redis")
    so.budgets = budgets_;
  sender_ = sys_.spawn(sender, std::move(so));
  stars_options star_opts;
  star_opts.db = db_;
  star_opts.api_url = cfg_.telegram.api_url;
  star_opts.token = cfg_.secrets.telegram_bot_token;
  // Detached: it waits on the Bot API, never on a scheduler thread.
  stars_ = sys_.spawn<caf::detached>(stars, std::move(star_opts));
  auto sess = std::make_shared<session_options>(session_options_from(cfg_));
  sess->db = db_;
  sess->cache = cache_;
  sess->profiles = memo_;
  sess->sender = sender_;
  sess->stars = stars_;
  sess->translator = translator_;
  auto map = std::make_shared<const domain::language_map>(languages());
  sess->languages = map->languages();
  sess->language_map = map;
  sess->partitions = static_cast<int32_t>(cfg_.cluster.partitions);
  // For the join links; without it managers get codes only.
  std::string who_err;
  sess->bot_username = ops::fetch_bot_username(
      cfg_.telegram.api_url, cfg_.secrets.telegram_bot_token, who_err);
  if (sess->bot_username.empty())
    spdlog::warn("engine: {}; invitations go without links", who_err);
  if (sess->languages.empty()) {
    err = "the translator offers no language";
    return false;
  }
  auto co =
      std::make_shared<conversation_options>(conversation_options_from(cfg_));
  co->db = db_;
  co->glossaries = glossaries_;
  co->translator = translator_;
  co->sender = sender_;
  std::shared_ptr<const session_options> sopts = std::move(sess);
  std::shared_ptr<const conversation_options> copts = std::move(co);
  router_options ro;
  ro.db = db_;
  ro.sender = sender_;
  ro.owned = owned_;
  ro.intake = intake_;
  ro.stars = stars_;
  // Each partition's registry: its sessions and conversations carry the
  // partition's lease as the fence of every write.
  ro.make_registry = [sopts, copts](caf::local_actor* parent,
                                    fence_token fence) {
    auto s = std::make_shared<session_options>(*sopts);
    s->fence = fence;
    auto c = std::make_shared<conversation_options>(*copts);
    c->fence = fence;
    std::shared_ptr<const session_options> sp = std::move(s);
    std::shared_ptr<const conversation_options> cp = std::move(c);
    return parent->spawn(
        registry, session_factory{[sp](caf::local_actor* reg, int64_t chat_id) {
          return reg->spawn(session, chat_id, caf::actor_cast<caf::actor>(reg),
                            sp);
        }},
        conversation_factory{[cp](caf::local_actor* reg, int64_t m, int64_t w) {
          return reg->spawn(conversation, m, w,
                            caf::actor_cast<caf::actor>(reg), cp);
        }});
  };
  router_ = sys_.spawn(partition_router, std::move(ro));
  auto sw = sweeper_options_from(cfg_);
  sw.db = db_;
  sw.dispatcher = router_;
  sw.intake = intake_;
  sw.owned = owned_;
  sweeper_ = sys_.spawn(sweeper, std::move(sw));
  return true;
}

void engine::wire_admin() {
  admin_->db = db_;
  admin_->cache = cache_;
  admin_->translator = translator_;
  admin_->registry = router_;
  admin_->keeper = keeper_;
  admin_->token = cfg_.secrets.admin_token;
  admin_->operator_language = cfg_.ops.operator_language;
  admin_->api_url = cfg_.telegram.api_url;
  admin_->bot_token = cfg_.secrets.telegram_bot_token;
  admin_->rates = rates_;
  admin_->sys.store(&sys_, std::memory_order_release);
}

bool engine::start_webhook_intake(std::string& err) {
  webhook_->db = db_;
  webhook_->pressure = db_pressure_;
  webhook_->dispatcher = router_;
  webhook_->secret = cfg_.secrets.telegram_webhook_secret;
  webhook_->counters = intake_;
  webhook_->owned = owned_;
  webhook_->sys.store(&sys_, std::memory_order_release);
  // What an earlier run took and did not finish is resumed partition by
  // partition, as the keeper wins them.
  if (!ops::set_webhook(cfg_.telegram.api_url, cfg_.secrets.telegram_bot_token,
                        cfg_.telegram.webhook_url,
                        cfg_.secrets.telegram_webhook_secret, err))
    return false;
  spdlog::info("engine: started; webhook intake at {} (registered as {})",
               ops::webhook_path, cfg_.telegram.webhook_url);
  return true;
}

bool engine::start_polling(std::string& err) {
  // A webhook left from webhook mode would refuse getUpdates.
  if (!ops::delete_webhook(cfg_.telegram.api_url,
                           cfg_.secrets.telegram_bot_token, err))
    spdlog::warn("engine: {}; polling anyway", err);
  err.clear();
  auto fo = front_options_from(cfg_);
  fo.dispatcher = router_;
  fo.db = db_;
  fo.pressure = db_pressure_;
  fo.counters = intake_;
  fo.owned = owned_;
  front_ = sys_.spawn<caf::detached>(front, std::move(fo));
  spdlog::info("engine: started; polling {} with {} send workers",
               cfg_.telegram.api_url, cfg_.sender.http_workers);
  return true;
}

bool engine::drain(std::chrono::milliseconds deadline) {
  if (!running_)
    return true;
  telemetry::engine_health().draining = true;
  intake_->draining = true;
  // The front may be inside a long poll; it stores what that poll brings
  // but hands nothing on while draining, and stops after it.
  caf::anon_send(front_, stop_atom::value);
  auto until = std::chrono::steady_clock::now() + deadline;
  caf::scoped_actor self{sys_};
  auto nothing_left = [&] {
    // Done when the oldest unfinished update of the partitions owned here
    // is one the front stored but never handed on (or there is none).
    auto mine = owned_->owned();
    if (mine.empty())
      return true; // the other engines own everything
    if (owned_->owns_all())
      mine.clear(); // no filter: every row is ours
    bool empty = false;
    auto handed_on = intake_->last_handed_on.load();
    self->request(db_, std::chrono::seconds{5}, inbox_pending{0, 1, 0, 0, mine})
        .receive(
            [&](const inbox_page& p) {
              empty = p.rows.empty() || p.rows.front().update_id > handed_on;
            },
            [&](const caf::error&) {});
    if (!empty)
      return false;
    self->request(db_, std::chrono::seconds{5}, outbox_unsent{0, 1, 0, 0, mine})
        .receive([&](const outbox_page& p) { empty = p.rows.empty(); },
                 [&](const caf::error&) { empty = false; });
    return empty;
  };
  while (!nothing_left()) {
    if (std::chrono::steady_clock::now() >= until) {
      spdlog::warn("engine: drain deadline passed; what is left resumes at "
                   "the next start, or on the engines that take it over");
      hand_over();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  spdlog::info("engine: drained: every update taken is finished");
  // Sessions hold managers' free messages charged but unsent: given back
  // now, they are not lost with the actors (nor counted twice after a
  // restart that replays nothing).
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      until - std::chrono::steady_clock::now());
  self->request(router_, std::max(left, std::chrono::milliseconds{1000}),
                drain_atom::value)
      .receive([](bool) {},
               [](const caf::error& err) {
                 spdlog::warn("engine: allowance not given back: {}",
                              describe(err));
               });
  hand_over();
  return true;
}

void engine::stop() {
  if (!running_)
    return;
  running_ = false;
  caf::anon_send_exit(keeper_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(front_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sweeper_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(router_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sender_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(stars_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(poller_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(translator_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(retention_, caf::exit_reason::user_shutdown);
  if (budgets_)
    caf::anon_send_exit(budgets_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(cache_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(db_, caf::exit_reason::user_shutdown);
  if (http_)
    http_->stop();
  spdlog::info("engine: stopped");
}

} // namespace bridge
