// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <simdjson.h>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_operator)

// What README promises an operator beyond health: SIGHUP reopens the log
// file and applies the log level the configuration file says now, without
// stopping the engine; engine.log_format = "json" writes one valid object
// a line; and a scrape of /metrics passes `promtool check metrics`.

using namespace bridge::test;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in{path};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out{path, std::ios::trunc};
  out << text;
  BOOST_REQUIRE(out.good());
}

std::string engine_section(const std::string& level, const std::string& log) {
  return "[engine]\nlog_level = \"" + level
         + "\"\nlog_format = \"json\"\n"
           "log_file = \""
         + log + "\"\n";
}

/// Each line of `text` is one JSON object; returns the "msg" of each.
std::vector<std::string> json_messages(const std::string& text) {
  std::vector<std::string> out;
  simdjson::dom::parser p;
  size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    BOOST_REQUIRE_MESSAGE(end != std::string::npos, "unterminated last line");
    auto line = text.substr(start, end - start);
    start = end + 1;
    simdjson::dom::element e;
    std::string_view msg;
    BOOST_REQUIRE_MESSAGE(p.parse(line).get(e) == simdjson::SUCCESS
                              && e["msg"].get(msg) == simdjson::SUCCESS,
                          "not one JSON object: " << line);
    out.emplace_back(msg);
  }
  return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& s) {
  for (const auto& l : lines)
    if (l.find(s) != std::string::npos)
      return true;
  return false;
}

/// Waits until `path` holds a line with `text`.
bool log_eventually(const std::string& path, const std::string& text) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while (std::chrono::steady_clock::now() < until) {
    if (read_text(path).find(text) != std::string::npos)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  }
  return false;
}

} // namespace

BOOST_AUTO_TEST_CASE(sighup_reopens_the_log_and_rereads_its_level) {
  auto dir = make_scratch_dir("operator");
  auto config = dir + "/bridge.toml";
  auto log = dir + "/bridge.log";
  write_text(config, engine_section("info", log));
  sim_world w{
      unthrottled_engine({"--translator.backend=fake", "--config", config}),
      unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  // A group is told once, then skipped with a debug line each time.
  BOOST_REQUIRE(w.sim().say(ana, "hello group", -700));
  w.next_message(-700);
  BOOST_REQUIRE(w.sim().say(ana, "skipped at info", -700));
  w.say(ana, "First");
  BOOST_TEST(w.next_message(bob.id).text == fake_copy(ana, "es", "First"));
  auto before = json_messages(read_text(log));
  BOOST_TEST(any_contains(before, "engine: started"));
  BOOST_TEST(!any_contains(before, "group update"));

  // logrotate's way: the file is moved, then the engine is told.
  BOOST_REQUIRE(std::rename(log.c_str(), (log + ".1").c_str()) == 0);
  write_text(config, engine_section("debug", log));
  w.engine().signal(SIGHUP);
  BOOST_REQUIRE_MESSAGE(log_eventually(log, "log level debug (was info)"),
                        w.engine().log_tail() << read_text(log + ".1"));
  BOOST_REQUIRE(w.sim().say(ana, "skipped at debug", -700));
  BOOST_TEST(log_eventually(log, "group update"), read_text(log));
  // Still serving, and nothing was stopped or resent.
  w.say(ana, "Second");
  BOOST_TEST(w.next_message(bob.id).text == fake_copy(ana, "es", "Second"));
  BOOST_TEST(!w.engine().wait_exit(std::chrono::milliseconds{1}).has_value());
  auto extra = arrived_unread(w, {ana.id, bob.id});
  BOOST_TEST(extra.empty(), extra);

  // A configuration that no longer loads leaves the level as it was.
  write_text(config, "[engine]\nlog_level = \"loud\"\n");
  w.engine().signal(SIGHUP);
  BOOST_TEST(log_eventually(log, "configuration not reloaded, log level "
                                 "stays debug"),
             read_text(log));
  json_messages(read_text(log)); // still one object a line
  json_messages(read_text(log + ".1"));
}

BOOST_AUTO_TEST_CASE(a_scrape_passes_promtool) {
  BOOST_REQUIRE_MESSAGE(std::system("command -v promtool >/dev/null") == 0,
                        "promtool is missing: scripts/setup.sh installs it "
                        "(Debian's prometheus package)");
  sim_world w{unthrottled_engine({"--translator.backend=fake"}),
              unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  // Traffic, so that the labelled series (backend, kind, reason) exist.
  w.say(ana, "Metrics please");
  BOOST_TEST(w.next_message(bob.id).text
             == fake_copy(ana, "es", "Metrics please"));
  auto scrape = w.engine_metrics();
  BOOST_TEST(scrape.find("bridge_translator_request_seconds_count{backend="
                         "\"fake\"}")
                 != std::string::npos,
             scrape);
  BOOST_TEST(scrape.find("process_cpu_seconds_total") != std::string::npos);
  auto in = w.dir() + "/scrape.txt";
  auto out = w.dir() + "/promtool.txt";
  write_text(in, scrape);
  auto status = std::system(
      ("promtool check metrics < '" + in + "' > '" + out + "' 2>&1").c_str());
  // Any finding fails: promtool exits non-zero on lint problems too, and
  // prints nothing when there are none.
  BOOST_TEST(status == 0, read_text(out));
  BOOST_TEST(read_text(out).empty(), read_text(out));
}

BOOST_AUTO_TEST_SUITE_END() // e2e_operator
