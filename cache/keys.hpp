// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// Every Redis key Bridge uses, in one place: each has one owner and one
/// shape, so invalidation and purging can name them exactly.
namespace bridge::cache::keys {

/// Prefixes; `purge_patterns` lists what a full cache purge deletes.
constexpr std::string_view profile_prefix = "bridge:user:";
constexpr std::string_view subscription_prefix = "bridge:sub:";
constexpr std::string_view usage_prefix = "bridge:usage:";

inline std::string profile(int64_t telegram_id) {
  return std::string{profile_prefix} + std::to_string(telegram_id);
}

/// The profile a key holds, if it is a profile key.
inline std::optional<int64_t> profile_id(std::string_view key) {
  if (key.substr(0, profile_prefix.size()) != profile_prefix)
    return std::nullopt;
  auto digits = key.substr(profile_prefix.size());
  int64_t id = 0;
  auto [rest, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc{}
      || rest != digits.data() + digits.size())
    return std::nullopt;
  return id;
}

inline std::string subscription(int64_t user_id) {
  return std::string{subscription_prefix} + std::to_string(user_id);
}

inline std::string usage(int64_t manager_id, int64_t day) {
  return std::string{usage_prefix} + std::to_string(manager_id) + ":"
         + std::to_string(day);
}

/// The lease of a read-through fill of `key`: the fill stores what it read
/// only while its lease stands, and a write anywhere deletes both.
inline std::string fill_lease(std::string_view key) {
  return std::string{key} + ":fill";
}

inline std::string rate(std::string_view scope, int64_t subject,
                        int64_t window) {
  return "bridge:rate:" + std::string{scope} + ":" + std::to_string(subject)
         + ":" + std::to_string(window);
}

inline std::string lock(std::string_view name) {
  return "bridge:lock:" + std::string{name};
}

inline std::string fence(std::string_view name) {
  return "bridge:fence:" + std::string{name};
}

/// A token bucket the bot's instances share (`budget`: send,
/// translate.req, translate.tok).
inline std::string budget(std::string_view name) {
  return "bridge:budget:" + std::string{name};
}

/// The channel on which every engine publishes the profiles its writes
/// changed, so that the others drop their in-memory copies
/// (`invalidation_feed`).
constexpr std::string_view invalidation_channel = "bridge:invalidated";

/// What a purge after lost invalidations deletes: copies of database rows.
/// Rate counters and locks are not copies and stay.
constexpr std::string_view purge_patterns[] = {"bridge:user:*", "bridge:sub:*",
                                               "bridge:usage:*"};

} // namespace bridge::cache::keys
