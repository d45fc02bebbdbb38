// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <regex>

#include "domain/texts.hpp"
#include "tests/support/browser.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_dashboard_feedback)

// The dashboard's feedback table in a real browser (headless Chromium),
// against the running engine: each piece in the operator's language with
// its author's role and language, 20 to a page (`#limit=N`) with a next
// page link, and a translator failure shown as the original, marked.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* token = "dashboard-feedback-token-0123456789";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The feedback rows a page showed: id, translation state, and the cells.
struct shown_row {
  int64_t id;
  std::string state;
  std::string cells;
};

std::vector<shown_row> feedback_rows(const std::string& dom) {
  std::vector<shown_row> out;
  static const std::regex row{
      R"re(<tr data-feedback="(\d+)" data-translation="([a-z_]+)">(.*?)</tr>)re"};
  for (std::sregex_iterator i{dom.begin(), dom.end(), row}, end; i != end; ++i)
    out.push_back({std::stoll((*i)[1]), (*i)[2], (*i)[3]});
  return out;
}

/// The fragment the feedback table's "next page" link points at; empty
/// when disabled.
std::string next_link(const std::string& dom) {
  static const std::regex link{
      R"re(<a id="feedback-next"( href="#([^"]*)")?)re"};
  std::smatch m;
  if (!std::regex_search(dom, m, link) || !m[1].matched)
    return {};
  return std::regex_replace(m[2].str(), std::regex{"&amp;"}, "&");
}

struct world_with_feedback {
  sim_world world;
  headless_browser browser;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit world_with_feedback(std::vector<std::string> extra = {})
      : world(unthrottled_engine(with(std::move(extra))), unthrottled_sim(),
              {{"BRIDGE_ADMIN_TOKEN", token}}) {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  static std::vector<std::string> with(std::vector<std::string> extra) {
    extra.insert(extra.begin(), "--translator.backend=fake");
    return extra;
  }

  void feedback(const sim_user& u, const std::string& text,
                const std::string& lang) {
    world.say(u, "/feedback " + text);
    BOOST_TEST(world.next_message(u.id).text
               == render(text_id::feedback_thanks, lang));
  }

  std::string page(const std::string& fragment) {
    return browser.dump_dom("http://127.0.0.1:"
                            + std::to_string(world.engine_port())
                            + "/dashboard#" + fragment);
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(the_feedback_table_reads_in_the_operators_language) {
  world_with_feedback w;
  w.feedback(w.bob, "Muy útil", "es");
  w.feedback(w.ana, "Great bot", "en");
  w.feedback(w.bob, "Lento", "es");
  auto auth = std::string{"&token="} + token;
  auto dom = w.page("limit=2" + auth);
  BOOST_TEST_REQUIRE(contains(dom, "data-loaded=\"all\""), dom);
  BOOST_TEST(contains(dom, "<span id=\"feedback-language\">en</span>"), dom);
  auto rows = feedback_rows(dom);
  BOOST_TEST_REQUIRE(rows.size() == 2u, dom);
  BOOST_TEST(rows[0].state == "translated");
  BOOST_TEST(contains(rows[0].cells,
                      "<td class=\"num\">2002</td><td>worker</td>"
                      "<td>es</td><td>[en] Muy útil</td>"),
             rows[0].cells);
  BOOST_TEST(rows[1].state == "same_language");
  BOOST_TEST(
      contains(rows[1].cells, "<td>manager</td><td>en</td><td>Great bot</td>"),
      rows[1].cells);
  auto next = next_link(dom);
  BOOST_TEST_REQUIRE(!next.empty(), dom);
  BOOST_TEST(contains(next, "feedback_after=" + std::to_string(rows[1].id)));
  auto second = feedback_rows(w.page(next + auth));
  BOOST_TEST_REQUIRE(second.size() == 1u);
  BOOST_TEST(contains(second[0].cells, "<td>[en] Lento</td>"), second[0].cells);
}

BOOST_AUTO_TEST_CASE(a_translator_failure_shows_the_original_marked) {
  world_with_feedback w{{"--translator.fake_failure_rate=1"}};
  w.feedback(w.bob, "No funciona", "es");
  auto dom = w.page(std::string{"token="} + token);
  BOOST_TEST_REQUIRE(contains(dom, "data-loaded=\"all\""), dom);
  BOOST_TEST(contains(dom, "id=\"feedback-error\" hidden"), dom);
  auto rows = feedback_rows(dom);
  BOOST_TEST_REQUIRE(rows.size() == 1u, dom);
  BOOST_TEST(rows[0].state == "failed");
  BOOST_TEST(contains(rows[0].cells, "<td>No funciona ⚠ not translated: "),
             rows[0].cells);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_dashboard_feedback
