// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/utf8.hpp"
#include "domain/texts.hpp"

BOOST_AUTO_TEST_SUITE(domain_texts)

using namespace bridge;
using namespace bridge::domain;

namespace {

/// The argument indices a format string uses, in order: `{}` counts on from
/// the last automatic one, `{N}` is N. Anything else in braces is -1, so a
/// stray `{name}` or a lone brace shows up as a difference.
std::vector<int> placeholders(std::string_view s) {
  std::vector<int> out;
  int next = 0;
  for (size_t pos = 0; pos < s.size(); ++pos) {
    if (s[pos] == '}') {
      out.push_back(-1);
      continue;
    }
    if (s[pos] != '{')
      continue;
    auto end = s.find('}', pos);
    if (end == std::string_view::npos) {
      out.push_back(-1);
      break;
    }
    auto inside = s.substr(pos + 1, end - pos - 1);
    if (inside.empty())
      out.push_back(next++);
    else if (inside.find_first_not_of("0123456789") == std::string_view::npos)
      out.push_back(std::stoi(std::string{inside}));
    else
      out.push_back(-1);
    pos = end;
  }
  return out;
}

/// Placeholders as a set of indices: a language may reorder them with
/// `{N}`, but must use exactly the ones English uses.
std::vector<int> sorted(std::vector<int> v) {
  std::sort(v.begin(), v.end());
  return v;
}

constexpr std::string_view lri = "\u2066", rli = "\u2067", fsi = "\u2068",
                           pdi = "\u2069";

/// Every isolate opener (LRI, RLI, FSI) is closed by a PDI after it, and no
/// PDI closes nothing.
bool isolates_balanced(std::string_view s) {
  int depth = 0;
  for (size_t pos = 0; pos < s.size(); ++pos) {
    auto at = [&](std::string_view mark) {
      return s.compare(pos, mark.size(), mark) == 0;
    };
    if (at(lri) || at(rli) || at(fsi))
      ++depth;
    else if (at(pdi) && --depth < 0)
      return false;
  }
  return depth == 0;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_bot_speaks_the_offline_languages_and_ten_more) {
  auto langs = bot_languages();
  BOOST_TEST(langs.size() == 18u);
  for (auto code : {"en", "es", "pt", "fr", "it", "ro", "ca", "gl", "ru", "uk",
                    "pl", "de", "ar", "tr", "zh", "hi", "ur", "tl"}) {
    BOOST_TEST(speaks(code), code);
    BOOST_TEST(language_name(code) != code, code);
  }
}

BOOST_AUTO_TEST_CASE(
    every_wording_exists_in_every_language_with_the_same_placeholders) {
  for (auto lang : bot_languages()) {
    for (int i = 0; i < static_cast<int>(text_id::count_); ++i) {
      auto id = static_cast<text_id>(i);
      auto en = wording(id, "en");
      auto text = wording(id, lang);
      BOOST_TEST(!text.empty(), lang << " text " << i);
      BOOST_TEST(utf8::is_valid(text), lang << " text " << i);
      BOOST_TEST(sorted(placeholders(text)) == sorted(placeholders(en)),
                 lang << " text " << i);
      // Every language but English has its own wording, except where a
      // word is the same (a short "(edited)" or "↪ via" may well be).
      if (lang != "en" && en.size() > 40)
        BOOST_TEST(text != en, lang << " text " << i);
      // It renders: the format is valid for as many arguments as English.
      BOOST_CHECK_NO_THROW(fmt::format(fmt::runtime(text), "a", "b", "c", "d"));
    }
  }
}

BOOST_AUTO_TEST_CASE(right_to_left_wordings_close_every_isolate) {
  for (auto lang : {"ar", "ur"}) {
    bool any_isolate = false;
    for (int i = 0; i < static_cast<int>(text_id::count_); ++i) {
      auto text = wording(static_cast<text_id>(i), lang);
      BOOST_TEST(isolates_balanced(text), lang << " text " << i);
      any_isolate = any_isolate || text.find(lri) != std::string_view::npos;
    }
    BOOST_TEST(any_isolate, lang);
  }
  // A command inside Arabic stays a left-to-right run.
  BOOST_TEST(std::string{wording(text_id::not_registered, "ar")}.find(
                 "\u2066/start\u2069")
             != std::string::npos);
  BOOST_TEST(!isolates_balanced("\u2066/start"));
  BOOST_TEST(!isolates_balanced("\u2069/start\u2066"));
}

BOOST_AUTO_TEST_CASE(render_fills_placeholders_and_falls_back_to_english) {
  BOOST_TEST(render(text_id::code_for_manager, "es", "BRIDGE-12345")
             == "Tu código de invitación es BRIDGE-12345.");
  BOOST_TEST(render(text_id::code_for_manager, "pt", "BRIDGE-12345")
             == "Seu código de convite é BRIDGE-12345.");
  BOOST_TEST(render(text_id::code_for_manager, "ja", "BRIDGE-12345")
             == "Your invitation code is BRIDGE-12345.");
  // User-provided text with braces is an argument, never a format string.
  BOOST_TEST(render(text_id::switched_to, "en", "{evil} {}")
             == "Your messages now go to {evil} {}.");
}

BOOST_AUTO_TEST_CASE(unknown_and_hostile_codes_read_english) {
  auto english = wording(text_id::welcome, "en");
  for (std::string_view code :
       {std::string_view{}, std::string_view{"xx"}, std::string_view{"../../"},
        std::string_view{"e"}, std::string_view{"EN-us"},
        std::string_view{"es\0", 3}}) {
    BOOST_TEST(wording(text_id::welcome, code) == english, code);
  }
  std::string huge(1024, 'a');
  BOOST_TEST(wording(text_id::welcome, huge) == english);
  BOOST_TEST(!speaks(huge));
  BOOST_TEST(language_name("../../") == "../../");
}

BOOST_AUTO_TEST_CASE(a_client_language_code_is_the_first_guess) {
  BOOST_TEST(bot_language("pt-BR") == "pt");
  BOOST_TEST(bot_language("pt_BR") == "pt");
  BOOST_TEST(bot_language("EN-us") == "en");
  BOOST_TEST(bot_language("ES") == "es");
  BOOST_TEST(bot_language("zh-hans") == "zh");
  BOOST_TEST(bot_language("fil") == "tl");
  BOOST_TEST(bot_language("uk") == "uk");
  BOOST_TEST(bot_language("xx") == "en");
  BOOST_TEST(bot_language("ja") == "en");
  BOOST_TEST(bot_language("") == "en");
  BOOST_TEST(bot_language("-") == "en");
  BOOST_TEST(bot_language("../../") == "en");
  BOOST_TEST(bot_language("p") == "en");
  BOOST_TEST(bot_language("ptx-BR") == "en");
  BOOST_TEST(bot_language(std::string(1024, 'p')) == "en");
  BOOST_TEST(bot_language(std::string(1024, '-')) == "en");
  // What it answers is always a language the bot speaks.
  for (std::string_view code : {"pt-BR", "xx", "Ar", "ur-PK", "\xff\xfe"})
    BOOST_TEST(speaks(bot_language(code)), code);
}

BOOST_AUTO_TEST_SUITE_END() // domain_texts
