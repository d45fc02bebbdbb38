// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

#include "messages/stars.hpp"
#include "messages/storage.hpp"

namespace bridge {

struct stars_options {
  db_actor db;
  std::string api_url;
  /// Secret: never logged.
  std::string token;
  /// How long a checkout waits for the database: well inside the 10
  /// seconds Telegram gives, so a slow database refuses in time instead
  /// of letting the payment time out.
  std::chrono::milliseconds check_timeout{3000};
  std::chrono::milliseconds http_timeout{5000};
};

/// The Stars desk: answers every pre-checkout query (is its payload an
/// open order of that user, for that amount, in XTR?) and makes invoice
/// links. One actor for all chats, never behind any chat's queue; spawn
/// it detached, as it waits on the Bot API.
stars_actor::behavior_type stars(stars_actor::pointer self, stars_options opts);

} // namespace bridge
