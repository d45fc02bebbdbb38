#include "translator/rate_limiter.hpp"

#include <algorithm>

namespace bridge::translation {

namespace {

/// 100 ms slots: fine enough that the window costs under 0.2 % of the
/// rate, coarse enough to stay a few kilobytes.
constexpr uint32_t window_slots = 600;

/// The period the limits are kept over: a minute plus the transit margin.
std::chrono::steady_clock::duration period(const rate_limits& l) {
  return std::chrono::minutes{1} + std::max(l.transit_margin,
                                            std::chrono::milliseconds{0});
}

double per_second(double per_period, const rate_limits& l) {
  return per_period / std::chrono::duration<double>(period(l)).count();
}

/// One second's worth, but at least one whole unit so that a slow rate
/// still lets a single call through.
double pace_burst(double per_period, const rate_limits& l) {
  return std::max(1.0, per_second(per_period, l));
}

} // namespace

rate_limiter::rate_limiter(rate_limits limits, time_point now)
  : limits_(limits),
    request_pace_(per_second(limits.requests_per_minute, limits),
                  pace_burst(limits.requests_per_minute, limits), now),
    token_pace_(per_second(limits.tokens_per_minute, limits),
                pace_burst(limits.tokens_per_minute, limits), now),
    request_window_(limits.requests_per_minute, period(limits), window_slots,
                    now),
    token_window_(limits.tokens_per_minute, period(limits), window_slots, now),
    paused_until_(now) {
}

admission rate_limiter::check(time_point now, double tokens) {
  using verdict = admission::verdict;
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
  later(request_pace_.ready_at(now, 1.0), "requests");
  later(request_window_.ready_at(now, 1.0), "requests");
  // A call larger than the pacing burst waits for a full bucket and then
  // takes it all; the window below still counts its true size.
  auto paced = std::min(tokens, token_pace_.burst());
  later(token_pace_.ready_at(now, paced), "tokens");
  later(token_window_.ready_at(now, tokens), "tokens");
  if (out.at > now)
    out.what = verdict::wait;
  return out;
}

void rate_limiter::start(time_point now, double tokens) {
  ++in_flight_;
  request_pace_.try_take(now, 1.0);
  token_pace_.try_take(now, std::min(tokens, token_pace_.burst()));
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

} // namespace bridge::translation
