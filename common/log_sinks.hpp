// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <spdlog/details/file_helper.h>
#include <spdlog/formatter.h>
#include <spdlog/sinks/base_sink.h>

namespace bridge::log {

/// Formats each record as one JSON object on one line:
/// `{"time":"2026-12-06T11:07:15.123+00:00","level":"info","thread":12,
/// "msg":"..."}`. Times are UTC with their offset written out, so a
/// shipper never guesses the zone; the message is escaped whole (quotes,
/// backslashes, control characters, and invalid UTF-8 as U+FFFD), so a
/// line is always exactly one valid object.
class json_formatter final : public spdlog::formatter {
public:
  void format(const spdlog::details::log_msg& msg,
              spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

/// Appends to a file that `reopen` closes and opens again by name, so
/// that after logrotate moves the file away a SIGHUP makes a new one.
/// Each record is flushed as it is written, as stderr would be.
class reopening_file_sink final : public spdlog::sinks::base_sink<std::mutex> {
public:
  /// Throws spdlog::spdlog_ex when the file cannot be opened.
  explicit reopening_file_sink(const std::string& path);

  /// Reopens the file by its name. Throws spdlog::spdlog_ex when it
  /// cannot be opened; records are then dropped until a reopen succeeds.
  void reopen();

protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

private:
  spdlog::details::file_helper file_;
  bool open_ = false;
};

} // namespace bridge::log
