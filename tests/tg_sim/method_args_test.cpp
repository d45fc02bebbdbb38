// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/markup.hpp"
#include "tools/tg_sim/method_args.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_method_args)

using namespace bridge::tg_sim;

BOOST_AUTO_TEST_CASE(json_body_values_keep_their_kind) {
  method_args a;
  BOOST_TEST(!parse_body("application/json; charset=utf-8",
                         R"({"chat_id":42,"text":"hola","flag":true,
                             "reply_markup":{"inline_keyboard":[]},"n":null})",
                         a));
  int64_t id = 0;
  std::string text;
  bool flag = false;
  std::string_view markup;
  BOOST_TEST((a.get_int("chat_id", id) == arg_state::ok && id == 42));
  BOOST_TEST((a.get_string("text", text) == arg_state::ok && text == "hola"));
  BOOST_TEST((a.get_bool("flag", flag) == arg_state::ok && flag));
  BOOST_TEST((a.get_json("reply_markup", markup) == arg_state::ok
              && markup == R"({"inline_keyboard":[]})"));
  BOOST_TEST((a.get_string("n", text) == arg_state::invalid));
  BOOST_TEST((a.get_int("missing", id) == arg_state::absent));
}

BOOST_AUTO_TEST_CASE(strings_and_numbers_coerce_as_telegram_does) {
  method_args a;
  BOOST_TEST(!parse_json_body(R"({"chat_id":"-100123","text":12})", a));
  int64_t id = 0;
  std::string text;
  BOOST_TEST((a.get_int("chat_id", id) == arg_state::ok && id == -100123));
  BOOST_TEST((a.get_string("text", text) == arg_state::ok && text == "12"));
}

BOOST_AUTO_TEST_CASE(wrong_kinds_are_invalid_not_absent) {
  method_args a;
  BOOST_TEST(!parse_json_body(
      R"({"chat_id":"@channel","big":"99999999999999999999","f":4.5,
        "obj":{"a":1},"flag":"maybe","markup":7})",
      a));
  int64_t i = 0;
  bool b = false;
  std::string s;
  std::string_view j;
  BOOST_TEST((a.get_int("chat_id", i) == arg_state::invalid));
  BOOST_TEST((a.get_int("big", i) == arg_state::invalid));
  BOOST_TEST((a.get_int("f", i) == arg_state::invalid));
  BOOST_TEST((a.get_int("obj", i) == arg_state::invalid));
  BOOST_TEST((a.get_string("obj", s) == arg_state::invalid));
  BOOST_TEST((a.get_bool("flag", b) == arg_state::invalid));
  BOOST_TEST((a.get_json("markup", j) == arg_state::invalid));
}

BOOST_AUTO_TEST_CASE(form_bodies_decode_escapes_and_pluses) {
  method_args a;
  BOOST_TEST(!parse_body("application/x-www-form-urlencoded",
                         "chat_id=7&text=hola+mundo%21%20%C3%B1&empty=&novalue"
                         "&bad=%zz%4&&=orphan&reply_markup=%7B%22a%22%3A1%7D",
                         a));
  std::string s;
  std::string_view j;
  BOOST_TEST((a.get_string("text", s) == arg_state::ok
              && s == "hola mundo! \xC3\xB1"));
  BOOST_TEST((a.get_string("empty", s) == arg_state::ok && s.empty()));
  BOOST_TEST((a.get_string("novalue", s) == arg_state::ok && s.empty()));
  // A broken escape is kept as written.
  BOOST_TEST((a.get_string("bad", s) == arg_state::ok && s == "%zz%4"));
  // JSON inside a form field is still JSON to the method.
  BOOST_TEST(
      (a.get_json("reply_markup", j) == arg_state::ok && j == R"({"a":1})"));
  // "=orphan" has no name and is skipped.
  BOOST_TEST(a.size() == 6u);
}

BOOST_AUTO_TEST_CASE(body_values_override_the_query_string) {
  method_args a;
  a.add_text("chat_id", "1");
  a.add_text("limit", "5");
  BOOST_TEST(!parse_body("application/json", R"({"chat_id":2})", a));
  int64_t v = 0;
  BOOST_TEST((a.get_int("chat_id", v) == arg_state::ok && v == 2));
  BOOST_TEST((a.get_int("limit", v) == arg_state::ok && v == 5));
}

BOOST_AUTO_TEST_CASE(malformed_and_hostile_bodies_are_refused) {
  for (auto bad : {"{", "{\"a\":}", "[1,2]", "\"text\"", "42", "{\"a\":1}}",
                   "{\"a\":\"\xFF\"}", "{\"a\":\"\\ud800\"}"}) {
    method_args a;
    auto r = parse_body("application/json", bad, a);
    BOOST_TEST(r.code == 400, "body " << bad);
    BOOST_TEST(r.description.rfind("Bad Request: ", 0) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(empty_bodies_and_odd_content_types) {
  method_args a;
  BOOST_TEST(!parse_body("application/json", "", a));
  BOOST_TEST(!parse_body("application/json", "  \r\n", a));
  BOOST_TEST(a.size() == 0u);
  // No Content-Type: '{' still means JSON, anything else a form.
  BOOST_TEST(!parse_body("", R"({"x":1})", a));
  BOOST_TEST(!parse_body("", "y=2", a));
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST(parse_body("multipart/form-data; boundary=x", "--x", a).code
             == 400);
  BOOST_TEST(parse_body("text/plain", "hello", a).code == 400);
}

BOOST_AUTO_TEST_CASE(inline_keyboard_is_parsed_and_reencoded) {
  markup m;
  BOOST_TEST(!parse_markup(
      R"({"inline_keyboard":[[{"text":"Yes","callback_data":"y"},
                           {"text":"Site","url":"https://example.org"}],
                          [{"text":"No","callback_data":"n"}]]})",
      m));
  BOOST_TEST(m.inline_keyboard.size() == 2u);
  BOOST_TEST(m.inline_keyboard[0][1].url == "https://example.org");
  BOOST_TEST(m.json
             == R"({"inline_keyboard":[[{"text":"Yes","callback_data":"y"},)"
                R"({"text":"Site","url":"https://example.org"}],)"
                R"([{"text":"No","callback_data":"n"}]]})");
  bridge::json::writer w;
  write_buttons(w, m.inline_keyboard);
  BOOST_TEST(
      w.str()
      == R"([[{"text":"Yes","data":"y"},{"text":"Site","url":"https://example.org"}],)"
         R"([{"text":"No","data":"n"}]])");
}

BOOST_AUTO_TEST_CASE(reply_keyboards_are_accepted_and_not_echoed) {
  for (auto ok :
       {R"({"keyboard":[[{"text":"a"}]]})", R"({"remove_keyboard":true})",
        R"({"force_reply":true})", R"({"inline_keyboard":[]})"}) {
    markup m;
    BOOST_TEST(!parse_markup(ok, m), "markup " << ok);
    BOOST_TEST(m.json.empty());
    BOOST_TEST(m.inline_keyboard.empty());
  }
}

BOOST_AUTO_TEST_CASE(bad_keyboards_get_telegrams_errors) {
  std::string long_data(65, 'x');
  std::string many = R"({"inline_keyboard":[[)";
  for (int i = 0; i < 101; ++i)
    many += std::string{i ? "," : ""} + R"({"text":"b","callback_data":"d"})";
  many += "]]}";
  struct bad_case {
    std::string markup;
    std::string error;
  } cases[] = {
      {"", "can't parse reply keyboard markup JSON object"},
      {"[]", "can't parse reply keyboard markup JSON object"},
      {R"({"other":1})", "can't parse reply keyboard markup JSON object"},
      {R"({"inline_keyboard":{}})", "must be an Array"},
      {R"({"inline_keyboard":[{}]})", "Array of Arrays"},
      {R"({"inline_keyboard":[[1]]})", "must be an Object"},
      {R"({"inline_keyboard":[[{"callback_data":"x"}]]})", "\"text\""},
      {R"({"inline_keyboard":[[{"text":"","callback_data":"x"}]]})",
       "BUTTON_TEXT_INVALID"},
      {R"({"inline_keyboard":[[{"text":"a"}]]})", "Text buttons are unallowed"},
      {R"({"inline_keyboard":[[{"text":"a","callback_data":""}]]})",
       "BUTTON_DATA_INVALID"},
      {R"({"inline_keyboard":[[{"text":"a","callback_data":")" + long_data
           + R"("}]]})",
       "BUTTON_DATA_INVALID"},
      {R"({"inline_keyboard":[[{"text":"a","callback_data":5}]]})",
       "callback_data"},
      {many, "reply markup is too long"},
  };
  for (auto& c : cases) {
    markup m;
    auto r = parse_markup(c.markup, m);
    BOOST_TEST(r.code == 400, "markup " << c.markup);
    BOOST_TEST(r.description.find(c.error) != std::string::npos,
               r.description << " lacks " << c.error);
  }
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_method_args
