#pragma once

// A redis-server owned by one suite, on a free loopback port, so suites
// running in parallel never share keys, and a suite can kill its Redis (by
// the PID it started) to test what happens when Redis goes away. Fails the
// suite when redis-server cannot be started.

#include <chrono>
#include <csignal>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache/redis_client.hpp"

extern char** environ;

namespace bridge::test {

class redis_server {
public:
  redis_server() : port_(free_port()) {
    dir_ = std::filesystem::temp_directory_path()
           / ("bridge-redis-" + std::to_string(::getpid()) + "-" + std::to_string(port_));
    std::filesystem::create_directories(dir_);
    start();
  }

  ~redis_server() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  redis_server(const redis_server&) = delete;
  redis_server& operator=(const redis_server&) = delete;

  /// Starts (again) on the same port, with an empty dataset.
  void start() {
    auto port = std::to_string(port_);
    auto dir = dir_.string();
    std::vector<std::string> args{"redis-server", "--port", port, "--bind", "127.0.0.1",
                                  "--save", "", "--appendonly", "no", "--dir", dir,
                                  "--daemonize", "no", "--loglevel", "warning",
                                  "--logfile", dir + "/redis.log"};
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0)
      throw std::runtime_error("cannot start redis-server (is it installed?)");
    for (int i = 0; i < 400; ++i) {
      if (ping())
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    stop();
    throw std::runtime_error("redis-server did not answer on port " + port);
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

  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_) + "/0"; }

  /// Runs a command on a connection of its own.
  cache::redis_reply command(const cache::redis_command& cmd) const {
    cache::redis_client c;
    if (!c.connect(endpoint(), std::chrono::seconds{2}))
      throw std::runtime_error("test cannot reach its Redis: " + c.last_error());
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
  bool ping() const {
    cache::redis_client c;
    if (!c.connect(endpoint(), std::chrono::milliseconds{200}))
      return false;
    auto r = c.run({"PING"});
    return r && r->str == "PONG";
  }

  static int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      if (fd >= 0)
        ::close(fd);
      throw std::runtime_error("no free loopback port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
  }

  int port_;
  pid_t pid_ = -1;
  std::filesystem::path dir_;
};

} // namespace bridge::test
