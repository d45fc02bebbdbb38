// SPDX-License-Identifier: Apache-2.0
// The cache's coordination side: per-user rate limits and leader locks.

#include "cache/cache_actor.hpp"

#include <cstdlib>

#include "cache/keys.hpp"
#include "cache/lock_scripts.hpp"
#include "common/error.hpp"
#include "messages/type_ids.hpp"

namespace bridge::cache {

namespace {

constexpr int64_t max_window_ms = 86400000;
constexpr int64_t max_lock_ttl_ms = 3600000;

/// Names that become part of a key: lowercase words only, so no caller
/// can reach another key (`*`, `:`) or smuggle bytes into one.
bool is_key_word(std::string_view s, size_t max) {
  if (s.empty() || s.size() > max)
    return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
          || c == '-' || c == '.'))
      return false;
  return true;
}

/// Owners are printable ASCII without spaces (host names, pids, uuids).
bool is_owner(std::string_view s) {
  if (s.empty() || s.size() > 128)
    return false;
  for (char c : s)
    if (c <= ' ' || c > '~')
      return false;
  return true;
}

caf::error check_lock(std::string_view name, std::string_view owner,
                      int64_t ttl_ms) {
  if (!is_key_word(name, 64))
    return make_error(engine_errc::invalid_input,
                      "a lock name is 1-64 characters of [a-z0-9_.-]");
  if (!is_owner(owner))
    return make_error(
        engine_errc::invalid_input,
        "a lock owner is 1-128 printable characters without spaces");
  if (ttl_ms < 1 || ttl_ms > max_lock_ttl_ms)
    return make_error(engine_errc::invalid_input,
                      "a lock lives 1 ms to 1 hour");
  return {};
}

std::string lock_value(std::string_view owner, int64_t token) {
  return std::string{owner} + ":" + std::to_string(token);
}

caf::error no_redis() {
  // Two instances must never both believe they lead because Redis was
  // away, so a lock is refused rather than granted locally.
  return make_error(engine_errc::cache_unavailable,
                    "Redis is unavailable; leader locks need it");
}

} // namespace

caf::result<rate_verdict> cache_state::hit(const rate_hit& h) {
  if (!is_key_word(h.scope, 32))
    return make_error(engine_errc::invalid_input,
                      "a rate scope is 1-32 characters of [a-z0-9_.-]");
  if (h.limit < 0 || h.window_ms < 1 || h.window_ms > max_window_ms)
    return make_error(
        engine_errc::invalid_input,
        "a rate limit needs limit >= 0 and a window of 1 ms to 1 day");
  auto now = now_ms();
  auto w = fixed_window::at(now, h.window_ms);
  if (opts_.enabled && !h.count) {
    auto r = call({"GET", keys::rate(h.scope, h.subject, w.index)});
    if (r && (r->is_nil() || r->type == redis_reply::kind::string))
      return judge((r->is_nil() ? 0 : std::atoll(r->str.c_str())) + 1, h.limit,
                   w, now);
    ++counters_.fallbacks;
  } else if (opts_.enabled) {
    auto key = keys::rate(h.scope, h.subject, w.index);
    // INCR and the expiry travel together: one round trip.
    auto r = call(std::vector<redis_command>{
        {"INCR", key}, {"PEXPIRE", key, std::to_string(2 * h.window_ms)}});
    if (r && r->front().type == redis_reply::kind::integer)
      return judge(r->front().integer, h.limit, w, now);
    ++counters_.fallbacks;
  }
  ++counters_.local_rate_decisions;
  return local_.hit(h, now);
}

caf::result<lock_grant> cache_state::acquire(const lock_acquire& x) {
  if (auto err = check_lock(x.name, x.owner, x.ttl_ms))
    return err;
  if (!opts_.enabled) {
    // One instance without Redis: a lock in memory, with a time-based
    // token so the database fence still orders leaders.
    auto now = now_ms();
    auto& l = local_locks_[x.name];
    if (!l.value.empty() && l.expires_at_ms > now)
      return lock_grant{false, 0};
    auto token = now * 1000;
    l = local_lock{lock_value(x.owner, token), now + x.ttl_ms};
    return lock_grant{true, token};
  }
  auto r = call({"EVAL", scripts::acquire, "2", keys::lock(x.name),
                 keys::fence(x.name), x.owner, std::to_string(x.ttl_ms)});
  if (!r || r->type != redis_reply::kind::integer)
    return no_redis();
  return lock_grant{r->integer > 0, r->integer};
}

caf::result<lock_grant> cache_state::renew(const lock_renew& x) {
  if (auto err = check_lock(x.name, x.owner, x.ttl_ms))
    return err;
  auto value = lock_value(x.owner, x.token);
  if (!opts_.enabled) {
    auto now = now_ms();
    auto it = local_locks_.find(x.name);
    if (it == local_locks_.end() || it->second.value != value
        || it->second.expires_at_ms <= now)
      return lock_grant{false, x.token};
    it->second.expires_at_ms = now + x.ttl_ms;
    return lock_grant{true, x.token};
  }
  auto r = call({"EVAL", scripts::renew, "1", keys::lock(x.name), value,
                 std::to_string(x.ttl_ms)});
  if (!r || r->type != redis_reply::kind::integer)
    return no_redis();
  return lock_grant{r->integer == 1, x.token};
}

caf::result<lock_grant> cache_state::release(const lock_release& x) {
  if (auto err = check_lock(x.name, x.owner, 1))
    return err;
  auto value = lock_value(x.owner, x.token);
  if (!opts_.enabled) {
    auto it = local_locks_.find(x.name);
    if (it != local_locks_.end() && it->second.value == value)
      local_locks_.erase(it);
    return lock_grant{false, x.token};
  }
  auto r = call({"EVAL", scripts::release, "1", keys::lock(x.name), value});
  if (!r)
    return no_redis();
  return lock_grant{false, x.token};
}

} // namespace bridge::cache
