#pragma once

#include <chrono>
#include <string>

namespace bridge {

/// Where and how the engine reaches the Bot API.
struct bot_api_endpoint {
  std::string base_url;
  std::string token;
  std::chrono::milliseconds timeout{10000};
};

} // namespace bridge
