// SPDX-License-Identifier: Apache-2.0
#include "common/log.hpp"

#include "common/log_sinks.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>

#include <sys/stat.h>

namespace bridge::log {

namespace {

constexpr size_t min_secret_length = 6;
constexpr std::string_view mask_text = "***";

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

/// Masks `<digits>:<at least 30 token characters>`, the Bot API token shape,
/// so that a token not registered (a typo'd copy, another bot's) is still
/// hidden.
std::string mask_token_shapes(std::string text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ':' && i > 0
        && std::isdigit(static_cast<unsigned char>(text[i - 1]))) {
      size_t digits_begin = i;
      while (
          digits_begin > 0
          && std::isdigit(static_cast<unsigned char>(text[digits_begin - 1])))
        --digits_begin;
      size_t end = i + 1;
      while (end < text.size() && is_token_char(text[end]))
        ++end;
      if (i - digits_begin >= 5 && end - i - 1 >= 30) {
        out.resize(out.size() - (i - digits_begin));
        out += mask_text;
        i = end;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

class masking_sink final : public spdlog::sinks::base_sink<std::mutex> {
public:
  masking_sink(std::shared_ptr<spdlog::sinks::sink> inner,
               std::shared_ptr<const secret_masker> masker)
      : inner_(std::move(inner)), masker_(std::move(masker)) {}

protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    auto masked = masker_->mask({msg.payload.data(), msg.payload.size()});
    spdlog::details::log_msg copy{msg.time, msg.source, msg.logger_name,
                                  msg.level, masked};
    copy.thread_id = msg.thread_id;
    inner_->log(copy);
  }

  void flush_() override { inner_->flush(); }

  void set_pattern_(const std::string& pattern) override {
    inner_->set_pattern(pattern);
  }

  void set_formatter_(std::unique_ptr<spdlog::formatter> f) override {
    inner_->set_formatter(std::move(f));
  }

private:
  std::shared_ptr<spdlog::sinks::sink> inner_;
  std::shared_ptr<const secret_masker> masker_;
};

} // namespace

void secret_masker::add(std::string secret) {
  if (secret.size() < min_secret_length)
    return;
  if (std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end())
    return;
  secrets_.push_back(std::move(secret));
  // Longest first, so a secret containing another is masked whole.
  std::sort(secrets_.begin(), secrets_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string secret_masker::mask(std::string_view text) const {
  std::string out{text};
  for (const auto& s : secrets_) {
    size_t pos = 0;
    while ((pos = out.find(s, pos)) != std::string::npos) {
      out.replace(pos, s.size(), mask_text);
      pos += mask_text.size();
    }
  }
  return mask_token_shapes(std::move(out));
}

std::shared_ptr<spdlog::sinks::sink>
make_masking_sink(std::shared_ptr<spdlog::sinks::sink> inner,
                  std::shared_ptr<const secret_masker> masker) {
  return std::make_shared<masking_sink>(std::move(inner), std::move(masker));
}

const std::vector<std::string>& level_names() {
  static const std::vector<std::string> names{"trace", "debug", "info",
                                              "warn",  "error", "off"};
  return names;
}

namespace {

bool parse_level(const std::string& name, spdlog::level::level_enum& out) {
  const auto& names = level_names();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return false;
  out = spdlog::level::from_str(name);
  return true;
}

} // namespace

namespace {

/// The file sink `reopen` acts on; null when logging to stderr. Set once
/// by `init`, before any other thread runs.
std::shared_ptr<reopening_file_sink>& file_sink() {
  static std::shared_ptr<reopening_file_sink> sink;
  return sink;
}

} // namespace

bool init(const std::string& level, const std::string& file,
          const std::string& format,
          std::shared_ptr<const secret_masker> masker, std::string& err) {
  spdlog::level::level_enum lvl;
  if (!parse_level(level, lvl)) {
    err = "unknown log level '" + level + "'";
    return false;
  }
  if (format != "text" && format != "json" && format != "journald") {
    err = "unknown log format '" + format + "'";
    return false;
  }
  const bool journald = format == "journald";
  if (journald && !file.empty()) {
    err = "log format 'journald' writes to the journal, not to a file: "
          "leave engine.log_file empty";
    return false;
  }
  if (journald && !journal_reachable(journal_socket)) {
    err = std::string{"log format 'journald' needs systemd's journal, and "}
          + journal_socket + " is not a socket (not running under systemd?)";
    return false;
  }
  std::shared_ptr<spdlog::sinks::sink> inner;
  std::shared_ptr<reopening_file_sink> reopening;
  try {
    if (journald) {
      // The message alone: the journal keeps the time, the priority (from
      // the level), the PID and the identifier ("bridge") as fields.
      inner = std::make_shared<spdlog::sinks::systemd_sink_mt>();
    } else if (file.empty()) {
      inner = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    } else {
      reopening = std::make_shared<reopening_file_sink>(file);
      inner = reopening;
    }
  } catch (const spdlog::spdlog_ex& ex) {
    err = ex.what();
    return false;
  }
  auto sink = make_masking_sink(std::move(inner), std::move(masker));
  auto logger = std::make_shared<spdlog::logger>("bridge", std::move(sink));
  // "journald" has no formatter: its sink sends the bare message.
  if (format == "json")
    logger->set_formatter(std::make_unique<json_formatter>());
  else if (format == "text")
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%-5l%$ [%t] %v");
  logger->set_level(lvl);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  file_sink() = std::move(reopening);
  return true;
}

bool journal_reachable(const char* socket_path) {
  struct stat st {};
  return ::stat(socket_path, &st) == 0 && S_ISSOCK(st.st_mode);
}

bool reopen(std::string& err) {
  auto& sink = file_sink();
  if (!sink)
    return true;
  try {
    sink->reopen();
  } catch (const spdlog::spdlog_ex& ex) {
    err = ex.what();
    return false;
  }
  return true;
}

std::string level_name() {
  // spdlog calls it "warning"; Bridge's configuration says "warn".
  auto lvl = spdlog::get_level();
  if (lvl == spdlog::level::warn)
    return "warn";
  auto v = spdlog::level::to_string_view(lvl);
  return {v.data(), v.size()};
}

bool set_level(const std::string& level) {
  spdlog::level::level_enum lvl;
  if (!parse_level(level, lvl))
    return false;
  spdlog::set_level(lvl);
  return true;
}

} // namespace bridge::log
