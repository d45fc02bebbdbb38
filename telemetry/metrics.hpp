// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace bridge::telemetry {

/// Every metric the engine exports, registered once. Metrics are
/// process-wide by nature (one scrape endpoint per process), so the set is
/// reached through `metrics()`, like the logger; updates are lock-free
/// atomic operations, cheap enough for hot paths.
struct engine_metrics {
  explicit engine_metrics(prometheus::Registry& r);

  // -- intake
  // ------------------------------------------------------------------
  prometheus::Counter& updates_message;
  prometheus::Counter& updates_edited;
  prometheus::Counter& updates_callback;
  /// Every update the intake is given ends in exactly one of
  /// bridge_updates_received_total{kind} (handed on),
  /// bridge_updates_skipped_total{reason} (readable, but a kind Bridge does
  /// not handle: the kind's name, "no_sender" or "other") and
  /// bridge_updates_refused_total{reason} (unreadable: why). The reasons
  /// are fixed names (telegram/update_outcome.hpp), so the series stay few.
  prometheus::Counter& updates_skipped(const std::string& reason);
  prometheus::Counter& updates_refused(const std::string& reason);
  prometheus::Counter& updates_duplicate;
  /// getUpdates calls that failed as a whole, by reason: transport_failed,
  /// oversize, unreadable, conflict, token_refused, rate_limited, failed.
  prometheus::Counter& get_updates_errors(const std::string& reason);
  prometheus::Counter& get_updates_conflicts;
  /// One getUpdates round trip (with the long poll's wait when idle), and
  /// storing its batch in the inbox: the two halves of the polling cycle.
  prometheus::Histogram& intake_fetch_seconds;
  prometheus::Histogram& intake_store_seconds;
  /// Polls put off because the database queue was a quarter full.
  prometheus::Counter& intake_held_back;
  /// From receiving an update to Telegram accepting the reply it caused.
  prometheus::Histogram& update_reply_seconds;

  // -- sessions and conversations --------------------------------------------
  prometheus::Gauge& sessions_active;
  prometheus::Gauge& conversations_active;
  prometheus::Counter& session_passivations;
  prometheus::Counter& conversation_passivations;
  prometheus::Counter& messages_relayed;
  prometheus::Counter& messages_untranslated;
  prometheus::Counter& rate_limited_users;
  /// Wrong invitation codes (each one spends the global failure budget).
  prometheus::Counter& code_failures;
  /// Code attempts refused because the global failure budget was spent:
  /// the figure an operator alerts on (someone is guessing codes).
  prometheus::Counter& code_attempts_paused;
  /// Edited messages a session handed on leaves as they were, by reason:
  /// not_registered (an unknown user or one mid-registration), command,
  /// media, too_long. Each edit is either relayed or counted here.
  prometheus::Counter& edits_ignored(const std::string& reason);

  // -- translator
  // --------------------------------------------------------------
  prometheus::Gauge& translator_queue_depth;
  prometheus::Gauge& translator_in_flight;
  prometheus::Counter& translator_retries;
  prometheus::Counter& translator_rate_limited;
  prometheus::Counter& translations_ok;
  prometheus::Counter& translations_failed;
  /// Sets bridge_translator_breaker_state{state}: 1 for `state` (closed,
  /// half_open, open), 0 for the others; an unknown name reads as open.
  void set_breaker_state(std::string_view state);
  /// Duration of one backend request, by backend (apertium, claude, fake).
  prometheus::Histogram& translator_request_seconds(const std::string& backend);
  /// Translations finished, by the direct translations chained for them:
  /// "1" direct, "2" through one pivot language, and so on.
  prometheus::Counter& translation_hops(uint32_t hops);

  // -- database pool
  // -----------------------------------------------------------
  /// bridge_db_pool_connections{state}: idle and in_use do not overlap,
  /// so their sum is the connections open.
  prometheus::Gauge& db_connections_idle;
  prometheus::Gauge& db_connections_busy;
  prometheus::Gauge& db_requests_waiting;
  prometheus::Histogram& db_wait_seconds;
  prometheus::Histogram& db_turn_seconds;
  prometheus::Counter& db_errors;
  prometheus::Counter& db_rejected;
  /// Writes PostgreSQL refused because their partition's lease moved on.
  prometheus::Counter& db_fenced_writes;

  // -- cache
  // -------------------------------------------------------------------
  prometheus::Counter& cache_hits;
  prometheus::Counter& cache_misses;
  prometheus::Counter& cache_fallbacks;
  /// Profiles kept in the engine's memory (cache::profile_memo).
  prometheus::Counter& memo_hits;
  prometheus::Counter& memo_misses;
  prometheus::Gauge& memo_entries;
  prometheus::Gauge& memo_open;

  // -- sender
  // ------------------------------------------------------------------
  prometheus::Gauge& sender_queue_depth;
  prometheus::Counter& sender_sent;
  prometheus::Counter& sender_rate_limited;
  prometheus::Counter& sender_retries;
  prometheus::Counter& sender_failed;
  prometheus::Histogram& sender_call_seconds;
  /// Refused because their chat's share of the queue was full.
  prometheus::Counter& sender_refused_chat_full;
  /// Not sent because their outbox row could not be written.
  prometheus::Counter& sender_dropped;

  // -- shared budgets
  // ----------------------------------------------------------
  /// Times a budget shared in Redis fell back to this instance's share
  /// because Redis did not answer, by budget (send, translate.req,
  /// translate.tok).
  prometheus::Counter& budget_fallbacks(const std::string& budget);
  /// Grants drawn from a budget shared in Redis (round trips), by budget.
  prometheus::Counter& budget_grants(const std::string& budget);

  // -- durability
  // --------------------------------------------------------------
  prometheus::Gauge& inbox_backlog;
  prometheus::Gauge& outbox_backlog;
  /// Updates parked for an operator (not counted in `inbox_backlog`).
  prometheus::Gauge& inbox_parked;
  prometheus::Counter& updates_parked;
  /// Updates handed on again by the sweep (their owner had lost them).
  prometheus::Counter& updates_swept;
  /// Messages storage refused for good; the writer was told.
  prometheus::Counter& messages_refused;
  /// Sends that may reach a chat twice, by cause: `resumed` (sent again at
  /// start), `swept` (a pending row nothing held), `retried` (a failure
  /// after the request reached Telegram). Actual duplicates are at most
  /// their sum.
  prometheus::Counter& possible_duplicates_resumed;
  prometheus::Counter& possible_duplicates_swept;
  prometheus::Counter& possible_duplicates_retried;

  // -- cluster
  // -----------------------------------------------------------------
  /// Keeper rounds that took or gave up at least one lease.
  prometheus::Counter& cluster_rebalances;
  /// Leases found taken or expired while this engine believed it held them.
  prometheus::Counter& cluster_leases_lost;
  /// Partitions this engine owns now (the intake role not counted).
  prometheus::Gauge& cluster_partitions_owned;
  /// 1 while this engine holds the intake role (polls Telegram).
  prometheus::Gauge& cluster_intake_leader;
  /// Hand-off lag: from an update's arrival in the inbox to its owner
  /// taking it from there, for updates another engine took in (observed
  /// by the partition router).
  prometheus::Histogram& cluster_handoff_seconds;

  // -- health
  // ------------------------------------------------------------------
  /// 1 when /readyz answers 200; set from the health flags at each scrape.
  prometheus::Gauge& ready;
  /// 1 while the engine serves without Redis (from PostgreSQL alone).
  prometheus::Gauge& degraded_cache;

  /// The possible-duplicates counter of `cause` (resumed, swept, retried).
  prometheus::Counter& possible_duplicates(std::string_view cause);

  // -- http server under abuse ------------------------------------------------
  /// Requests and connections the HTTP server refused before serving
  /// them, by reason: connections (the cap), timeout (408), too_large
  /// (413), length_required, bad_framing, no_route, gate (a route's own
  /// check, such as the webhook's secret).
  prometheus::Counter& http_refused(const std::string& reason);

  // -- refunds of Stars subscriptions -----------------------------------------
  /// Refunds whose editUserStarSubscription failed: Telegram may still
  /// renew (and charge) that subscription until the refund route is asked
  /// again. The figure an operator alerts on.
  prometheus::Counter& renewal_cancel_failures;

  // -- translation fallback ---------------------------------------------------
  /// Translations the fallback backend (translator.fallback) made because
  /// the configured one gave up, by how it gave up: circuit_open,
  /// deadline_exceeded, rate_limited, unauthorized, translation_failed.
  prometheus::Counter& translator_fallbacks(const std::string& reason);

private:
  prometheus::Family<prometheus::Counter>& updates_skipped_;
  prometheus::Family<prometheus::Counter>& updates_refused_;
  prometheus::Family<prometheus::Counter>& get_updates_errors_;
  prometheus::Family<prometheus::Counter>& edits_ignored_;
  prometheus::Family<prometheus::Counter>& translation_hops_;
  prometheus::Family<prometheus::Counter>& budget_fallbacks_;
  prometheus::Family<prometheus::Counter>& budget_grants_;
  prometheus::Family<prometheus::Histogram>& translator_request_seconds_;
  prometheus::Gauge& breaker_closed_;
  prometheus::Gauge& breaker_half_open_;
  prometheus::Gauge& breaker_open_;
  // -- http server under abuse
  prometheus::Family<prometheus::Counter>& http_refused_;
  // -- translation fallback
  prometheus::Family<prometheus::Counter>& translator_fallbacks_;
};

/// The process's registry (what /metrics serializes).
prometheus::Registry& registry();

/// The process's metrics.
engine_metrics& metrics();

/// The registry in the Prometheus text exposition format.
std::string render_metrics();

} // namespace bridge::telemetry
