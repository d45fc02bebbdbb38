// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config/loader.hpp"

/// `bridge`'s exit statuses, one per reason, listed in the README and the
/// man page. The unit keeps systemd from restarting on the ones a restart
/// cannot mend (RestartPreventExitStatus=).
namespace bridge::exit_code {

/// Ran and drained, or printed what was asked (--help, --version,
/// --print-config).
constexpr int ok = 0;
/// Could not start: PostgreSQL unreachable, the HTTP port taken, no
/// translator, ...; a restart may mend it.
constexpr int start_failed = 1;
/// The command line or the configuration was refused (the message names
/// the key), or the log file cannot be opened.
constexpr int invalid_config = 2;
/// The file given to --config cannot be read.
constexpr int config_unreadable = 3;
/// A credential file in $CREDENTIALS_DIRECTORY cannot be read.
constexpr int credential_unreadable = 4;
/// No bot token: neither TELEGRAM_BOT_TOKEN nor the telegram_bot_token
/// credential.
constexpr int token_missing = 5;
/// The database was migrated by a newer Bridge (a backup of a newer
/// release restored under this binary): a restart cannot mend it.
constexpr int schema_newer = 6;
/// A second stop signal ended the drain early (128 + SIGINT, as shells
/// report an interrupted program).
constexpr int stopped_during_drain = 130;

/// The status for a refused start.
constexpr int for_failure(config::load_outcome::failure why) {
  using failure = config::load_outcome::failure;
  switch (why) {
  case failure::config_unreadable:
    return config_unreadable;
  case failure::credential_unreadable:
    return credential_unreadable;
  case failure::token_missing:
    return token_missing;
  default:
    return invalid_config;
  }
}

} // namespace bridge::exit_code
