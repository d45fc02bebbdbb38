// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <simdjson.h>

#include "ops/admin_corrections.hpp"

BOOST_AUTO_TEST_SUITE(ops_admin_corrections)

// Corrections for operators: the query, the JSON page and the JSON Lines
// export.

using namespace bridge;
using namespace bridge::ops;

namespace {

query_params
q(std::initializer_list<std::pair<const std::string, std::string>> kv) {
  return query_params{kv};
}

correction_record row(int64_t id, std::string original, std::string better) {
  return {id,           10,
          20,           30,
          40,           std::move(original),
          "es",         "machine",
          "en",         std::move(better),
          1700000000000};
}

} // namespace

BOOST_AUTO_TEST_CASE(the_query_pages_and_names_a_format) {
  auto v = parse_corrections({});
  BOOST_REQUIRE(std::holds_alternative<corrections_query>(v));
  BOOST_TEST(!std::get<corrections_query>(v).jsonl);
  BOOST_TEST(std::get<corrections_query>(v).list.limit == 50);
  v = parse_corrections(
      q({{"after", "7"}, {"limit", "3"}, {"format", "jsonl"}}));
  BOOST_REQUIRE(std::holds_alternative<corrections_query>(v));
  const auto& c = std::get<corrections_query>(v);
  BOOST_TEST(c.jsonl);
  BOOST_TEST(c.list.after_id == 7);
  BOOST_TEST(c.list.limit == 3);
  for (auto bad :
       {q({{"format", "csv"}}), q({{"format", ""}}),
        q({{"format", "json"}, {"format", "jsonl"}}), q({{"limit", "0"}}),
        q({{"after", "-1"}}), q({{"limit", "x"}})})
    BOOST_TEST(std::holds_alternative<bad_request>(parse_corrections(bad)));
}

BOOST_AUTO_TEST_CASE(the_page_names_its_next_cursor) {
  correction_page p;
  p.rows = {row(1, "Hola", "Hi"), row(2, "Adiós", "Bye")};
  auto full = render_corrections(p, 2);
  BOOST_TEST(full.find(R"("next_after":2)") != std::string::npos);
  BOOST_TEST(full.find(R"("machine_translation":"machine")")
             != std::string::npos);
  BOOST_TEST(render_corrections(p, 5).find(R"("next_after":null)")
             != std::string::npos);
  BOOST_TEST(render_corrections({}, 5) == R"({"rows":[],"next_after":null})");
}

BOOST_AUTO_TEST_CASE(the_export_is_one_valid_object_a_line) {
  correction_page p;
  // Markup, quotes, line breaks and emoji inside texts stay inside one
  // line of JSON each.
  p.rows = {row(1, "<b>Hola</b> &amp; \"tú\"\nsegunda línea", "Hi 😀"),
            row(2, "x\\y", "</script>")};
  auto text = render_corrections_jsonl(p);
  BOOST_TEST(text.back() == '\n');
  simdjson::dom::parser parser;
  size_t lines = 0;
  size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    BOOST_REQUIRE(end != std::string::npos);
    auto line = text.substr(start, end - start);
    simdjson::dom::element e;
    BOOST_REQUIRE(parser.parse(line).get(e) == simdjson::SUCCESS);
    std::string_view original;
    BOOST_REQUIRE(e["original"].get_string().get(original)
                  == simdjson::SUCCESS);
    BOOST_TEST(std::string{original} == p.rows[lines].original_text);
    ++lines;
    start = end + 1;
  }
  BOOST_TEST(lines == 2u);
  BOOST_TEST(render_corrections_jsonl({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
