// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "config/config.hpp"

namespace bridge::config {

/// A value as it arrives from the file (typed) or the command line (text).
using raw_value = std::variant<int64_t, double, bool, std::string>;

/// Sets `key` in `cfg` to `value` after checking its type and bounds.
/// Returns an error naming the key and what it accepts. Text values (from
/// the command line) are converted to the key's type first.
std::optional<std::string> set_key(bridge_config& cfg, std::string_view key,
                                   const raw_value& value,
                                   bool from_text = false);

/// Applies a TOML document. Unknown keys, wrong types and values out of
/// bounds are errors naming the key and its line.
std::optional<std::string> apply_toml(bridge_config& cfg, std::string_view text,
                                      std::string_view source_name);

/// Reads secrets through `getenv_fn` (injectable for tests).
void apply_environment(
    bridge_config& cfg,
    const std::function<const char*(const char*)>& getenv_fn);

/// Checks rules that span keys (a backend needs its key, webhook mode its
/// URL and secret, ...). Returns the first violation.
std::optional<std::string> validate(const bridge_config& cfg);

/// Renders `cfg` as a TOML document with every key and its help, secrets
/// left out. `config/bridge.toml` is this output for the defaults.
std::string render_toml(const bridge_config& cfg);

/// What `load` decided.
struct load_outcome {
  enum class action { run, exit_success, exit_failure };
  /// Why a start was refused: each reason has its own exit status, so a
  /// service manager (or an operator's script) tells them apart.
  enum class failure {
    none,
    invalid,               ///< command line or configuration refused
    config_unreadable,     ///< `--config FILE` cannot be read
    credential_unreadable, ///< a file in $CREDENTIALS_DIRECTORY cannot be read
    token_missing,         ///< no bot token from the environment or credentials
  };
  action what = action::run;
  failure why = failure::none;
  bridge_config cfg;
  /// Help text, the rendered config, or the error.
  std::string message;
};

/// Parses the command line: `--config FILE`, `--<section>.<key> VALUE`
/// for every key, `--print-config`, `--help`. Then the file, then the
/// overrides, then the environment, then systemd's credentials (when
/// `CREDENTIALS_DIRECTORY` is set), then `validate`.
load_outcome load(int argc, const char* const* argv,
                  const std::function<const char*(const char*)>& getenv_fn);

} // namespace bridge::config
