// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "actors/bot_api_endpoint.hpp"
#include "actors/conversation.hpp"
#include "actors/front.hpp"
#include "actors/sender.hpp"
#include "actors/session.hpp"
#include "actors/sweeper.hpp"
#include "config/config.hpp"

/// The actors' options from the configuration: one function per options
/// struct, so each key reaches its actor in one place. Actor handles and
/// the languages are left for the wiring in app/ to fill.
namespace bridge {

/// Where the Bot API is (`telegram.*` and TELEGRAM_BOT_TOKEN).
bot_api_endpoint bot_api_endpoint_from(const bridge_config& cfg);

/// The front's polling options (`telegram.*`).
front_options front_options_from(const bridge_config& cfg);

/// The sender's limits and queue (`sender.*`).
sender_options sender_options_from(const bridge_config& cfg);

/// A session's limits (`session.*`).
session_options session_options_from(const bridge_config& cfg);

/// A conversation's limits (`conversation.*`).
conversation_options conversation_options_from(const bridge_config& cfg);

/// The inbox sweep's pace (`intake.*`).
sweeper_options sweeper_options_from(const bridge_config& cfg);

} // namespace bridge
