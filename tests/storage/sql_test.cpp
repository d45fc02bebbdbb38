// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/error.hpp"
#include "storage/pg_session.hpp"
#include "storage/sql.hpp"

BOOST_AUTO_TEST_SUITE(storage_sql)

using namespace bridge;
using namespace bridge::storage;

BOOST_AUTO_TEST_CASE(array_literals_quote_every_text_element) {
  array_literal a;
  BOOST_TEST(a.str() == "{}");
  a.add_text("plain");
  a.add_text("with \"quotes\" and \\ backslash");
  a.add_text("{braces},commas");
  a.add_text("NULL");
  a.add_text("");
  a.add_null();
  BOOST_TEST(a.str()
             == "{\"plain\",\"with \\\"quotes\\\" and \\\\ backslash\","
                "\"{braces},commas\",\"NULL\",\"\",NULL}");
  BOOST_TEST(a.size() == 6u);
}

BOOST_AUTO_TEST_CASE(array_literals_of_integers) {
  array_literal a;
  for (int64_t x :
       {int64_t{0}, int64_t{-5}, std::numeric_limits<int64_t>::max(),
        std::numeric_limits<int64_t>::min()})
    a.add(x);
  BOOST_TEST(a.str() == "{0,-5,9223372036854775807,-9223372036854775808}");
}

BOOST_AUTO_TEST_CASE(integers_parse_strictly) {
  BOOST_TEST(*parse_int("42") == 42);
  BOOST_TEST(*parse_int("-7") == -7);
  for (auto bad : {"", " 1", "1 ", "1.5", "0x10", "+3", "12a",
                   "99999999999999999999", "-"})
    BOOST_TEST(!parse_int(bad), "accepted '" << bad << "'");
}

BOOST_AUTO_TEST_CASE(cells_decode_or_fail_clearly) {
  row r{std::string{"12"},      std::nullopt,       std::string{"t"},
        std::string{"{1,2,3}"}, std::string{"abc"}, std::string{"{}"}};
  BOOST_TEST(int_at(r, 0) == 12);
  BOOST_TEST(int_at(r, 1) == 0);
  BOOST_TEST(text_at(r, 1).empty());
  BOOST_TEST(bool_at(r, 2));
  BOOST_TEST((int_list_at(r, 3) == std::vector<int64_t>{1, 2, 3}));
  BOOST_TEST(int_list_at(r, 5).empty());
  BOOST_TEST(int_list_at(r, 1).empty());
  auto decode_fails = [&](auto f) {
    try {
      f();
    } catch (const db_failure& e) {
      return e.kind() == failure_kind::decode;
    }
    return false;
  };
  BOOST_TEST(decode_fails([&] { int_at(r, 4); }));
  BOOST_TEST(decode_fails([&] { bool_at(r, 0); }));
  BOOST_TEST(decode_fails([&] { bool_at(r, 1); }));
  BOOST_TEST(decode_fails([&] { int_at(r, 99); }));
  BOOST_TEST(decode_fails([&] { expect_width(r, 3, "x"); }));
  for (auto bad : {"1,2", "{1,,2}", "{1,}", "{a}", "{", "}", "{1,2"}) {
    row b{std::string{bad}};
    BOOST_TEST(decode_fails([&] { int_list_at(b, 0); }),
               "accepted '" << bad << "'");
  }
}

BOOST_AUTO_TEST_CASE(sqlstates_map_to_failure_kinds) {
  BOOST_TEST((classify_sqlstate("23505") == failure_kind::unique_violation));
  BOOST_TEST(
      (classify_sqlstate("23503") == failure_kind::foreign_key_violation));
  BOOST_TEST((classify_sqlstate("23514") == failure_kind::invalid_data));
  BOOST_TEST((classify_sqlstate("22021") == failure_kind::invalid_data));
  BOOST_TEST((classify_sqlstate("40P01") == failure_kind::rollback));
  BOOST_TEST((classify_sqlstate("40001") == failure_kind::rollback));
  BOOST_TEST((classify_sqlstate("57014") == failure_kind::timeout));
  BOOST_TEST((classify_sqlstate("57P01") == failure_kind::connection_lost));
  BOOST_TEST((classify_sqlstate("08006") == failure_kind::connection_lost));
  BOOST_TEST((classify_sqlstate("42601") == failure_kind::other));
  // bridge_fence_or_fail's refusal.
  BOOST_TEST((classify_sqlstate("BRF01") == failure_kind::fenced));
  BOOST_TEST((classify_sqlstate("brf01") == failure_kind::other));
  BOOST_TEST((classify_sqlstate("") == failure_kind::other));
  BOOST_TEST((classify_sqlstate("2350") == failure_kind::other));
}

BOOST_AUTO_TEST_CASE(failures_become_engine_errors_with_context) {
  auto err =
      to_error(db_failure{failure_kind::unique_violation, "dup"}, "bridge::x");
  BOOST_TEST((engine_code(err) == engine_errc::conflict));
  BOOST_TEST(describe(err) == "conflict: bridge::x: dup");
  BOOST_TEST((engine_code(to_error(db_failure{failure_kind::in_doubt, ""}, "x"))
              == engine_errc::db_unavailable));
  BOOST_TEST((engine_code(to_error(db_failure{failure_kind::timeout, ""}, "x"))
              == engine_errc::deadline_exceeded));
  BOOST_TEST((engine_code(to_error(
                  db_failure{failure_kind::foreign_key_violation, ""}, "x"))
              == engine_errc::not_found));
  BOOST_TEST((engine_code(to_error(db_failure{failure_kind::decode, ""}, "x"))
              == engine_errc::db_error));
  BOOST_TEST((engine_code(to_error(db_failure{failure_kind::fenced, ""}, "x"))
              == engine_errc::fenced));
  BOOST_TEST(std::string{to_string(failure_kind::fenced)} == "fenced");
}

BOOST_AUTO_TEST_CASE(server_messages_keep_their_first_line_only) {
  BOOST_TEST(
      first_line(
          "ERROR:  new row violates check\nDETAIL:  Failing row contains "
          "(secret text)")
      == "ERROR:  new row violates check");
  BOOST_TEST(first_line("one line  \r\n") == "one line");
  BOOST_TEST(first_line("").empty());
}

BOOST_AUTO_TEST_CASE(chunks_cover_every_item_once) {
  std::vector<int> items(11);
  std::iota(items.begin(), items.end(), 0);
  std::vector<size_t> sizes;
  std::vector<int> seen;
  for_each_chunk(items, 4, [&](const std::vector<int>& c) {
    sizes.push_back(c.size());
    seen.insert(seen.end(), c.begin(), c.end());
  });
  BOOST_TEST((sizes == std::vector<size_t>{4, 4, 3}));
  BOOST_TEST(seen == items);
  int calls = 0;
  for_each_chunk(std::vector<int>{}, 4, [&](const auto&) { ++calls; });
  BOOST_TEST(calls == 0);
}

BOOST_AUTO_TEST_CASE(parameters_shift_for_a_part_of_a_larger_statement) {
  BOOST_TEST(shift_params("WHERE a = $1 AND b = ANY($2::bigint[])", 10)
             == "WHERE a = $11 AND b = ANY($12::bigint[])");
  BOOST_TEST(shift_params("$9,$10", 1) == "$10,$11");
  BOOST_TEST(shift_params("", 3) == "");
  // A dollar not followed by a digit is not a parameter.
  BOOST_TEST(shift_params("cost $ and $x and $", 5) == "cost $ and $x and $");
  BOOST_TEST(shift_params("$1", 0) == "$1");
}

BOOST_AUTO_TEST_SUITE_END() // storage_sql
