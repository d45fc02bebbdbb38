#include "actors/engine.hpp"

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/front.hpp"
#include "actors/registry.hpp"
#include "actors/sender.hpp"
#include "actors/session.hpp"
#include "messages/type_ids.hpp"
#include "ops/http_server.hpp"
#include "ops/routes.hpp"

#include <fstream>

namespace bridge {

engine::engine(caf::actor_system& sys, const bridge_config& cfg)
  : sys_(sys), cfg_(cfg) {
}

engine::~engine() {
  stop();
}

bool engine::start_http(std::string& err) {
  ops::http_options ho;
  ho.address = cfg_.http.listen_address;
  ho.port = static_cast<int>(cfg_.http.port);
  ho.threads = static_cast<size_t>(cfg_.http.threads);
  ho.max_body_bytes = static_cast<size_t>(cfg_.http.max_body_bytes);
  ho.read_timeout = cfg_.http.read_timeout;
  http_ = std::make_unique<ops::http_server>(ho);
  ops::add_health_routes(*http_);
  if (!http_->start(err))
    return false;
  spdlog::info("engine: HTTP on {}:{} (/metrics, /healthz, /readyz)",
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

bool engine::start(std::string& err) {
  if (!start_http(err))
    return false;
  bot_api_endpoint endpoint{cfg_.telegram.api_url,
                            cfg_.secrets.telegram_bot_token,
                            cfg_.telegram.request_timeout};
  sender_options so;
  so.endpoint = endpoint;
  so.limits.global_per_second = static_cast<double>(cfg_.sender.global_per_second);
  so.limits.per_chat_per_second = cfg_.sender.per_chat_per_second;
  so.limits.per_chat_burst = static_cast<double>(cfg_.sender.per_chat_burst);
  so.limits.group_per_minute = static_cast<double>(cfg_.sender.group_per_minute);
  so.http_workers = static_cast<size_t>(cfg_.sender.http_workers);
  so.queue_limit = static_cast<size_t>(cfg_.sender.queue_limit);
  so.max_attempts = static_cast<uint32_t>(cfg_.sender.max_attempts);
  sender_ = sys_.spawn(sender, std::move(so));

  auto snd = sender_;
  registry_ = sys_.spawn(registry, session_factory{
    [snd](caf::local_actor* parent, int64_t chat_id) {
      return parent->spawn(session, chat_id, snd);
    }});

  front_options fo;
  fo.endpoint = endpoint;
  fo.poll_timeout = cfg_.telegram.poll_timeout;
  fo.poll_limit = cfg_.telegram.poll_limit;
  fo.dispatcher = registry_;
  front_ = sys_.spawn<caf::detached>(front, std::move(fo));
  running_ = true;
  spdlog::info("engine: started; polling {} with {} send workers",
               cfg_.telegram.api_url, cfg_.sender.http_workers);
  return true;
}

void engine::stop() {
  if (!running_)
    return;
  running_ = false;
  caf::anon_send_exit(front_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(registry_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sender_, caf::exit_reason::user_shutdown);
  if (http_)
    http_->stop();
  spdlog::info("engine: stopped");
}

} // namespace bridge
