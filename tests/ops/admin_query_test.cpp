// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "ops/admin_query.hpp"
#include "ops/admin_uncredited.hpp"

BOOST_AUTO_TEST_SUITE(ops_admin_query)

// The admin API's parsing of query parameters and ids, and its pages.

using namespace bridge;
using namespace bridge::ops;

namespace {

query_params
q(std::initializer_list<std::pair<const std::string, std::string>> kv) {
  return query_params{kv};
}

bool refused(const std::variant<user_list, bad_request>& v) {
  return std::holds_alternative<bad_request>(v);
}

} // namespace

BOOST_AUTO_TEST_CASE(defaults_and_filters) {
  auto v = parse_user_list({});
  BOOST_REQUIRE(!refused(v));
  auto l = std::get<user_list>(v);
  BOOST_TEST(l.limit == 50);
  BOOST_TEST(l.after_id == 0);
  l = std::get<user_list>(parse_user_list(q({{"role", "worker"},
                                             {"language", "es"},
                                             {"after", "42"},
                                             {"limit", "7"}})));
  BOOST_TEST(l.role == "worker");
  BOOST_TEST(l.language == "es");
  BOOST_TEST(l.after_id == 42);
  BOOST_TEST(l.limit == 7);
}

BOOST_AUTO_TEST_CASE(hostile_and_malformed_parameters_are_refused) {
  for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{
           {"limit", "-1"},
           {"limit", "0"},
           {"limit", "1001"},
           {"limit", "1e3"},
           {"limit", " 5"},
           {"limit", ""},
           {"after", "-5"},
           {"after", "x"},
           {"after", "99999999999999999999999"},
           {"role", "root"},
           {"role", "manager' OR 1=1 --"},
           {"language", "a-very-long-code"},
           {"active_since_ms", "yesterday"}}) {
    auto v2 = parse_user_list(q({{k, v}}));
    // An empty limit means "absent", everything else here is refused.
    if (k == "limit" && v.empty())
      BOOST_TEST(!refused(v2));
    else
      BOOST_TEST(refused(v2), k << "=" << v);
  }
  BOOST_TEST(refused(parse_user_list(q({{"limit", "1"}, {"limit", "2"}}))));
  auto c = parse_conversation_list(q({{"manager", "abc"}}));
  BOOST_TEST(std::holds_alternative<bad_request>(c));
}

BOOST_AUTO_TEST_CASE(ids_in_paths) {
  BOOST_TEST(parse_id("1001").value_or(0) == 1001);
  for (auto bad : {"", "0", "-3", "12a", "1 ", "99999999999999999999"})
    BOOST_TEST(!parse_id(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(pages_say_where_the_next_one_starts) {
  user_page p;
  p.rows.resize(2);
  p.rows[0].telegram_id = 5;
  p.rows[1].telegram_id = 9;
  BOOST_TEST(render(p, 2).find("\"next_after\":9") != std::string::npos);
  BOOST_TEST(render(p, 3).find("\"next_after\":null") != std::string::npos);
  BOOST_TEST(render(user_page{}, 3).find("\"rows\":[]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parked_updates_list_in_pages_with_their_reason) {
  auto v = parse_parked_list(q({{"after", "17"}, {"limit", "3"}}));
  BOOST_REQUIRE(std::holds_alternative<inbox_parked>(v));
  BOOST_TEST(std::get<inbox_parked>(v).after_update_id == 17);
  BOOST_TEST(std::get<inbox_parked>(v).limit == 3);
  for (auto [k, val] : std::vector<std::pair<std::string, std::string>>{
           {"limit", "0"},
           {"limit", "1001"},
           {"after", "-1"},
           {"after", "1;"},
           {"active_since_ms", "5"}})
    BOOST_TEST(
        std::holds_alternative<bad_request>(parse_parked_list(q({{k, val}}))),
        k << "=" << val);

  parked_page p;
  p.rows.push_back({40, 7, "refused: \"quoted\"\n", 1000, 2000});
  auto json = render(p, 1);
  BOOST_TEST(json
             == "{\"rows\":[{\"update_id\":40,\"chat_id\":7,\"reason\":"
                "\"refused: \\\"quoted\\\"\\n\",\"received_at_ms\":1000,"
                "\"parked_at_ms\":2000}],\"next_after\":40}");
  BOOST_TEST(render(parked_page{}, 5) == "{\"rows\":[],\"next_after\":null}");
}

BOOST_AUTO_TEST_CASE(uncredited_payments_list_newest_first_in_pages) {
  auto v = parse_uncredited_list({});
  BOOST_REQUIRE(std::holds_alternative<star_rejection_list>(v));
  auto l = std::get<star_rejection_list>(v);
  // Payments by default: the rows that hold someone's Stars.
  BOOST_TEST(l.kind == "payment");
  BOOST_TEST(l.limit == 50);
  BOOST_TEST(l.before_id == 0);
  l = std::get<star_rejection_list>(parse_uncredited_list(
      q({{"kind", "all"}, {"before", "90"}, {"limit", "1000"}})));
  BOOST_TEST(l.kind.empty());
  BOOST_TEST(l.before_id == 90);
  BOOST_TEST(l.limit == 1000);
  BOOST_TEST(std::get<star_rejection_list>(
                 parse_uncredited_list(q({{"kind", "checkout"}})))
                 .kind
             == "checkout");
  for (auto [k, val] : std::vector<std::pair<std::string, std::string>>{
           {"limit", "0"},
           {"limit", "-1"},
           {"limit", "1001"},
           {"limit", "ten"},
           {"limit", "5 "},
           {"before", "-1"},
           {"before", "99999999999999999999999"},
           {"kind", "refund"},
           {"kind", "Payment"},
           {"kind", "payment' OR 1=1 --"},
           {"kind", std::string(5000, 'k')}})
    BOOST_TEST(std::holds_alternative<bad_request>(
                   parse_uncredited_list(q({{k, val}}))),
               k << "=" << val.substr(0, 40));
  BOOST_TEST(std::holds_alternative<bad_request>(
      parse_uncredited_list(q({{"kind", "all"}, {"kind", "payment"}}))));

  star_rejection_page page;
  page.rows.push_back({12, "payment", "wrong_amount", 1001, "s\"x\n", "XTR", 7,
                       "ch-1", "", 0, 5000, 0, ""});
  auto json = render(page, 1);
  BOOST_TEST(json.find(R"("payload":"s\"x\n")") != std::string::npos, json);
  BOOST_TEST(json.find(R"("next_before":12})") != std::string::npos, json);
  BOOST_TEST(render(page, 2).find(R"("next_before":null)")
             != std::string::npos);
  BOOST_TEST(render(star_rejection_page{}, 5)
             == "{\"rows\":[],\"next_before\":null}");
}

BOOST_AUTO_TEST_SUITE_END() // ops_admin_query
