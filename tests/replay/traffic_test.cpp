// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "tools/bridge_replay/generator.hpp"
#include "tools/bridge_replay/traffic.hpp"

BOOST_AUTO_TEST_SUITE(replay_traffic)

// The traffic file is input from outside: every line is checked, a bad one
// is refused with its number, and nothing in it costs unbounded memory.

using namespace bridge::replay;

namespace {

traffic read(const std::string& text, traffic_limits limits = {}) {
  std::istringstream in{text};
  return read_traffic(in, limits);
}

const std::string team =
    R"({"t_ms":0,"kind":"register_manager","user":1,"name":"Ana","lang":"es"}
{"t_ms":0,"kind":"register_worker","user":2,"name":"Bob","lang":"en","manager":1}
)";

} // namespace

BOOST_AUTO_TEST_CASE(every_kind_reads_back_what_was_written) {
  generate_options o;
  o.teams = 5;
  o.messages = 300;
  o.hostile_fraction = 0.3;
  o.switch_fraction = 0.3;
  o.seed = 9;
  auto lines = generate(o);
  std::string text;
  for (const auto& l : lines)
    text += encode_line(l) + "\n";
  auto t = read(text);
  BOOST_TEST(t.errors.empty());
  BOOST_REQUIRE_EQUAL(t.lines.size(), lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    BOOST_TEST(encode_line(t.lines[i]) == encode_line(lines[i]));
}

BOOST_AUTO_TEST_CASE(defaults_follow_the_kind) {
  auto m = parse_line(R"({"t_ms":5,"kind":"message","user":2,"text":"hi"})");
  BOOST_TEST(m.error.empty());
  BOOST_TEST((m.line.expect == expectation::delivery));
  auto big = parse_line(
      R"({"t_ms":5,"kind":"message","expect":"reply","user":2,"text":"hi"})");
  BOOST_TEST((big.line.expect == expectation::reply));
  auto c =
      parse_line(R"({"kind":"command","user":2,"text":"/help","extra":[1,2]})");
  BOOST_TEST(c.error.empty()); // unknown fields are ignored
  BOOST_TEST((c.line.expect == expectation::reply));
}

BOOST_AUTO_TEST_CASE(a_recorded_update_keeps_its_object) {
  auto u = parse_line(
      R"({"t_ms":1,"kind":"update","update":{"update_id":7, "message":{"text":"hola"}}})");
  BOOST_TEST(u.error.empty());
  BOOST_TEST(u.line.payload == R"({"update_id":7,"message":{"text":"hola"}})");
  auto bad =
      parse_line(R"({"t_ms":1,"kind":"update","update":"not an object"})");
  BOOST_TEST(bad.error == "update is not an object");
}

BOOST_AUTO_TEST_CASE(a_recorded_update_names_its_chat) {
  BOOST_TEST(update_chat(R"({"message":{"chat":{"id":42},"text":"x"}})") == 42);
  BOOST_TEST(update_chat(R"({"callback_query":{"message":{"chat":{"id":-7}}}})")
             == -7);
  BOOST_TEST(update_chat(R"({"poll":{"id":"1"}})") == 0);
  BOOST_TEST(update_chat("not json") == 0);
}

BOOST_AUTO_TEST_CASE(malformed_lines_are_refused_with_a_reason) {
  BOOST_TEST(!parse_line("{not json").error.empty());
  BOOST_TEST(!parse_line("[1,2,3]").error.empty());
  BOOST_TEST(parse_line(R"({"t_ms":1})").error == "kind is missing");
  BOOST_TEST(parse_line(R"({"kind":"dance","user":1})").error
             == "unknown kind 'dance'");
  BOOST_TEST(parse_line(R"({"kind":"message","user":"one","text":"x"})").error
             == "user is not an integer");
  BOOST_TEST(
      parse_line(R"({"kind":"message","user":1,"t_ms":-4,"text":"x"})").error
      == "t_ms is negative");
  BOOST_TEST(parse_line(R"({"kind":"message","text":"x"})").error
             == "user is missing");
  BOOST_TEST(parse_line(R"({"kind":"message","user":1})").error
             == "text is missing");
  BOOST_TEST(parse_line(R"({"kind":"command","user":1,"text":"help"})").error
             == "text must start with '/'");
  BOOST_TEST(
      parse_line(R"({"kind":"press","user":1,"expect":"delivery","data":"x"})")
          .error
      == "expect 'delivery' does not fit kind press");
}

BOOST_AUTO_TEST_CASE(empty_files_and_blank_lines_are_nothing) {
  auto t = read("");
  BOOST_TEST(t.errors.empty());
  BOOST_TEST(t.lines.empty());
  BOOST_TEST(read("\n  \n\r\n").lines.empty());
  BOOST_TEST(parse_line("   ").blank);
}

BOOST_AUTO_TEST_CASE(oversize_lines_and_texts_are_refused) {
  traffic_limits small;
  small.max_line_bytes = 100;
  small.max_text_bytes = 10;
  auto long_line =
      R"({"kind":"message","user":1,"text":")" + std::string(200, 'x') + "\"}";
  BOOST_TEST(parse_line(long_line, small).error
             == "line is longer than 100 bytes");
  BOOST_TEST(
      parse_line(R"({"kind":"message","user":1,"text":"01234567890"})", small)
          .error
      == "text is longer than 10 bytes");
  small.max_line_bytes = 1000;
  small.max_lines = 2;
  auto t = read(team
                    + R"({"kind":"message","user":1,"text":"x"})"
                      "\n",
                small);
  BOOST_REQUIRE_EQUAL(t.errors.size(), 1u);
  BOOST_TEST(t.errors[0] == "more than 2 lines");
}

BOOST_AUTO_TEST_CASE(hostile_content_is_data_not_a_problem) {
  // Control characters, quotes, invalid UTF-8 and a NUL inside text.
  std::string nasty =
      R"({"kind":"message","expect":"reply","user":1,"text":"a\u0000b\"\\\n\u00ff"})";
  auto n = parse_line(nasty);
  BOOST_TEST(n.error.empty());
  BOOST_TEST(n.line.text.size() == 8u);
  auto again = parse_line(encode_line(n.line));
  BOOST_TEST(again.line.text == n.line.text);
  std::string bad_utf8 =
      "{\"kind\":\"message\",\"user\":1,\"text\":\"\xff\xfe\"}";
  BOOST_TEST(!parse_line(bad_utf8).error.empty());
  BOOST_TEST(!parse_line(std::string(100000, '[')).error.empty());
}

BOOST_AUTO_TEST_CASE(the_file_as_a_whole_must_make_sense) {
  auto t = read(team
                + R"({"t_ms":5,"kind":"message","user":3,"text":"who?"})"
                  "\n");
  BOOST_REQUIRE_EQUAL(t.errors.size(), 1u);
  BOOST_TEST(t.errors[0] == "record 3: user 3 is not registered");
  auto late = read(team
                   + R"({"t_ms":5,"kind":"message","user":1,"text":"a"})"
                     "\n"
                     R"({"t_ms":4,"kind":"message","user":1,"text":"b"})"
                     "\n");
  BOOST_TEST(late.errors.at(0) == "record 4: t_ms goes backwards");
  auto orphan = read(
      R"({"kind":"register_worker","user":2,"name":"B","lang":"en","manager":9})");
  BOOST_TEST(orphan.errors.at(0) == "record 1: manager 9 is not registered");
  auto sw = read(team
                 + R"({"t_ms":5,"kind":"switch","user":2,"to":1})"
                   "\n");
  BOOST_TEST(sw.errors.at(0) == "record 3: switch by 2, not a manager");
  auto broken = read(team + "garbage\n");
  BOOST_TEST(broken.errors.at(0).rfind("line 3: not a JSON object", 0) == 0);
}

BOOST_AUTO_TEST_CASE(the_generator_is_deterministic_and_well_formed) {
  generate_options o;
  o.teams = 40;
  o.messages = 2000;
  o.rate = 500;
  o.burst = 2;
  o.hostile_fraction = 0.05;
  auto a = generate(o);
  auto b = generate(o);
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i)
    BOOST_TEST(encode_line(a[i]) == encode_line(b[i]));
  BOOST_TEST(check_traffic(a).empty());
  int64_t messages = 0, hostile = 0, managers = 0, workers = 0;
  for (const auto& l : a) {
    messages +=
        l.kind == line_kind::message && l.expect == expectation::delivery;
    hostile += l.expect == expectation::reply && l.kind != line_kind::switch_to;
    managers += l.kind == line_kind::register_manager;
    workers += l.kind == line_kind::register_worker;
  }
  BOOST_TEST(messages == 2000);
  BOOST_TEST(managers == 40);
  BOOST_TEST(workers >= 40);
  BOOST_TEST(workers <= 400);
  BOOST_TEST(hostile > 0);
  // 1,000 in the first second's burst at 1,000/s, then 1,000 at 500/s.
  BOOST_TEST(a.back().t_ms > 2500);
  BOOST_TEST(a.back().t_ms < 3500);
  o.seed = 2;
  BOOST_TEST(encode_line(generate(o).back()) != encode_line(a.back()));
  o.workers_min = 0;
  BOOST_TEST(!validate(o).empty());
}

BOOST_AUTO_TEST_SUITE_END() // replay_traffic
