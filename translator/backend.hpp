// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "messages/translator.hpp"

namespace bridge::translation {

/// A running backend and the pairs it translates.
struct spawned_backend {
  backend_actor actor;
  std::vector<language_pair> languages;
};

} // namespace bridge::translation
