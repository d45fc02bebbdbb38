#pragma once

#include <cstdint>
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

inline std::string rate(std::string_view scope, int64_t subject, int64_t window) {
  return "bridge:rate:" + std::string{scope} + ":" + std::to_string(subject) + ":"
         + std::to_string(window);
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

/// What a purge after lost invalidations deletes: copies of database rows.
/// Rate counters and locks are not copies and stay.
constexpr std::string_view purge_patterns[] = {"bridge:user:*", "bridge:sub:*",
                                               "bridge:usage:*"};

} // namespace bridge::cache::keys
