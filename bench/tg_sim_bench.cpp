// Drives sendMessage at tg-sim from K client threads, each on one
// kept-alive connection, for a fixed number of requests or seconds, and
// prints one JSON object: throughput and latency percentiles.
//
// The default client is a minimal one (a prepared request written to a
// socket, the answer read by its Content-Length) so the figure is the
// simulator's, not the client library's; `--client curl` measures what a
// libcurl-based sender such as the engine's sees.

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
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include "common/http_client.hpp"
#include "common/json_writer.hpp"
#include "common/percentile.hpp"
#include "tools/tg_sim/http_server.hpp"
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
  std::string client = "raw";
  size_t server_threads = 64;
};

/// One kept-alive connection speaking just enough HTTP/1.1.
class raw_connection {
public:
  explicit raw_connection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~raw_connection() { ::close(fd_); }

  /// Sends `request` and returns the status of the answer, 0 on failure.
  int exchange(const std::string& request) {
    if (!ok_ || !write_all(request))
      return 0;
    buf_.clear();
    size_t header_end = std::string::npos;
    while ((header_end = buf_.find("\r\n\r\n")) == std::string::npos)
      if (!read_some())
        return 0;
    auto cl = buf_.find("Content-Length: ");
    if (cl == std::string::npos || cl > header_end)
      return 0;
    auto length = std::strtoull(buf_.c_str() + cl + 16, nullptr, 10);
    while (buf_.size() < header_end + 4 + length)
      if (!read_some())
        return 0;
    return std::atoi(buf_.c_str() + 9);
  }

private:
  bool write_all(const std::string& s) {
    size_t done = 0;
    while (done < s.size()) {
      auto n = ::send(fd_, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0)
        return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  bool read_some() {
    char chunk[16 * 1024];
    auto n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n <= 0)
      return false;
    buf_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool ok_ = false;
  std::string buf_;
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
  raw_connection raw{o.port};
  http_client curl;
  for (int64_t i = 0;; ++i) {
    if (o.seconds > 0 ? clock_type::now() >= deadline : budget-- <= 0)
      break;
    int64_t chat = 1'000'000 + (index + i * o.threads) % o.chats;
    auto body = send_body(chat, text);
    auto start = clock_type::now();
    int status = 0;
    if (o.client == "raw") {
      std::string req = "POST " + path +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        "application/json\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body;
      status = raw.exchange(req);
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
      ->check(CLI::IsMember({"raw", "curl"}))
      ->capture_default_str();
  app.add_option("--server-threads", o.server_threads,
                 "in-process server's thread bound")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::unique_ptr<sim_state> state;
  std::unique_ptr<http_server> server;
  if (o.port == 0) {
    sim_options opts;
    opts.token = o.token;
    opts.limits.enabled = false;
    state = std::make_unique<sim_state>(opts, std::make_shared<real_clock>());
    server_settings settings;
    settings.max_threads = o.server_threads;
    server = std::make_unique<http_server>(*state, settings);
    std::string error;
    o.port = server->start(error);
    if (o.port == 0) {
      std::cerr << "tg_sim_bench: " << error << '\n';
      return 1;
    }
  }
  // Chats exist once their user has written; and a running simulator
  // must not throttle the run.
  auto control = sim_client::on_port(o.port);
  limit_settings off;
  off.enabled = false;
  if (auto done = control.set_limits(off); !done) {
    std::cerr << "tg_sim_bench: cannot reach tg-sim on port " << o.port << '\n';
    return 1;
  }
  for (int c = 0; c < o.chats; ++c) {
    sim_user u;
    u.id = 1'000'000 + c;
    if (!control.say(u, "hello")) {
      std::cerr << "tg_sim_bench: cannot create chats\n";
      return 1;
    }
  }

  std::atomic<int64_t> budget{o.requests};
  auto start = clock_type::now();
  auto deadline = start + std::chrono::duration_cast<clock_type::duration>(
                              std::chrono::duration<double>(o.seconds));
  std::vector<std::thread> threads;
  std::vector<worker_result> results(static_cast<size_t>(o.threads));
  for (int t = 0; t < o.threads; ++t)
    threads.emplace_back([&, t] {
      results[static_cast<size_t>(t)] = run_worker(o, t, budget, deadline);
    });
  for (auto& t : threads)
    t.join();
  std::chrono::duration<double> elapsed = clock_type::now() - start;

  std::vector<int64_t> all;
  int64_t errors = 0;
  for (auto& r : results) {
    all.insert(all.end(), r.latencies_ns.begin(), r.latencies_ns.end());
    errors += r.errors;
  }
  json::writer w;
  w.begin_object()
      .field("requests", static_cast<int64_t>(all.size()))
      .field("errors", errors)
      .field("seconds", elapsed.count())
      .field("requests_per_s",
             static_cast<double>(all.size()) / elapsed.count())
      .field("p50_us", percentile(all, 50) / 1000)
      .field("p99_us", percentile(all, 99) / 1000)
      .field("client_threads", o.threads)
      .field("client", o.client)
      .field("in_process", server != nullptr)
      .end_object();
  std::cout << w.str() << '\n';
  if (server)
    server->stop();
  return errors == 0 ? 0 : 1;
}
