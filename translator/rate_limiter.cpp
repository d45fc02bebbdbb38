// SPDX-License-Identifier: Apache-2.0
#include "translator/rate_limiter.hpp"

#include <algorithm>

namespace bridge::translation {

namespace {

/// 100 ms slots: fine enough that the window costs under 0.2 % of the
/// rate, coarse enough to stay a few kilobytes.
constexpr uint32_t window_slots = 600;

/// The period the limits are kept over: a minute plus the transit margin.
std::chrono::steady_clock::duration period(const rate_limits& l) {
  return std::chrono::minutes{1}
         + std::max(l.transit_margin, std::chrono::milliseconds{0});
}

double per_second(double per_period, const rate_limits& l) {
  return per_period / std::chrono::duration<double>(period(l)).count();
}

/// The shared bucket's rate for a limit of `per_period`. Grants may be
/// spent up to their lapse after they came, and the bucket lends a
/// second's worth at once: a bucket this much slower keeps every window
/// of a period within the limit.
double shared_rate_of(double per_period, const rate_limits& l) {
  auto lapse = std::chrono::duration<double>(shared_budget::settings{}.lapse);
  auto period_s = std::chrono::duration<double>(period(l)).count();
  return per_period / (period_s + 1.0 + lapse.count());
}

shared_budget::settings pace_of(double per_period, const rate_limits& l) {
  shared_budget::settings s;
  s.rate = per_second(per_period, l);
  // One second's worth, but at least one whole unit so that a slow rate
  // still lets a single call through.
  s.burst_seconds = 1.0;
  s.min_burst = 1.0;
  // However many share the key, one unit a period each still moves.
  s.floor = per_second(1.0, l);
  s.draws = l.draw_shared;
  s.shared_rate = shared_rate_of(per_period, l);
  return s;
}

} // namespace

const char* to_string(key_budget b) {
  return b == key_budget::requests ? "translate.req" : "translate.tok";
}

rate_limiter::rate_limiter(rate_limits limits, time_point now)
    : limits_(limits),
      request_pace_(pace_of(limits.requests_per_minute, limits), now),
      token_pace_(pace_of(limits.tokens_per_minute, limits), now),
      request_window_(limits.requests_per_minute, period(limits), window_slots,
                      now),
      token_window_(limits.tokens_per_minute, period(limits), window_slots,
                    now),
      paused_until_(now) {}

admission rate_limiter::check(time_point now, double tokens) {
  using verdict = admission::verdict;
  grant_need_ = 0;
  if (tokens > limits_.tokens_per_minute)
    return {verdict::too_large, time_point::max(), "tokens"};
  if (in_flight_ >= limits_.max_in_flight)
    return {verdict::busy, time_point::max(), "in_flight"};
  admission out{verdict::go, now, ""};
  auto later = [&](time_point t, const char* which) {
    if (t > out.at) {
      out.at = t;
      out.limit = which;
    }
  };
  later(paused_until_, "server_pause");
  later(server_.ready_at(now, tokens, in_flight_), "server_budget");
  later(request_window_.ready_at(now, 1.0), "requests");
  // A call larger than this instance's share of a minute waits for an
  // empty window rather than for ever; alone, the share is the limit and
  // `too_large` above already refused such a call.
  later(token_window_.ready_at(now, std::min(tokens, token_window_.limit())),
        "tokens");
  // Held by nothing but grants: those are worth asking for.
  grant_need_ = out.at <= now ? tokens : 0;
  later(request_pace_.ready_at(now, 1.0), "requests");
  // A call larger than the pacing burst waits for a full bucket and then
  // takes it all; the window still counts its true size.
  later(token_pace_.ready_at(now, tokens), "tokens");
  if (out.at > now)
    out.what = verdict::wait;
  else
    grant_need_ = 0;
  return out;
}

void rate_limiter::start(time_point now, double tokens) {
  ++in_flight_;
  request_pace_.try_take(now, 1.0);
  token_pace_.try_take(now, tokens);
  request_window_.add(now, 1.0);
  token_window_.add(now, tokens);
  server_.spent(tokens);
}

void rate_limiter::finish() {
  if (in_flight_ > 0)
    --in_flight_;
}

void rate_limiter::pause_until(time_point until) {
  paused_until_ = std::max(paused_until_, until);
}

void rate_limiter::observe(time_point now, const rate_snapshot& s) {
  server_.observe(now, s);
}

// -- limits shared with other instances
// -----------------------------------------

void rate_limiter::set_members(uint32_t n, time_point now) {
  request_pace_.set_members(n, now);
  token_pace_.set_members(n, now);
  fit_windows();
}

void rate_limiter::fit_windows() {
  auto part = [](const shared_budget& b, double limit, double floor) {
    return b.drawing() ? limit : share_of(limit, b.members(), floor);
  };
  request_window_.set_limit(
      part(request_pace_, limits_.requests_per_minute, 1.0));
  token_window_.set_limit(part(token_pace_, limits_.tokens_per_minute, 1.0));
}

std::vector<budget_ask> rate_limiter::asks(time_point now, double waiting) {
  std::vector<budget_ask> out;
  if (grant_need_ <= 0)
    return out;
  auto add = [&](key_budget b, double limit, double need, double demand) {
    if (auto a = budget_of(b).ask_for(now, need, demand)) {
      auto rate = shared_rate_of(limit, limits_);
      out.push_back({b, rate, std::max(1.0, rate), *a});
    }
  };
  add(key_budget::requests, limits_.requests_per_minute, 1.0, waiting);
  add(key_budget::tokens, limits_.tokens_per_minute, grant_need_, grant_need_);
  return out;
}

void rate_limiter::asked(key_budget b) {
  budget_of(b).asked();
}

bool rate_limiter::granted(key_budget b, double tokens,
                           std::chrono::microseconds wait, time_point now) {
  auto recovered = budget_of(b).granted(tokens, wait, now);
  fit_windows();
  return recovered;
}

bool rate_limiter::failed(key_budget b, time_point now) {
  auto started = budget_of(b).failed(now);
  fit_windows();
  return started;
}

} // namespace bridge::translation
