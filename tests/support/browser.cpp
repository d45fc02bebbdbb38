// SPDX-License-Identifier: Apache-2.0
#include "tests/support/browser.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>
#include <vector>

#include "tests/support/process.hpp"

namespace bridge::test {

headless_browser::headless_browser() {
  const char* given = std::getenv("BRIDGE_CHROMIUM");
  binary_ = given != nullptr && *given != '\0' ? given : "/usr/bin/chromium";
  if (access(binary_.c_str(), X_OK) != 0)
    throw std::runtime_error(binary_
                             + " is not there: scripts/setup.sh "
                               "installs Debian's chromium package");
  dir_ = make_scratch_dir("browser");
}

headless_browser::~headless_browser() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string headless_browser::run(const std::vector<std::string>& args) {
  auto n = std::to_string(++runs_);
  auto out = dir_ + "/out-" + n + ".html";
  // Chromium's own complaints (no D-Bus, no GPU) go to a file of their
  // own, so its standard output is exactly what was asked for.
  std::vector<std::string> argv{
      "/bin/sh",
      "-c",
      "exec \"$0\" \"$@\" 2>>\"" + dir_ + "/chromium.log\"",
      binary_,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--hide-scrollbars",
      "--user-data-dir=" + dir_ + "/profile-" + n,
      "--virtual-time-budget=" + std::to_string(budget.count())};
  argv.insert(argv.end(), args.begin(), args.end());
  child_process chromium{argv, {}, out};
  auto status = chromium.wait_exit(limit);
  if (!status) {
    chromium.stop(std::chrono::seconds{2});
    throw std::runtime_error("chromium did not finish in time; see " + dir_);
  }
  if (*status != 0)
    throw std::runtime_error("chromium exited with " + std::to_string(*status)
                             + "; see " + dir_ + "/chromium.log");
  std::ifstream in{out};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string headless_browser::dump_dom(const std::string& url) {
  return run({"--dump-dom", url});
}

void headless_browser::screenshot(const std::string& url,
                                  const std::string& png_path, int width,
                                  int height) {
  run({"--screenshot=" + png_path,
       "--window-size=" + std::to_string(width) + "," + std::to_string(height),
       url});
}

} // namespace bridge::test
