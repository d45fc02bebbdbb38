// SPDX-License-Identifier: Apache-2.0
// bridge-replay: generates traffic for Bridge, replays it through tg-sim
// and checks that every message reached its partner once, in order.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include "common/heap.hpp"
#include "common/version.hpp"
#include "tools/bridge_replay/generator.hpp"
#include "tools/bridge_replay/runner.hpp"
#include "tools/bridge_replay/summary.hpp"
#include "tools/bridge_replay/thresholds.hpp"

namespace {

using namespace bridge::replay;

int write_file(const std::string& path, const std::string& text) {
  std::ofstream out{path, std::ios::binary | std::ios::trunc};
  out << text;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return 1;
  }
  return 0;
}

int do_generate(const generate_options& g, const std::string& out_path) {
  if (auto bad = validate(g); !bad.empty()) {
    std::fprintf(stderr, "generate: %s\n", bad.c_str());
    return 2;
  }
  auto lines = generate(g);
  traffic_line meta;
  meta.kind = line_kind::meta;
  meta.text = "bridge-replay generate: " + std::to_string(g.teams) + " teams, "
              + std::to_string(g.messages) + " messages at "
              + std::to_string(g.rate) + "/s, seed " + std::to_string(g.seed);
  std::string text = encode_line(meta) + "\n";
  for (const auto& l : lines)
    text += encode_line(l) + "\n";
  return write_file(out_path, text);
}

/// `generate`: what it is given, and whether it was chosen.
struct generate_command {
  generate_options g;
  std::string out_path;
  CLI::App* cmd = nullptr;

  /// Declares `generate` and its options on `app`.
  void declare(CLI::App& app) {
    cmd = app.add_subcommand("generate", "write a JSON Lines traffic file");
    cmd->add_option("--teams", g.teams, "teams: a manager and their workers")
        ->capture_default_str();
    cmd->add_option("--workers-min", g.workers_min, "fewest workers per team")
        ->capture_default_str();
    cmd->add_option("--workers-max", g.workers_max, "most workers per team")
        ->capture_default_str();
    cmd->add_option("--messages", g.messages, "plain messages in all")
        ->capture_default_str();
    cmd->add_option("--rate", g.rate, "mean messages per second")
        ->capture_default_str();
    cmd->add_option("--burst", g.burst,
                    "rate multiplier during bursts (1: none)")
        ->capture_default_str();
    cmd->add_option("--burst-every-s", g.burst_every_s,
                    "a burst starts this often")
        ->capture_default_str();
    cmd->add_option("--burst-length-s", g.burst_length_s,
                    "how long a burst lasts")
        ->capture_default_str();
    cmd->add_option("--hostile-fraction", g.hostile_fraction,
                    "extra hostile lines per message (0..1)")
        ->capture_default_str();
    cmd->add_option("--switch-fraction", g.switch_fraction,
                    "manager messages preceded by a switch of worker (0..1)")
        ->capture_default_str();
    cmd->add_option("--first-user", g.first_user, "lowest user id")
        ->capture_default_str();
    cmd->add_option("--seed", g.seed, "random seed")->capture_default_str();
    cmd->add_option("--out", out_path, "traffic file to write")->required();
  }
};

/// Refuses a threshold that is not a finite, non-negative number (CLI11's
/// own number checks let "nan" through).
const CLI::Validator threshold_value{
    [](std::string& text) -> std::string {
      char* end = nullptr;
      auto v = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size())
        return "not a number: " + text;
      auto bad = threshold_value_error(v);
      return bad.empty() ? bad : bad + ": " + text;
    },
    "NUMBER >= 0"};

/// `run`: what it is given.
struct run_command {
  run_options o;
  std::string traffic_path, report_path, plot_path, samples_path,
      per_second_path;
  double max_p99_ms = 0, min_throughput = 0;
  CLI::Option* max_p99_given = nullptr;
  CLI::Option* min_throughput_given = nullptr;
  double timeout_s = 600, drain_s = 30, warmup_s = 5, gather_ms = 1;
  bool quiet = false, loose = false, offer_only = false;

  /// Declares `run` and its options on `app`.
  void declare(CLI::App& app) {
    auto* cmd =
        app.add_subcommand("run", "replay a traffic file through tg-sim");
    cmd->add_option("--traffic", traffic_path, "traffic file")->required();
    cmd->add_option("--sim-port", o.sim_port, "tg-sim's port on 127.0.0.1")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535));
    cmd->add_option("--speed", o.speed, "divide the file's pace by this")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--rate", o.rate,
                    "lines per second after registration, ignoring timestamps")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", o.threads, "injecting threads")
        ->capture_default_str()
        ->check(CLI::Range(1, 128));
    cmd->add_option("--registration-threads", o.registration_threads,
                    "teams registered at once")
        ->capture_default_str()
        ->check(CLI::Range(1, 128));
    cmd->add_option("--timeout-s", timeout_s, "the whole run ends by then")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--drain-s", drain_s,
                    "after the last line, wait this long without a delivery")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--warmup-s", warmup_s,
                    "the report's steady latency leaves out messages sent "
                    "in the first this many seconds")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 86400.0));
    cmd->add_option("--gather-ms", gather_ms,
                    "a sender wakes at most this often and sends every line "
                    "then due in one call")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1000.0));
    cmd->add_option("--id-offset", o.id_offset,
                    "added to every user id (a fresh set of users per run)")
        ->capture_default_str();
    cmd->add_flag("--any-translator", loose,
                  "check writer and marker only, not the fake's exact text");
    cmd->add_option("--report", report_path, "write the JSON report here too");
    cmd->add_option("--plot", plot_path, "write an SVG plot here");
    cmd->add_option(
        "--samples", samples_path,
        "write every delivery as CSV (arrival, latency, writer, recipient)");
    cmd->add_option("--per-second", per_second_path,
                    "append each second's figures to this CSV as the run "
                    "goes (a killed run keeps them)");
    max_p99_given =
        cmd->add_option(
               "--max-p99-ms", max_p99_ms,
               "fail (exit 3) when the steady p99 latency is above this")
            ->check(threshold_value);
    min_throughput_given =
        cmd->add_option(
               "--min-throughput", min_throughput,
               "fail (exit 3) when fewer messages a second are delivered")
            ->check(threshold_value);
    cmd->add_flag("--quiet", quiet, "no progress line");
    cmd->add_flag("--offer-only", offer_only,
                  "no bot behind tg-sim: take the teams as registered, send "
                  "every line and stop (measures what the replay can offer)");
  }

  /// The thresholds given; those not given stay unset.
  thresholds limits() const {
    thresholds t;
    if (max_p99_given->count() > 0)
      t.max_p99_ms = max_p99_ms;
    if (min_throughput_given->count() > 0)
      t.min_throughput = min_throughput;
    return t;
  }

  /// The runner's options, with what was given in seconds and as flags.
  run_options options() const {
    auto out = o;
    out.timeout =
        std::chrono::milliseconds{static_cast<int64_t>(timeout_s * 1000)};
    out.drain = std::chrono::milliseconds{static_cast<int64_t>(drain_s * 1000)};
    out.warmup =
        std::chrono::milliseconds{static_cast<int64_t>(warmup_s * 1000)};
    out.gather =
        std::chrono::microseconds{static_cast<int64_t>(gather_ms * 1000)};
    out.exact_text = !loose;
    out.progress = !quiet;
    out.offer_only = offer_only;
    return out;
  }
};

int do_run(const run_command& c) {
  const auto& path = c.traffic_path;
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }
  auto t = read_traffic(in);
  if (!t.errors.empty()) {
    for (const auto& e : t.errors)
      std::fprintf(stderr, "%s: %s\n", path.c_str(), e.c_str());
    return 2;
  }
  if (auto bad = validate(c.limits()); !bad.empty()) {
    std::fprintf(stderr, "run: %s\n", bad.c_str());
    return 2;
  }
  auto opts = c.options();
  std::ofstream per_second;
  if (!c.per_second_path.empty()) {
    per_second.open(c.per_second_path, std::ios::binary | std::ios::trunc);
    if (!per_second) {
      std::fprintf(stderr, "cannot write %s\n", c.per_second_path.c_str());
      return 2;
    }
    opts.per_second = &per_second;
  }
  auto rep = run(t.lines, opts);
  auto json = report_json(rep);
  if (!c.report_path.empty() && write_file(c.report_path, json + "\n") != 0)
    return 2;
  if (!c.plot_path.empty()
      && write_file(c.plot_path, plot_svg(rep.seconds, "bridge-replay " + path))
             != 0)
    return 2;
  if (!c.samples_path.empty()
      && write_file(c.samples_path, samples_csv(rep.samples)) != 0)
    return 2;
  std::cout << json << std::endl;
  if (!rep.aborted.empty())
    std::fprintf(stderr, "aborted: %s\n", rep.aborted.c_str());
  auto failures =
      threshold_failures(c.limits(), rep.steady_latency, rep.throughput_per_s);
  if (isatty(STDERR_FILENO) != 0)
    std::fprintf(stderr, "%s", summary_table(rep, failures).c_str());
  else
    for (const auto& f : failures)
      std::fprintf(stderr, "%s\n", f.c_str());
  if (!rep.passed())
    return 1;
  return failures.empty() ? 0 : exit_threshold_failed;
}

} // namespace

int main(int argc, char** argv) {
  bridge::retain_freed_heap();
  CLI::App app{
      "bridge-replay: replay traffic through tg-sim and check every delivery"};
  app.require_subcommand(1);
  generate_command gen;
  gen.declare(app);
  run_command replay;
  replay.declare(app);
  app.set_version_flag("--version", bridge::version_line("bridge-replay"));
  CLI11_PARSE(app, argc, argv);
  if (gen.cmd->parsed())
    return do_generate(gen.g, gen.out_path);
  return do_run(replay);
}
