// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include <simdjson.h>

#include "common/http_client.hpp"
#include "common/utf8.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_original_fix)

// The original one tap away and readers' corrections, through tg-sim: a
// translation through another language carries its original in an
// expandable quote; a reply with /fix stores a correction and tells the
// writer; /fix elsewhere or empty gets a clear reply; operators export
// corrections as JSON Lines.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* token = "original-fix-e2e-token-0123456789";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Ann (en) manages Joao (pt); Apertium goes through Spanish.
struct pivot_world {
  sim_world world{unthrottled_engine({"--translator.backend=apertium",
                                      "--translator.apertium_pipelines=1"}),
                  unthrottled_sim(),
                  {{"BRIDGE_ADMIN_TOKEN", token}}};
  sim_user ann = make_user(6101, "Ann", "en");
  sim_user joao = make_user(6102, "Joao", "pt");

  pivot_world() {
    auto code = register_manager(world, ann, "en");
    register_worker(world, joao, "pt", code, ann);
  }

  bridge::http_response get(const std::string& path) {
    bridge::http_client c;
    return c.get("http://127.0.0.1:" + std::to_string(world.engine_port())
                     + path,
                 {std::string{"Authorization: Bearer "} + token},
                 std::chrono::seconds{20});
  }
};

/// Ann (en) manages Bob (es); the fake backend translates directly.
/// `first_id` numbers them apart from the other cases' users.
struct direct_world {
  sim_world world{unthrottled_engine({"--translator.backend=fake"}),
                  unthrottled_sim()};
  sim_user ann;
  sim_user bob;

  explicit direct_world(int64_t first_id)
      : ann(make_user(first_id, "Ann", "en")),
        bob(make_user(first_id + 1, "Bob", "es")) {
    auto code = register_manager(world, ann, "en");
    register_worker(world, bob, "es", code, ann);
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(
    a_pivoted_translation_carries_its_original_and_takes_fixes) {
  pivot_world w;
  auto& world = w.world;
  // Markup-looking text is the writer's text: sent as entities, never
  // parsed, so it arrives as typed.
  std::string original = "O trabalhador assina o relatório <b>&amp;</b>.";
  world.say(w.joao, original);
  auto copy = world.next_message(w.ann.id, std::chrono::seconds{60});
  BOOST_TEST(contains(copy.text, original), copy.text);
  BOOST_REQUIRE_EQUAL(copy.entities.size(), 1u);
  const auto& quote = copy.entities.front();
  BOOST_TEST(quote.type == "expandable_blockquote");
  BOOST_TEST(quote.length
             == static_cast<int64_t>(bridge::utf8::utf16_length(original)));
  BOOST_TEST(quote.offset + quote.length
             == static_cast<int64_t>(bridge::utf8::utf16_length(copy.text)));

  // Ann corrects it; Joao hears of it in Portuguese.
  await_marked(world, w.ann.id, copy.message_id);
  BOOST_REQUIRE(world.sim().reply(w.ann, copy.message_id,
                                  "/fix The worker signs the report"));
  auto saved = world.next_message(w.ann.id);
  BOOST_TEST(saved.text == render(text_id::fix_saved, "en", "Joao"));
  auto told = world.next_message(w.joao.id);
  BOOST_TEST(contains(told.text, "The worker signs the report"), told.text);
  BOOST_TEST(contains(told.text, original), told.text);

  // /fix as a reply to a bot note, without a reply, and without text.
  BOOST_REQUIRE(world.sim().reply(w.ann, saved.message_id, "/fix whatever"));
  BOOST_TEST(world.next_message(w.ann.id).text
             == render(text_id::fix_not_translation, "en"));
  world.say(w.ann, "/fix Better words");
  BOOST_TEST(world.next_message(w.ann.id).text
             == render(text_id::fix_usage, "en"));
  BOOST_REQUIRE(world.sim().reply(w.ann, copy.message_id, "/fix"));
  BOOST_TEST(world.next_message(w.ann.id).text
             == render(text_id::fix_usage, "en"));

  // A second identical correction makes a glossary suggestion, and is
  // proposed as an entry: Ann corrected Joao's words, so her wording is
  // the term (in her language) and his original its translation.
  BOOST_REQUIRE(world.sim().reply(w.ann, copy.message_id,
                                  "/fix the worker signs the report "));
  world.next_message(w.joao.id);
  // The thanks and the proposal go separately: either may come first.
  auto proposal = world.next_message(w.ann.id);
  auto other = world.next_message(w.ann.id);
  if (proposal.buttons.empty())
    std::swap(proposal, other);
  BOOST_TEST(other.text == render(text_id::fix_saved, "en", "Joao"));
  BOOST_TEST(proposal.text
             == render(text_id::glossary_correction_proposal, "en", 2,
                       "the worker signs the report", original, "pt"));
  BOOST_TEST(!proposal.buttons.empty());
  world.say(w.ann, "/corrections");
  auto list = world.next_message(w.ann.id).text;
  BOOST_TEST(contains(list, render(text_id::corrections_header, "en")), list);
  world.say(w.ann, "/glossary suggestions");
  auto recent = world.next_message(w.ann.id).text;
  BOOST_TEST(
      contains(recent, render(text_id::glossary_suggestions_header, "en", 2)),
      recent);
  BOOST_TEST(contains(recent, "• Ann: "), recent);
  BOOST_TEST(contains(recent, "→ “the worker signs the report”"), recent);
  BOOST_TEST(contains(recent, "→ “The worker signs the report”"), recent);

  // Operators export them as JSON Lines, one valid object a line.
  auto r = w.get("/admin/corrections?format=jsonl");
  BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
  simdjson::dom::parser p;
  size_t lines = 0;
  for (size_t at = 0; at < r.body.size();) {
    auto end = r.body.find('\n', at);
    BOOST_REQUIRE(end != std::string::npos);
    simdjson::dom::element e;
    BOOST_REQUIRE(p.parse(r.body.substr(at, end - at)).get(e)
                  == simdjson::SUCCESS);
    std::string_view text;
    BOOST_REQUIRE(e["original"].get_string().get(text) == simdjson::SUCCESS);
    BOOST_TEST(std::string{text} == original);
    ++lines;
    at = end + 1;
  }
  BOOST_TEST(lines == 2u);
}

BOOST_AUTO_TEST_CASE(a_direct_translation_has_no_quote) {
  direct_world d{6201};
  auto& world = d.world;
  const auto& ann = d.ann;
  const auto& bob = d.bob;
  world.say(bob, "Hola");
  auto copy = world.next_message(ann.id);
  BOOST_TEST(copy.entities.empty());
}

// -- /original
// -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(original_on_quotes_a_direct_translation) {
  direct_world d{6301};
  auto& world = d.world;
  const auto& ann = d.ann;
  const auto& bob = d.bob;

  // Alone it says the setting and the choices; a bad word, the choices.
  world.say(ann, "/original");
  BOOST_TEST(world.next_message(ann.id).text
             == render(text_id::original_current, "en", "auto") + "\n\n"
                    + render(text_id::original_usage, "en"));
  world.say(ann, "/original <b>sometimes</b>");
  BOOST_TEST(world.next_message(ann.id).text
             == render(text_id::original_usage, "en"));
  world.say(ann, "/original ON");
  BOOST_TEST(world.next_message(ann.id).text
             == render(text_id::original_changed, "en", "on"));

  world.say(bob, "Hola equipo");
  auto copy = world.next_message(ann.id);
  BOOST_REQUIRE_EQUAL(copy.entities.size(), 1u);
  BOOST_TEST(copy.entities.front().type == "expandable_blockquote");
  BOOST_TEST(contains(copy.text, "\n\nHola equipo"), copy.text);

  // Bob did not ask: his copies stay bare.
  world.say(ann, "Hello team");
  BOOST_TEST(world.next_message(bob.id).entities.empty());
}

BOOST_AUTO_TEST_CASE(tasks_and_edits_are_quoted_like_messages) {
  direct_world d{6401};
  auto& world = d.world;
  const auto& ann = d.ann;
  const auto& bob = d.bob;
  world.say(bob, "/original on");
  BOOST_TEST(world.next_message(bob.id).text
             == render(text_id::original_changed, "es", "on"));
  auto quotes = [](const bridge::tg_sim::sim_event& e,
                   const std::string& original) {
    return e.entities.size() == 1u
           && e.entities.front().type == "expandable_blockquote"
           && e.text.size() > original.size()
           && e.text.compare(e.text.size() - original.size(), original.size(),
                             original)
                  == 0
           && e.entities.front().length
                  == static_cast<int64_t>(bridge::utf8::utf16_length(original));
  };
  // A task: its buttons and its original.
  world.say(ann, "/task Paint the door");
  auto task = world.next_message(bob.id);
  BOOST_TEST(quotes(task, "Paint the door"), task.text);
  BOOST_TEST(!task.buttons.empty());
  // An edit keeps the quote, of the edited text.
  auto said = world.say(ann, "See you at nine");
  auto copy = world.next_message(bob.id);
  BOOST_TEST(quotes(copy, "See you at nine"), copy.text);
  BOOST_REQUIRE(
      world.sim().edit(ann, ann.id, said.message_id, "See you at ten"));
  auto edited = world.next_event(bob.id, "editMessageText");
  BOOST_TEST(edited.message_id == copy.message_id);
  BOOST_TEST(quotes(edited, "See you at ten"), edited.text);
  BOOST_TEST(contains(edited.text, "[es] See you at ten"), edited.text);
}

BOOST_AUTO_TEST_CASE(original_off_leaves_a_pivoted_translation_bare) {
  pivot_world w;
  auto& world = w.world;
  world.say(w.ann, "/original off");
  BOOST_TEST(world.next_message(w.ann.id).text
             == render(text_id::original_changed, "en", "off"));
  std::string original = "O trabalhador assina o relatório.";
  world.say(w.joao, original);
  auto copy = world.next_message(w.ann.id, std::chrono::seconds{60});
  BOOST_TEST(copy.entities.empty());
  BOOST_TEST(!contains(copy.text, original), copy.text);
}

BOOST_AUTO_TEST_SUITE_END()
