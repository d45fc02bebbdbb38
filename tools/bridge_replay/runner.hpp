// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <vector>

#include "tools/bridge_replay/report.hpp"
#include "tools/bridge_replay/traffic.hpp"

namespace bridge::replay {

/// How `run` replays a traffic file.
struct run_options {
  /// tg-sim's port on 127.0.0.1.
  int sim_port = 8081;
  /// The file's pace divided by this (2: twice as fast).
  double speed = 1;
  /// When positive, lines after the registrations go out at this many a
  /// second, whatever their timestamps.
  double rate = 0;
  /// Threads injecting lines; each user belongs to one, so a user's lines
  /// keep their order.
  int threads = 8;
  int registration_threads = 16;
  /// The whole run, registrations included, ends by then.
  std::chrono::milliseconds timeout{std::chrono::minutes{10}};
  /// After the last line, how long to wait with no new delivery before
  /// what is missing counts as lost.
  std::chrono::milliseconds drain{std::chrono::seconds{30}};
  /// After the last delivery, how long to watch for duplicates.
  std::chrono::milliseconds settle{std::chrono::seconds{1}};
  /// Compare whole texts (the fake translator) or only writer and marker.
  bool exact_text = true;
  /// Added to every user id of the file, so one engine can take several
  /// runs of one file.
  int64_t id_offset = 0;
  /// Marks this run's messages (lowercase hex); `run` picks one when empty.
  std::string tag;
  /// The report's steady latency leaves out messages sent in the first
  /// this many seconds of sending.
  std::chrono::milliseconds warmup{std::chrono::seconds{5}};
  /// A sender wakes no sooner than this after its last wake-up, and then
  /// sends every line due in one call: at high rates fewer, larger calls;
  /// a line waits at most this long, and its send time is when it went.
  std::chrono::microseconds gather{1000};
  /// Live progress line on stderr.
  bool progress = true;
  /// No bot behind tg-sim: take the file's teams as registered, send every
  /// line and end once the last is sent (everything counts as lost). What
  /// the replay can offer, and what tg-sim spends taking it.
  bool offer_only = false;
  /// When set, each second's figures go here as a CSV line as the run
  /// goes (`per_second_writer`), so a killed run keeps them.
  std::ostream* per_second = nullptr;
};

/// Registers the file's teams, replays the rest through tg-sim's control
/// API while following its event feed, and judges every delivery.
run_report run(const std::vector<traffic_line>& lines, run_options opts);

} // namespace bridge::replay
