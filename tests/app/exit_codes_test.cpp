// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/exit_codes.hpp"
#include "tests/support/process.hpp"

BOOST_AUTO_TEST_SUITE(app_exit_codes)

// The real `bridge` binary refused at start: each bad input is one line on
// stderr and its own exit status, as the README and the man page list
// them. The engine never gets far enough to want PostgreSQL.

namespace {

struct refusal {
  int status = -1;
  std::string err;
};

/// Runs `bridge` with exactly `env` as its environment (nothing inherited,
/// so a token in the test's own environment cannot leak in), but for the
/// sanitizers' settings, which the sanitizer run's suppressions need.
refusal run_bridge(std::vector<std::string> args,
                   std::vector<std::string> env) {
  for (auto name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
    if (auto v = std::getenv(name))
      env.push_back(std::string{name} + "=" + v);
  auto dir = bridge::test::make_scratch_dir("exit-codes");
  auto err_path = dir + "/stderr";
  auto binary = bridge::test::built_binary("bridge");
  args.insert(args.begin(), binary);
  pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    int fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int null_fd = open("/dev/null", O_WRONLY);
    if (fd < 0 || null_fd < 0)
      _exit(126);
    dup2(fd, STDERR_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    std::vector<char*> argv, envp;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env)
      envp.push_back(e.data());
    envp.push_back(nullptr);
    execve(binary.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  refusal out;
  out.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  std::ifstream in{err_path};
  std::stringstream buf;
  buf << in.rdbuf();
  out.err = buf.str();
  std::filesystem::remove_all(dir);
  return out;
}

/// One line, naming the program, ending in a newline.
void check_one_line(const refusal& r) {
  BOOST_TEST(r.err.rfind("bridge: ", 0) == 0, r.err);
  BOOST_TEST(r.err.size() > 8);
  BOOST_TEST(r.err.find('\n') == r.err.size() - 1, r.err);
}

} // namespace

BOOST_AUTO_TEST_CASE(a_wrong_config_path_is_status_3) {
  auto r = run_bridge({"--config", "/nonexistent/bridge.toml"},
                      {"TELEGRAM_BOT_TOKEN=1:test"});
  BOOST_TEST(r.status == bridge::exit_code::config_unreadable);
  check_one_line(r);
  BOOST_TEST(r.err.find("/nonexistent/bridge.toml") != std::string::npos);
  BOOST_TEST(r.err.find("No such file") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(an_unreadable_credential_is_status_4) {
  auto creds = bridge::test::make_scratch_dir("creds");
  // A folder where the token's file should be cannot be read, even by
  // root (permission bits would not stop a test running as root).
  std::filesystem::create_directory(creds + "/telegram_bot_token");
  auto r = run_bridge(
      {}, {"CREDENTIALS_DIRECTORY=" + creds, "TELEGRAM_BOT_TOKEN=1:from-env"});
  BOOST_TEST(r.status == bridge::exit_code::credential_unreadable);
  check_one_line(r);
  BOOST_TEST(r.err.find("telegram_bot_token") != std::string::npos, r.err);
  std::filesystem::remove_all(creds);
}

BOOST_AUTO_TEST_CASE(a_unit_without_the_token_is_status_5) {
  auto creds = bridge::test::make_scratch_dir("creds");
  auto r = run_bridge({}, {"CREDENTIALS_DIRECTORY=" + creds});
  BOOST_TEST(r.status == bridge::exit_code::token_missing);
  check_one_line(r);
  BOOST_TEST(r.err.find("TELEGRAM_BOT_TOKEN") != std::string::npos, r.err);
  // Outside systemd too.
  auto bare = run_bridge({}, {});
  BOOST_TEST(bare.status == bridge::exit_code::token_missing);
  check_one_line(bare);
  std::filesystem::remove_all(creds);
}

BOOST_AUTO_TEST_CASE(a_refused_key_is_status_2_and_asking_is_0) {
  auto r = run_bridge({"--db.pool_size=many"}, {"TELEGRAM_BOT_TOKEN=1:test"});
  BOOST_TEST(r.status == bridge::exit_code::invalid_config);
  check_one_line(r);
  BOOST_TEST(r.err.find("db.pool_size") != std::string::npos, r.err);
  BOOST_TEST(run_bridge({"--version"}, {}).status == bridge::exit_code::ok);
}

BOOST_AUTO_TEST_CASE(the_statuses_are_distinct) {
  std::vector<int> all{bridge::exit_code::ok,
                       bridge::exit_code::start_failed,
                       bridge::exit_code::invalid_config,
                       bridge::exit_code::config_unreadable,
                       bridge::exit_code::credential_unreadable,
                       bridge::exit_code::token_missing,
                       bridge::exit_code::schema_newer,
                       bridge::exit_code::stopped_during_drain};
  std::sort(all.begin(), all.end());
  BOOST_TEST((std::adjacent_find(all.begin(), all.end()) == all.end()));
}

BOOST_AUTO_TEST_SUITE_END() // app_exit_codes
