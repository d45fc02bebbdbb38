// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/utf8.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_claude)

// The engine with its Claude backend, against llm-sim (the Anthropic
// Messages API simulator) as a separate process on loopback: a team
// registers and talks, a spend-limited account is reported plainly, and
// an overloaded one leaves the message to the Apertium fallback.

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
  auto args = llm.engine_args();
  args.push_back("--translator.fallback=none");
  sim_world w{args, fast_sim(), {{"ANTHROPIC_API_KEY", fake_key}}};
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

BOOST_AUTO_TEST_CASE(an_overloaded_claude_leaves_the_message_to_apertium) {
  // Every answer a 529: Claude's retries run out, and Apertium (eng-spa,
  // installed by scripts/setup.sh) translates instead.
  llm_sim llm{{"--overload-rate", "1", "--overload-burst", "1000"}};
  sim_world w{llm.engine_args(), fast_sim(), {{"ANTHROPIC_API_KEY", fake_key}}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  std::string original = "Please sign the report.";
  auto said = w.say(ana, original);
  auto copy = w.next_message(bob.id, std::chrono::seconds{60});
  BOOST_TEST(copy.text.find("[llm-sim]") == std::string::npos, copy.text);
  BOOST_TEST(copy.text.find("(sin traducir)") == std::string::npos, copy.text);
  // Apertium's Spanish first, Bob's /original being "auto"...
  BOOST_TEST(copy.text.rfind("Ana: ", 0) == 0u, copy.text);
  BOOST_TEST(copy.text.find("informe") < copy.text.find(original), copy.text);
  // ...then the original, folded in an expandable quote at the end.
  BOOST_REQUIRE_EQUAL(copy.entities.size(), 1u);
  const auto& quote = copy.entities.front();
  BOOST_TEST(quote.type == "expandable_blockquote");
  BOOST_TEST(quote.length
             == static_cast<int64_t>(bridge::utf8::utf16_length(original)));
  BOOST_TEST(quote.offset + quote.length
             == static_cast<int64_t>(bridge::utf8::utf16_length(copy.text)));
  BOOST_TEST(w.engine_metric("bridge_translator_fallbacks_total{reason="
                             "\"translation_failed\"}")
             == 1.0);
  BOOST_TEST(w.engine_metric("bridge_messages_untranslated_total") == 0.0);
  // An edit falls back too, and its copy is quoted the same way.
  std::string edited_text = "Please sign the new report.";
  BOOST_REQUIRE(w.sim().edit(ana, ana.id, said.message_id, edited_text));
  auto edited =
      w.next_event(bob.id, "editMessageText", std::chrono::seconds{60});
  BOOST_TEST(edited.message_id == copy.message_id);
  BOOST_TEST(edited.text.find("[llm-sim]") == std::string::npos, edited.text);
  BOOST_REQUIRE_EQUAL(edited.entities.size(), 1u);
  BOOST_TEST(edited.entities.front().type == "expandable_blockquote");
  BOOST_TEST(edited.entities.front().length
             == static_cast<int64_t>(bridge::utf8::utf16_length(edited_text)));
  BOOST_TEST(edited.text.rfind(edited_text) + edited_text.size()
                 == edited.text.size(),
             edited.text);
  BOOST_TEST(w.engine_metric("bridge_translator_fallbacks_total{reason="
                             "\"translation_failed\"}")
             == 2.0);
  // The log says once that Apertium stands in.
  auto log = w.engine().log_tail(1 << 20);
  BOOST_TEST(log.find("apertium translates the pairs it knows")
                 != std::string::npos,
             log.substr(log.size() > 2000 ? log.size() - 2000 : 0));
}

BOOST_AUTO_TEST_SUITE_END() // e2e_claude
