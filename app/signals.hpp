// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <csignal>
#include <functional>

namespace bridge {

/// Blocks SIGTERM, SIGINT and SIGHUP in this thread (and so in every
/// thread started later), so that `wait_for_stop` is their only receiver
/// and no handler ever runs inside an actor or a library call.
sigset_t block_engine_signals();

/// Waits for SIGTERM or SIGINT and returns it. Each SIGHUP on the way
/// calls `on_hangup` on this thread (a plain thread, never a scheduler
/// one, so it may block on files) and goes on waiting.
int wait_for_stop(const sigset_t& signals,
                  const std::function<void()>& on_hangup);

/// What SIGHUP does: reopens the log file and applies the log level the
/// configuration (file, environment, command line) gives now. A
/// configuration that no longer loads changes nothing and is logged.
void reload_logging(int argc, char** argv);

} // namespace bridge
