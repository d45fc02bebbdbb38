// SPDX-License-Identifier: Apache-2.0
#include "tests/support/process.hpp"

#include <arpa/inet.h>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace bridge::test {

child_process::child_process(std::vector<std::string> argv, env_list extra_env,
                             std::string log_path)
    : log_path_(std::move(log_path)) {
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int fd = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    // The child gets its own process group, so that a test runner's
    // Ctrl-C does not reach it twice.
    setpgid(0, 0);
    for (auto& [k, v] : extra_env)
      setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (auto& a : argv)
      args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
}

child_process::~child_process() {
  if (pid_ > 0 && !status_)
    stop(std::chrono::seconds{10});
}

void child_process::signal(int sig) {
  if (pid_ > 0 && !status_)
    ::kill(pid_, sig);
}

std::optional<int> child_process::wait_exit(std::chrono::milliseconds timeout) {
  if (status_)
    return status_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int st = 0;
    auto r = waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
      return status_;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds{10});
  }
}

int child_process::stop(std::chrono::milliseconds grace) {
  signal(SIGTERM);
  if (auto st = wait_exit(grace))
    return *st;
  signal(SIGKILL);
  return wait_exit(std::chrono::seconds{30}).value_or(-1);
}

bool child_process::running() {
  return !wait_exit(std::chrono::milliseconds{0}).has_value();
}

std::string child_process::log_tail(size_t bytes) const {
  std::ifstream in{log_path_};
  std::stringstream buf;
  buf << in.rdbuf();
  auto s = buf.str();
  return s.size() > bytes ? s.substr(s.size() - bytes) : s;
}

std::optional<int> wait_for_port_file(const std::string& path,
                                      std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in{path};
    int port = 0;
    if (in >> port && port > 0)
      return port;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return std::nullopt;
}

std::string make_scratch_dir(const std::string& prefix) {
  const char* base = std::getenv("BRIDGE_RUN_DIR");
  std::string tmpl =
      std::string{base ? base : "/tmp"} + "/" + prefix + "-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed for " + tmpl);
  return tmpl;
}

std::string require_env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0')
    throw std::runtime_error(std::string{name}
                             + " is not set; run the suites through the README "
                               "test command, which starts the services");
  return v;
}

std::string built_binary(const std::string& relative) {
  return require_env("BRIDGE_BINARY_DIR") + "/" + relative;
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  bool ok = fd >= 0
            && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  if (fd >= 0)
    ::close(fd);
  if (!ok)
    throw std::runtime_error("no free loopback port");
  return ntohs(addr.sin_port);
}

} // namespace bridge::test
