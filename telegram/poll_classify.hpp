// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

#include "common/http_client.hpp"
#include "telegram/update_decoder.hpp"

/// What the intake does with one getUpdates answer, decided without an
/// actor: the front only counts, logs, backs off and stores as told.
///
/// The intake always moves on. An update that cannot be read is refused
/// and the offset moves past it: by its own `update_id` when one can be
/// read off its object (`element_update_id`), by a readable neighbour's
/// id after it, and otherwise by Telegram's numbering: update ids of a bot
/// increase one by one, so an unnamed update at the head of the answer to
/// `offset = N` is update N. An update whose readable id is below the
/// offset (Telegram never sends one) is unnamed too. Because such an answer may
/// also be a transfer that went wrong once, the front first asks again (at
/// once, without a long poll); the same unnamed answer at the same offset then
/// is update N sent again, and the offset moves to N + 1. At offset 0 (the
/// first poll after a start, before any id is known) there is no N: the front
/// backs off and asks for two updates, so the next update's id names it.
namespace bridge::telegram {

/// The kind of a getUpdates answer, and so what the front does next.
enum class poll_verdict : uint8_t {
  /// Store `batch.updates` (maybe none), count `batch.elements` that did
  /// not go on, then move to `next`.
  store,
  /// No HTTP answer (connection, timeout): back off.
  transport_failed,
  /// A body of several updates that could not be cut into its updates, or
  /// that was past the size cap: fetch one at a time, so a broken update
  /// is refused alone.
  isolate,
  /// 409: another process polls this bot, or a webhook is set.
  conflict,
  /// 401 or 404: the Bot API refused the token.
  token_refused,
  /// 429: back off at least `batch.error->retry_after_s`.
  rate_limited,
  /// Any other refusal: back off.
  failed,
};

const char* to_string(poll_verdict v);

/// Where the intake stands between polls.
struct poll_position {
  /// The next getUpdates offset: every update below it is handled.
  int64_t offset = 0;
  /// The offset at which an update that could be neither read nor named
  /// was refused (and counted) and is expected again at the head of the
  /// next answer; -1 when none.
  int64_t unnamed_at = -1;

  bool operator==(const poll_position& o) const {
    return offset == o.offset && unnamed_at == o.unnamed_at;
  }
};

/// One classified getUpdates answer.
struct poll_outcome {
  poll_verdict verdict = poll_verdict::failed;
  /// The decoded body: the updates and element outcomes for `store`, the
  /// error otherwise (empty for `transport_failed`).
  decoded_batch batch;
  /// `store`: the position once the updates are stored.
  poll_position next;
  /// `store`: how many leading `batch.elements` are an unnamed update sent
  /// again (0 or 1), already counted when it was first refused.
  size_t repeated = 0;
  /// The call failed as a whole (no answer, an error answer, or a body
  /// that is no reply or is past the size cap): counted once under
  /// `error_reason` in `bridge_get_updates_errors_total`; null otherwise.
  const char* error_reason = nullptr;
};

/// Classifies the answer `resp` to a getUpdates call that asked for
/// `limit` updates at position `at`; `received_ns` is stamped on every
/// update. The Bot API's `error_code` in the body decides, not the HTTP
/// status: a proxy's HTML error page is `failed`.
poll_outcome classify_poll(const http_response& resp, int64_t limit,
                           const poll_position& at, int64_t received_ns = 0);

/// The same from a position with nothing unnamed.
inline poll_outcome classify_poll(const http_response& resp, int64_t limit,
                                  int64_t offset, int64_t received_ns = 0) {
  return classify_poll(resp, limit, poll_position{offset, -1}, received_ns);
}

/// How long a 429 asks the intake to wait (`retry_after_s`, which the
/// decoder caps at `max_retry_after_s`).
std::chrono::milliseconds rate_limit_wait(const api_error& e);

/// The intake's position and mode between polls: the offset, the unnamed
/// update it expects again, and isolation (after an unreadable body of
/// several updates it fetches one update at a time, without waiting, for
/// as many polls as a batch could hold, so only the broken update is
/// lost).
class poll_cursor {
public:
  const poll_position& position() const { return at_; }
  int64_t offset() const { return at_.offset; }

  /// True while fetching one update at a time.
  bool isolating() const { return isolate_left_ > 0; }

  /// True when the intake may be held back: not in the middle of an
  /// isolation, which must reach the broken update first, and not while
  /// an unnamed update is being asked for again.
  bool may_hold_back() const { return !isolating() && !asking_again(); }

  /// Updates to ask for: one while isolating (two at offset 0 while an
  /// update there is unnamed, so its neighbour can name it), else
  /// `poll_limit`.
  int64_t limit(int64_t poll_limit) const;

  /// Long-poll timeout: none while isolating or asking again for an
  /// unnamed update (it is there already, or it is gone), else
  /// `poll_timeout_s`.
  int64_t timeout_s(int64_t poll_timeout_s) const {
    return isolating() || asking_again() ? 0 : poll_timeout_s;
  }

  /// True when the front should back off before the next poll: an
  /// unnamed update at offset 0, where asking again at once cannot help.
  bool stuck_unnamed() const { return at_.offset == 0 && at_.unnamed_at == 0; }

  /// The pause before the next poll after `answered` updates came for
  /// `asked`: `gather` after a short answer that was not empty, so the
  /// next one brings the updates that arrive meanwhile together; none
  /// while the next poll must come at once (isolating, asking again).
  std::chrono::milliseconds
  gather_pause(size_t answered, int64_t asked,
               std::chrono::milliseconds gather) const {
    if (!may_hold_back() || answered == 0
        || static_cast<int64_t>(answered) >= asked)
      return std::chrono::milliseconds{0};
    return gather;
  }

  /// Applies a `store` outcome whose updates are stored, or an `isolate`
  /// one (`poll_limit` polls of one update each).
  void apply(const poll_outcome& out, int64_t poll_limit);

  /// Polls left in isolation.
  int64_t isolation_left() const { return isolate_left_; }

private:
  bool asking_again() const {
    return at_.unnamed_at >= 0 && at_.unnamed_at == at_.offset;
  }

  poll_position at_;
  int64_t isolate_left_ = 0;
};

} // namespace bridge::telegram
