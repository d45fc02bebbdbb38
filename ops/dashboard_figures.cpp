// SPDX-License-Identifier: Apache-2.0
#include "ops/dashboard_figures.hpp"

#include <cmath>
#include <limits>
#include <string_view>

#include "common/json_writer.hpp"

namespace bridge::ops {

namespace {

using families = std::vector<prometheus::MetricFamily>;
using figure = std::optional<double>;

const prometheus::MetricFamily* family(const families& all,
                                       std::string_view name) {
  for (auto& f : all)
    if (f.name == name)
      return &f;
  return nullptr;
}

/// The series of `f` carrying `label="value"` (the first when `label` is
/// empty).
const prometheus::ClientMetric* series(const prometheus::MetricFamily& f,
                                       std::string_view label = {},
                                       std::string_view value = {}) {
  for (auto& m : f.metric) {
    if (label.empty())
      return &m;
    for (auto& l : m.label)
      if (l.name == label && l.value == value)
        return &m;
  }
  return nullptr;
}

/// A counter's or gauge's value.
figure scalar(const families& all, std::string_view name,
              std::string_view label = {}, std::string_view value = {}) {
  auto* f = family(all, name);
  auto* m = f != nullptr ? series(*f, label, value) : nullptr;
  if (m == nullptr)
    return std::nullopt;
  if (f->type == prometheus::MetricType::Counter)
    return m->counter.value;
  if (f->type == prometheus::MetricType::Gauge)
    return m->gauge.value;
  return std::nullopt;
}

std::vector<cumulative_bucket> buckets(const families& all,
                                       std::string_view name) {
  std::vector<cumulative_bucket> out;
  auto* f = family(all, name);
  if (auto* m = f != nullptr ? series(*f) : nullptr)
    for (auto& b : m->histogram.bucket)
      out.push_back({b.upper_bound, b.cumulative_count});
  return out;
}

json::writer& put(json::writer& w, std::string_view key, figure v) {
  w.key(key);
  return v ? w.value(*v) : w.null();
}

/// `{"count":N,"p50_seconds":…,"p95_seconds":…,"p99_seconds":…}`.
void percentiles(json::writer& w, std::string_view key, const families& all,
                 std::string_view name) {
  auto b = buckets(all, name);
  w.key(key).begin_object();
  put(w, "count", b.empty() ? figure{} : figure{double(b.back().count)});
  put(w, "p50_seconds", histogram_quantile(0.50, b));
  put(w, "p95_seconds", histogram_quantile(0.95, b));
  put(w, "p99_seconds", histogram_quantile(0.99, b));
  w.end_object();
}

/// The state whose series of bridge_translator_breaker_state is 1.
const char* breaker_name(const families& all) {
  for (auto state : {"open", "half_open", "closed"})
    if (scalar(all, "bridge_translator_breaker_state", "state", state)
        == figure{1})
      return state;
  return "unknown";
}

/// The pool's open connections: its idle and in-use ones.
figure connections_open(const families& all) {
  auto idle = scalar(all, "bridge_db_pool_connections", "state", "idle");
  auto busy = scalar(all, "bridge_db_pool_connections", "state", "in_use");
  if (!idle || !busy)
    return std::nullopt;
  return *idle + *busy;
}

} // namespace

std::optional<double>
histogram_quantile(double q, const std::vector<cumulative_bucket>& b) {
  if (!(q >= 0 && q <= 1) || b.size() < 2 || !std::isinf(b.back().upper_bound))
    return std::nullopt;
  for (size_t i = 1; i < b.size(); ++i)
    if (b[i].count < b[i - 1].count
        || !(b[i].upper_bound > b[i - 1].upper_bound))
      return std::nullopt;
  auto total = static_cast<double>(b.back().count);
  if (total == 0)
    return std::nullopt;
  auto rank = q * total;
  size_t i = 0;
  while (i + 1 < b.size() && static_cast<double>(b[i].count) < rank)
    ++i;
  if (i + 1 == b.size())
    return b[i - 1].upper_bound; // in +Inf: the highest bound known
  double start = 0;
  auto in_bucket = static_cast<double>(b[i].count);
  if (i > 0) {
    start = b[i - 1].upper_bound;
    in_bucket -= static_cast<double>(b[i - 1].count);
    rank -= static_cast<double>(b[i - 1].count);
  } else if (b[0].upper_bound <= 0) {
    return b[0].upper_bound;
  }
  if (in_bucket <= 0)
    return start;
  return start + (b[i].upper_bound - start) * (rank / in_bucket);
}

counter_rate::counter_rate(std::chrono::milliseconds span, size_t max_samples)
    : span_(span), max_samples_(std::max<size_t>(max_samples, 2)) {}

void counter_rate::record(int64_t now_ms, double total) {
  if (!samples_.empty()) {
    if (now_ms < samples_.back().first)
      return;
    if (total < samples_.back().second)
      samples_.clear();
  }
  samples_.emplace_back(now_ms, total);
  while (samples_.front().first < now_ms - span_.count()
         || samples_.size() > max_samples_)
    samples_.pop_front();
}

std::optional<double> counter_rate::per_minute() const {
  if (samples_.size() < 2)
    return std::nullopt;
  auto dt = samples_.back().first - samples_.front().first;
  if (dt < 1000)
    return std::nullopt;
  return (samples_.back().second - samples_.front().second) * 60'000.0
         / static_cast<double>(dt);
}

void live_rates::record(int64_t now_ms, double received, double relayed) {
  std::lock_guard<std::mutex> guard{mtx_};
  received_.record(now_ms, received);
  relayed_.record(now_ms, relayed);
}

std::pair<std::optional<double>, std::optional<double>>
live_rates::per_minute() const {
  std::lock_guard<std::mutex> guard{mtx_};
  return {received_.per_minute(), relayed_.per_minute()};
}

std::string render_dashboard(const families& all, const live_rates& rates) {
  auto [received_rate, relayed_rate] = rates.per_minute();
  auto hits = scalar(all, "bridge_cache_hits_total");
  auto misses = scalar(all, "bridge_cache_misses_total");
  figure hit_rate;
  if (hits && misses && *hits + *misses > 0)
    hit_rate = *hits / (*hits + *misses);
  json::writer w;
  w.begin_object();
  w.key("messages").begin_object();
  put(w, "received_total",
      scalar(all, "bridge_updates_received_total", "kind", "message"));
  put(w, "relayed_total", scalar(all, "bridge_messages_relayed_total"));
  put(w, "untranslated_total",
      scalar(all, "bridge_messages_untranslated_total"));
  put(w, "received_per_minute", received_rate);
  put(w, "relayed_per_minute", relayed_rate);
  w.end_object();
  percentiles(w, "latency", all, "bridge_update_reply_latency_seconds");
  w.key("translator").begin_object();
  w.field("breaker", breaker_name(all));
  put(w, "queue_depth", scalar(all, "bridge_translator_queue_depth"));
  put(w, "in_flight", scalar(all, "bridge_translator_in_flight"));
  put(w, "ok_total", scalar(all, "bridge_translations_total", "result", "ok"));
  put(w, "failed_total",
      scalar(all, "bridge_translations_total", "result", "failed"));
  put(w, "retries_total", scalar(all, "bridge_translator_retries_total"));
  put(w, "rate_limited_total",
      scalar(all, "bridge_translator_rate_limited_total"));
  percentiles(w, "request", all, "bridge_translator_request_seconds");
  w.end_object();
  w.key("db").begin_object();
  put(w, "open", connections_open(all));
  put(w, "in_use",
      scalar(all, "bridge_db_pool_connections", "state", "in_use"));
  put(w, "waiting", scalar(all, "bridge_db_pool_waiting"));
  put(w, "errors_total", scalar(all, "bridge_db_errors_total"));
  percentiles(w, "wait", all, "bridge_db_pool_wait_seconds");
  w.end_object();
  w.key("cache").begin_object();
  put(w, "hits_total", hits);
  put(w, "misses_total", misses);
  put(w, "hit_rate", hit_rate);
  w.end_object();
  w.key("sender").begin_object();
  put(w, "queue_depth", scalar(all, "bridge_sender_queue_depth"));
  put(w, "sent_total", scalar(all, "bridge_sender_sent_total"));
  put(w, "rate_limited_total", scalar(all, "bridge_sender_rate_limited_total"));
  put(w, "failed_total", scalar(all, "bridge_sender_failed_total"));
  w.end_object();
  w.key("backlog").begin_object();
  put(w, "inbox", scalar(all, "bridge_inbox_backlog"));
  put(w, "outbox", scalar(all, "bridge_outbox_backlog"));
  w.end_object();
  w.key("cluster").begin_object();
  put(w, "partitions_owned", scalar(all, "bridge_cluster_partitions_owned"));
  put(w, "intake_leader", scalar(all, "bridge_cluster_intake_leader"));
  put(w, "rebalances_total", scalar(all, "bridge_cluster_rebalances_total"));
  put(w, "leases_lost_total", scalar(all, "bridge_cluster_leases_lost_total"));
  put(w, "fenced_writes_total",
      scalar(all, "bridge_cluster_fenced_writes_total"));
  percentiles(w, "handoff", all, "bridge_cluster_handoff_seconds");
  w.end_object();
  w.key("actors").begin_object();
  put(w, "sessions", scalar(all, "bridge_sessions_active"));
  put(w, "conversations", scalar(all, "bridge_conversations_active"));
  w.end_object();
  w.end_object();
  return std::move(w).str();
}

} // namespace bridge::ops
