// SPDX-License-Identifier: Apache-2.0
#pragma once

/// Lua scripts of the leader lock, run with EVAL so each check-and-set is
/// atomic inside Redis. The lock's value is "<owner>:<token>", so only the
/// holder of that exact acquisition can renew or release it.
namespace bridge::cache::scripts {

/// KEYS: lock, fence. ARGV: owner, ttl_ms. Returns the fencing token, or
/// 0 when the lock is held. Tokens grow by one per acquisition and never
/// fall below the server's clock in microseconds, so they keep growing
/// across a Redis restart that lost the counter. (Lua numbers are doubles:
/// exact to 2^53, and printed with %d so no exponent sneaks into a value.)
constexpr const char* acquire = R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local t = redis.call('TIME')
local floor = tonumber(t[1]) * 1000000 + tonumber(t[2])
local token = redis.call('INCR', KEYS[2])
if token < floor then
  token = floor
  redis.call('SET', KEYS[2], string.format('%d', token))
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. string.format('%d', token), 'PX', ARGV[2])
return token
)lua";

/// KEYS: key, its fill lease. ARGV: the lease's token, value, ttl_s.
/// Stores the value a read-through fill read only while the fill's lease
/// stands: a write on any instance deletes the lease with the key, so a
/// value read before that write is never stored after it. 1 when stored.
constexpr const char* fill = R"lua(
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('DEL', KEYS[2])
return 1
)lua";

/// KEYS: lock. ARGV: "<owner>:<token>", ttl_ms. 1 when extended.
constexpr const char* renew = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
)lua";

/// KEYS: lock. ARGV: "<owner>:<token>". 1 when released.
constexpr const char* release = R"lua(
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
)lua";

} // namespace bridge::cache::scripts
