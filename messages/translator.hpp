// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "common/error.hpp"
#include "messages/atoms.hpp"
#include "messages/budget.hpp"
#include "messages/glossary_terms.hpp"

/// The translator's protocol: what conversations ask, what they hear back,
/// and what the translator says to its backend.
namespace bridge {

// -- requests and answers -----------------------------------------------------

/// One earlier message of the conversation, given to the backend as context.
struct context_line {
  /// "manager" or "worker".
  std::string role;
  /// ISO 639-1 code of the language the line is written in.
  std::string lang;
  std::string text;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, context_line& x) {
  return f(caf::meta::type_name("context_line"), x.role, x.lang, x.text);
}

/// A text to translate. The answer goes to the sender of this message: at
/// most one `translation_queued`, then exactly one `translation_done`.
struct translate_request {
  /// Chosen by the requester and echoed in every answer.
  uint64_t id = 0;
  std::string text;
  /// ISO 639-1 codes ("en", "es"); case and a region suffix are ignored.
  std::string source_lang;
  std::string target_lang;
  /// The last messages of the conversation, oldest first.
  std::vector<context_line> context;
  /// How long the requester is willing to wait, counted from arrival and
  /// covering the queue, every attempt and every backoff; 0 means
  /// `translator.queue_deadline_ms`.
  int64_t deadline_ms = 0;
  /// When set, a `translation_slow` once the answer has taken this long
  /// (the requester shows "typing"); 0 means none.
  int64_t slow_notice_ms = 0;
  /// The team's terms for this direction: binding on the translation.
  glossary_terms terms = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translate_request& x) {
  return f(caf::meta::type_name("translate_request"), x.id, x.text,
           x.source_lang, x.target_lang, x.context, x.deadline_ms,
           x.slow_notice_ms, x.terms);
}

/// Sent once, when a request that asked for it (`slow_notice_ms`) is
/// still without an answer that long after it arrived.
struct translation_slow {
  uint64_t id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translation_slow& x) {
  return f(caf::meta::type_name("translation_slow"), x.id);
}

/// Sent once, when a request has waited past
/// `translator.queued_notice_after_ms` without an answer.
struct translation_queued {
  uint64_t id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translation_queued& x) {
  return f(caf::meta::type_name("translation_queued"), x.id);
}

/// The one final answer to a `translate_request`.
struct translation_done {
  uint64_t id = 0;
  bool ok = false;
  /// The translation when `ok`.
  std::string text;
  /// Why not, in words a person can read, when `!ok`.
  std::string reason;
  /// Backend calls made for this request (0 when none was needed).
  uint32_t attempts = 0;
  /// Machine-readable kind of failure: `invalid_input`,
  /// `unsupported_language`, `queue_full`, `deadline_exceeded`,
  /// `circuit_open`, `rate_limited`, `unauthorized`, `translation_failed`
  /// or `shutting_down`; `none` when `ok`.
  engine_errc code = engine_errc::none;
  /// Direct translations the text went through when `ok`: 1 for a pair
  /// the backend translates directly, more through pivot languages, 0
  /// when no translation was needed.
  uint32_t hops = 0;
  /// The configured backend gave up and the fallback backend
  /// (`translator.fallback`) translated the text instead.
  bool fallback = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translation_done& x) {
  return f(caf::meta::type_name("translation_done"), x.id, x.ok, x.text,
           x.reason, x.attempts, x.code, x.hops, x.fallback);
}

/// Several texts for the translator at once, answered together: for an
/// actor that must await its answers (actors/translate_batch.hpp). Each
/// request's `id` and `deadline_ms` are set by the batch.
struct translate_batch {
  std::vector<translate_request> requests;
  /// How long the whole batch may take; 0: a default.
  int64_t deadline_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translate_batch& x) {
  return f(caf::meta::type_name("translate_batch"), x.requests, x.deadline_ms);
}

/// The answers of a `translate_batch`, in the order of its requests.
struct translate_batch_result {
  std::vector<translation_done> answers;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f,
                                        translate_batch_result& x) {
  return f(caf::meta::type_name("translate_batch_result"), x.answers);
}

/// A direction the backend translates; ISO 639-1 codes.
struct language_pair {
  std::string source;
  std::string target;
  /// The languages a translation passes through on the way, in order;
  /// empty when the backend translates the pair directly. Not part of
  /// the pair's identity (comparisons ignore it).
  std::vector<std::string> via = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, language_pair& x) {
  return f(caf::meta::type_name("language_pair"), x.source, x.target, x.via);
}

inline bool operator==(const language_pair& a, const language_pair& b) {
  return a.source == b.source && a.target == b.target;
}

inline bool operator<(const language_pair& a, const language_pair& b) {
  return a.source != b.source ? a.source < b.source : a.target < b.target;
}

/// What an operator reads about the translator (and tests assert).
struct translator_status {
  /// "apertium", "claude" or "fake".
  std::string backend;
  /// Requests waiting: for their turn or for a retry.
  uint64_t queue_depth = 0;
  /// Backend calls under way.
  uint64_t in_flight = 0;
  uint64_t received = 0;
  uint64_t translated = 0;
  /// Answered without a backend call (same language, nothing to translate).
  uint64_t passed_through = 0;
  uint64_t failed = 0;
  /// Attempts after the first.
  uint64_t retries = 0;
  /// 429 answers from the backend.
  uint64_t rate_limited = 0;
  /// 529 answers from the backend.
  uint64_t overloaded = 0;
  /// Refused because the queue was full.
  uint64_t rejected_full = 0;
  /// Failed because their deadline passed.
  uint64_t expired = 0;
  /// Failed because the circuit breaker was open.
  uint64_t rejected_open = 0;
  /// "closed", "open" or "half_open".
  std::string breaker = "closed";
  uint64_t breaker_opens = 0;
  /// Milliseconds until a server-requested pause ends (0: none).
  int64_t paused_ms = 0;
  /// The configured limits, for comparison.
  int64_t requests_per_minute = 0;
  int64_t tokens_per_minute = 0;
  int64_t max_in_flight = 0;
  int64_t queue_limit = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, translator_status& x) {
  return f(caf::meta::type_name("translator_status"), x.backend, x.queue_depth,
           x.in_flight, x.received, x.translated, x.passed_through, x.failed,
           x.retries, x.rate_limited, x.overloaded, x.rejected_full, x.expired,
           x.rejected_open, x.breaker, x.breaker_opens, x.paused_ms,
           x.requests_per_minute, x.tokens_per_minute, x.max_in_flight,
           x.queue_limit);
}

// -- translator and backend ---------------------------------------------------

/// One call to a backend: a request after validation and normalisation.
struct backend_call {
  uint64_t call_id = 0;
  std::string text;
  std::string source_lang;
  std::string target_lang;
  std::vector<context_line> context;
  /// The backend gives up on its peer after this long.
  int64_t timeout_ms = 30000;
  /// The team's terms (translate_request::terms).
  glossary_terms terms = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, backend_call& x) {
  return f(caf::meta::type_name("backend_call"), x.call_id, x.text,
           x.source_lang, x.target_lang, x.context, x.timeout_ms, x.terms);
}

/// How a backend call ended, before any retry decision.
enum class backend_status : uint8_t {
  ok,
  /// The peer could not be reached or the connection broke.
  transport_error,
  /// The peer did not answer in time.
  timeout,
  /// The peer answered an HTTP error; see `http_status` and `error_type`.
  http_error,
  /// The peer answered success with a body that could not be decoded.
  malformed,
  /// The peer answered success with no translation in it.
  empty,
  /// The translation was cut off by the output limit.
  truncated,
  /// The backend refused the call itself (unsupported pair, bad input).
  refused,
};

const char* to_string(backend_status s);

/// What the server said about its rate limits, relative to the moment the
/// answer arrived. Negative means "not said".
struct rate_snapshot {
  int64_t requests_remaining = -1;
  int64_t requests_reset_ms = -1;
  int64_t tokens_remaining = -1;
  int64_t tokens_reset_ms = -1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, rate_snapshot& x) {
  return f(caf::meta::type_name("rate_snapshot"), x.requests_remaining,
           x.requests_reset_ms, x.tokens_remaining, x.tokens_reset_ms);
}

/// The answer to a `backend_call`.
struct backend_reply {
  uint64_t call_id = 0;
  backend_status status = backend_status::ok;
  /// The translation when `ok`.
  std::string text;
  /// HTTP status when there was one, else 0.
  int32_t http_status = 0;
  /// The API's error type ("rate_limit_error", "overloaded_error", ...).
  std::string error_type;
  /// What went wrong, readable, never containing a secret.
  std::string message;
  /// The server's `retry-after`, in milliseconds; -1 when absent.
  int64_t retry_after_ms = -1;
  rate_snapshot limits;
  /// Direct translations behind `text`: 1 for a direct pair (also when
  /// left 0 by a backend that only translates directly), more when it
  /// went through pivot languages.
  uint32_t hops = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, backend_reply& x) {
  return f(caf::meta::type_name("backend_reply"), x.call_id, x.status, x.text,
           x.http_status, x.error_type, x.message, x.retry_after_ms, x.limits,
           x.hops);
}

/// The translator: one owner of the translation budget. Answers to a
/// `translate_request` go to its sender as `translation_queued` and
/// `translation_done` messages; `tick` is its own timer. `cluster_members`
/// says how many instances share the API key's limits.
using translator_actor = caf::typed_actor<
    caf::reacts_to<translate_request>, caf::reacts_to<cluster_members>,
    caf::replies_to<languages_atom>::with<std::vector<language_pair>>,
    caf::replies_to<status_atom>::with<translator_status>,
    caf::reacts_to<tick_atom>, caf::reacts_to<watch_atom>>;

/// What the translator sends a requester: how the sender of a
/// `translate_request` is addressed (any actor that handles both).
using translation_listener =
    caf::typed_actor<caf::reacts_to<translation_queued>,
                     caf::reacts_to<translation_slow>,
                     caf::reacts_to<translation_done>>;

/// A translation backend (Apertium, Claude, fake): one call, one reply.
/// It may run several calls at once; the translator bounds how many.
using backend_actor =
    caf::typed_actor<caf::replies_to<backend_call>::with<backend_reply>>;

} // namespace bridge
