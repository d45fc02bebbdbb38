// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_claude)

// The engine with its Claude backend, against llm-sim (the Anthropic
// Messages API simulator) as a separate process on loopback: a team
// registers and talks, and a spend-limited account is reported plainly.

using namespace bridge::test;

namespace {

constexpr const char* fake_key = "sk-ant-e2e-test-key-0000000000000000";

struct llm_sim {
  std::string dir = make_scratch_dir("llm-sim");
  std::unique_ptr<child_process> proc;
  int port = 0;

  explicit llm_sim(std::vector<std::string> extra = {}) {
    std::vector<std::string> argv{built_binary("llm-sim"), "--port", "0",
                                  "--ready-file", dir + "/port"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    proc = std::make_unique<child_process>(argv, child_process::env_list{},
                                           dir + "/llm-sim.log");
    auto p = wait_for_port_file(dir + "/port", std::chrono::seconds{30});
    if (!p)
      throw std::runtime_error("llm-sim did not start: " + proc->log_tail());
    port = *p;
  }

  std::vector<std::string> engine_args() const {
    return {"--translator.backend=claude",
            "--translator.claude_api_url=http://127.0.0.1:"
                + std::to_string(port),
            "--translator.max_attempts=2",
            "--translator.retry_base_ms=10",
            "--sender.per_chat_per_second=100",
            "--sender.per_chat_burst=100"};
  }
};

std::vector<std::string> fast_sim() {
  return {"--per-chat-per-second", "100", "--per-chat-burst", "100"};
}

} // namespace

BOOST_AUTO_TEST_CASE(a_team_talks_through_the_claude_backend) {
  llm_sim llm;
  sim_world w{llm.engine_args(), fast_sim(), {{"ANTHROPIC_API_KEY", fake_key}}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  w.say(ana, "Please sign the report.");
  auto copy = w.next_message(bob.id).text;
  BOOST_TEST(copy.find("Ana: [llm-sim]") != std::string::npos, copy);
  BOOST_TEST(copy.find("Please sign the report.") != std::string::npos, copy);
  // The key is a secret: never in the engine's log.
  BOOST_TEST(w.engine().log_tail(1 << 20).find(fake_key) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(
    a_spent_account_is_reported_and_the_message_still_delivered) {
  llm_sim llm{{"--spend-limit"}};
  sim_world w{llm.engine_args(), fast_sim(), {{"ANTHROPIC_API_KEY", fake_key}}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  w.say(ana, "Hello");
  auto copy = w.next_message(bob.id).text;
  BOOST_TEST(copy.find("(sin traducir)") != std::string::npos, copy);
  auto told = w.next_message(ana.id).text;
  BOOST_TEST(told.find("could not be translated") != std::string::npos, told);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_claude
