// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace bridge::test {

/// Debian's Chromium, headless, one fresh profile per page load: a page is
/// loaded, its scripts run (network waits do not use up the virtual-time
/// budget) and then the DOM is dumped or a screenshot taken. Chromium is
/// a child process of the test, ended by its PID if it overruns.
class headless_browser {
public:
  /// Uses BRIDGE_CHROMIUM or /usr/bin/chromium; throws when neither runs.
  headless_browser();
  /// Removes the profiles and dumps.
  ~headless_browser();
  headless_browser(const headless_browser&) = delete;
  headless_browser& operator=(const headless_browser&) = delete;

  /// The DOM after the page settled, serialized as HTML.
  std::string dump_dom(const std::string& url);

  /// Writes a PNG of the page at `width` x `height` to `png_path`.
  void screenshot(const std::string& url, const std::string& png_path,
                  int width = 1280, int height = 1000);

  /// Virtual time the page's scripts get after loading.
  std::chrono::milliseconds budget{5000};
  /// Wall time after which Chromium is ended and the call fails.
  std::chrono::milliseconds limit{60000};

private:
  /// Runs Chromium with `args` after the common flags; its standard output.
  std::string run(const std::vector<std::string>& args);

  std::string binary_;
  std::string dir_;
  int runs_ = 0;
};

} // namespace bridge::test
