#include "telegram/poll_classify.hpp"

#include <utility>

namespace bridge::telegram {

namespace {

/// The verdict for an answer the Bot API (or something in front of it)
/// gave as an error.
poll_verdict refusal(const api_error& e) {
  switch (e.error_code) {
    case 409: return poll_verdict::conflict;
    case 401:
    case 404: return poll_verdict::token_refused;
    case 429: return poll_verdict::rate_limited;
    default: return poll_verdict::failed;
  }
}

/// The verdict for a 200 whose body is no usable Bot API reply: several
/// updates are isolated; a single one is skipped when its id is not
/// behind the offset, else it is an ordinary failure.
poll_verdict unreadable(const decoded_batch& batch, int64_t limit,
                        int64_t offset) {
  if (limit > 1)
    return poll_verdict::isolate;
  if (batch.max_update_id >= offset)
    return poll_verdict::skip;
  return poll_verdict::failed;
}

} // namespace

const char* to_string(poll_verdict v) {
  switch (v) {
    case poll_verdict::store: return "store";
    case poll_verdict::transport_failed: return "transport_failed";
    case poll_verdict::isolate: return "isolate";
    case poll_verdict::skip: return "skip";
    case poll_verdict::conflict: return "conflict";
    case poll_verdict::token_refused: return "token_refused";
    case poll_verdict::rate_limited: return "rate_limited";
    case poll_verdict::failed: return "failed";
  }
  return "unknown";
}

poll_outcome classify_poll(const http_response& resp, int64_t limit,
                           int64_t offset, int64_t received_ns) {
  poll_outcome out;
  if (resp.transport_failed()) {
    out.verdict = poll_verdict::transport_failed;
    return out;
  }
  out.batch = decode_updates(resp.body, received_ns);
  if (!out.batch.error) {
    out.verdict = poll_verdict::store;
    return out;
  }
  // No error_code means the body itself was broken (or said ok:false
  // without one); with HTTP 200 that is a broken update, not an outage.
  if (out.batch.error->error_code == 0 && resp.status == 200) {
    out.unreadable = true;
    out.verdict = unreadable(out.batch, limit, offset);
    return out;
  }
  out.verdict = refusal(*out.batch.error);
  return out;
}

} // namespace bridge::telegram
