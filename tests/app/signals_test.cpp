// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <pthread.h>
#include <spdlog/spdlog.h>

#include "app/signals.hpp"
#include "common/log.hpp"
#include "tests/support/process.hpp"

BOOST_AUTO_TEST_SUITE(app_signals)

// SIGHUP is the operator's "reload logging", never a stop: the signals
// are taken by sigwait on one plain thread, SIGHUP calls the reload and
// the wait goes on until SIGTERM or SIGINT.

using namespace bridge;

namespace {

/// Blocks the engine's signals for one test and restores the mask after,
/// discarding whatever is still pending then.
struct blocked_signals {
  sigset_t old;
  sigset_t set;
  blocked_signals() {
    pthread_sigmask(SIG_SETMASK, nullptr, &old);
    set = block_engine_signals();
  }
  ~blocked_signals() {
    sigset_t pending;
    sigpending(&pending);
    for (int sig : {SIGHUP, SIGINT, SIGTERM}) {
      int got = 0;
      if (sigismember(&pending, sig)) {
        sigset_t one;
        sigemptyset(&one);
        sigaddset(&one, sig);
        sigwait(&one, &got);
      }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
  }
};

std::string read_text(const std::string& path) {
  std::ifstream in{path};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

} // namespace

BOOST_AUTO_TEST_CASE(a_hangup_reloads_and_the_wait_goes_on_to_the_stop) {
  blocked_signals b;
  // Sent to this thread, where they stay pending until taken; Linux hands
  // pending signals over lowest number first, SIGHUP (1) before SIGTERM.
  pthread_kill(pthread_self(), SIGTERM);
  pthread_kill(pthread_self(), SIGHUP);
  int hangups = 0;
  BOOST_TEST(wait_for_stop(b.set, [&] { ++hangups; }) == SIGTERM);
  BOOST_TEST(hangups == 1);
  pthread_kill(pthread_self(), SIGINT);
  BOOST_TEST(wait_for_stop(b.set, {}) == SIGINT);
  BOOST_TEST(hangups == 1);
}

BOOST_AUTO_TEST_CASE(reload_applies_the_configured_level_or_keeps_it) {
  auto dir = test::make_scratch_dir("signals");
  auto log = dir + "/bridge.log";
  auto masker = std::make_shared<log::secret_masker>();
  std::string err;
  BOOST_REQUIRE_MESSAGE(log::init("info", log, "json", masker, err), err);
  setenv("TELEGRAM_BOT_TOKEN", "1:test", 1);
  char prog[] = "bridge";
  char debug[] = "--engine.log_level=debug";
  char* good[] = {prog, debug, nullptr};
  reload_logging(2, good);
  BOOST_TEST(log::level_name() == "debug");
  char loud[] = "--engine.log_level=loud";
  char* bad[] = {prog, loud, nullptr};
  reload_logging(2, bad);
  BOOST_TEST(log::level_name() == "debug");
  char* none[] = {prog, nullptr};
  reload_logging(1, none); // the default, info
  BOOST_TEST(log::level_name() == "info");
  auto text = read_text(log);
  BOOST_TEST(text.find("log level debug (was info)") != std::string::npos,
             text);
  BOOST_TEST(text.find("log level stays debug") != std::string::npos, text);
  BOOST_TEST(text.find("log level info (was debug)") != std::string::npos,
             text);
  BOOST_REQUIRE(log::init("info", "", "text", masker, err));
}

BOOST_AUTO_TEST_SUITE_END() // app_signals
