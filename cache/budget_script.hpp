// SPDX-License-Identifier: Apache-2.0
#pragma once

/// The Lua script of the budgets the bot's instances share: a token bucket
/// per budget, kept in one hash, read and written atomically inside Redis.
namespace bridge::cache::scripts {

/// KEYS: the bucket. ARGV: rate (per second), burst, want, least.
/// Refills by Redis' own clock (TIME), so the instances' clocks never have
/// to agree; gives min(want, tokens) when at least `least` is there, and
/// nothing otherwise. A `least` beyond the burst (one call larger than the
/// burst) is given once the bucket is full, leaving it in debt, so the
/// total never passes rate x time + burst. Returns {granted, wait_us}: the
/// grant as a string (Lua numbers become integers in replies), and when
/// nothing was given, microseconds until `least` is there. The hash lapses
/// once it would have refilled anyway.
constexpr const char* take = R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local want = tonumber(ARGV[3])
local least = tonumber(ARGV[4])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1])
local at = tonumber(b[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
end
if now > at then
  tokens = math.min(burst, tokens + (now - at) * rate / 1000000)
  at = now
end
local bar = math.min(least, burst)
local granted = 0
local wait = 0
if tokens >= bar - 1e-9 then
  granted = math.max(least, math.min(want, tokens))
  tokens = tokens - granted
else
  wait = math.ceil((bar - tokens) * 1000000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens),
           'at', string.format('%d', at))
local full_in_ms = math.ceil((burst - tokens) * 1000 / rate) + 1000
redis.call('PEXPIRE', KEYS[1], full_in_ms)
return {string.format('%.17g', granted), wait}
)lua";

} // namespace bridge::cache::scripts
