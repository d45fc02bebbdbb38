#include "app/engine.hpp"

#include <algorithm>
#include <fstream>
#include <thread>

#include <unistd.h>

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/intake.hpp"
#include "actors/options_from.hpp"
#include "actors/registry.hpp"
#include "cache/start.hpp"
#include "messages/type_ids.hpp"
#include "ops/admin.hpp"
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
  : sys_(sys), cfg_(cfg) {
}

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
  auto db = storage::start_db_pool(sys_, cfg_);
  if (!db) {
    err = "database: " + describe(db.error());
    return false;
  }
  db_ = *db;
  telemetry::engine_health().migrations = true;
  auto cache = cache::start_cache(sys_, cfg_, db_);
  if (!cache) {
    err = "cache: " + describe(cache.error());
    return false;
  }
  cache_ = *cache;
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  auto owner = std::string{host} + ":" + std::to_string(getpid());
  retention_ = sys_.spawn(storage::retention,
                          storage::retention_options_from(cfg_, db_, cache_,
                                                          owner));
  auto tr = translation::spawn_translator(sys_, cfg_);
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

std::vector<std::string> engine::languages() {
  // Every language that is a source of some pair, in a stable order.
  std::vector<std::string> out;
  caf::scoped_actor self{sys_};
  self->request(translator_, std::chrono::seconds{10}, languages_atom::value)
    .receive(
      [&](const std::vector<language_pair>& pairs) {
        for (const auto& p : pairs)
          if (std::find(out.begin(), out.end(), p.source) == out.end())
            out.push_back(p.source);
      },
      [&](const caf::error& e) {
        spdlog::error("engine: translator languages unknown: {}", describe(e));
      });
  std::sort(out.begin(), out.end());
  return out;
}

bool engine::start(std::string& err) {
  if (!start_http(err) || !start_rooms(err) || !start_actors(err))
    return false;
  wire_admin();
  if (webhook_ ? !start_webhook_intake(err) : !start_polling(err))
    return false;
  running_ = true;
  return true;
}

bool engine::start_actors(std::string& err) {
  auto so = sender_options_from(cfg_);
  so.db = db_;
  sender_ = sys_.spawn(sender, std::move(so));
  auto sess = std::make_shared<session_options>(session_options_from(cfg_));
  sess->db = db_;
  sess->cache = cache_;
  sess->sender = sender_;
  sess->languages = languages();
  if (sess->languages.empty()) {
    err = "the translator offers no language";
    return false;
  }
  auto co = std::make_shared<conversation_options>(
    conversation_options_from(cfg_));
  co->db = db_;
  co->translator = translator_;
  co->sender = sender_;
  std::shared_ptr<const session_options> sopts = std::move(sess);
  std::shared_ptr<const conversation_options> copts = std::move(co);
  registry_ = sys_.spawn(
    registry,
    session_factory{[sopts](caf::local_actor* parent, int64_t chat_id) {
      return parent->spawn(session, chat_id,
                           caf::actor_cast<caf::actor>(parent), sopts);
    }},
    conversation_factory{[copts](caf::local_actor* parent, int64_t m,
                                 int64_t w) {
      return parent->spawn(conversation, m, w,
                           caf::actor_cast<caf::actor>(parent), copts);
    }});
  auto sw = sweeper_options_from(cfg_);
  sw.db = db_;
  sw.dispatcher = registry_;
  sw.intake = intake_;
  sweeper_ = sys_.spawn(sweeper, std::move(sw));
  return true;
}

void engine::wire_admin() {
  admin_->db = db_;
  admin_->cache = cache_;
  admin_->translator = translator_;
  admin_->registry = registry_;
  admin_->token = cfg_.secrets.admin_token;
  admin_->rates = rates_;
  admin_->sys.store(&sys_, std::memory_order_release);
}

bool engine::start_webhook_intake(std::string& err) {
  webhook_->db = db_;
  webhook_->dispatcher = registry_;
  webhook_->secret = cfg_.secrets.telegram_webhook_secret;
  webhook_->counters = intake_;
  webhook_->sys.store(&sys_, std::memory_order_release);
  // The inbox may hold what an earlier run took and did not finish.
  resume_from_inbox(sys_, db_, registry_, *intake_);
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
  fo.dispatcher = registry_;
  fo.db = db_;
  fo.counters = intake_;
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
    // Done when the oldest unfinished update is one the front stored
    // but never handed on (or there is none).
    bool empty = false;
    auto handed_on = intake_->last_handed_on.load();
    self->request(db_, std::chrono::seconds{5}, inbox_pending{0, 1, 0})
      .receive(
        [&](const inbox_page& p) {
          empty = p.rows.empty() || p.rows.front().update_id > handed_on;
        },
        [&](const caf::error&) {});
    if (!empty)
      return false;
    self->request(db_, std::chrono::seconds{5}, outbox_unsent{0, 1, 0})
      .receive([&](const outbox_page& p) { empty = p.rows.empty(); },
               [&](const caf::error&) { empty = false; });
    return empty;
  };
  while (!nothing_left()) {
    if (std::chrono::steady_clock::now() >= until) {
      spdlog::warn("engine: drain deadline passed; what is left resumes at "
                   "the next start");
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
  self->request(registry_, std::max(left, std::chrono::milliseconds{1000}),
                drain_atom::value)
    .receive([](bool) {},
             [](const caf::error& err) {
               spdlog::warn("engine: allowance not given back: {}",
                            describe(err));
             });
  return true;
}

void engine::stop() {
  if (!running_)
    return;
  running_ = false;
  caf::anon_send_exit(front_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sweeper_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(registry_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sender_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(poller_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(translator_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(retention_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(cache_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(db_, caf::exit_reason::user_shutdown);
  if (http_)
    http_->stop();
  spdlog::info("engine: stopped");
}

} // namespace bridge
