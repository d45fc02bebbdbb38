// SPDX-License-Identifier: Apache-2.0
// Drives sendMessage at tg-sim from K client threads, each on one
// kept-alive connection, for a fixed number of requests or seconds, and
// prints one JSON object: throughput and latency percentiles.
//
// The default client is the tools' plain one (tools/tg_sim/loopback_http:
// a request written to a socket, the answer read by its framing) so the
// figure is the simulator's more than the client library's; `--client
// curl` measures what a libcurl-based sender such as the engine's sees.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/http_client.hpp"
#include "common/json_writer.hpp"
#include "common/percentile.hpp"
#include "tools/tg_sim/http_server.hpp"
#include "tools/tg_sim/loopback_http.hpp"
#include "tools/tg_sim/sim_client.hpp"

namespace {

using namespace bridge;
using namespace bridge::tg_sim;
using clock_type = std::chrono::steady_clock;

struct bench_options {
  int port = 0;
  std::string token = "1000000001:tg-sim-local-token";
  int threads = 8;
  int64_t requests = 200'000;
  double seconds = 0;
  int chats = 100;
  size_t text_bytes = 40;
  std::string client = "plain";
  size_t server_threads = 64;
};

std::string send_body(int64_t chat, const std::string& text) {
  json::writer w;
  w.begin_object().field("chat_id", chat).field("text", text).end_object();
  return std::move(w).str();
}

struct worker_result {
  std::vector<int64_t> latencies_ns;
  int64_t errors = 0;
};

/// Sends until the shared budget or the deadline runs out.
worker_result run_worker(const bench_options& o, int index,
                         std::atomic<int64_t>& budget,
                         clock_type::time_point deadline) {
  worker_result r;
  r.latencies_ns.reserve(o.requests > 0 ? o.requests / o.threads + 16
                                        : 1 << 20);
  std::string text(o.text_bytes, 'x');
  std::string path = "/bot" + o.token + "/sendMessage";
  std::string url = "http://127.0.0.1:" + std::to_string(o.port) + path;
  loopback_http plain{o.port};
  http_client curl;
  for (int64_t i = 0;; ++i) {
    if (o.seconds > 0 ? clock_type::now() >= deadline : budget-- <= 0)
      break;
    int64_t chat = 1'000'000 + (index + i * o.threads) % o.chats;
    auto body = send_body(chat, text);
    auto start = clock_type::now();
    int status = 0;
    if (o.client == "plain") {
      status = static_cast<int>(
          plain.post(path, body, "application/json", std::chrono::seconds{10})
              .status);
    } else {
      status = static_cast<int>(curl.post(url, body,
                                          {"Content-Type: application/json"},
                                          std::chrono::seconds{10})
                                    .status);
    }
    r.latencies_ns.push_back((clock_type::now() - start).count());
    if (status != 200)
      ++r.errors;
  }
  return r;
}

/// The simulator the run drives when no port is given, on its own threads.
struct in_process_sim {
  std::unique_ptr<sim_state> state;
  std::unique_ptr<http_server> server;
};

/// Starts a simulator with its send limits off in `sim` and sets `o.port`
/// to it; nothing when `o.port` names a running one. False, said on
/// stderr, when it cannot listen.
bool start_in_process(bench_options& o, in_process_sim& sim) {
  if (o.port != 0)
    return true;
  sim_options opts;
  opts.token = o.token;
  opts.limits.enabled = false;
  sim.state = std::make_unique<sim_state>(opts, std::make_shared<real_clock>());
  server_settings settings;
  settings.max_threads = o.server_threads;
  sim.server = std::make_unique<http_server>(*sim.state, settings);
  std::string error;
  o.port = sim.server->start(error);
  if (o.port == 0) {
    std::cerr << "tg_sim_bench: " << error << '\n';
    return false;
  }
  return true;
}

/// Turns the simulator's send limits off, since a running simulator must
/// not throttle the run, and creates the chats: a chat exists once its
/// user has written. False, said on stderr, when it cannot.
bool prepare_chats(const bench_options& o) {
  auto control = sim_client::on_port(o.port);
  limit_settings off;
  off.enabled = false;
  if (auto done = control.set_limits(off); !done) {
    std::cerr << "tg_sim_bench: cannot reach tg-sim on port " << o.port << '\n';
    return false;
  }
  for (int c = 0; c < o.chats; ++c) {
    sim_user u;
    u.id = 1'000'000 + c;
    if (!control.say(u, "hello")) {
      std::cerr << "tg_sim_bench: cannot create chats\n";
      return false;
    }
  }
  return true;
}

/// What the client threads did together.
struct run_figures {
  std::vector<int64_t> latencies_ns;
  int64_t errors = 0;
  double seconds = 0;
};

/// Runs the client threads to the end of the budget or the time.
run_figures run_clients(const bench_options& o) {
  std::atomic<int64_t> budget{o.requests};
  auto start = clock_type::now();
  auto deadline = start
                  + std::chrono::duration_cast<clock_type::duration>(
                      std::chrono::duration<double>(o.seconds));
  std::vector<std::thread> threads;
  std::vector<worker_result> results(static_cast<size_t>(o.threads));
  for (int t = 0; t < o.threads; ++t)
    threads.emplace_back([&, t] {
      results[static_cast<size_t>(t)] = run_worker(o, t, budget, deadline);
    });
  for (auto& t : threads)
    t.join();
  run_figures f;
  f.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  for (auto& r : results) {
    f.latencies_ns.insert(f.latencies_ns.end(), r.latencies_ns.begin(),
                          r.latencies_ns.end());
    f.errors += r.errors;
  }
  return f;
}

void print_figures(const bench_options& o, const run_figures& f,
                   bool in_process) {
  auto& all = f.latencies_ns;
  json::writer w;
  w.begin_object()
      .field("requests", static_cast<int64_t>(all.size()))
      .field("errors", f.errors)
      .field("seconds", f.seconds)
      .field("requests_per_s", static_cast<double>(all.size()) / f.seconds)
      .field("p50_us", percentile(all, 50) / 1000)
      .field("p99_us", percentile(all, 99) / 1000)
      .field("client_threads", o.threads)
      .field("client", o.client)
      .field("in_process", in_process)
      .end_object();
  std::cout << w.str() << '\n';
}

} // namespace

int main(int argc, char** argv) {
  bench_options o;
  CLI::App app{"tg-sim sendMessage throughput"};
  app.add_option("--port", o.port, "a running tg-sim; 0 starts one in-process");
  app.add_option("--token", o.token)->capture_default_str();
  app.add_option("--threads", o.threads, "client threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  app.add_option("--requests", o.requests, "total requests")
      ->capture_default_str();
  app.add_option("--seconds", o.seconds, "run for this long instead");
  app.add_option("--chats", o.chats, "chats the messages go to")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--text-bytes", o.text_bytes)->capture_default_str();
  app.add_option("--client", o.client)
      ->check(CLI::IsMember({"plain", "curl"}))
      ->capture_default_str();
  app.add_option("--server-threads", o.server_threads,
                 "in-process server's thread bound")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  in_process_sim sim;
  if (!start_in_process(o, sim) || !prepare_chats(o))
    return 1;
  auto figures = run_clients(o);
  print_figures(o, figures, sim.server != nullptr);
  if (sim.server)
    sim.server->stop();
  return figures.errors == 0 ? 0 : 1;
}
