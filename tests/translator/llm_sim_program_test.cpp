// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/http_client.hpp"

extern char** environ;

BOOST_AUTO_TEST_SUITE(translator_llm_sim_program)

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// The llm-sim program of this build (CTest sets BRIDGE_BINARY_DIR).
std::string program() {
  const char* dir = std::getenv("BRIDGE_BINARY_DIR");
  BOOST_REQUIRE_MESSAGE(dir != nullptr,
                        "run through ctest (BRIDGE_BINARY_DIR)");
  return std::string{dir} + "/llm-sim";
}

/// Starts llm-sim with `args`, its stdout in `out`.
pid_t start(std::vector<std::string> args, const fs::path& out) {
  args.insert(args.begin(), program());
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  auto rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  BOOST_REQUIRE_MESSAGE(rc == 0, "cannot start " << args[0]);
  return pid;
}

int read_port(const fs::path& ready) {
  for (int i = 0; i < 500; ++i) {
    std::ifstream in{ready};
    int port = 0;
    if (in >> port && port > 0)
      return port;
    std::this_thread::sleep_for(20ms);
  }
  return 0;
}

struct temp_dir {
  temp_dir() {
    auto base = fs::temp_directory_path() / "llm-sim-test-XXXXXX";
    std::string pattern = base.string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

} // namespace

BOOST_AUTO_TEST_CASE(writes_its_port_serves_and_stops_on_sigterm) {
  temp_dir dir;
  auto ready = dir.path / "ready";
  auto out = dir.path / "stdout";
  auto pid = start({"--port", "0", "--ready-file", ready.string(), "--script",
                    "529", "--max-seconds", "60"},
                   out);
  auto port = read_port(ready);
  BOOST_REQUIRE_MESSAGE(port > 0, "llm-sim wrote no port");
  bridge::http_client client;
  auto url = "http://127.0.0.1:" + std::to_string(port) + "/v1/messages";
  std::string body =
      R"({"model":"m","max_tokens":9,"messages":[{"role":"user","content":"Hola"}]})";
  std::vector<std::string> headers{"x-api-key: k",
                                   "anthropic-version: 2023-06-01"};
  BOOST_TEST(client.post(url, body, headers, 5s).status == 529);
  auto ok = client.post(url, body, headers, 5s);
  BOOST_TEST(ok.status == 200);
  BOOST_TEST(ok.body.find("[llm-sim] Hola") != std::string::npos);
  ::kill(pid, SIGTERM);
  int status = 0;
  BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  std::ifstream in{out};
  std::stringstream stats;
  stats << in.rdbuf();
  BOOST_TEST(stats.str().find("\"overloaded\":1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_bad_flags) {
  temp_dir dir;
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--script", "teapot"},
        {"--host", "0.0.0.0", "--max-seconds", "1"},
        {"--error-rate", "2"}}) {
    auto pid = start(args, dir.path / "stdout");
    int status = 0;
    BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) != 0);
  }
}

BOOST_AUTO_TEST_SUITE_END() // translator_llm_sim_program
