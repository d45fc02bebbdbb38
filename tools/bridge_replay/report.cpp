// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/report.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "common/json_writer.hpp"

namespace bridge::replay {

namespace {

/// A figure with `digits` decimals, not the shortest exact double.
void write_fixed(json::writer& w, const char* name, double v, int digits) {
  w.key(name).raw(fmt::format("{:.{}f}", v, digits));
}

void write_latency(json::writer& w, const latency_summary& l) {
  w.begin_object()
      .field("count", l.count)
      .field("p50", l.p50)
      .field("p95", l.p95)
      .field("p99", l.p99)
      .field("max", l.max);
  write_fixed(w, "mean", l.mean, 1);
  w.end_object();
}

void write_counts(json::writer& w, const std::map<std::string, int64_t>& m) {
  w.begin_object();
  for (const auto& [k, v] : m)
    w.field(k, v);
  w.end_object();
}

/// A round step for an axis reaching `top`: 1, 2 or 5 times a power of ten.
double nice_step(double top) {
  auto raw = std::max(top, 1.0) / 4;
  auto base = std::pow(10.0, std::floor(std::log10(raw)));
  for (auto f : {1.0, 2.0, 5.0})
    if (raw <= f * base)
      return f * base;
  return 10 * base;
}

struct series {
  const char* label;
  const char* color;
  std::function<double(const second_stats&)> value;
};

/// One panel: a frame, a y axis from 0 and one polyline per series.
void panel(std::string& svg, const std::vector<second_stats>& s, int top_px,
           const char* unit, const std::vector<series>& lines) {
  constexpr int left = 70, width = 820, height = 220;
  double ymax = 1;
  for (const auto& x : s)
    for (const auto& l : lines)
      ymax = std::max(ymax, l.value(x));
  auto step = nice_step(ymax);
  ymax = std::ceil(ymax / step) * step;
  auto xmax = s.size() > 1 ? static_cast<double>(s.size() - 1) : 1.0;
  auto px = [&](double sec) { return left + sec / xmax * width; };
  auto py = [&](double v) { return top_px + height - v / ymax * height; };
  svg += fmt::format(
      R"(<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#888"/>)"
      "\n",
      left, top_px, width, height);
  for (double v = 0; v <= ymax + step / 2; v += step)
    svg += fmt::format(
        R"(<text x="{}" y="{:.1f}" text-anchor="end">{:g}</text>)"
        R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#eee"/>)"
        "\n",
        left - 6, py(v) + 4, v, left, left + width, py(v), py(v));
  svg += fmt::format(
      R"svg(<text x="14" y="{}" transform="rotate(-90 14 {})" text-anchor="middle">{}</text>)svg"
      "\n",
      top_px + height / 2, top_px + height / 2, unit);
  int legend = left + 10;
  for (const auto& l : lines) {
    svg += fmt::format(
        R"(<polyline fill="none" stroke="{}" stroke-width="1.5" points=")",
        l.color);
    for (const auto& x : s)
      svg += fmt::format("{:.1f},{:.1f} ", px(static_cast<double>(x.second)),
                         py(l.value(x)));
    svg += "\"/>\n";
    svg += fmt::format(R"(<text x="{}" y="{}" fill="{}">{}</text>)"
                       "\n",
                       legend, top_px + 16, l.color, l.label);
    legend += 110;
  }
}

} // namespace

bool run_report::passed() const {
  return lost == 0 && counts.duplicated == 0 && counts.reordered == 0
         && counts.wrong_chat == 0 && counts.mistranslated == 0
         && counts.unknown_marker == 0 && registrations_failed == 0
         && !timed_out && aborted.empty();
}

std::string report_json(const run_report& r) {
  json::writer w;
  w.begin_object()
      .field("passed", r.passed())
      .field("sent", r.counts.sent - r.counts.cancelled)
      .field("delivered", r.counts.delivered)
      .field("lost", r.lost)
      .field("duplicated", r.counts.duplicated)
      .field("reordered", r.counts.reordered)
      .field("wrong_chat", r.counts.wrong_chat)
      .field("mistranslated", r.counts.mistranslated)
      .field("unknown_marker", r.counts.unknown_marker)
      .field("foreign_markers", r.counts.foreign_markers)
      .field("expected_replies", r.counts.expected_replies)
      .field("queued_notices", r.counts.queued_notices)
      .field("unexpected_replies", r.counts.unexpected_replies)
      .field("timed_out", r.timed_out)
      .field("aborted", r.aborted)
      .field("tag", r.tag);
  write_fixed(w, "duration_s", r.duration_s, 3);
  write_fixed(w, "throughput_per_s", r.throughput_per_s, 1);
  write_fixed(w, "send_rate_per_s", r.send_rate_per_s, 1);
  w.key("latency_ms");
  write_latency(w, r.latency);
  w.key("steady").begin_object();
  write_fixed(w, "warmup_s", r.warmup_s, 1);
  w.key("latency_ms");
  write_latency(w, r.steady_latency);
  w.key("latency_from_send_ms");
  write_latency(w, r.steady_latency_from_send);
  w.end_object();
  w.key("latency_from_send_ms");
  write_latency(w, r.latency_from_send);
  w.key("send_lag_ms");
  write_latency(w, r.send_lag);
  w.key("errors");
  write_counts(w, r.errors);
  w.field("too_many_requests", r.too_many_requests);
  w.key("events");
  write_counts(w, r.events);
  w.key("registration")
      .begin_object()
      .field("teams", r.teams)
      .field("users", r.users)
      .field("failed", r.registrations_failed);
  write_fixed(w, "seconds", r.registration_s, 3);
  w.end_object();
  w.key("missing_markers").begin_array();
  for (auto m : r.missing)
    w.value(m);
  w.end_array();
  w.key("per_second").begin_array();
  for (const auto& s : r.seconds)
    w.begin_array()
        .value(s.second)
        .value(s.sent)
        .value(s.delivered)
        .value(s.latency.p50)
        .value(s.latency.p99)
        .value(s.latency.max)
        .end_array();
  w.end_array();
  w.field("per_second_columns", "second,sent,delivered,p50_ms,p99_ms,max_ms");
  return std::move(w.end_object()).str();
}

std::string samples_csv(const std::vector<latency_sample>& samples) {
  std::string out = "at_ms,latency_ms,writer,recipient\n";
  for (const auto& s : samples)
    out += fmt::format("{},{},{},{}\n", s.at_ms, s.latency_ms, s.writer,
                       s.recipient);
  return out;
}

std::string plot_svg(const std::vector<second_stats>& s,
                     const std::string& title) {
  std::string svg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="920" height="560" )"
      R"(font-family="sans-serif" font-size="12">)"
      "\n"
      R"(<rect width="100%" height="100%" fill="white"/>)"
      "\n";
  std::string esc;
  for (auto c : title)
    esc += c == '<'   ? std::string{"&lt;"}
           : c == '&' ? std::string{"&amp;"}
                      : std::string(1, c);
  svg += fmt::format(
      R"(<text x="460" y="22" text-anchor="middle" font-size="15">{}</text>)"
      "\n",
      esc);
  using ss = second_stats;
  panel(
      svg, s, 40, "latency ms",
      {{"p50", "#1f77b4", [](const ss& x) { return double(x.latency.p50); }},
       {"p99", "#ff7f0e", [](const ss& x) { return double(x.latency.p99); }},
       {"max", "#d62728", [](const ss& x) { return double(x.latency.max); }}});
  panel(svg, s, 300, "messages/s",
        {{"sent", "#7f7f7f", [](const ss& x) { return double(x.sent); }},
         {"delivered", "#2ca02c",
          [](const ss& x) { return double(x.delivered); }}});
  svg += fmt::format(
      R"svg(<text x="480" y="548" text-anchor="middle">seconds since the first message ({} s)</text>)svg"
      "\n</svg>\n",
      s.empty() ? 0 : s.size() - 1);
  return svg;
}

} // namespace bridge::replay
