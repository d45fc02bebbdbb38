// SPDX-License-Identifier: Apache-2.0
#include "telemetry/metrics.hpp"

#include <prometheus/text_serializer.h>

#include "common/version.hpp"
#include "telemetry/health.hpp"
#include "telemetry/process_metrics.hpp"

namespace bridge::telemetry {

namespace {

using prometheus::BuildCounter;
using prometheus::BuildGauge;
using prometheus::BuildHistogram;

prometheus::Counter& counter(prometheus::Registry& r, const std::string& name,
                             const std::string& help,
                             const prometheus::Labels& labels = {}) {
  return BuildCounter().Name(name).Help(help).Register(r).Add(labels);
}

prometheus::Family<prometheus::Counter>& family(prometheus::Registry& r,
                                                const std::string& name,
                                                const std::string& help) {
  return BuildCounter().Name(name).Help(help).Register(r);
}

prometheus::Gauge& gauge(prometheus::Registry& r, const std::string& name,
                         const std::string& help,
                         const prometheus::Labels& labels = {}) {
  return BuildGauge().Name(name).Help(help).Register(r).Add(labels);
}

/// Latency buckets from 1 ms to 60 s: engine hops are milliseconds, a
/// queued translation may take a minute.
prometheus::Histogram::BucketBoundaries latency_buckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
          0.5,   1,      2.5,   5,    10,    30,   60};
}

/// The engine's update-to-reply time: finer between 10 and 100 ms, where
/// its percentiles at load fall, so a p99 can be read to a few ms.
prometheus::Histogram::BucketBoundaries reply_buckets() {
  return {0.001, 0.0025, 0.005, 0.0075, 0.01,  0.015, 0.02,
          0.025, 0.03,   0.04,  0.05,   0.075, 0.1,   0.25,
          0.5,   1,      2.5,   5,      10,    30,    60};
}

/// From 50 µs to 10 s: a request that finds an idle connection waits
/// tens of microseconds, one behind a full pool waits for other turns.
prometheus::Histogram::BucketBoundaries wait_buckets() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
          0.025,   0.05,   0.1,     0.25,   0.5,   1,      2.5,   10};
}

prometheus::Histogram&
histogram(prometheus::Registry& r, const std::string& name,
          const std::string& help,
          prometheus::Histogram::BucketBoundaries buckets = latency_buckets()) {
  return BuildHistogram().Name(name).Help(help).Register(r).Add(
      {}, std::move(buckets));
}

} // namespace

engine_metrics::engine_metrics(prometheus::Registry& r)
    : updates_message(counter(r, "bridge_updates_received_total",
                              "Updates received from Telegram, by kind",
                              {{"kind", "message"}})),
      updates_edited(counter(r, "bridge_updates_received_total", "",
                             {{"kind", "edited_message"}})),
      updates_callback(counter(r, "bridge_updates_received_total", "",
                               {{"kind", "callback_query"}})),
      updates_duplicate(counter(r, "bridge_updates_duplicate_total",
                                "Updates received twice and ignored")),
      get_updates_conflicts(
          counter(r, "bridge_get_updates_conflicts_total",
                  "getUpdates calls refused with 409 Conflict")),
      intake_fetch_seconds(histogram(r, "bridge_intake_fetch_seconds",
                                     "One getUpdates round trip, with the long "
                                     "poll's wait when there is nothing new",
                                     wait_buckets())),
      intake_store_seconds(
          histogram(r, "bridge_intake_store_seconds",
                    "Storing one getUpdates batch in the inbox "
                    "before the offset moves",
                    wait_buckets())),
      intake_held_back(
          counter(r, "bridge_intake_held_back_total",
                  "Polls put off and webhook pushes refused "
                  "because the database queue was a quarter full")),
      update_reply_seconds(histogram(r, "bridge_update_reply_latency_seconds",
                                     "From receiving an update to Telegram "
                                     "accepting the reply it caused",
                                     reply_buckets())),
      sessions_active(
          gauge(r, "bridge_sessions_active", "Chat session actors alive")),
      conversations_active(
          gauge(r, "bridge_conversations_active", "Conversation actors alive")),
      session_passivations(counter(r, "bridge_passivations_total",
                                   "Idle actors stopped, by kind",
                                   {{"actor", "session"}})),
      conversation_passivations(counter(r, "bridge_passivations_total", "",
                                        {{"actor", "conversation"}})),
      messages_relayed(counter(r, "bridge_messages_relayed_total",
                               "Messages delivered to a partner")),
      messages_untranslated(counter(r, "bridge_messages_untranslated_total",
                                    "Messages delivered untranslated after the "
                                    "translator failed")),
      rate_limited_users(counter(r, "bridge_user_rate_limited_total",
                                 "Updates refused by the per-user rate limit")),
      code_failures(counter(r, "bridge_code_failures_total",
                            "Wrong invitation codes, from anyone")),
      code_attempts_paused(counter(r, "bridge_code_attempts_paused_total",
                                   "Code attempts refused because the global "
                                   "failure budget was spent")),
      translator_queue_depth(gauge(r, "bridge_translator_queue_depth",
                                   "Translations waiting for the backend")),
      translator_in_flight(gauge(r, "bridge_translator_in_flight",
                                 "Backend requests in flight")),
      translator_retries(counter(r, "bridge_translator_retries_total",
                                 "Backend requests retried")),
      translator_rate_limited(counter(r, "bridge_translator_rate_limited_total",
                                      "Backend answers 429")),
      translations_ok(counter(r, "bridge_translations_total",
                              "Translations finished, by result",
                              {{"result", "ok"}})),
      translations_failed(
          counter(r, "bridge_translations_total", "", {{"result", "failed"}})),
      db_connections_idle(gauge(r, "bridge_db_pool_connections",
                                "PostgreSQL connections open, by state (idle "
                                "and in_use add up to the open ones)",
                                {{"state", "idle"}})),
      db_connections_busy(
          gauge(r, "bridge_db_pool_connections", "", {{"state", "in_use"}})),
      db_requests_waiting(gauge(r, "bridge_db_pool_waiting",
                                "Requests waiting for a connection")),
      db_wait_seconds(histogram(r, "bridge_db_pool_wait_seconds",
                                "Time a request waited for a connection",
                                wait_buckets())),
      db_turn_seconds(histogram(r, "bridge_db_turn_seconds",
                                "Time a worker spent on one turn: its "
                                "statements and its commit",
                                wait_buckets())),
      db_errors(
          counter(r, "bridge_db_errors_total", "Database requests failed")),
      db_rejected(counter(r, "bridge_db_rejected_total",
                          "Database requests refused: queue full or deadline "
                          "passed")),
      db_fenced_writes(counter(r, "bridge_cluster_fenced_writes_total",
                               "Writes refused because their partition's "
                               "lease had moved to another owner")),
      cache_hits(
          counter(r, "bridge_cache_hits_total", "Cache lookups answered")),
      cache_misses(counter(r, "bridge_cache_misses_total",
                           "Cache lookups that went to PostgreSQL")),
      cache_fallbacks(counter(r, "bridge_cache_fallbacks_total",
                              "Operations done without Redis because it was "
                              "down")),
      memo_hits(counter(r, "bridge_profile_memo_hits_total",
                        "Partner profiles read from the engine's memory")),
      memo_misses(counter(r, "bridge_profile_memo_misses_total",
                          "Partner profiles read through the cache")),
      memo_entries(gauge(r, "bridge_profile_memo_entries",
                         "Profiles kept in the engine's memory")),
      memo_open(gauge(r, "bridge_profile_memo_open",
                      "1 while subscribed to other engines' changes, so "
                      "profiles may be kept in memory")),
      sender_queue_depth(gauge(r, "bridge_sender_queue_depth",
                               "Bot API calls waiting to be sent")),
      sender_sent(counter(r, "bridge_sender_sent_total",
                          "Bot API calls Telegram accepted")),
      sender_rate_limited(counter(r, "bridge_sender_rate_limited_total",
                                  "Bot API answers 429")),
      sender_retries(counter(r, "bridge_sender_retries_total",
                             "Bot API calls retried after a transient error")),
      sender_failed(
          counter(r, "bridge_sender_failed_total", "Bot API calls given up")),
      sender_call_seconds(histogram(r, "bridge_sender_call_seconds",
                                    "Time one Bot API call took, answer or not",
                                    wait_buckets())),
      sender_refused_chat_full(counter(r, "bridge_sender_refused_total",
                                       "Messages refused before queueing, by "
                                       "reason",
                                       {{"reason", "chat_full"}})),
      sender_dropped(counter(r, "bridge_sender_dropped_total",
                             "Messages not sent because their outbox row "
                             "could not be written")),
      inbox_backlog(gauge(r, "bridge_inbox_backlog",
                          "Stored updates not yet fully handled")),
      outbox_backlog(gauge(r, "bridge_outbox_backlog",
                           "Stored outgoing messages not yet sent")),
      inbox_parked(gauge(r, "bridge_inbox_parked",
                         "Updates parked for an operator to retry or drop")),
      updates_parked(counter(r, "bridge_updates_parked_total",
                             "Updates parked after their retries")),
      updates_swept(counter(r, "bridge_updates_swept_total",
                            "Stored updates handed on again by the sweep")),
      messages_refused(counter(r, "bridge_messages_refused_total",
                               "Messages storage refused for good; the writer "
                               "was told")),
      possible_duplicates_resumed(
          counter(r, "bridge_possible_duplicates_total",
                  "Sends that may reach a chat twice, by cause",
                  {{"cause", "resumed"}})),
      possible_duplicates_swept(counter(r, "bridge_possible_duplicates_total",
                                        "", {{"cause", "swept"}})),
      possible_duplicates_retried(counter(r, "bridge_possible_duplicates_total",
                                          "", {{"cause", "retried"}})),
      cluster_rebalances(counter(r, "bridge_cluster_rebalances_total",
                                 "Lease keeper rounds that took or gave up "
                                 "at least one lease")),
      cluster_leases_lost(counter(r, "bridge_cluster_leases_lost_total",
                                  "Leases found taken or expired while this "
                                  "engine believed it held them")),
      cluster_partitions_owned(gauge(r, "bridge_cluster_partitions_owned",
                                     "Partitions this engine owns")),
      cluster_intake_leader(gauge(r, "bridge_cluster_intake_leader",
                                  "1 while this engine holds the intake role")),
      cluster_handoff_seconds(histogram(r, "bridge_cluster_handoff_seconds",
                                        "Time from an update's arrival in the "
                                        "inbox to its owner taking it from "
                                        "there, for updates another engine "
                                        "took in")),
      ready(gauge(r, "bridge_ready",
                  "1 when the engine is ready to serve (what /readyz says)")),
      degraded_cache(gauge(r, "bridge_degraded",
                           "1 while the engine serves without a part it would "
                           "rather have, by part",
                           {{"part", "cache"}})),
      renewal_cancel_failures(
          counter(r, "bridge_star_renewal_cancel_failures_total",
                  "Refunded Stars subscriptions whose renewal Telegram was "
                  "not told to stop (the refund route retries it)")),
      updates_skipped_(family(r, "bridge_updates_skipped_total",
                              "Readable updates not handled, by reason: the "
                              "kind, no_sender or other")),
      updates_refused_(family(r, "bridge_updates_refused_total",
                              "Unreadable updates refused, by reason")),
      get_updates_errors_(family(r, "bridge_get_updates_errors_total",
                                 "getUpdates calls that failed, by reason")),
      edits_ignored_(family(r, "bridge_edits_ignored_total",
                            "Edited messages left as they were, by reason")),
      translation_hops_(family(r, "bridge_translation_hops_total",
                               "Translations finished, by the direct "
                               "translations chained for them (1: direct, 2: "
                               "through one pivot language)")),
      budget_fallbacks_(family(r, "bridge_budget_fallbacks_total",
                               "Shared budgets that fell back to this "
                               "instance's share (Redis did not answer), by "
                               "budget")),
      budget_grants_(family(r, "bridge_budget_grants_total",
                            "Grants drawn from budgets shared in Redis, by "
                            "budget")),
      translator_request_seconds_(
          BuildHistogram()
              .Name("bridge_translator_request_seconds")
              .Help("Duration of one backend request, by backend")
              .Register(r)),
      breaker_closed_(gauge(r, "bridge_translator_breaker_state",
                            "1 for the circuit breaker's current state",
                            {{"state", "closed"}})),
      breaker_half_open_(gauge(r, "bridge_translator_breaker_state", "",
                               {{"state", "half_open"}})),
      breaker_open_(
          gauge(r, "bridge_translator_breaker_state", "", {{"state", "open"}})),
      http_refused_(family(r, "bridge_http_refused_total",
                           "HTTP connections and requests refused before "
                           "being served, by reason")),
      translator_fallbacks_(family(r, "bridge_translator_fallbacks_total",
                                   "Translations the fallback backend made "
                                   "because the configured one gave up, by "
                                   "how it gave up")) {
  // The usual *_build_info shape: always 1, the build in its labels, so
  // a dashboard can join it to any other series.
  gauge(r, "bridge_build_info",
        "Always 1; the engine's release and source revision as labels",
        {{"version", BRIDGE_VERSION}, {"revision", std::string{revision()}}})
      .Set(1);
  for (auto reason : {"not_registered", "command", "media", "too_long"})
    edits_ignored(reason);
  translation_hops(1);
  for (auto reason : {"circuit_open", "deadline_exceeded", "rate_limited",
                      "unauthorized", "translation_failed"})
    translator_fallbacks(reason);
  set_breaker_state("closed");
}

prometheus::Counter&
engine_metrics::updates_skipped(const std::string& reason) {
  return updates_skipped_.Add({{"reason", reason}});
}

prometheus::Counter&
engine_metrics::updates_refused(const std::string& reason) {
  return updates_refused_.Add({{"reason", reason}});
}

prometheus::Counter&
engine_metrics::get_updates_errors(const std::string& reason) {
  return get_updates_errors_.Add({{"reason", reason}});
}

prometheus::Counter& engine_metrics::edits_ignored(const std::string& reason) {
  return edits_ignored_.Add({{"reason", reason}});
}

prometheus::Counter& engine_metrics::translation_hops(uint32_t hops) {
  // Routes are a few hops long (translator/language_graph.hpp); anything
  // longer shares one series.
  return translation_hops_.Add(
      {{"hops", hops > 9 ? std::string{"10+"} : std::to_string(hops)}});
}

prometheus::Counter&
engine_metrics::budget_fallbacks(const std::string& budget) {
  return budget_fallbacks_.Add({{"budget", budget}});
}

prometheus::Counter& engine_metrics::http_refused(const std::string& reason) {
  return http_refused_.Add({{"reason", reason}});
}

prometheus::Counter&
engine_metrics::translator_fallbacks(const std::string& reason) {
  return translator_fallbacks_.Add({{"reason", reason}});
}

prometheus::Counter& engine_metrics::budget_grants(const std::string& budget) {
  return budget_grants_.Add({{"budget", budget}});
}

void engine_metrics::set_breaker_state(std::string_view state) {
  bool closed = state == "closed";
  bool half_open = state == "half_open";
  breaker_closed_.Set(closed ? 1 : 0);
  breaker_half_open_.Set(half_open ? 1 : 0);
  breaker_open_.Set(!closed && !half_open ? 1 : 0);
}

prometheus::Histogram&
engine_metrics::translator_request_seconds(const std::string& backend) {
  return translator_request_seconds_.Add(
      {{"backend", backend.empty() ? std::string{"unknown"} : backend}},
      latency_buckets());
}

prometheus::Counter&
engine_metrics::possible_duplicates(std::string_view cause) {
  if (cause == "resumed")
    return possible_duplicates_resumed;
  if (cause == "swept")
    return possible_duplicates_swept;
  return possible_duplicates_retried;
}

prometheus::Registry& registry() {
  static auto r = std::make_shared<prometheus::Registry>();
  return *r;
}

engine_metrics& metrics() {
  static engine_metrics m{registry()};
  return m;
}

std::string render_metrics() {
  auto& m = metrics(); // registers everything on first use
  // Health lives in flags the rooms set; the gauges follow at each scrape,
  // so they can never disagree with /readyz.
  const auto& h = engine_health();
  m.ready.Set(h.ready() ? 1 : 0);
  m.degraded_cache.Set(h.degraded() ? 1 : 0);
  auto families = registry().Collect();
  for (auto& f : collect_process_metrics())
    families.push_back(std::move(f));
  return prometheus::TextSerializer{}.Serialize(families);
}

} // namespace bridge::telemetry
