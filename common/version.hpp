// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace bridge {

/// The release (the project's version in CMake) and, when the source was
/// a git checkout at configure time, what `git describe` said of it:
/// "0.1.0" or "0.1.0 (a1b2c3d)".
std::string_view version();

/// What `git describe` said of the source at configure time, or
/// "unknown" when it was not a checkout.
std::string_view revision();

/// What `--version` prints: "PROGRAM VERSION".
std::string version_line(std::string_view program);

} // namespace bridge
