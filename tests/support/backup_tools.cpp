// SPDX-License-Identifier: Apache-2.0
#include "tests/support/backup_tools.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bridge::test {

namespace {

std::string script_path(const std::string& name) {
  return require_env("BRIDGE_SOURCE_DIR") + "/scripts/" + name;
}

std::string read_all(const std::string& path) {
  std::ifstream in{path};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The value of `export NAME=...` in a services env file.
std::string env_file_value(const std::string& text, const std::string& name) {
  auto key = "export " + name + "=";
  auto at = text.find(key);
  if (at == std::string::npos)
    return {};
  at += key.size();
  return text.substr(at, text.find('\n', at) - at);
}

} // namespace

script_run run_script(const std::string& name, std::vector<std::string> args,
                      child_process::env_list env) {
  static int runs = 0;
  auto log = make_scratch_dir("script") + "/" + name + "-"
             + std::to_string(++runs) + ".log";
  args.insert(args.begin(), script_path(name));
  child_process p{args, std::move(env), log};
  auto status = p.wait_exit(std::chrono::minutes{2});
  if (!status)
    throw std::runtime_error(name
                             + " did not end in two minutes: " + p.log_tail());
  return {*status, read_all(log)};
}

fresh_server::fresh_server(std::string run_dir) : run_dir_(std::move(run_dir)) {
  auto started = run_script("services.sh", {"start", run_dir_});
  dsn_ = env_file_value(started.output, "DATABASE_URL");
  if (started.status != 0 || dsn_.empty())
    throw std::runtime_error("a fresh PostgreSQL did not start: "
                             + started.output);
}

fresh_server::~fresh_server() {
  try {
    run_script("services.sh", {"purge", run_dir_});
  } catch (...) {
    // A destructor cannot fail the test; the server's log names it.
  }
}

} // namespace bridge::test
