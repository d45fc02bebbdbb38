// SPDX-License-Identifier: Apache-2.0
#include "app/signals.hpp"

#include <cstdlib>

#include <pthread.h>
#include <spdlog/spdlog.h>

#include "common/log.hpp"
#include "config/loader.hpp"

namespace bridge {

sigset_t block_engine_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int wait_for_stop(const sigset_t& signals,
                  const std::function<void()>& on_hangup) {
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0)
      continue;
    if (sig != SIGHUP)
      return sig;
    if (on_hangup)
      on_hangup();
  }
}

void reload_logging(int argc, char** argv) {
  std::string err;
  if (!log::reopen(err))
    spdlog::error("SIGHUP: cannot reopen the log file: {}", err);
  auto outcome = config::load(
      argc, argv, [](const char* name) { return std::getenv(name); });
  if (outcome.what != config::load_outcome::action::run) {
    spdlog::error("SIGHUP: configuration not reloaded, log level stays {}: {}",
                  log::level_name(), outcome.message);
    return;
  }
  auto before = log::level_name();
  const auto& level = outcome.cfg.engine.log_level;
  if (!log::set_level(level)) {
    spdlog::error("SIGHUP: unknown log level '{}'", level);
    return;
  }
  // At warn, so that it is written at every level but error and off.
  spdlog::warn("SIGHUP: log file reopened; log level {} (was {})", level,
               before);
}

} // namespace bridge
