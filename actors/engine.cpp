#include "actors/engine.hpp"

#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/front.hpp"
#include "actors/registry.hpp"
#include "actors/sender.hpp"
#include "actors/session.hpp"
#include "messages/type_ids.hpp"

namespace bridge {

engine::engine(caf::actor_system& sys, const bridge_config& cfg)
  : sys_(sys), cfg_(cfg) {
}

engine::~engine() {
  stop();
}

void engine::start() {
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
  spdlog::info("engine: started; polling {} every update, {} send workers",
               cfg_.telegram.api_url, cfg_.sender.http_workers);
}

void engine::stop() {
  if (!running_)
    return;
  running_ = false;
  caf::anon_send_exit(front_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(registry_, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(sender_, caf::exit_reason::user_shutdown);
  spdlog::info("engine: stopped");
}

} // namespace bridge
