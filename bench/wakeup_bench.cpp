// SPDX-License-Identifier: Apache-2.0
// What one thread waking another costs this machine, in CPU.
//
// At moderate load the engine's threads sleep between messages, and every
// hop of a message from one thread to another (the poll thread to an
// actor, an actor to a database worker and back, to the HTTP thread) is a
// sleeping thread woken. `bench/e2e_bench.sh --account` counts those
// voluntary context switches a message; this benchmark prices one, so
// that a per-message CPU figure can be split into what the work costs and
// what the machine charges for its hand-offs.
//
// Two threads pass a token back and forth, `--round-trips` times:
// - `condvar`: each waits on its own condition variable, the way CAF's
//   scheduler threads and the engine's mailboxes wait;
// - `socket`: each blocks in `poll` and `recv` on one end of a Unix
//   socket pair, the way a database or HTTP thread waits for an answer.
// - `syscall`: no second thread; one thread calls `getppid` (the cheapest
//   system call there is) as often, the price of entering the kernel
//   at all, which every hand-off pays several times over.
// With `--gap-us G` the first thread sleeps G µs before each round trip,
// so that both threads are idle, as they are between messages at 800/s,
// when the token comes (that sleep is a voluntary switch of its own, and
// is counted as one).
//
// Prints one JSON object per mode: wall and CPU µs a round trip, the
// voluntary switches a round trip, and CPU µs a voluntary switch (the
// process's user + system time over all its voluntary switches).

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/json_writer.hpp"
#include "common/socket_io.hpp"

namespace {

using namespace std::chrono;

struct bench_options {
  int64_t round_trips = 100'000;
  int64_t gap_us = 0;
  std::vector<std::string> modes{"syscall", "condvar", "socket"};
};

/// One thread's mailbox: a flag under a mutex, waited on with a condition
/// variable.
class mailbox {
public:
  void post() {
    {
      std::lock_guard<std::mutex> lock{m_};
      full_ = true;
    }
    cv_.notify_one();
  }
  void take() {
    std::unique_lock<std::mutex> lock{m_};
    cv_.wait(lock, [this] { return full_; });
    full_ = false;
  }

private:
  std::mutex m_;
  std::condition_variable cv_;
  bool full_ = false;
};

/// A mailbox made of a Unix socket pair: posted by writing a byte to one
/// end, taken by waiting for it at the other the way a client waits for an
/// answer (`poll`, then `recv`).
class socket_box {
public:
  socket_box(int write_fd, int read_fd)
      : write_fd_(write_fd), read_fd_(read_fd) {}
  void post() {
    char b = 1;
    if (::send(write_fd_, &b, 1, MSG_NOSIGNAL) != 1)
      throw std::runtime_error("send failed");
  }
  void take() {
    // The other thread answers at once; an hour without it is a hang.
    if (bridge::poll_one(read_fd_, POLLIN, std::chrono::hours{1}) <= 0)
      throw std::runtime_error("no answer on the socket");
    char b = 0;
    if (::recv(read_fd_, &b, 1, 0) != 1)
      throw std::runtime_error("recv failed");
  }

private:
  int write_fd_;
  int read_fd_;
};

struct usage {
  double cpu_us = 0;
  int64_t voluntary = 0;
  int64_t involuntary = 0;
};

usage process_usage() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto us = [](const timeval& t) { return t.tv_sec * 1e6 + t.tv_usec; };
  return {us(ru.ru_utime) + us(ru.ru_stime), ru.ru_nvcsw, ru.ru_nivcsw};
}

struct figures {
  double wall_us = 0;
  usage used;
};

/// Runs `body` and what it cost: wall time, and the process's CPU and
/// context switches.
template <class Body> figures measure(Body&& body) {
  auto before = process_usage();
  auto start = steady_clock::now();
  body();
  auto wall = duration<double, std::micro>(steady_clock::now() - start);
  auto after = process_usage();
  return {wall.count(),
          {after.cpu_us - before.cpu_us, after.voluntary - before.voluntary,
           after.involuntary - before.involuntary}};
}

/// Runs the token between this thread, which takes from `a`, and a new
/// one, which takes from `b`.
template <class Box> figures ping_pong(Box& a, Box& b, const bench_options& o) {
  std::thread other{[&] {
    for (int64_t i = 0; i < o.round_trips; ++i) {
      b.take();
      a.post();
    }
  }};
  auto f = measure([&] {
    for (int64_t i = 0; i < o.round_trips; ++i) {
      if (o.gap_us > 0)
        std::this_thread::sleep_for(microseconds{o.gap_us});
      b.post();
      a.take();
    }
  });
  other.join();
  return f;
}

/// `round_trips` calls of the cheapest system call, back to back.
figures syscalls(const bench_options& o) {
  return measure([&] {
    for (int64_t i = 0; i < o.round_trips; ++i)
      ::syscall(SYS_getppid);
  });
}

figures run_mode(const std::string& mode, const bench_options& o) {
  if (mode == "syscall")
    return syscalls(o);
  if (mode == "condvar") {
    mailbox a, b;
    return ping_pong(a, b, o);
  }
  if (mode == "socket") {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0)
      throw std::runtime_error("socketpair failed");
    // What is written to one end is read at the other.
    socket_box a{fds[1], fds[0]}, b{fds[0], fds[1]};
    auto f = ping_pong(a, b, o);
    ::close(fds[0]);
    ::close(fds[1]);
    return f;
  }
  throw std::runtime_error("unknown mode '" + mode + "'");
}

std::string cpu_model() {
  std::ifstream in{"/proc/cpuinfo"};
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) {
      auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  return "unknown";
}

} // namespace

int main(int argc, char** argv) {
  bench_options o;
  CLI::App app{"what one thread waking another costs"};
  app.add_option("--round-trips", o.round_trips,
                 "token round trips (or system calls) a mode")
      ->check(CLI::Range(int64_t{1}, int64_t{100'000'000}));
  app.add_option("--gap-us", o.gap_us,
                 "sleep this long before each round trip (0: back to back)")
      ->check(CLI::Range(int64_t{0}, int64_t{1'000'000}));
  app.add_option("--mode", o.modes, "syscall, condvar, socket (default all)")
      ->check(CLI::IsMember({"syscall", "condvar", "socket"}));
  CLI11_PARSE(app, argc, argv);

  try {
    for (const auto& mode : o.modes) {
      auto f = run_mode(mode, o);
      double trips = static_cast<double>(o.round_trips);
      bridge::json::writer w;
      w.begin_object()
          .field("bench", "wakeup")
          .field("cpu_model", cpu_model())
          .field("hardware_threads",
                 static_cast<int64_t>(std::thread::hardware_concurrency()))
          .field("mode", mode)
          .field("round_trips", o.round_trips)
          .field("gap_us", o.gap_us)
          .field("wall_us_per_round_trip", f.wall_us / trips)
          .field("cpu_us_per_round_trip", f.used.cpu_us / trips)
          .field("voluntary_per_round_trip",
                 static_cast<double>(f.used.voluntary) / trips)
          .field("involuntary_per_round_trip",
                 static_cast<double>(f.used.involuntary) / trips)
          .field("cpu_us_per_voluntary_switch",
                 f.used.voluntary > 0
                     ? f.used.cpu_us / static_cast<double>(f.used.voluntary)
                     : 0.0)
          .end_object();
      std::cout << w.str() << '\n';
    }
  } catch (const std::exception& e) {
    std::cerr << "wakeup_bench: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
