// SPDX-License-Identifier: Apache-2.0
// Translator benchmarks; each prints one JSON object.
//
//   translator_bench actor    [--requests N] [--window W]
//       translations/s through the actor, fake backend at zero latency
//   translator_bench apertium [--sentences N] [--one-shot N]
//       Apertium sentences/s: resident pipelines versus one process each
//   translator_bench llm-sim  [--seconds S] [--rpm R] [--itpm T]
//                             [--in-flight N] [--latency-ms L] [--jitter-ms J]
//       achieved versus configured rate with a standing backlog against
//       llm-sim on loopback

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "bench/translator_bench_driver.hpp"
#include "common/json_writer.hpp"
#include "messages/type_ids.hpp"
#include "tools/llm_sim/sim_server.hpp"
#include "translator/apertium_modes.hpp"
#include "translator/apertium_pipeline.hpp"
#include "translator/claude_backend.hpp"
#include "translator/fake_backend.hpp"
#include "translator/languages.hpp"
#include "translator/translator.hpp"

using namespace bridge;
using namespace bridge::bench;
using namespace bridge::translation;
using namespace std::chrono_literals;

namespace {

// -- actor overhead -----------------------------------------------------------

int bench_actor(uint64_t requests, uint64_t window, size_t threads) {
  caf::actor_system_config cfg;
  caf::actor_system sys{quiet(cfg, threads)};
  fake_backend_options fo;
  translator_options o;
  o.backend_name = "fake";
  o.languages = translation::languages::all_pairs(fo.languages);
  o.backend = sys.spawn(fake_backend, fo);
  o.limits = {1e9, 1e12, 1024};
  o.queue_limit = window + 1;
  auto tr = sys.spawn(translator, o);
  finish_line line;
  auto t0 = steady::now();
  sys.spawn(driver, tr, requests, window, std::string{"es"}, int64_t{0},
            line.callback());
  line.wait();
  auto secs = seconds_since(t0);
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  json::writer w;
  w.begin_object()
      .field("bench", "translator_actor_fake_zero_latency")
      .field("scheduler_threads", static_cast<int64_t>(threads))
      .field("requests", requests)
      .field("window", window)
      .field("failed", line.failed)
      .field("seconds", secs)
      .field("translations_per_second",
             static_cast<double>(line.answered) / secs)
      .end_object();
  std::cout << std::move(w).str() << std::endl;
  return line.failed == 0 ? 0 : 1;
}

// -- Apertium -----------------------------------------------------------------

std::vector<translation::apertium::stage> eng_spa_stages() {
  auto path =
      std::string{translation::apertium::default_modes_dir} + "/eng-spa.mode";
  std::FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr)
    throw std::runtime_error("apertium-eng-spa is not installed");
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
    text.append(buf, n);
  std::fclose(f);
  std::string error;
  auto stages = translation::apertium::parse_pipeline(text, error);
  if (!stages)
    throw std::runtime_error(error);
  return *stages;
}

/// Sentences/s of `pipelines` resident pipelines, each on its own thread.
double resident_rate(size_t pipelines, size_t per_pipeline) {
  auto stages = eng_spa_stages();
  std::vector<std::unique_ptr<translation::apertium::pipeline>> pipes;
  for (size_t i = 0; i < pipelines; ++i) {
    pipes.push_back(std::make_unique<translation::apertium::pipeline>(stages));
    pipes.back()->translate("Warm up.", 30s); // start-up is not the figure
  }
  std::atomic<size_t> failures{0};
  auto t0 = steady::now();
  std::vector<std::thread> threads;
  for (auto& p : pipes)
    threads.emplace_back([&, raw = p.get()] {
      for (size_t i = 0; i < per_pipeline; ++i)
        if (!raw->translate(sentences[i % sentence_count], 30s).ok)
          ++failures;
    });
  for (auto& t : threads)
    t.join();
  auto secs = seconds_since(t0);
  if (failures > 0)
    throw std::runtime_error("resident pipeline failed");
  return static_cast<double>(pipelines * per_pipeline) / secs;
}

double one_shot_rate(size_t count) {
  auto t0 = steady::now();
  for (size_t i = 0; i < count; ++i) {
    auto cmd = std::string{"printf '%s' '"} + sentences[i % sentence_count]
               + "' | apertium -u eng-spa";
    std::FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    while (std::fread(buf, 1, sizeof buf, p) > 0) {
    }
    pclose(p);
  }
  return static_cast<double>(count) / seconds_since(t0);
}

int bench_apertium(size_t sentences_per_pipeline, size_t one_shot) {
  auto one = resident_rate(1, sentences_per_pipeline);
  auto two = resident_rate(2, sentences_per_pipeline);
  auto shot = one_shot_rate(one_shot);
  json::writer w;
  w.begin_object()
      .field("bench", "apertium_eng_spa")
      .field("sentences_per_pipeline",
             static_cast<int64_t>(sentences_per_pipeline))
      .field("resident_1_pipeline_sentences_per_second", one)
      .field("resident_2_pipelines_sentences_per_second", two)
      .field("one_process_per_sentence", static_cast<int64_t>(one_shot))
      .field("one_process_per_sentence_sentences_per_second", shot)
      .field("speedup_1_pipeline", one / shot)
      .end_object();
  std::cout << std::move(w).str() << std::endl;
  return 0;
}

// -- rate against llm-sim -----------------------------------------------------

/// Largest sum of `amount` over arrivals in any window of `period`.
template <class Amount>
double max_in_window(const std::vector<llm_sim::server::admission>& in,
                     steady::duration period, Amount amount) {
  size_t lo = 0;
  double sum = 0, best = 0;
  for (size_t hi = 0; hi < in.size(); ++hi) {
    sum += amount(in[hi]);
    while (in[hi].at - in[lo].at >= period)
      sum -= amount(in[lo++]);
    best = std::max(best, sum);
  }
  return best;
}

/// What one run against llm-sim is set up with.
struct sim_run {
  int64_t seconds = 180;
  int64_t rpm = 600;
  int64_t itpm = 10'000'000;
  uint32_t in_flight = 8;
  int64_t latency_ms = 40;
  int64_t jitter_ms = 20;
};

/// llm-sim's settings for `run`.
llm_sim::options sim_options(const sim_run& run) {
  llm_sim::options so;
  so.requests_per_minute = run.rpm;
  so.input_tokens_per_minute = run.itpm;
  so.latency = std::chrono::milliseconds{run.latency_ms};
  so.jitter = std::chrono::milliseconds{run.jitter_ms};
  return so;
}

/// A translator on the Claude backend, pointed at llm-sim on `port`, with
/// the limits of `run` and a queue that holds the whole backlog.
translator_actor claude_translator(caf::actor_system& sys, int port,
                                   const sim_run& run) {
  claude_options co;
  co.api_url = "http://127.0.0.1:" + std::to_string(port);
  co.api_key = "bench-key";
  auto backend = spawn_claude_backend(sys, co, run.in_flight);
  translator_options o;
  o.backend_name = "claude";
  o.backend = backend.actor;
  o.languages = backend.languages;
  o.limits = {static_cast<double>(run.rpm), static_cast<double>(run.itpm),
              run.in_flight};
  o.queue_limit = 1'000'000;
  o.queue_deadline = std::chrono::milliseconds{(run.seconds + 120) * 1000};
  o.queued_notice_after = o.queue_deadline;
  return sys.spawn(translator, o);
}

/// Prints what llm-sim admitted during a run of `secs` seconds that began
/// at `t0`: the rates after the first minute, which holds the start-up
/// burst, and the most admitted in any window.
void print_llm_sim_figures(
    const sim_run& run, steady::time_point t0, double secs,
    const std::vector<llm_sim::server::admission>& admitted,
    const llm_sim::sim_stats& stats) {
  size_t late = 0;
  double late_tokens = 0;
  for (auto& a : admitted)
    if (a.at - t0 >= 60s) {
      ++late;
      late_tokens += static_cast<double>(a.input_tokens);
    }
  auto per_minute = [&](double n) { return n / (secs - 60.0) * 60.0; };
  auto one = [](const llm_sim::server::admission&) { return 1.0; };
  auto tokens = [](const llm_sim::server::admission& a) {
    return static_cast<double>(a.input_tokens);
  };
  auto rpm = per_minute(static_cast<double>(late));
  auto tpm = per_minute(late_tokens);
  json::writer w;
  w.begin_object()
      .field("bench", "translator_rate_vs_llm_sim")
      .field("configured_requests_per_minute", run.rpm)
      .field("configured_input_tokens_per_minute", run.itpm)
      .field("max_in_flight", static_cast<int64_t>(run.in_flight))
      .field("sim_latency_ms", run.latency_ms)
      .field("sim_jitter_ms", run.jitter_ms)
      .field("seconds", secs)
      .field("requests_admitted", static_cast<uint64_t>(admitted.size()))
      .field("achieved_requests_per_minute_after_first_minute", rpm)
      .field("achieved_share_of_request_limit",
             rpm / static_cast<double>(run.rpm))
      .field("achieved_input_tokens_per_minute_after_first_minute", tpm)
      .field("achieved_share_of_token_limit",
             tpm / static_cast<double>(run.itpm))
      .field("max_requests_in_any_60s_window",
             max_in_window(admitted, 60s, one))
      .field("max_input_tokens_in_any_60s_window",
             max_in_window(admitted, 60s, tokens))
      .field("max_requests_in_any_1s_window", max_in_window(admitted, 1s, one))
      .field("rate_limited_429", stats.rate_limited)
      .end_object();
  std::cout << std::move(w).str() << std::endl;
}

int bench_llm_sim(const sim_run& run, size_t threads) {
  llm_sim::server sim{sim_options(run)};
  std::string error;
  auto port = sim.start(error);
  if (port < 0) {
    std::cerr << error << '\n';
    return 1;
  }
  caf::actor_system_config cfg;
  caf::actor_system sys{quiet(cfg, threads)};
  auto tr = claude_translator(sys, port, run);
  // A standing backlog: always far more waiting than the budget allows,
  // stopped once the time is up.
  auto per_second = static_cast<double>(run.rpm) / 60.0;
  auto window =
      static_cast<uint64_t>(std::clamp(per_second * 20, 200.0, 20000.0));
  auto total =
      static_cast<uint64_t>(per_second * static_cast<double>(run.seconds))
      + window;
  finish_line line;
  auto t0 = steady::now();
  auto drv = sys.spawn(driver, tr, total, window, std::string{"es"},
                       int64_t{(run.seconds + 120) * 1000}, line.callback());
  std::this_thread::sleep_for(std::chrono::seconds{run.seconds});
  auto secs = seconds_since(t0);
  auto admitted = sim.admitted();
  auto stats = sim.stats();
  caf::anon_send_exit(drv, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  sim.stop();
  print_llm_sim_figures(run, t0, secs, admitted, stats);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"translator benchmarks (JSON on stdout)"};
  app.require_subcommand(1);
  size_t threads = 2;
  app.add_option("--threads", threads, "scheduler threads");
  uint64_t requests = 200000, window = 1000;
  auto* actor = app.add_subcommand(
      "actor",
      "translations/s through the actor, fake backend at zero latency");
  actor->add_option("--requests", requests);
  actor->add_option("--window", window, "requests kept outstanding");
  size_t per_pipeline = 2000, one_shot = 30;
  auto* apertium = app.add_subcommand(
      "apertium", "Apertium sentences/s, resident versus one process each");
  apertium->add_option("--sentences", per_pipeline,
                       "sentences per resident pipeline");
  apertium->add_option("--one-shot", one_shot,
                       "sentences run one process each");
  sim_run run;
  auto* sim = app.add_subcommand(
      "llm-sim", "achieved versus configured rate against llm-sim");
  sim->add_option("--seconds", run.seconds)
      ->check(CLI::Range(int64_t{61}, int64_t{3600}));
  sim->add_option("--rpm", run.rpm)
      ->check(CLI::Range(int64_t{1}, int64_t{100000}));
  sim->add_option("--itpm", run.itpm)
      ->check(CLI::Range(int64_t{1}, int64_t{1'000'000'000}));
  sim->add_option("--in-flight", run.in_flight)->check(CLI::Range(1u, 256u));
  sim->add_option("--latency-ms", run.latency_ms)
      ->check(CLI::Range(int64_t{0}, int64_t{10000}));
  sim->add_option("--jitter-ms", run.jitter_ms)
      ->check(CLI::Range(int64_t{0}, int64_t{10000}));
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  try {
    if (actor->parsed())
      return bench_actor(requests, window, threads);
    if (apertium->parsed())
      return bench_apertium(per_pipeline, one_shot);
    return bench_llm_sim(run, threads);
  } catch (const std::exception& e) {
    std::cerr << "translator_bench: " << e.what() << '\n';
    return 1;
  }
}
