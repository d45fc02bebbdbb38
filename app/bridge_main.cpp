// SPDX-License-Identifier: Apache-2.0
// The engine's main: configuration, logging, the actor system, the engine,
// and a clean stop on SIGTERM or SIGINT (SIGHUP reloads logging). Exit
// statuses: app/exit_codes.hpp.

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <unistd.h>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <spdlog/spdlog.h>

#include "app/engine.hpp"
#include "app/exit_codes.hpp"
#include "app/service_notify.hpp"
#include "app/signals.hpp"
#include "common/heap.hpp"
#include "common/log.hpp"
#include "common/version.hpp"
#include "config/loader.hpp"
#include "config/schema.hpp"
#include "messages/type_ids.hpp"
#include "telemetry/health.hpp"

namespace {

/// What READY=1 waits for: what /readyz waits for, except that an engine
/// standing by for the intake role is ready without polling Telegram.
bool ready_to_serve(const bridge::engine& eng) {
  auto& h = bridge::telemetry::engine_health();
  if (h.ready())
    return true;
  return h.database && h.migrations && !h.draining && eng.standing_by();
}

} // namespace

int main(int argc, char** argv) {
  bool heap_kept = bridge::retain_freed_heap();
  auto outcome = bridge::config::load(
      argc, argv, [](const char* name) { return std::getenv(name); });
  using action = bridge::config::load_outcome::action;
  if (outcome.what == action::exit_success) {
    std::cout << outcome.message;
    return bridge::exit_code::ok;
  }
  if (outcome.what == action::exit_failure) {
    std::cerr << "bridge: " << outcome.message << '\n';
    return bridge::exit_code::for_failure(outcome.why);
  }
  const auto& cfg = outcome.cfg;
  auto masker = std::make_shared<bridge::log::secret_masker>();
  bridge::config::visit_secrets(
      outcome.cfg, [&](const char*, std::string& v) { masker->add(v); });
  std::string err;
  if (!bridge::log::init(cfg.engine.log_level, cfg.engine.log_file,
                         cfg.engine.log_format, masker, err)) {
    std::cerr << "bridge: logging: " << err << '\n';
    return bridge::exit_code::invalid_config;
  }
  if (!heap_kept)
    spdlog::info("bridge: the allocator keeps its own heap settings (not "
                 "glibc's): freed memory may go back to the kernel at once");
  auto signals = bridge::block_engine_signals();
  auto on_hangup = [argc, argv] { bridge::reload_logging(argc, argv); };

  caf::actor_system_config caf_cfg;
  bridge::announce_message_types(caf_cfg);
  // CAF's own default is at least four threads; on a two-core machine the
  // two extra ones only add wake-ups and migrations between the cores.
  auto threads = cfg.engine.scheduler_threads > 0
                     ? static_cast<size_t>(cfg.engine.scheduler_threads)
                     : std::max<size_t>(1, std::thread::hardware_concurrency());
  caf_cfg.set("scheduler.max-threads", threads);
  // Each poll is a 50 us sleep and wake-up: at a steady trickle of work
  // an idle thread never gets past them to sleeping until woken.
  caf_cfg.set("work-stealing.moderate-poll-attempts",
              static_cast<size_t>(cfg.engine.scheduler_idle_polls));
  caf_cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{caf_cfg};
  spdlog::info("bridge {} starting: backend {}, {} scheduler threads",
               bridge::version(), cfg.translator.backend,
               sys.scheduler().num_workers());
  {
    bridge::engine eng{sys, cfg};
    if (!eng.start(err)) {
      spdlog::critical("bridge: cannot start: {}", err);
      return eng.start_failure() == bridge::engine_errc::schema_newer
                 ? bridge::exit_code::schema_newer
                 : bridge::exit_code::start_failed;
    }
    int sig = 0;
    {
      bridge::service::readiness_watch watch{
          [&eng] { return ready_to_serve(eng); },
          std::chrono::milliseconds{100}};
      sig = bridge::wait_for_stop(signals, on_hangup);
    }
    bridge::service::notify_stopping();
    spdlog::info("bridge: {} received, draining (at most {} ms; a second "
                 "signal stops at once)",
                 sig == SIGTERM ? "SIGTERM" : "SIGINT",
                 cfg.shutdown.drain_deadline.count());
    // The drain runs beside this thread, which keeps listening: a second
    // signal ends the process at once. PostgreSQL's transactions keep the
    // data whole; what was unfinished resumes at the next start.
    std::atomic<bool> drained{false};
    std::thread drainer{[&] {
      eng.drain(cfg.shutdown.drain_deadline);
      drained = true;
      kill(getpid(), SIGTERM); // wakes the wait below
    }};
    bridge::wait_for_stop(signals, on_hangup);
    if (!drained) {
      spdlog::warn("bridge: second signal, exiting now");
      spdlog::shutdown();
      std::_Exit(bridge::exit_code::stopped_during_drain);
    }
    drainer.join();
    eng.stop();
  }
  return bridge::exit_code::ok;
}
