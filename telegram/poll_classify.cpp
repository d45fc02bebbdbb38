// SPDX-License-Identifier: Apache-2.0
#include "telegram/poll_classify.hpp"

#include <algorithm>
#include <utility>

#include "telegram/body_split.hpp"

namespace bridge::telegram {

namespace {

/// The verdict for an answer the Bot API (or something in front of it)
/// gave as an error.
poll_verdict refusal(const api_error& e) {
  switch (e.error_code) {
  case 409:
    return poll_verdict::conflict;
  case 401:
  case 404:
    return poll_verdict::token_refused;
  case 429:
    return poll_verdict::rate_limited;
  default:
    return poll_verdict::failed;
  }
}

/// True when an answer is read as one update whatever was asked: one was
/// asked for, or two only so that a neighbour could name an unnamed one
/// at offset 0 (isolating then would ask for the same two again).
bool one_update(int64_t limit, const poll_position& at) {
  return limit <= 1 || (at.offset == 0 && at.unnamed_at == 0);
}

/// A whole answer that holds one unreadable update: its element.
void refuse_whole(poll_outcome& out, int64_t id, refuse_reason r) {
  out.batch.updates.clear();
  out.batch.elements.assign(1, {id, update_fate::refused, to_string(r)});
  out.batch.max_update_id = id;
}

/// Where the intake stands once `out`'s updates are stored (see the
/// rules at the top of the header).
void settle(poll_outcome& out, const poll_position& at) {
  out.verdict = poll_verdict::store;
  const auto& els = out.batch.elements;
  auto named = [&](const element_outcome& e) {
    return e.update_id > 0 && e.update_id >= at.offset;
  };
  // Not handed on, and no id at or past the offset: refused without an
  // id, or readable with one Telegram never sends at this offset (below
  // it). Either way it holds a place that only the numbering can name.
  auto unnamed = [&](const element_outcome& e) {
    return e.fate != update_fate::handed_on && !named(e);
  };
  auto offset = at.offset;
  if (out.batch.max_update_id > 0 && out.batch.max_update_id >= at.offset)
    offset = out.batch.max_update_id + 1;
  bool head_skipped = false;
  if (!els.empty() && unnamed(els[0]) && at.unnamed_at == at.offset) {
    // The unnamed update counted at this offset last time, sent again:
    // update `at.offset` itself, as ids go one by one.
    out.repeated = 1;
    if (at.offset > 0) {
      offset = std::max(offset, at.offset + 1);
      head_skipped = true;
    }
  }
  // An unnamed update with nothing named after it is not passed by the
  // new offset: it is expected again at the head of the next answer.
  bool unnamed_tail = false;
  for (size_t i = els.size(); i-- > 0;) {
    if (named(els[i]) || (i == 0 && head_skipped))
      break;
    if (unnamed(els[i])) {
      unnamed_tail = true;
      break;
    }
  }
  out.next = {offset, unnamed_tail ? offset : -1};
}

/// A body past the client's size cap: only its first bytes were kept.
poll_outcome oversize(const http_response& resp, int64_t limit,
                      const poll_position& at) {
  poll_outcome out;
  out.next = at;
  out.error_reason = "oversize";
  if (!one_update(limit, at)) {
    out.verdict = poll_verdict::isolate;
    return out;
  }
  auto split = split_result(resp.head);
  int64_t id = split && !split->elements.empty()
                   ? element_update_id(split->elements.front())
                   : 0;
  refuse_whole(out, id, refuse_reason::oversize);
  settle(out, at);
  return out;
}

} // namespace

const char* to_string(poll_verdict v) {
  switch (v) {
  case poll_verdict::store:
    return "store";
  case poll_verdict::transport_failed:
    return "transport_failed";
  case poll_verdict::isolate:
    return "isolate";
  case poll_verdict::conflict:
    return "conflict";
  case poll_verdict::token_refused:
    return "token_refused";
  case poll_verdict::rate_limited:
    return "rate_limited";
  case poll_verdict::failed:
    return "failed";
  }
  return "unknown";
}

poll_outcome classify_poll(const http_response& resp, int64_t limit,
                           const poll_position& at, int64_t received_ns) {
  if (resp.transport_failed() && resp.too_large)
    return oversize(resp, limit, at);
  poll_outcome out;
  out.next = at;
  if (resp.transport_failed()) {
    out.verdict = poll_verdict::transport_failed;
    out.error_reason = to_string(out.verdict);
    return out;
  }
  out.batch = decode_updates(resp.body, received_ns);
  if (!out.batch.error) {
    settle(out, at);
    return out;
  }
  // No error_code means the body itself was broken (or said ok:false
  // without one); with HTTP 200 that is a broken update, not an outage.
  if (out.batch.error->error_code == 0 && resp.status == 200) {
    out.error_reason = "unreadable";
    if (!one_update(limit, at)) {
      out.verdict = poll_verdict::isolate;
      return out;
    }
    refuse_whole(out, 0, out.batch.unreadable);
    settle(out, at);
    return out;
  }
  out.verdict = refusal(*out.batch.error);
  out.error_reason = to_string(out.verdict);
  return out;
}

std::chrono::milliseconds rate_limit_wait(const api_error& e) {
  return std::chrono::seconds{
      std::clamp<int64_t>(e.retry_after_s, 0, max_retry_after_s)};
}

// -- poll_cursor --------------------------------------------------------------

int64_t poll_cursor::limit(int64_t poll_limit) const {
  auto n = isolating() ? 1 : poll_limit;
  return stuck_unnamed() ? std::max<int64_t>(n, 2) : n;
}

void poll_cursor::apply(const poll_outcome& out, int64_t poll_limit) {
  if (out.verdict == poll_verdict::isolate) {
    isolate_left_ = poll_limit;
    return;
  }
  if (out.verdict != poll_verdict::store)
    return;
  at_ = out.next;
  if (isolate_left_ > 0)
    --isolate_left_;
}

} // namespace bridge::telegram
