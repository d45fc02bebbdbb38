// SPDX-License-Identifier: Apache-2.0
#include "config/loader.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>
#include <toml++/toml.h>

#include "common/version.hpp"
#include "config/credentials.hpp"
#include "config/schema.hpp"

namespace bridge::config {

namespace {

std::optional<raw_value> from_toml(const toml::node& n) {
  if (auto v = n.as_integer())
    return raw_value{v->get()};
  if (auto v = n.as_floating_point())
    return raw_value{v->get()};
  if (auto v = n.as_boolean())
    return raw_value{v->get()};
  if (auto v = n.as_string())
    return raw_value{v->get()};
  return std::nullopt;
}

std::optional<std::string> walk(bridge_config& cfg, const toml::table& tbl,
                                const std::string& prefix,
                                std::string_view source) {
  for (auto&& [k, node] : tbl) {
    std::string name = prefix.empty() ? std::string{k.str()}
                                      : prefix + "." + std::string{k.str()};
    auto where =
        std::string{source} + ":" + std::to_string(node.source().begin.line);
    if (auto sub = node.as_table()) {
      if (!prefix.empty())
        return where + ": unknown config section '" + name + "'";
      if (auto err = walk(cfg, *sub, name, source))
        return err;
      continue;
    }
    auto value = from_toml(node);
    if (!value)
      return where + ": config key '" + name
             + "' has a type Bridge does not use (arrays, dates)";
    if (auto err = set_key(cfg, name, *value))
      return where + ": " + *err;
  }
  return std::nullopt;
}

bool is_http_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

/// Two or three lowercase letters, as the translator's languages are named.
bool is_language_code(const std::string& code) {
  if (code.size() < 2 || code.size() > 3)
    return false;
  for (char ch : code)
    if (ch < 'a' || ch > 'z')
      return false;
  return true;
}

} // namespace

std::optional<std::string> apply_toml(bridge_config& cfg, std::string_view text,
                                      std::string_view source_name) {
  toml::table tbl;
  try {
    tbl = toml::parse(text, source_name);
  } catch (const toml::parse_error& err) {
    std::ostringstream os;
    os << source_name << ':' << err.source().begin.line << ": "
       << err.description();
    return os.str();
  }
  return walk(cfg, tbl, "", source_name);
}

void apply_environment(
    bridge_config& cfg,
    const std::function<const char*(const char*)>& getenv_fn) {
  visit_secrets(cfg, [&](const char* var, std::string& field) {
    if (auto v = getenv_fn(var))
      field = v;
  });
}

std::optional<std::string> validate(const bridge_config& cfg) {
  if (!is_http_url(cfg.telegram.api_url))
    return "config key 'telegram.api_url' must start with http:// or https://";
  if (cfg.secrets.telegram_bot_token.empty())
    return "TELEGRAM_BOT_TOKEN is not set (the environment carries the bot "
           "token)";
  if (cfg.translator.backend == "claude") {
    if (cfg.secrets.anthropic_api_key.empty())
      return "config key 'translator.backend' = 'claude' needs "
             "ANTHROPIC_API_KEY in the environment";
    if (!is_http_url(cfg.translator.claude_api_url))
      return "config key 'translator.claude_api_url' must start with http:// "
             "or https://";
  }
  if (cfg.telegram.mode == "webhook") {
    if (!is_http_url(cfg.telegram.webhook_url))
      return "config key 'telegram.mode' = 'webhook' needs "
             "'telegram.webhook_url' (http:// or https://)";
    if (cfg.secrets.telegram_webhook_secret.empty())
      return "config key 'telegram.mode' = 'webhook' needs "
             "TELEGRAM_WEBHOOK_SECRET in the environment";
  }
  if (!is_language_code(cfg.ops.operator_language))
    return "config key 'ops.operator_language' must be a language code such as "
           "en or es";
  if (cfg.translator.retry_cap < cfg.translator.retry_base)
    return "config key 'translator.retry_cap_ms' must not be below "
           "'translator.retry_base_ms'";
  return std::nullopt;
}

namespace {

/// Renders each field in the TOML syntax `apply_toml` reads back.
struct renderer {
  std::ostringstream& os;
  std::string section;

  void head(key_info k) {
    auto name = std::string{k.name};
    auto dot = name.find('.');
    auto sec = name.substr(0, dot);
    if (sec != section) {
      os << (section.empty() ? "" : "\n") << '[' << sec << "]\n";
      section = sec;
    }
    os << "# " << k.help << '\n' << name.substr(dot + 1) << " = ";
  }
  template <class Rep, class Period>
  void operator()(key_info k, std::chrono::duration<Rep, Period>& v,
                  bounds<int64_t> b) {
    head(k);
    os << v.count() << "  # " << b.min << " .. " << b.max << '\n';
  }
  void operator()(key_info k, int64_t& v, bounds<int64_t> b) {
    head(k);
    os << v << "  # " << b.min << " .. " << b.max << '\n';
  }
  void operator()(key_info k, double& v, bounds<double> b) {
    head(k);
    std::ostringstream num;
    num << v;
    auto s = num.str();
    if (s.find_first_of(".e") == std::string::npos)
      s += ".0";
    os << s << "  # " << b.min << " .. " << b.max << '\n';
  }
  void operator()(key_info k, bool& v) {
    head(k);
    os << (v ? "true" : "false") << '\n';
  }
  void operator()(key_info k, std::string& v) {
    head(k);
    os << toml::value<std::string>{v} << '\n';
  }
  void operator()(key_info k, std::string& v, choices allowed) {
    head(k);
    os << toml::value<std::string>{v} << "  #";
    for (auto a : allowed)
      os << ' ' << a;
    os << '\n';
  }
};

} // namespace

std::string render_toml(const bridge_config& cfg) {
  auto copy = cfg;
  std::ostringstream os;
  os << "# Bridge configuration. Every key, its default and its bounds.\n"
        "# Any key can be overridden on the command line: "
        "--section.key=value.\n"
        "# Secrets come only from the environment: TELEGRAM_BOT_TOKEN,\n"
        "# TELEGRAM_WEBHOOK_SECRET, ANTHROPIC_API_KEY, DATABASE_URL, "
        "REDIS_URL,\n"
        "# BRIDGE_ADMIN_TOKEN; or, under systemd, from credential files of\n"
        "# the same names in lower case (LoadCredential=).\n\n";
  renderer r{os, {}};
  visit_keys(copy, r);
  return os.str();
}

load_outcome load(int argc, const char* const* argv,
                  const std::function<const char*(const char*)>& getenv_fn) {
  load_outcome out;
  CLI::App app{"Bridge: a translation bot engine for Telegram"};
  std::string config_file;
  bool print_config = false;
  app.add_option("-c,--config", config_file, "TOML configuration file");
  app.add_flag("--print-config", print_config,
               "print the effective configuration as TOML and exit");
  app.set_version_flag("--version", version_line("bridge"));
  // Every key is an option; values are kept as text and validated by the
  // same code as the file, so both give the same messages.
  std::vector<std::pair<std::string, std::string>> overrides;
  std::map<std::string, std::string> texts;
  visit_keys(out.cfg, [&](key_info k, auto&&...) {
    auto name = std::string{k.name};
    // expected(0, 1): `--key=` sets an empty value (a string key may be
    // empty; a numeric one then fails validation with its own message).
    app.add_option("--" + name, texts[name], std::string{k.help})
        ->expected(0, 1);
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out.what = load_outcome::action::exit_success;
    out.message = app.help();
    return out;
  } catch (const CLI::CallForVersion& v) {
    out.what = load_outcome::action::exit_success;
    out.message = std::string{v.what()} + "\n";
    return out;
  } catch (const CLI::ParseError& err) {
    out.what = load_outcome::action::exit_failure;
    out.why = load_outcome::failure::invalid;
    out.message = std::string{"command line: "} + err.what();
    return out;
  }
  using failure = load_outcome::failure;
  auto fail = [&](std::string msg, failure why = failure::invalid) {
    out.what = load_outcome::action::exit_failure;
    out.why = why;
    out.message = std::move(msg);
    return out;
  };
  if (!config_file.empty()) {
    std::ifstream in{config_file};
    // errno still holds open(2)'s reason: a missing file and a forbidden
    // one call for different fixes.
    if (!in)
      return fail("cannot read config file '" + config_file
                      + "': " + std::strerror(errno),
                  failure::config_unreadable);
    std::stringstream buf;
    buf << in.rdbuf();
    if (auto err = apply_toml(out.cfg, buf.str(), config_file))
      return fail(*err);
  }
  for (auto& [name, text] : texts) {
    if (app.count("--" + name) == 0)
      continue;
    if (auto err = set_key(out.cfg, name, raw_value{text}, true))
      return fail("command line: " + *err);
  }
  if (print_config) {
    out.what = load_outcome::action::exit_success;
    out.message = render_toml(out.cfg);
    return out;
  }
  apply_environment(out.cfg, getenv_fn);
  if (auto dir = getenv_fn("CREDENTIALS_DIRECTORY"); dir && *dir)
    if (auto err = apply_credentials(out.cfg, dir))
      return fail(*err, failure::credential_unreadable);
  if (out.cfg.secrets.telegram_bot_token.empty())
    return fail("no bot token: set TELEGRAM_BOT_TOKEN in the environment or "
                "give the service the credential 'telegram_bot_token'",
                failure::token_missing);
  if (auto err = validate(out.cfg))
    return fail(*err);
  return out;
}

} // namespace bridge::config
