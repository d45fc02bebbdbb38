// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"

namespace bridge::config {

/// Reads secrets from systemd's credentials folder (`LoadCredential=`
/// puts one file per credential in `$CREDENTIALS_DIRECTORY`). Each secret's
/// file is named after its environment variable in lower case
/// (`telegram_bot_token`) and, when present, wins over the variable. A
/// file that is there but cannot be read is an error naming the file and
/// why, never the content; one trailing newline is dropped.
std::optional<std::string> apply_credentials(bridge_config& cfg,
                                             const std::string& dir);

/// The file name a secret's credential has (`TELEGRAM_BOT_TOKEN` ->
/// `telegram_bot_token`).
std::string credential_name(const char* env_var);

} // namespace bridge::config
