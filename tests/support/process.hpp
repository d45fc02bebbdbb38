// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace bridge::test {

/// A child process the test started and therefore may end: started with
/// fork/exec, its output sent to a log file, stopped by its PID when the
/// object goes away (SIGTERM, then SIGKILL after a grace period).
class child_process {
public:
  using env_list = std::vector<std::pair<std::string, std::string>>;

  child_process(std::vector<std::string> argv, env_list extra_env,
                std::string log_path);
  ~child_process();

  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  pid_t pid() const { return pid_; }

  /// Sends `sig` to the child.
  void signal(int sig);

  /// Waits up to `timeout` for the child to exit; its exit status (or
  /// 128 + signal) when it did.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);

  /// SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit status.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds{10});

  bool running();

  const std::string& log_path() const { return log_path_; }

  /// The last `bytes` of the child's log, for failure messages.
  std::string log_tail(size_t bytes = 4000) const;

private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string log_path_;
};

/// Reads a port number from `path` once a server has written it there;
/// nullopt when `timeout` passes first.
std::optional<int> wait_for_port_file(const std::string& path,
                                      std::chrono::milliseconds timeout);

/// A fresh scratch folder under the test run's folder (BRIDGE_RUN_DIR, or
/// the system temp folder), removed by the caller or left for inspection.
std::string make_scratch_dir(const std::string& prefix);

/// Value of environment variable `name`; fails the test when it is unset.
std::string require_env(const char* name);

/// Path of a binary built next to the tests (BRIDGE_BINARY_DIR).
std::string built_binary(const std::string& relative);

/// A loopback TCP port free a moment ago (bound and let go), for a child
/// process to listen on; throws when none can be had.
int free_port();

} // namespace bridge::test
