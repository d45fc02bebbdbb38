// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

#include "config/defaults.hpp"

namespace bridge {

/// Where and how the engine reaches the Bot API.
struct bot_api_endpoint {
  std::string base_url;
  std::string token;
  std::chrono::milliseconds timeout = defaults::telegram::request_timeout;
};

} // namespace bridge
