// SPDX-License-Identifier: Apache-2.0
#include "common/version.hpp"

// BRIDGE_GIT_DESCRIBE is defined for this file alone (CMakeLists.txt), so
// a new commit recompiles one file, not the project.
#ifndef BRIDGE_GIT_DESCRIBE
#define BRIDGE_GIT_DESCRIBE ""
#endif

namespace bridge {

std::string_view version() {
  static const std::string text = [] {
    std::string v = BRIDGE_VERSION;
    std::string_view git = BRIDGE_GIT_DESCRIBE;
    if (!git.empty())
      v += " (" + std::string{git} + ")";
    return v;
  }();
  return text;
}

std::string_view revision() {
  std::string_view git = BRIDGE_GIT_DESCRIBE;
  return git.empty() ? std::string_view{"unknown"} : git;
}

std::string version_line(std::string_view program) {
  return std::string{program} + " " + std::string{version()};
}

} // namespace bridge
