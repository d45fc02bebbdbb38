// SPDX-License-Identifier: Apache-2.0
#pragma once

// A redis-server owned by one suite, on a free loopback port, so suites
// running in parallel never share keys, and a suite can kill its Redis (by
// the PID it started) to test what happens when Redis goes away. Fails the
// suite when redis-server cannot be started.
//
// The port is picked free and then released, so another process can take
// it before redis-server binds it. A Redis is therefore only accepted when
// it answers PING *and* reports the PID this suite started (INFO server):
// a PONG from some other run's Redis on the same port is refused, and a
// child that died because the port was taken is started again on another.

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache/redis_client.hpp"
#include "tests/support/process.hpp"

extern char** environ;

namespace bridge::test {

class redis_server {
public:
  redis_server() : dir_(make_scratch_dir("redis")) {
    // Each attempt ends either with our own child answering, or with it
    // gone (the port was taken in between): then a new port is tried.
    constexpr int attempts = 5;
    std::string why;
    for (int i = 0; i < attempts; ++i) {
      port_ = free_port();
      if (launch(why))
        return;
    }
    throw std::runtime_error("redis-server did not start in "
                             + std::to_string(attempts) + " attempts: " + why);
  }

  ~redis_server() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  redis_server(const redis_server&) = delete;
  redis_server& operator=(const redis_server&) = delete;

  /// Starts (again) on the same port, with an empty dataset; the clients
  /// know this port, so another one is no way out here.
  void start() {
    std::string why;
    if (!launch(why))
      throw std::runtime_error("redis-server did not come back on port "
                               + std::to_string(port_) + ": " + why);
  }

  /// Kills the server at once (SIGKILL): connections break mid-stream.
  void kill() { stop(SIGKILL); }

  void stop(int sig = SIGTERM) {
    if (pid_ <= 0)
      return;
    ::kill(pid_, sig);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  int port() const { return port_; }

  /// The PID of the running server, or -1.
  pid_t pid() const { return pid_; }

  std::string url() const {
    return "redis://127.0.0.1:" + std::to_string(port_) + "/0";
  }

  /// Runs a command on a connection of its own.
  cache::redis_reply command(const cache::redis_command& cmd) const {
    cache::redis_client c;
    if (!c.connect(endpoint(), std::chrono::seconds{2}))
      throw std::runtime_error("test cannot reach its Redis: "
                               + c.last_error());
    auto r = c.run(cmd);
    if (!r)
      throw std::runtime_error("test Redis command failed: " + c.last_error());
    return *r;
  }

  cache::redis_endpoint endpoint() const {
    cache::redis_endpoint ep;
    ep.port = port_;
    return ep;
  }

private:
  /// Starts redis-server on `port_`; true once it answers as itself.
  /// False (with `why`) when the child exited first; throws when it
  /// neither answers nor exits in time.
  bool launch(std::string& why) {
    auto port = std::to_string(port_);
    auto dir = dir_.string();
    auto log = dir + "/redis-" + port + ".log";
    std::vector<std::string> args{"redis-server",
                                  "--port",
                                  port,
                                  "--bind",
                                  "127.0.0.1",
                                  "--save",
                                  "",
                                  "--appendonly",
                                  "no",
                                  "--dir",
                                  dir,
                                  "--daemonize",
                                  "no",
                                  "--loglevel",
                                  "warning",
                                  "--logfile",
                                  log};
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(),
                     environ)
        != 0)
      throw std::runtime_error("cannot start redis-server (is it installed?)");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        why = "redis-server on port " + port + " exited: " + tail(log);
        return false;
      }
      if (answers_as_own())
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    stop(SIGKILL);
    throw std::runtime_error("redis-server did not answer on port " + port
                             + " within 10 s: " + tail(log));
  }

  /// PONG from the server this object started, not from whoever else
  /// listens on the port.
  bool answers_as_own() const {
    cache::redis_client c;
    if (!c.connect(endpoint(), std::chrono::milliseconds{200}))
      return false;
    auto pong = c.run({"PING"});
    if (!pong || pong->str != "PONG")
      return false;
    auto info = c.run({"INFO", "server"});
    if (!info)
      return false;
    auto mine = "process_id:" + std::to_string(pid_) + "\r";
    return info->str.find(mine) != std::string::npos;
  }

  static std::string tail(const std::string& path) {
    std::ifstream in{path};
    std::stringstream buf;
    buf << in.rdbuf();
    auto s = buf.str();
    return s.size() > 2000 ? s.substr(s.size() - 2000) : s;
  }

  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

} // namespace bridge::test
