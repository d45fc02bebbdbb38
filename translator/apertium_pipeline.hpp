// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

#include "translator/apertium_modes.hpp"

namespace bridge::translation::apertium {

/// One resident Apertium pipeline: the stages of a mode, each its own
/// process (under `stdbuf -o0`, with `-z`), chained by pipes. A text goes
/// in followed by NUL and its translation comes out followed by NUL, so
/// the processes and their loaded dictionaries are reused for every text.
/// Blocking; owned by one thread (a detached actor). A pipeline that fails
/// or hangs is killed and started afresh on the next call.
class pipeline {
public:
  explicit pipeline(std::vector<stage> stages);
  ~pipeline();

  pipeline(const pipeline&) = delete;
  pipeline& operator=(const pipeline&) = delete;

  /// How one translation went.
  struct result {
    bool ok = false;
    std::string text;
    /// Why not, when `!ok`.
    std::string error;
    bool timed_out = false;
  };

  /// Translates `text` (plain, valid UTF-8, no NUL), waiting at most
  /// `timeout`. Starts the processes when they are not running.
  result translate(std::string_view text, std::chrono::milliseconds timeout);

  /// Stops the processes (closing their input, then killing stragglers).
  void stop();

  bool running() const { return !pids_.empty(); }

  /// Times the processes were started.
  uint64_t starts() const { return starts_; }

private:
  bool start(std::string& error);
  bool exchange(const std::string& in, std::string& out,
                std::chrono::steady_clock::time_point deadline,
                std::string& error, bool& timed_out);
  void kill_all();
  /// True when output is waiting before a text was sent (or the pipeline
  /// hung up): its answers would be out of step.
  bool stale_output();

  std::vector<stage> stages_;
  std::vector<pid_t> pids_;
  int to_ = -1;
  int from_ = -1;
  uint64_t starts_ = 0;
};

} // namespace bridge::translation::apertium
