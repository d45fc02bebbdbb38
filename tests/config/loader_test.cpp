// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "config/loader.hpp"
#include "config/schema.hpp"

BOOST_AUTO_TEST_SUITE(config_loader)

using namespace bridge;
using namespace bridge::config;

namespace {

/// An environment for one test: only what the test puts in it.
struct fake_env {
  std::map<std::string, std::string> vars{{"TELEGRAM_BOT_TOKEN", "1:test"}};
  std::function<const char*(const char*)> fn() {
    return [this](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

load_outcome run(std::vector<std::string> args, fake_env& env) {
  std::vector<const char*> argv{"bridge"};
  for (auto& a : args)
    argv.push_back(a.c_str());
  return load(static_cast<int>(argv.size()), argv.data(), env.fn());
}

std::string read_file(const std::string& path) {
  std::ifstream in{path};
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string source_dir() {
  auto dir = std::getenv("BRIDGE_SOURCE_DIR");
  BOOST_REQUIRE_MESSAGE(dir != nullptr, "BRIDGE_SOURCE_DIR is not set");
  return dir;
}

} // namespace

BOOST_AUTO_TEST_CASE(defaults_load_and_validate) {
  fake_env env;
  auto out = run({}, env);
  BOOST_TEST(static_cast<int>(out.what)
                 == static_cast<int>(load_outcome::action::run),
             out.message);
  BOOST_TEST(out.cfg.db.pool_size == 20);
  BOOST_TEST(out.cfg.translator.backend == "apertium");
  BOOST_TEST(out.cfg.secrets.telegram_bot_token == "1:test");
}

BOOST_AUTO_TEST_CASE(shipped_file_matches_the_defaults) {
  // config/bridge.toml is what operators copy; it must list every key with
  // the default the engine uses, so the three cannot drift apart.
  auto text = read_file(source_dir() + "/config/bridge.toml");
  BOOST_TEST(text == render_toml(bridge_config{}));
  bridge_config cfg;
  auto err = apply_toml(cfg, text, "bridge.toml");
  BOOST_TEST(!err.has_value(), err.value_or(""));
  BOOST_TEST(render_toml(cfg) == render_toml(bridge_config{}));
}

BOOST_AUTO_TEST_CASE(every_key_is_settable_from_the_command_line) {
  bridge_config probe;
  size_t keys = 0;
  visit_keys(probe, [&](key_info k, auto&&... rest) {
    ++keys;
    (void)sizeof...(rest);
    fake_env env;
    // Setting each key to its own rendered default must be accepted.
    bridge_config defaults;
    std::string value;
    visit_keys(defaults, [&](key_info k2, auto& field, auto&&...) {
      if (k2.name != k.name)
        return;
      using T = std::decay_t<decltype(field)>;
      if constexpr (std::is_same_v<T, std::string>)
        value = field;
      else if constexpr (std::is_same_v<T, bool>)
        value = field ? "true" : "false";
      else if constexpr (std::is_arithmetic_v<T>)
        value = std::to_string(field);
      else
        value = std::to_string(field.count());
    });
    auto out = run({"--" + std::string{k.name} + "=" + value}, env);
    BOOST_TEST(static_cast<int>(out.what) == 0, k.name << ": " << out.message);
  });
  BOOST_TEST(keys > 50u);
}

BOOST_AUTO_TEST_CASE(command_line_overrides_the_file) {
  fake_env env;
  auto out = run({"--db.pool_size=7", "--translator.backend", "fake"}, env);
  BOOST_TEST(out.message == "");
  BOOST_TEST(out.cfg.db.pool_size == 7);
  BOOST_TEST(out.cfg.translator.backend == "fake");
}

BOOST_AUTO_TEST_CASE(unknown_key_in_file_names_the_key_and_line) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[db]\npool_size = 5\npool_sise = 6\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("db.pool_sise") != std::string::npos, *err);
  BOOST_TEST(err->find("x.toml:3") != std::string::npos, *err);
}

BOOST_AUTO_TEST_CASE(unknown_section_is_refused) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[database]\npool_size = 5\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("database.pool_size") != std::string::npos, *err);
}

BOOST_AUTO_TEST_CASE(nested_sections_are_refused) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[db.extra]\nx = 1\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("db.extra") != std::string::npos, *err);
}

BOOST_AUTO_TEST_CASE(out_of_range_names_key_and_range) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[db]\npool_size = 0\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("db.pool_size") != std::string::npos, *err);
  BOOST_TEST(err->find("[2, 200]") != std::string::npos, *err);
}

BOOST_AUTO_TEST_CASE(wrong_type_is_refused) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[db]\npool_size = \"twenty\"\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("expected an integer") != std::string::npos, *err);
  err = apply_toml(cfg, "[cache]\nenabled = 1\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("true or false") != std::string::npos, *err);
  err = apply_toml(cfg, "[db]\npool_size = [1, 2]\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
}

BOOST_AUTO_TEST_CASE(choice_outside_the_list_is_refused) {
  fake_env env;
  auto out = run({"--translator.backend=google"}, env);
  BOOST_TEST(static_cast<int>(out.what)
             == static_cast<int>(load_outcome::action::exit_failure));
  BOOST_TEST(out.message.find("apertium, claude, fake") != std::string::npos,
             out.message);
}

BOOST_AUTO_TEST_CASE(log_format_is_text_json_or_journald) {
  fake_env env;
  BOOST_TEST(run({}, env).cfg.engine.log_format == "text");
  BOOST_TEST(run({"--engine.log_format=json"}, env).cfg.engine.log_format
             == "json");
  BOOST_TEST(run({"--engine.log_format=journald"}, env).cfg.engine.log_format
             == "journald");
  for (auto arg :
       {"--engine.log_format=", "--engine.log_format=JSON",
        "--engine.log_format=systemd", "--engine.log_format=journal",
        "--engine.log_format=journald,json", "--engine.log_format=json ",
        "--engine.log_format=logfmt", "--engine.log_format=\"json\"",
        "--engine.log_format=json\n"}) {
    auto out = run({arg}, env);
    BOOST_TEST(static_cast<int>(out.what)
                   == static_cast<int>(load_outcome::action::exit_failure),
               arg);
    BOOST_TEST(out.message.find("engine.log_format") != std::string::npos,
               out.message);
  }
  bridge_config cfg;
  auto err = apply_toml(cfg, "[engine]\nlog_format = 1\n", "x.toml");
  BOOST_TEST(err.has_value());
  err = apply_toml(cfg, "[engine]\nlog_format = \"\xff\"\n", "x.toml");
  BOOST_TEST(err.has_value());
  err = apply_toml(cfg, "[engine]\nlog_format = \"json\"\n", "x.toml");
  BOOST_TEST(!err.has_value(), err.value_or(""));
  BOOST_TEST(cfg.engine.log_format == "json");
}

BOOST_AUTO_TEST_CASE(malformed_command_line_values_are_refused) {
  fake_env env;
  for (auto arg : {"--db.pool_size=", "--db.pool_size=12abc",
                   "--db.pool_size=99999999999999999999",
                   "--sender.per_chat_per_second=nan", "--cache.enabled=yes",
                   "--no.such_key=1"}) {
    auto out = run({arg}, env);
    BOOST_TEST(static_cast<int>(out.what)
                   == static_cast<int>(load_outcome::action::exit_failure),
               arg);
    BOOST_TEST(!out.message.empty());
  }
}

BOOST_AUTO_TEST_CASE(malformed_file_is_refused_with_its_line) {
  bridge_config cfg;
  auto err = apply_toml(cfg, "[db\npool_size = 5\n", "x.toml");
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("x.toml:1") != std::string::npos, *err);
  err = apply_toml(cfg, std::string(1 << 20, '#'), "big.toml");
  BOOST_TEST(!err.has_value()); // a megabyte of comments is still valid TOML
  err = apply_toml(cfg, std::string("[db]\npool_size = 5\x00", 20), "nul.toml");
  BOOST_TEST(err.has_value());
  err = apply_toml(cfg, "[engine]\nlog_file = \"\xff\xfe\"\n", "utf8.toml");
  BOOST_TEST(err.has_value());
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_error) {
  fake_env env;
  auto out = run({"--config", "/nonexistent/bridge.toml"}, env);
  BOOST_TEST(out.message.find("cannot read config file") != std::string::npos,
             out.message);
}

BOOST_AUTO_TEST_CASE(secrets_come_from_the_environment_only) {
  fake_env env;
  env.vars["DATABASE_URL"] = "postgresql://u:pw@h/db";
  auto out = run({}, env);
  BOOST_TEST(out.cfg.secrets.database_url == "postgresql://u:pw@h/db");
  // There is no command-line door for a secret.
  auto bad = run({"--secrets.database_url=x"}, env);
  BOOST_TEST(static_cast<int>(bad.what)
             == static_cast<int>(load_outcome::action::exit_failure));
}

BOOST_AUTO_TEST_CASE(cross_key_rules) {
  fake_env env;
  env.vars.erase("TELEGRAM_BOT_TOKEN");
  BOOST_TEST(run({}, env).message.find("TELEGRAM_BOT_TOKEN")
             != std::string::npos);
  env.vars["TELEGRAM_BOT_TOKEN"] = "1:x";
  BOOST_TEST(run({"--translator.backend=claude"}, env)
                 .message.find("ANTHROPIC_API_KEY")
             != std::string::npos);
  BOOST_TEST(run({"--telegram.mode=webhook"}, env).message.find("webhook_url")
             != std::string::npos);
  BOOST_TEST(
      run({"--telegram.api_url=ftp://x"}, env).message.find("telegram.api_url")
      != std::string::npos);
  BOOST_TEST(
      run({"--translator.retry_base_ms=9000"}, env).message.find("retry_cap_ms")
      != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_operator_language_is_a_language_code) {
  fake_env env;
  for (auto bad : {"", "e", "english", "EN", "e1", "en-US", "../x"}) {
    auto out = run({std::string{"--ops.operator_language="} + bad}, env);
    BOOST_TEST((out.what == load_outcome::action::exit_failure), bad);
    BOOST_TEST(out.message.find("ops.operator_language") != std::string::npos,
               bad);
  }
  auto ok = run({"--ops.operator_language=es"}, env);
  BOOST_TEST((ok.what == load_outcome::action::run));
  BOOST_TEST(ok.cfg.ops.operator_language == "es");
}

BOOST_AUTO_TEST_CASE(the_subscription_price_is_whole_stars_within_telegrams) {
  fake_env env;
  for (auto bad : {"0", "-1", "10001", "2.5", "lots", ""}) {
    auto out = run({std::string{"--payments.subscription_stars="} + bad}, env);
    BOOST_TEST((out.what == load_outcome::action::exit_failure), bad);
    BOOST_TEST(out.message.find("payments.subscription_stars")
                   != std::string::npos,
               bad);
  }
  auto ok = run({"--payments.subscription_stars=99"}, env);
  BOOST_TEST((ok.what == load_outcome::action::run));
  BOOST_TEST(ok.cfg.payments.subscription_stars == 99);
  BOOST_TEST(bridge_config{}.payments.subscription_stars == 250);
}

BOOST_AUTO_TEST_CASE(help_and_print_config_exit_cleanly) {
  fake_env env;
  auto help = run({"--help"}, env);
  BOOST_TEST(static_cast<int>(help.what)
             == static_cast<int>(load_outcome::action::exit_success));
  BOOST_TEST(help.message.find("--db.pool_size") != std::string::npos);
  auto printed = run({"--print-config", "--db.pool_size=3"}, env);
  BOOST_TEST(printed.message.find("pool_size = 3") != std::string::npos);
  BOOST_TEST(printed.message.find("1:test") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(version_exits_cleanly_and_names_the_release) {
  fake_env env;
  env.vars.erase("TELEGRAM_BOT_TOKEN"); // --version needs no set-up
  auto v = run({"--version"}, env);
  BOOST_TEST(static_cast<int>(v.what)
             == static_cast<int>(load_outcome::action::exit_success));
  BOOST_TEST(v.message.rfind("bridge " BRIDGE_VERSION, 0) == 0);
  BOOST_TEST(v.message.find("--db.pool_size") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_fallback_is_apertium_unless_told_none) {
  fake_env env;
  BOOST_TEST(run({}, env).cfg.translator.fallback == "apertium");
  auto none = run({"--translator.fallback=none"}, env);
  BOOST_TEST(static_cast<int>(none.what)
                 == static_cast<int>(load_outcome::action::run),
             none.message);
  BOOST_TEST(none.cfg.translator.fallback == "none");
}

BOOST_AUTO_TEST_CASE(a_bad_fallback_is_refused_naming_the_key) {
  fake_env env;
  for (std::string bad :
       {std::string{"google"}, std::string{}, std::string{"APERTIUM"},
        std::string(5000, 'a'), std::string{"apertium\nnone"},
        std::string{"apertium; rm -rf /"}}) {
    auto out = run({"--translator.fallback=" + bad}, env);
    BOOST_TEST(static_cast<int>(out.what)
                   == static_cast<int>(load_outcome::action::exit_failure),
               bad.substr(0, 40));
    BOOST_TEST(out.message.find("translator.fallback") != std::string::npos,
               out.message.substr(0, 200));
  }
}

BOOST_AUTO_TEST_SUITE_END() // config_loader
