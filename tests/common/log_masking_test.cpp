// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <sstream>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <cstdio>
#include <fstream>

#include <simdjson.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "common/log.hpp"
#include "common/log_sinks.hpp"
#include "telegram/bot_api.hpp"
#include "tests/support/process.hpp"

BOOST_AUTO_TEST_SUITE(common_log_masking)

using namespace bridge;

namespace {

const std::string token = "1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

struct captured_logger {
  std::ostringstream out;
  std::shared_ptr<spdlog::logger> logger;
  explicit captured_logger(std::shared_ptr<log::secret_masker> masker) {
    auto inner = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    logger = std::make_shared<spdlog::logger>(
        "test", log::make_masking_sink(inner, std::move(masker)));
    logger->set_pattern("%v");
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(registered_secrets_never_reach_the_sink) {
  auto masker = std::make_shared<log::secret_masker>();
  masker->add(token);
  masker->add("s3cret-password");
  captured_logger c{masker};
  c.logger->info("calling {}", telegram::method_url("http://127.0.0.1:1", token,
                                                    "getUpdates"));
  c.logger->warn(
      "connect postgresql://bridge:s3cret-password@db/bridge failed");
  c.logger->error("token twice {}{}", token, token);
  auto text = c.out.str();
  BOOST_TEST(text.find(token) == std::string::npos, text);
  BOOST_TEST(text.find("AAHdqTcv") == std::string::npos, text);
  BOOST_TEST(text.find("s3cret-password") == std::string::npos, text);
  BOOST_TEST(text.find("http://127.0.0.1:1/bot***/getUpdates")
                 != std::string::npos,
             text);
}

BOOST_AUTO_TEST_CASE(unregistered_token_shapes_are_masked_too) {
  auto masker = std::make_shared<log::secret_masker>();
  captured_logger c{masker};
  c.logger->info(
      "url /bot987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsXX/sendMessage");
  BOOST_TEST(c.out.str().find("ZZHdqTcv") == std::string::npos, c.out.str());
}

BOOST_AUTO_TEST_CASE(ordinary_text_is_left_alone) {
  auto masker = std::make_shared<log::secret_masker>();
  masker->add("ab"); // too short to mask safely: ignored
  captured_logger c{masker};
  c.logger->info("time 12:30, ratio 3:2, about abc");
  BOOST_TEST(c.out.str() == "time 12:30, ratio 3:2, about abc\n");
}

// -- json lines
// ----------------------------------------------------------------

namespace {

struct json_logger : captured_logger {
  explicit json_logger(std::shared_ptr<log::secret_masker> masker)
      : captured_logger(std::move(masker)) {
    logger->set_formatter(std::make_unique<log::json_formatter>());
  }
};

/// The "msg" of the one JSON object `line` holds.
std::string msg_of(const std::string& line) {
  simdjson::dom::parser p;
  simdjson::dom::element e;
  BOOST_REQUIRE_MESSAGE(p.parse(line).get(e) == simdjson::SUCCESS, line);
  std::string_view msg;
  BOOST_REQUIRE(e["msg"].get(msg) == simdjson::SUCCESS);
  return std::string{msg};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    BOOST_REQUIRE(end != std::string::npos);
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(json_lines_hold_one_object_with_utc_time_and_level) {
  json_logger c{std::make_shared<log::secret_masker>()};
  c.logger->warn("engine: {} partitions", 16);
  auto lines = lines_of(c.out.str());
  BOOST_REQUIRE(lines.size() == 1u);
  simdjson::dom::parser p;
  simdjson::dom::element e;
  BOOST_REQUIRE(p.parse(lines[0]).get(e) == simdjson::SUCCESS);
  std::string_view time, level, msg;
  BOOST_REQUIRE(e["time"].get(time) == simdjson::SUCCESS);
  BOOST_REQUIRE(e["level"].get(level) == simdjson::SUCCESS);
  BOOST_REQUIRE(e["msg"].get(msg) == simdjson::SUCCESS);
  BOOST_TEST(level == "warning");
  BOOST_TEST(msg == "engine: 16 partitions");
  // 2026-12-06T11:07:15.123+00:00: UTC with its offset written out.
  BOOST_TEST(time.size() == 29u, time);
  BOOST_TEST(time.substr(10, 1) == "T");
  BOOST_TEST(time.substr(23) == "+00:00", time);
  uint64_t thread = 0;
  BOOST_TEST(e["thread"].get(thread) == simdjson::SUCCESS);
}

BOOST_AUTO_TEST_CASE(hostile_messages_stay_one_valid_object_a_line) {
  auto masker = std::make_shared<log::secret_masker>();
  masker->add(token);
  json_logger c{masker};
  std::string hostile = "say \"hi\" \\ back\nslash\r\t\x01\x1f\x7f end";
  std::string invalid = "bad \xff\xfe utf8 \xc3 and \xe2\x82 cut";
  c.logger->info("{}", hostile);
  c.logger->info("{}", invalid);
  c.logger->error("token \"{}\" in \\{}\n", token, token);
  auto lines = lines_of(c.out.str());
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(msg_of(lines[0]) == hostile);
  // Invalid bytes become U+FFFD, each one, and the rest is kept.
  BOOST_TEST(msg_of(lines[1])
             == "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8 "
                "\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD cut");
  // Masking happens before formatting, whatever surrounds the secret.
  BOOST_TEST(msg_of(lines[2]) == "token \"***\" in \\***\n");
  BOOST_TEST(c.out.str().find("AAHdqTcv") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(init_refuses_an_unknown_format_and_level) {
  auto masker = std::make_shared<log::secret_masker>();
  std::string err;
  for (auto format : {"", "JSON", "json ", "logfmt"}) {
    err.clear();
    BOOST_TEST(!log::init("info", "", format, masker, err), format);
    BOOST_TEST(err.find("log format") != std::string::npos, err);
  }
  BOOST_TEST(!log::init("loud", "", "json", masker, err));
  BOOST_TEST(err.find("log level") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(journald_needs_the_journal_and_no_file) {
  auto masker = std::make_shared<log::secret_masker>();
  std::string err;
  BOOST_TEST(!log::init("info", "/tmp/bridge.log", "journald", masker, err));
  BOOST_TEST(err.find("engine.log_file") != std::string::npos, err);
  // Only a socket is the journal: not a missing path, a folder or a file.
  auto dir = test::make_scratch_dir("journal");
  BOOST_TEST(!log::journal_reachable((dir + "/socket").c_str()));
  BOOST_TEST(!log::journal_reachable(dir.c_str()));
  { std::ofstream{dir + "/file"} << "x"; }
  BOOST_TEST(!log::journal_reachable((dir + "/file").c_str()));
  int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
  BOOST_REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  auto path = dir + "/socket";
  BOOST_REQUIRE(path.size() < sizeof addr.sun_path);
  std::copy(path.begin(), path.end(), addr.sun_path);
  BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr)
                == 0);
  BOOST_TEST(log::journal_reachable(path.c_str()));
  ::close(fd);
  std::remove(path.c_str());
  std::remove((dir + "/file").c_str());
  rmdir(dir.c_str());
  // Here the engine logs into the journal when there is one and refuses,
  // naming the socket, when there is none.
  err.clear();
  if (log::journal_reachable(log::journal_socket)) {
    BOOST_TEST(log::init("info", "", "journald", masker, err), err);
  } else {
    BOOST_TEST(!log::init("info", "", "journald", masker, err));
    BOOST_TEST(err.find(log::journal_socket) != std::string::npos, err);
  }
  BOOST_REQUIRE(log::init("info", "", "text", masker, err));
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out{path};
  out << text;
}

BOOST_AUTO_TEST_CASE(reopen_makes_a_new_file_after_it_was_moved) {
  auto dir = test::make_scratch_dir("log");
  auto path = dir + "/bridge.log";
  auto masker = std::make_shared<log::secret_masker>();
  std::string err;
  BOOST_REQUIRE_MESSAGE(log::init("info", path, "json", masker, err), err);
  spdlog::info("before rotation");
  spdlog::default_logger()->flush();
  BOOST_REQUIRE(std::rename(path.c_str(), (path + ".1").c_str()) == 0);
  spdlog::info("still into the moved file");
  spdlog::default_logger()->flush();
  BOOST_REQUIRE_MESSAGE(log::reopen(err), err);
  spdlog::info("after rotation");
  spdlog::default_logger()->flush();
  auto read = [](const std::string& p) {
    std::ifstream in{p};
    return std::string{std::istreambuf_iterator<char>{in}, {}};
  };
  auto old_lines = lines_of(read(path + ".1"));
  auto new_lines = lines_of(read(path));
  BOOST_REQUIRE(old_lines.size() == 2u);
  BOOST_REQUIRE(new_lines.size() == 1u);
  BOOST_TEST(msg_of(old_lines[1]) == "still into the moved file");
  BOOST_TEST(msg_of(new_lines[0]) == "after rotation");
  // A folder that became a plain file (spdlog recreates a missing one):
  // reopen says so and the process goes on.
  std::remove(path.c_str());
  std::remove((path + ".1").c_str());
  BOOST_REQUIRE(rmdir(dir.c_str()) == 0);
  write_file(dir, "not a folder");
  BOOST_TEST(!log::reopen(err));
  BOOST_TEST(!err.empty());
  spdlog::error("written nowhere, and no crash");
  std::remove(dir.c_str());
  BOOST_TEST(log::set_level("warn"));
  BOOST_TEST(log::level_name() == "warn");
  // Back to stderr for the suites that follow.
  BOOST_REQUIRE(log::init("info", "", "text", masker, err));
  BOOST_TEST(log::reopen(err)); // nothing to reopen on stderr
}

BOOST_AUTO_TEST_SUITE_END() // common_log_masking
