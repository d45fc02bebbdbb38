// SPDX-License-Identifier: Apache-2.0
#include "common/log_sinks.hpp"

#include <chrono>
#include <ctime>

#include "common/json_writer.hpp"

namespace bridge::log {

namespace {

/// `2026-12-06T11:07:15.123+00:00`.
std::string utc_time(spdlog::log_clock::time_point t) {
  using namespace std::chrono;
  auto secs = time_point_cast<seconds>(t);
  auto ms = duration_cast<milliseconds>(t - secs).count();
  if (ms < 0) { // before the epoch: borrow a second
    ms += 1000;
    secs -= seconds{1};
  }
  std::time_t tt = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[40];
  auto n = std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof(buf) - n, ".%03d+00:00", static_cast<int>(ms));
  return buf;
}

} // namespace

void json_formatter::format(const spdlog::details::log_msg& msg,
                            spdlog::memory_buf_t& dest) {
  auto level = spdlog::level::to_string_view(msg.level);
  json::writer w;
  w.begin_object()
      .field("time", utc_time(msg.time))
      .field("level", std::string_view{level.data(), level.size()})
      .field("thread", static_cast<uint64_t>(msg.thread_id))
      .field("msg", std::string_view{msg.payload.data(), msg.payload.size()})
      .end_object();
  auto line = std::move(w).str();
  line += '\n';
  dest.append(line.data(), line.data() + line.size());
}

std::unique_ptr<spdlog::formatter> json_formatter::clone() const {
  return std::make_unique<json_formatter>();
}

reopening_file_sink::reopening_file_sink(const std::string& path) {
  file_.open(path, false);
  open_ = true;
}

void reopening_file_sink::reopen() {
  std::lock_guard<std::mutex> guard{mutex_};
  // A failed open leaves no file behind (spdlog closes first): until a
  // reopen succeeds, records are dropped rather than written to nothing.
  open_ = false;
  file_.reopen(false);
  open_ = true;
}

void reopening_file_sink::sink_it_(const spdlog::details::log_msg& msg) {
  if (!open_)
    return;
  spdlog::memory_buf_t formatted;
  formatter_->format(msg, formatted);
  file_.write(formatted);
  // Whole lines reach the file at once, as they reach stderr: a shipper
  // tailing it never waits for a buffer to fill, and a crash loses none.
  file_.flush();
}

void reopening_file_sink::flush_() {
  if (open_)
    file_.flush();
}

} // namespace bridge::log
