// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "tools/bridge_replay/traffic.hpp"

namespace bridge::replay {

/// What `generate` makes: teams, their size, how much they write and how
/// fast.
struct generate_options {
  int teams = 10;
  int workers_min = 1;
  int workers_max = 10;
  int64_t messages = 1000;
  /// Mean messages per second outside bursts.
  double rate = 100;
  /// During a burst the rate is multiplied by this (1: no bursts).
  double burst = 1;
  double burst_every_s = 10;
  double burst_length_s = 1;
  /// Share of extra hostile lines (oversize text, unknown commands,
  /// garbage button data, media, malformed and unknown updates).
  double hostile_fraction = 0;
  /// A manager's message goes to another worker than the current one this
  /// often (a switch line first).
  double switch_fraction = 0.05;
  uint64_t seed = 1;
  /// User ids are first_user + 16 * team + k (k = 0 the manager).
  int64_t first_user = 1'000'000;
};

/// Returns what is wrong with `opts`, or an empty string.
std::string validate(const generate_options& opts);

/// Registrations and pairings first (t_ms 0), then `messages` plain texts
/// at the chosen rate, each side of a team in its own language, with
/// switches and hostile lines mixed in. Deterministic for a seed.
std::vector<traffic_line> generate(const generate_options& opts);

} // namespace bridge::replay
