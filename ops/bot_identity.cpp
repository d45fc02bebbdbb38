// SPDX-License-Identifier: Apache-2.0
#include "ops/bot_identity.hpp"

#include <chrono>

#include "common/http_client.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/bot_identity.hpp"

namespace bridge::ops {

std::string fetch_bot_username(const std::string& api_url,
                               const std::string& token, std::string& err) {
  http_client client;
  auto resp =
      client.post(telegram::method_url(api_url, token, "getMe"), "{}",
                  {"Content-Type: application/json"}, std::chrono::seconds{10});
  if (resp.transport_failed()) {
    err = "getMe: " + resp.error;
    return {};
  }
  auto name = telegram::decode_get_me(resp.body);
  if (resp.status != 200 || !name) {
    err = "getMe refused or unreadable (HTTP " + std::to_string(resp.status)
          + ")";
    return {};
  }
  return *name;
}

} // namespace bridge::ops
