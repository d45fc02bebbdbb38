// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "ops/admin_query.hpp"
#include "ops/feedback_view.hpp"

BOOST_AUTO_TEST_SUITE(ops_feedback_view)

// `/admin/feedback`: its page parameters, which pieces go to the
// translator, and the page as JSON with each piece's translation state.

using namespace bridge;
using namespace bridge::ops;

namespace {

bool refused(const query_params& q) {
  return std::holds_alternative<bad_request>(parse_feedback_list(q));
}

feedback_record piece(int64_t id, std::string lang, std::string text,
                      std::string translated = {}, std::string into = {}) {
  feedback_record r;
  r.id = id;
  r.user_id = 2000 + id;
  r.role = "worker";
  r.language = std::move(lang);
  r.text = std::move(text);
  r.translated_text = std::move(translated);
  r.translated_lang = std::move(into);
  r.created_at_ms = 1000 * id;
  return r;
}

} // namespace

BOOST_AUTO_TEST_CASE(
    the_cursor_and_the_page_size_are_read_like_the_other_lists) {
  auto v = parse_feedback_list({});
  BOOST_REQUIRE(std::holds_alternative<feedback_list>(v));
  BOOST_TEST(std::get<feedback_list>(v).after_id == 0);
  BOOST_TEST(std::get<feedback_list>(v).limit == 50);
  v = parse_feedback_list({{"after", "17"}, {"limit", "1000"}});
  BOOST_REQUIRE(std::holds_alternative<feedback_list>(v));
  BOOST_TEST(std::get<feedback_list>(v).after_id == 17);
  BOOST_TEST(std::get<feedback_list>(v).limit == 1000);
  // An empty value is an absent one.
  BOOST_TEST(!refused({{"after", ""}}));
}

BOOST_AUTO_TEST_CASE(
    malformed_negative_oversize_and_hostile_cursors_are_refused) {
  for (auto [k, val] : std::vector<std::pair<std::string, std::string>>{
           {"after", "-1"},
           {"after", "x"},
           {"after", "1;"},
           {"after", " 1"},
           {"after", "1e3"},
           {"after", "0x10"},
           {"after", "+5"},
           {"after", "99999999999999999999999"},
           {"after", "9223372036854775807"},
           {"after", "1 OR 1=1"},
           {"after", std::string("1\0", 2)},
           {"limit", "0"},
           {"limit", "-3"},
           {"limit", "1001"},
           {"limit", "abc"},
           {"limit", "5.5"},
           {"active_since_ms", "5"}}) {
    auto v = parse_feedback_list({{k, val}});
    BOOST_REQUIRE(std::holds_alternative<bad_request>(v));
    // The reason names the parameter, for the operator to fix it.
    BOOST_TEST(std::get<bad_request>(v).reason.find(k) != std::string::npos,
               k << "=" << val);
  }
  BOOST_TEST(refused({{"after", "1"}, {"after", "2"}}));
}

BOOST_AUTO_TEST_CASE(languages_compare_without_case_or_region) {
  BOOST_TEST(same_language("en", "en"));
  BOOST_TEST(same_language("EN-gb", "en"));
  BOOST_TEST(same_language("pt_BR", "pt"));
  BOOST_TEST(!same_language("es", "en"));
  BOOST_TEST(!same_language("", ""));
  BOOST_TEST(!same_language("eng", "en"));
}

BOOST_AUTO_TEST_CASE(only_pieces_without_a_translation_go_to_the_translator) {
  feedback_page page;
  page.rows = {piece(1, "en", "Great bot"),
               piece(2, "es", "Muy útil", "Very useful", "en"),
               piece(3, "es", "Lento", "Langsam", "de"), piece(4, "", "¿?"),
               piece(5, "pt", "Bom")};
  std::vector<size_t> ask;
  auto views = plan_feedback(page, "en", 20, ask);
  BOOST_REQUIRE(views.size() == 5);
  BOOST_TEST((ask == std::vector<size_t>{2, 4}));
  BOOST_TEST((views[0].state == feedback_state::same_language));
  BOOST_TEST(views[0].text == "Great bot");
  BOOST_TEST((views[1].state == feedback_state::translated));
  BOOST_TEST(views[1].text == "Very useful");
  // A translation into another operator language is made again.
  BOOST_TEST((views[2].state == feedback_state::pending));
  BOOST_TEST((views[3].state == feedback_state::failed));
  BOOST_TEST(views[3].text == "¿?");
  settle(views[2], true, "Slow");
  settle(views[4], false, "circuit open");
  BOOST_TEST((views[2].state == feedback_state::translated));
  BOOST_TEST(views[2].text == "Slow");
  BOOST_TEST((views[4].state == feedback_state::failed));
  BOOST_TEST(views[4].text == "Bom");
  BOOST_TEST(views[4].error == "circuit open");
}

BOOST_AUTO_TEST_CASE(a_reading_asks_the_translator_for_a_bounded_number) {
  feedback_page page;
  for (int64_t i = 1; i <= 5; ++i)
    page.rows.push_back(piece(i, "es", "hola " + std::to_string(i)));
  std::vector<size_t> ask;
  auto views = plan_feedback(page, "en", 2, ask);
  BOOST_TEST((ask == std::vector<size_t>{0, 1}));
  BOOST_TEST((views[4].state == feedback_state::pending));
  BOOST_TEST(views[4].text == "hola 5");
  BOOST_TEST(views[4].error.find("read it again") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_page_renders_each_state_and_where_the_next_starts) {
  feedback_page page;
  page.rows = {piece(7, "es", "Muy \"útil\"", "Very \"useful\"", "en"),
               piece(9, "pt", "Bom")};
  std::vector<size_t> ask;
  auto views = plan_feedback(page, "en", 20, ask);
  settle(views[1], false, "");
  auto json = render_feedback(views, 2, "en");
  BOOST_TEST(
      json
      == "{\"operator_language\":\"en\",\"rows\":["
         "{\"id\":7,\"user_id\":2007,\"role\":\"worker\",\"language\":\"es\","
         "\"text\":\"Muy \\\"útil\\\"\",\"created_at_ms\":7000,"
         "\"translation\":{\"state\":\"translated\",\"language\":\"en\","
         "\"text\":\"Very \\\"useful\\\"\"}},"
         "{\"id\":9,\"user_id\":2009,\"role\":\"worker\",\"language\":\"pt\","
         "\"text\":\"Bom\",\"created_at_ms\":9000,"
         "\"translation\":{\"state\":\"failed\",\"language\":\"en\","
         "\"text\":\"Bom\",\"error\":\"the translator failed\"}}],"
         "\"next_after\":9}");
  BOOST_TEST(render_feedback(views, 3, "en").find("\"next_after\":null")
             != std::string::npos);
  BOOST_TEST(
      render_feedback({}, 3, "en")
      == "{\"operator_language\":\"en\",\"rows\":[],\"next_after\":null}");
}

BOOST_AUTO_TEST_SUITE_END() // ops_feedback_view
