// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "config/credentials.hpp"
#include "config/loader.hpp"
#include "tests/support/process.hpp"

BOOST_AUTO_TEST_SUITE(config_credentials)

// systemd's LoadCredential= hands secrets over as files in
// $CREDENTIALS_DIRECTORY; the loader takes them from there.

using namespace bridge;
using namespace bridge::config;

namespace {

/// A credentials folder for one test, removed after it.
struct cred_dir {
  std::string path = test::make_scratch_dir("credentials");
  ~cred_dir() { std::filesystem::remove_all(path); }
  void put(const std::string& name, const std::string& text) {
    std::ofstream{path + "/" + name} << text;
  }
};

load_outcome load_with(const std::vector<std::string>& args,
                       std::map<std::string, std::string> vars) {
  std::vector<const char*> argv{"bridge"};
  for (auto& a : args)
    argv.push_back(a.c_str());
  return load(static_cast<int>(argv.size()), argv.data(),
              [&vars](const char* name) -> const char* {
                auto it = vars.find(name);
                return it == vars.end() ? nullptr : it->second.c_str();
              });
}

} // namespace

BOOST_AUTO_TEST_CASE(names_are_the_variables_in_lower_case) {
  BOOST_TEST(credential_name("TELEGRAM_BOT_TOKEN") == "telegram_bot_token");
  BOOST_TEST(credential_name("DATABASE_URL") == "database_url");
}

BOOST_AUTO_TEST_CASE(a_credential_wins_over_the_environment) {
  cred_dir dir;
  dir.put("telegram_bot_token", "1:from-file\n");
  dir.put("database_url", "postgresql://u:pw@h/db");
  auto out = load_with({}, {{"TELEGRAM_BOT_TOKEN", "1:from-env"},
                            {"REDIS_URL", "redis://h/0"},
                            {"CREDENTIALS_DIRECTORY", dir.path}});
  BOOST_TEST((out.what == load_outcome::action::run), out.message);
  // One trailing newline (what an editor leaves) is not part of a token.
  BOOST_TEST(out.cfg.secrets.telegram_bot_token == "1:from-file");
  BOOST_TEST(out.cfg.secrets.database_url == "postgresql://u:pw@h/db");
  // A secret with no file still comes from the environment.
  BOOST_TEST(out.cfg.secrets.redis_url == "redis://h/0");
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_names_itself_not_its_content) {
  cred_dir dir;
  std::filesystem::create_directory(dir.path + "/telegram_bot_token");
  auto out = load_with({}, {{"TELEGRAM_BOT_TOKEN", "1:secret-env"},
                            {"CREDENTIALS_DIRECTORY", dir.path}});
  BOOST_TEST((out.why == load_outcome::failure::credential_unreadable));
  BOOST_TEST(out.message.find(dir.path + "/telegram_bot_token")
                 != std::string::npos,
             out.message);
  BOOST_TEST(out.message.find("secret-env") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_dangling_link_is_unreadable_not_absent) {
  cred_dir dir;
  std::filesystem::create_symlink(dir.path + "/nowhere",
                                  dir.path + "/database_url");
  bridge_config cfg;
  auto err = apply_credentials(cfg, dir.path);
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->find("database_url") != std::string::npos, *err);
}

BOOST_AUTO_TEST_CASE(each_refusal_has_its_own_reason) {
  cred_dir empty;
  auto no_token = load_with({}, {{"CREDENTIALS_DIRECTORY", empty.path}});
  BOOST_TEST((no_token.why == load_outcome::failure::token_missing));
  auto no_file = load_with({"--config", empty.path + "/absent.toml"},
                           {{"TELEGRAM_BOT_TOKEN", "1:t"}});
  BOOST_TEST((no_file.why == load_outcome::failure::config_unreadable));
  BOOST_TEST(no_file.message.find("No such file") != std::string::npos,
             no_file.message);
  auto bad_key =
      load_with({"--db.pool_size=x"}, {{"TELEGRAM_BOT_TOKEN", "1:t"}});
  BOOST_TEST((bad_key.why == load_outcome::failure::invalid));
  auto fine = load_with({}, {{"TELEGRAM_BOT_TOKEN", "1:t"}});
  BOOST_TEST((fine.why == load_outcome::failure::none));
}

BOOST_AUTO_TEST_SUITE_END() // config_credentials
