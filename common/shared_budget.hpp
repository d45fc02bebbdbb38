// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>

#include "common/token_bucket.hpp"

namespace bridge {

/// `limit` split evenly over `members` instances, but never below `floor`
/// (so a large cluster still moves) nor above `limit`. One member (or
/// none counted yet) gets `limit` exactly.
double share_of(double limit, uint32_t members, double floor);

/// One instance's part of a budget that every instance of the bot shares
/// (Telegram's global send limit is the bot's, translation limits are the
/// API key's). Two ways to keep N instances within it: each spends
/// `rate / N` (the share), or each draws small grants from one bucket all
/// of them share (in Redis) and spends them locally, an unspent grant
/// lapsing rather than carried over. Alone, or while the shared bucket
/// does not answer, it is a plain token bucket at the share, so a single
/// instance behaves exactly as one without it. Pure: time is passed in,
/// and the owner carries the asks to the shared bucket and back.
class shared_budget {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  struct settings {
    /// The whole bot's rate, per second.
    double rate = 1;
    /// The local bucket holds this many seconds of its rate, and at least
    /// `min_burst`.
    double burst_seconds = 1;
    double min_burst = 1;
    /// The least rate a share falls to.
    double floor = 0;
    /// Draws grants from the shared bucket while not alone.
    bool draws = false;
    /// The shared bucket's rate (sizes the grants); 0: `rate`.
    double shared_rate = 0;
    /// The largest grant asked for: this long's worth of the shared rate.
    clock::duration grant_span = std::chrono::milliseconds{100};
    /// The unspent part of a grant lapses this long after it came.
    clock::duration lapse = std::chrono::milliseconds{250};
    /// Recent spending is averaged over about this long; an ask is for at
    /// least `grant_span` of it, so steady spending takes a grant now and
    /// then, not one per spend while little waits at a time.
    clock::duration pace_window = std::chrono::seconds{1};
    /// While the shared bucket does not answer: how often it is tried.
    clock::duration probe_every = std::chrono::seconds{1};
    /// How long an answer from the shared bucket is expected to take.
    clock::duration reply_wait = std::chrono::milliseconds{1};
  };

  /// What to ask the shared bucket for.
  struct ask {
    double want = 0;
    /// Less than this is no use: the bucket gives it or nothing.
    double least = 0;
  };

  shared_budget(settings s, time_point now);

  // -- membership -------------------------------------------------------------

  /// `n` instances share the budget from now on (0 counts as 1).
  void set_members(uint32_t n, time_point now);
  uint32_t members() const { return members_; }

  /// Whether spending now draws on grants (not alone, the shared bucket
  /// configured and answering).
  bool drawing() const { return s_.draws && members_ > 1 && !falling_back_; }

  // -- spending ---------------------------------------------------------------

  /// Takes `n` if the local bucket and (when drawing) the grants hold it.
  /// An `n` past the local burst waits for a full bucket and empties it
  /// (a large call spaces those after it); grants are spent in full.
  bool try_take(time_point now, double n = 1.0);

  /// When `n` can be taken: exact for the local bucket; while drawing and
  /// short of grants, when one is expected.
  time_point ready_at(time_point now, double n = 1.0);

  /// The local bucket's rate and burst (the share, or the whole rate
  /// while drawing).
  double rate() const { return local_.rate(); }
  double burst() const { return local_.burst(); }

  // -- the shared bucket ------------------------------------------------------

  /// What to ask the shared bucket for now, given `need` for the next
  /// spend and `demand` for all that waits; nothing while no ask is due
  /// (alone, one is out, the grants suffice, the bucket said wait, or a
  /// probe is not due yet).
  std::optional<ask> ask_for(time_point now, double need, double demand);

  /// An ask went out; one at a time.
  void asked() { asking_ = true; }

  /// The shared bucket gave `tokens` (none: `wait` until it has them).
  /// True when this ends a fallback.
  bool granted(double tokens, std::chrono::microseconds wait, time_point now);

  /// The shared bucket did not answer: the share holds until it does.
  /// True when this starts a fallback (worth one log line).
  bool failed(time_point now);

  bool falling_back() const { return falling_back_; }
  /// Fallbacks to the share since start.
  uint64_t fallbacks() const { return fallbacks_; }
  /// Unspent grants at `now`.
  double held(time_point now);
  /// Recent spending while drawing, per second (an average that forgets
  /// over `pace_window`).
  double pace(time_point now);

private:
  struct grant {
    double tokens;
    time_point lapses;
  };

  /// The local bucket's rate for the current way of spending.
  double local_rate() const;
  double burst_of(double rate) const;
  void reconfigure(time_point now);
  /// What the local bucket is charged for `n`: at most its burst.
  double local_part(double n) const;
  double shared_rate() const;
  /// Counts `n` spent at `now` in the recent pace.
  void spent(time_point now, double n);

  settings s_;
  uint32_t members_ = 1;
  token_bucket local_;
  std::deque<grant> grants_;
  bool asking_ = false;
  bool falling_back_ = false;
  /// The shared bucket said it is empty until then.
  time_point retry_at_;
  time_point next_probe_;
  uint64_t fallbacks_ = 0;
  /// Spent while drawing, decayed by e every `pace_window`, as of
  /// `spent_at_`.
  double spent_ = 0;
  time_point spent_at_;
};

} // namespace bridge
