// SPDX-License-Identifier: Apache-2.0
// llm-sim: an Anthropic Messages API simulator on loopback, for tests and
// load. Serves until SIGTERM or SIGINT, or for --max-seconds.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "common/version.hpp"
#include "tools/llm_sim/sim_server.hpp"

namespace {

/// Writes `port` to `path` through a temporary file, so a reader never
/// sees a half-written number.
bool write_ready_file(const std::string& path, int port) {
  auto tmp = path + ".tmp";
  {
    std::ofstream out{tmp};
    out << port << '\n';
    if (!out)
      return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

} // namespace

int main(int argc, char** argv) {
  bridge::llm_sim::options opts;
  CLI::App app{"llm-sim: Anthropic Messages API simulator (loopback only)"};
  std::string ready_file;
  std::string script;
  int64_t latency_ms = 0, jitter_ms = 0, hang_ms = 30000;
  int64_t max_seconds = 0;
  app.add_option("--host", opts.host, "address to listen on (loopback)");
  app.add_option("--port", opts.port, "port; 0 picks a free one")
      ->check(CLI::Range(0, 65535));
  app.add_option("--ready-file", ready_file,
                 "write the bound port here once listening");
  app.add_option("--latency-ms", latency_ms, "mean answer latency")
      ->check(CLI::Range(int64_t{0}, int64_t{600000}));
  app.add_option("--jitter-ms", jitter_ms, "latency spread (+/-)")
      ->check(CLI::Range(int64_t{0}, int64_t{600000}));
  app.add_option("--rpm", opts.requests_per_minute,
                 "requests per minute; 0 = unlimited")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--itpm", opts.input_tokens_per_minute,
                 "input tokens per minute; 0 = unlimited")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--overload-rate", opts.overload_rate,
                 "share of requests starting a burst of 529s")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--overload-burst", opts.overload_burst, "529s per burst")
      ->check(CLI::Range(1u, 1000u));
  app.add_option("--error-rate", opts.error_rate,
                 "share of requests answered 500")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--hang-rate", opts.hang_rate,
                 "share of requests left hanging")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--hang-ms", hang_ms, "how long a hanging request hangs")
      ->check(CLI::Range(int64_t{0}, int64_t{3600000}));
  app.add_option("--malformed-rate", opts.malformed_rate,
                 "share of 200s with a body that is not JSON")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--empty-rate", opts.empty_rate, "share of 200s without text")
      ->check(CLI::Range(0.0, 1.0));
  app.add_flag("--spend-limit", opts.spend_limit,
               "answer every request with the spend-limit 429");
  app.add_option("--script", script,
                 "outcomes of the first requests: "
                 "ok,429,spend,529,500,hang,malformed,empty,truncated,400,401,"
                 "403,404,408,409");
  app.add_option("--seed", opts.seed, "random seed of latency and faults");
  app.add_option("--threads", opts.threads, "connection threads")
      ->check(CLI::Range(size_t{1}, size_t{1024}));
  app.add_option("--max-seconds", max_seconds,
                 "stop after this long; 0 = run until signalled")
      ->check(CLI::NonNegativeNumber);
  app.set_version_flag("--version", bridge::version_line("llm-sim"));
  CLI11_PARSE(app, argc, argv);
  opts.latency = std::chrono::milliseconds{latency_ms};
  opts.jitter = std::chrono::milliseconds{jitter_ms};
  opts.hang = std::chrono::milliseconds{hang_ms};
  if (!script.empty()) {
    std::string error;
    auto parsed = bridge::llm_sim::parse_script(script, error);
    if (!parsed) {
      std::cerr << "llm-sim: --script: " << error << '\n';
      return 2;
    }
    opts.script = std::move(*parsed);
  }
  // The key clients must send comes from the environment, never argv.
  if (const char* key = std::getenv("LLM_SIM_API_KEY"))
    opts.api_key = key;

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  bridge::llm_sim::server sim{opts};
  std::string error;
  auto port = sim.start(error);
  if (port < 0) {
    std::cerr << "llm-sim: " << error << '\n';
    return 1;
  }
  if (!ready_file.empty() && !write_ready_file(ready_file, port)) {
    std::cerr << "llm-sim: cannot write " << ready_file << '\n';
    return 1;
  }
  std::cerr << "llm-sim: listening on " << opts.host << ':' << port << '\n';
  if (max_seconds > 0) {
    timespec limit{static_cast<time_t>(max_seconds), 0};
    sigtimedwait(&signals, nullptr, &limit);
  } else {
    int sig = 0;
    sigwait(&signals, &sig);
  }
  sim.stop();
  std::cout << sim.stats_json() << '\n';
  return 0;
}
