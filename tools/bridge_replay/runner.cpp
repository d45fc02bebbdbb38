// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/runner.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unistd.h>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.hpp"
#include "tools/bridge_replay/injector.hpp"
#include "tools/bridge_replay/live_seconds.hpp"
#include "tools/bridge_replay/registrar.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace bridge::replay {

namespace {

using clock_type = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// Between two reads of the event feed. Latency is taken from tg-sim's
/// own time stamps, so reading in batches costs the figures nothing; read
/// at once after every event, the feed took a request per message, and
/// the CPU of tg-sim and of the replay that the engine shares.
constexpr milliseconds feed_pause{20};

/// Follows the global event feed after `after` and judges every message
/// until `done` is set.
void follow(shared& s, int port, int64_t after, const std::atomic<bool>& done) {
  tg_sim::sim_client sim{port, std::chrono::seconds{30}};
  constexpr size_t page = 10'000;
  while (!done) {
    auto got = sim.events(after, page, milliseconds{200});
    if (!got) {
      s.error("feed_failed", describe(got.error()));
      std::this_thread::sleep_for(milliseconds{100});
      continue;
    }
    {
      std::lock_guard<std::mutex> guard{s.mu};
      for (const auto& e : *got) {
        after = std::max(after, e.seq);
        ++s.events[e.method];
        if (e.method != "sendMessage")
          continue;
        s.last_bot_message[e.chat_id] = e.message_id;
        s.checker.observe(e.chat_id, e.text, e.at_ms);
      }
    }
    if (got->size() < page && !got->empty())
      std::this_thread::sleep_for(feed_pause);
  }
}

/// The progress line: what is in flight and how fast it goes now.
void show_progress(shared& s, double elapsed_s, double interval_s, size_t& seen,
                   bool tty) {
  std::lock_guard<std::mutex> guard{s.mu};
  const auto& c = s.checker.counts();
  const auto& all = s.checker.samples();
  std::vector<latency_sample> recent(all.begin() + static_cast<long>(seen),
                                     all.end());
  seen = all.size();
  auto l = summarize(recent);
  auto line = fmt::format(
      "replay {:6.1f}s  sent {}  delivered {}  pending {}  dup {}"
      "  reord {}  unexpected {}  now {}/s p99 {} ms",
      elapsed_s, c.sent - c.cancelled, c.delivered, s.checker.pending(),
      c.duplicated, c.reordered, c.unexpected_replies,
      static_cast<int64_t>(static_cast<double>(l.count) / interval_s), l.p99);
  std::fprintf(stderr, tty ? "\r%s\033[K" : "%s\n", line.c_str());
}

/// Registers the file's teams and copies what that took into the report.
registration register_teams(const std::vector<traffic_line>& lines,
                            const run_options& o,
                            clock_type::time_point deadline, run_report& rep) {
  auto reg = o.offer_only
                 ? assume_registered(lines, o.id_offset)
                 : register_all(lines, o.sim_port, o.registration_threads,
                                o.id_offset, deadline);
  rep.teams = reg.teams;
  rep.users = static_cast<int64_t>(reg.users.size());
  rep.registrations_failed = reg.failed;
  rep.registration_s = reg.seconds;
  for (const auto& f : reg.failures)
    std::fprintf(stderr, "registration failed: %s\n", f.c_str());
  return reg;
}

/// Every manager's current worker after registration: the last to join.
/// Every manager's entry exists before the senders start, so each sender
/// only changes values, never the map.
std::unordered_map<int64_t, int64_t> first_targets(const registration& reg) {
  std::unordered_map<int64_t, int64_t> targets;
  for (const auto& [id, u] : reg.users)
    if (u.is_manager)
      targets[id] = u.workers.empty() ? 0 : u.workers.back();
  return targets;
}

/// The lines after the registrations, each given to the sender that owns
/// its user, with its due time: by `rate` when set, else by the file's
/// timestamps at `speed`. A line's marker is its line number.
std::vector<std::vector<timed_line>>
schedule(const std::vector<traffic_line>& lines, const run_options& o,
         size_t senders) {
  std::vector<std::vector<timed_line>> owned(senders);
  std::optional<int64_t> base_t;
  size_t index = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.kind == line_kind::register_manager
        || l.kind == line_kind::register_worker || l.kind == line_kind::meta)
      continue;
    if (!base_t)
      base_t = l.t_ms;
    auto due = o.rate > 0 ? static_cast<double>(index) * 1000 / o.rate
                          : static_cast<double>(l.t_ms - *base_t) / o.speed;
    ++index;
    auto who = static_cast<size_t>(l.user + o.id_offset) % senders;
    owned[l.user > 0 ? who : 0].push_back(
        {&l, due, static_cast<int64_t>(i + 1)});
  }
  return owned;
}

/// Plays `mine` at the lines' due times after `start` until they run out
/// or `s.stop` is set. Each wake-up plays every line then due, batched
/// where it can, and the next comes no sooner than `o.gather` after it.
void send_lines(shared& s, injector& inj, const run_options& o,
                const std::vector<timed_line>& mine,
                clock_type::time_point start) {
  auto since_start_ms = [start] {
    return std::chrono::duration<double, std::milli>(clock_type::now() - start)
        .count();
  };
  double gather_ms = static_cast<double>(o.gather.count()) / 1000;
  double last_wake_ms = -gather_ms;
  size_t next = 0;
  while (next < mine.size() && !s.stop) {
    auto wake_ms = next_wake_ms(mine, next, last_wake_ms, gather_ms);
    auto wake =
        start + std::chrono::microseconds{static_cast<int64_t>(wake_ms * 1000)};
    while (!s.stop && clock_type::now() < wake)
      std::this_thread::sleep_until(
          std::min(wake, clock_type::now() + milliseconds{100}));
    last_wake_ms = since_start_ms();
    for (const auto& run : due_runs(mine, next, last_wake_ms)) {
      if (s.stop)
        break;
      if (run.batch)
        inj.play_batch(&mine[run.begin], run.end - run.begin);
      else
        inj.play(mine[run.begin]);
      next = run.end;
    }
  }
}

/// Starts one thread per part of `owned`, each playing its lines.
std::vector<std::thread>
start_senders(shared& s, const registration& reg, const run_options& o,
              std::unordered_map<int64_t, int64_t>& targets,
              const std::vector<std::vector<timed_line>>& owned,
              clock_type::time_point start) {
  s.senders_left = static_cast<int>(owned.size());
  std::vector<std::thread> senders;
  for (const auto& mine : owned)
    senders.emplace_back([&s, &reg, &o, &targets, &mine, start] {
      injector inj{s, reg, o, targets};
      send_lines(s, inj, o, mine, start);
      --s.senders_left;
    });
  return senders;
}

/// Watches deliveries, showing progress, until the senders are done and
/// then either nothing is pending for `o.settle` or nothing new arrived
/// for `o.drain`; or until `deadline`. Feeds `live`, when set, as it
/// goes. True when the deadline ended it.
bool await_deliveries(shared& s, const run_options& o,
                      clock_type::time_point start,
                      clock_type::time_point deadline,
                      per_second_writer* live) {
  bool tty = isatty(STDERR_FILENO) != 0;
  size_t seen = 0;
  int64_t last_delivered = -1;
  auto last_change = clock_type::now();
  auto last_print = clock_type::now();
  std::optional<clock_type::time_point> all_in;
  bool timed_out = false;
  for (;;) {
    std::this_thread::sleep_for(milliseconds{100});
    auto now = clock_type::now();
    int64_t delivered = 0, pending = 0;
    {
      std::lock_guard<std::mutex> guard{s.mu};
      delivered = s.checker.counts().delivered + s.checker.counts().duplicated;
      pending = s.checker.pending();
      if (live)
        live->update(s.checker.samples(), s.sent_ms);
    }
    if (delivered != last_delivered) {
      last_delivered = delivered;
      last_change = now;
    }
    if (o.progress && (now - last_print >= std::chrono::seconds{tty ? 1 : 5})) {
      auto interval = std::chrono::duration<double>(now - last_print).count();
      last_print = now;
      show_progress(s, std::chrono::duration<double>(now - start).count(),
                    interval, seen, tty);
    }
    if (now > deadline) {
      timed_out = true;
      break;
    }
    if (s.senders_left > 0)
      continue;
    if (pending == 0) {
      if (!all_in)
        all_in = now;
      if (now - *all_in >= o.settle)
        break;
    } else if (now - last_change >= o.drain) {
      break;
    }
  }
  return timed_out;
}

/// Copies what the checker judged into the report: counts, latency,
/// errors, rates and the per-second figures. `first_send` (unix ms) is
/// when sending started. Call with the senders and the follower stopped.
void collect(run_report& rep, shared& s, const run_options& o,
             int64_t first_send) {
  std::lock_guard<std::mutex> guard{s.mu};
  const auto& samples = s.checker.samples();
  rep.counts = s.checker.counts();
  rep.lost = s.checker.pending();
  rep.latency = summarize(samples);
  rep.warmup_s = static_cast<double>(o.warmup.count()) / 1000;
  auto steady_from = first_send + o.warmup.count();
  rep.steady_latency = summarize_sent_from(samples, steady_from);
  rep.latency_from_send = summarize_from_send(samples, 0);
  rep.steady_latency_from_send = summarize_from_send(samples, steady_from);
  rep.send_lag = summarize_values(s.send_lag_ms);
  std::fprintf(
      stderr,
      "send lag behind schedule: p50 %lld ms, p99 %lld ms, max %lld ms\n",
      static_cast<long long>(rep.send_lag.p50),
      static_cast<long long>(rep.send_lag.p99),
      static_cast<long long>(rep.send_lag.max));
  rep.errors = s.errors;
  for (const auto& [kind, n] : s.checker.reply_kinds())
    rep.errors["reply_" + kind] += n;
  rep.events = s.events;
  rep.missing = s.checker.missing(20);
  int64_t last_at = first_send;
  for (const auto& x : samples)
    last_at = std::max(last_at, x.at_ms);
  int64_t last_sent = first_send;
  for (auto ms : s.sent_ms)
    last_sent = std::max(last_sent, ms);
  rep.duration_s = static_cast<double>(last_at - first_send) / 1000;
  if (rep.duration_s > 0)
    rep.throughput_per_s =
        static_cast<double>(rep.counts.delivered) / rep.duration_s;
  if (last_sent > first_send)
    rep.send_rate_per_s =
        static_cast<double>(rep.counts.sent - rep.counts.cancelled) * 1000
        / static_cast<double>(last_sent - first_send);
  rep.seconds = per_second(samples, s.sent_ms, first_send);
  rep.samples = samples;
  if (!s.first_error.empty())
    std::fprintf(stderr, "first error: %s\n", s.first_error.c_str());
}

} // namespace

run_report run(const std::vector<traffic_line>& lines, run_options o) {
  if (o.tag.empty())
    o.tag =
        fmt::format("{:08x}", static_cast<uint32_t>(std::random_device{}()));
  run_report rep;
  rep.tag = o.tag;
  if (o.offer_only)
    o.drain = milliseconds{0};
  auto deadline = clock_type::now() + o.timeout;
  auto sim = tg_sim::sim_client::on_port(o.sim_port);
  if (!sim.healthy()) {
    rep.aborted =
        "tg-sim does not answer on port " + std::to_string(o.sim_port);
    return rep;
  }
  auto throttled_before = sim.stat("/too_many_requests/total");
  auto reg = register_teams(lines, o, deadline, rep);

  shared s{o.tag, o.exact_text};
  s.last_bot_message.insert(reg.last_bot_message.begin(),
                            reg.last_bot_message.end());
  auto targets = first_targets(reg);
  auto owned = schedule(lines, o, static_cast<size_t>(std::max(o.threads, 1)));
  std::atomic<bool> feed_done{false};
  std::thread follower{[&] { follow(s, o.sim_port, reg.last_seq, feed_done); }};
  auto start = clock_type::now();
  auto first_send = unix_ms();
  s.start_ms = first_send;
  std::optional<per_second_writer> live;
  if (o.per_second)
    live.emplace(*o.per_second, bridge::clock{}, first_send);
  auto senders = start_senders(s, reg, o, targets, owned, start);
  rep.timed_out =
      await_deliveries(s, o, start, deadline, live ? &*live : nullptr);
  s.stop = true;
  for (auto& t : senders)
    t.join();
  feed_done = true;
  follower.join();
  if (o.progress && isatty(STDERR_FILENO) != 0)
    std::fprintf(stderr, "\n"); // ends the progress line

  if (live) {
    live->update(s.checker.samples(), s.sent_ms);
    live->finish();
    if (live->late() > 0)
      std::fprintf(stderr,
                   "per-second file: %lld figures came after their second "
                   "was written (report.json has them)\n",
                   static_cast<long long>(live->late()));
  }
  collect(rep, s, o, first_send);
  if (auto after = sim.stat("/too_many_requests/total");
      after && throttled_before)
    rep.too_many_requests = *after - *throttled_before;
  return rep;
}

} // namespace bridge::replay
