// SPDX-License-Identifier: Apache-2.0
#include "common/shared_budget.hpp"

#include <algorithm>
#include <cmath>

namespace bridge {

namespace {

/// Slack for floating-point rounding; far below one token.
constexpr double epsilon = 1e-9;

} // namespace

double share_of(double limit, uint32_t members, double floor) {
  if (members <= 1)
    return limit;
  return std::min(limit, std::max(floor, limit / members));
}

shared_budget::shared_budget(settings s, time_point now)
    : s_(s), local_(s.rate, burst_of(s.rate), now), retry_at_(now),
      next_probe_(now), spent_at_(now) {}

double shared_budget::burst_of(double rate) const {
  return std::max(s_.min_burst, rate * s_.burst_seconds);
}

double shared_budget::local_rate() const {
  // While drawing, the grants keep the bot's budget; the local bucket
  // only spaces this instance's spending as it would alone.
  return drawing() ? s_.rate : share_of(s_.rate, members_, s_.floor);
}

double shared_budget::shared_rate() const {
  return s_.shared_rate > 0 ? s_.shared_rate : s_.rate;
}

double shared_budget::local_part(double n) const {
  return std::min(n, local_.burst());
}

void shared_budget::reconfigure(time_point now) {
  auto rate = local_rate();
  local_.reconfigure(rate, burst_of(rate), now);
}

void shared_budget::set_members(uint32_t n, time_point now) {
  members_ = std::max<uint32_t>(n, 1);
  if (!drawing())
    grants_.clear();
  reconfigure(now);
}

double shared_budget::held(time_point now) {
  while (!grants_.empty() && grants_.front().lapses <= now)
    grants_.pop_front();
  double sum = 0;
  for (auto& g : grants_)
    sum += g.tokens;
  return sum;
}

double shared_budget::pace(time_point now) {
  using seconds = std::chrono::duration<double>;
  auto window = seconds(s_.pace_window).count();
  if (window <= 0)
    return 0;
  if (now > spent_at_) {
    spent_ *= std::exp(-seconds(now - spent_at_).count() / window);
    spent_at_ = now;
  }
  return spent_ / window;
}

void shared_budget::spent(time_point now, double n) {
  pace(now);
  spent_ += n;
}

bool shared_budget::try_take(time_point now, double n) {
  if (!drawing())
    return local_.try_take(now, local_part(n));
  auto from_grants = n;
  if (held(now) + epsilon < from_grants
      || local_.ready_at(now, local_part(n)) > now)
    return false;
  local_.try_take(now, local_part(n));
  spent(now, n);
  // Oldest first: they lapse first.
  while (from_grants > epsilon && !grants_.empty()) {
    auto& g = grants_.front();
    auto part = std::min(g.tokens, from_grants);
    g.tokens -= part;
    from_grants -= part;
    if (g.tokens <= epsilon)
      grants_.pop_front();
  }
  return true;
}

shared_budget::time_point shared_budget::ready_at(time_point now, double n) {
  auto local = local_.ready_at(now, local_part(n));
  if (!drawing() || held(now) + epsilon >= n)
    return local;
  // Short of grants: the next answer is due shortly, or the bucket said
  // when it has tokens again.
  auto grant =
      asking_ ? now + s_.reply_wait : std::max(now + s_.reply_wait, retry_at_);
  return std::max(local, grant);
}

std::optional<shared_budget::ask>
shared_budget::ask_for(time_point now, double need, double demand) {
  if (!s_.draws || members_ <= 1 || asking_)
    return std::nullopt;
  if (need <= epsilon)
    return std::nullopt;
  if (falling_back_) {
    if (now < next_probe_)
      return std::nullopt;
    // A probe: the smallest useful grant tells whether the bucket is back.
    return ask{need, need};
  }
  if (now < retry_at_)
    return std::nullopt;
  auto have = held(now);
  if (have + epsilon >= need)
    return std::nullopt;
  auto span = std::chrono::duration<double>(s_.grant_span).count();
  auto most = std::max(need, shared_rate() * span);
  // What waits, or what this instance spends in a grant's span, if more:
  // a fast translator has one call waiting at a time, yet spends
  // hundreds a second.
  auto target = std::clamp(std::max(demand, pace(now) * span), need, most);
  return ask{target - have, need - have};
}

bool shared_budget::granted(double tokens, std::chrono::microseconds wait,
                            time_point now) {
  asking_ = false;
  bool recovered = falling_back_;
  if (recovered) {
    falling_back_ = false;
    reconfigure(now);
  }
  if (!drawing())
    return recovered; // alone again meanwhile: the grant is not needed
  if (tokens > epsilon)
    grants_.push_back({tokens, now + s_.lapse});
  else
    retry_at_ = now + std::chrono::duration_cast<clock::duration>(wait);
  return recovered;
}

bool shared_budget::failed(time_point now) {
  asking_ = false;
  next_probe_ = now + s_.probe_every;
  grants_.clear();
  if (falling_back_)
    return false;
  falling_back_ = true;
  ++fallbacks_;
  reconfigure(now);
  return true;
}

} // namespace bridge
