// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

namespace bridge::log {

/// Replaces every registered secret, and anything shaped like a Bot API
/// token (`<digits>:<35+ token chars>`), with `***`. Pure; used by the
/// masking sink and by anything that renders a URL for a human.
class secret_masker {
public:
  /// Registers a secret; empty and very short strings are ignored because
  /// masking them would garble ordinary text.
  void add(std::string secret);

  /// Returns `text` with every secret replaced.
  std::string mask(std::string_view text) const;

private:
  std::vector<std::string> secrets_;
};

/// Wraps `inner` so that every formatted line passes through `masker`
/// before it reaches the inner sink.
std::shared_ptr<spdlog::sinks::sink>
make_masking_sink(std::shared_ptr<spdlog::sinks::sink> inner,
                  std::shared_ptr<const secret_masker> masker);

/// Where systemd's journal takes native messages (sd_journal_send's
/// fixed address).
inline constexpr const char* journal_socket = "/run/systemd/journal/socket";

/// True when `socket_path` exists and is a socket.
bool journal_reachable(const char* socket_path);

/// Installs the process-wide default logger: stderr or `file`, the given
/// level name, "text" or "json" lines, or "journald": each message as a
/// journal entry whose PRIORITY follows its level; every message masked
/// by `masker`. Returns false with `err` set when the level or format is
/// unknown, the file cannot be opened, "journald" comes with a file, or
/// the journal's socket is not there.
bool init(const std::string& level, const std::string& file,
          const std::string& format,
          std::shared_ptr<const secret_masker> masker, std::string& err);

/// Closes and reopens the log file by name (after logrotate moved it);
/// nothing to do when logging to stderr. False with `err` set when the
/// file cannot be opened again.
bool reopen(std::string& err);

/// Changes the level of the default logger at run time.
bool set_level(const std::string& level);

/// The current level's name.
std::string level_name();

/// Level names accepted by `init` and `set_level`.
const std::vector<std::string>& level_names();

} // namespace bridge::log
