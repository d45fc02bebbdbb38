#pragma once

#include <cstdint>

#include "common/http_client.hpp"
#include "telegram/update_decoder.hpp"

/// What the intake does with one getUpdates answer, decided without an
/// actor: the front only counts, logs, backs off and stores as told.
namespace bridge::telegram {

/// The kind of a getUpdates answer, and so what the front does next.
enum class poll_verdict : uint8_t {
  /// Store `batch.updates`, then move the offset past `batch.max_update_id`.
  store,
  /// No HTTP answer (connection, timeout, a body past the size cap): back
  /// off.
  transport_failed,
  /// An unreadable body of several updates: fetch one at a time, so the
  /// broken one can be skipped alone.
  isolate,
  /// An unreadable body of one update whose id could be read: move the
  /// offset past `batch.max_update_id`.
  skip,
  /// 409: another process polls this bot, or a webhook is set.
  conflict,
  /// 401 or 404: the Bot API refused the token.
  token_refused,
  /// 429: back off at least `batch.error->retry_after_s`.
  rate_limited,
  /// Any other refusal or unusable answer: back off.
  failed,
};

const char* to_string(poll_verdict v);

/// One classified getUpdates answer.
struct poll_outcome {
  poll_verdict verdict = poll_verdict::failed;
  /// The decoded body: the updates for `store`, the error otherwise
  /// (empty for `transport_failed`).
  decoded_batch batch;
  /// HTTP said 200 but the body was no usable Bot API reply. Counted as an
  /// error of its own, also when the verdict is `failed` (an unreadable
  /// single update whose id is below the offset).
  bool unreadable = false;
};

/// Classifies the answer `resp` to a getUpdates call that asked for
/// `limit` updates from `offset`; `received_ns` is stamped on every
/// update. The Bot API's `error_code` in the body decides, not the HTTP
/// status: a proxy's HTML error page is `failed`.
poll_outcome classify_poll(const http_response& resp, int64_t limit,
                           int64_t offset, int64_t received_ns = 0);

/// The front's isolation mode: after an unreadable body of several
/// updates it fetches one update at a time, without waiting, for as many
/// polls as a batch could hold, so only the broken update is lost.
class poll_isolation {
public:
  /// True while fetching one update at a time.
  bool active() const { return left_ > 0; }

  /// True when the intake may be held back: never in the middle of an
  /// isolation, which must reach the broken update first.
  bool may_hold_back() const { return left_ == 0; }

  /// Updates to ask for: one while isolating, else `poll_limit`.
  int64_t limit(int64_t poll_limit) const {
    return active() ? 1 : poll_limit;
  }

  /// Long-poll timeout to ask for: none while isolating (the updates are
  /// there already), else `poll_timeout_s`.
  int64_t timeout_s(int64_t poll_timeout_s) const {
    return active() ? 0 : poll_timeout_s;
  }

  /// An unreadable batch: isolate for the next `poll_limit` polls.
  void start(int64_t poll_limit) { left_ = poll_limit; }

  /// A broken single update was skipped.
  void skipped() { --left_; }

  /// A poll's updates were stored (or there were none).
  void stored() {
    if (left_ > 0)
      --left_;
  }

  /// Polls left in isolation (negative after a skip outside isolation).
  int64_t left() const { return left_; }

private:
  int64_t left_ = 0;
};

} // namespace bridge::telegram
