#include <boost/test/unit_test.hpp>

#include "common/utf8.hpp"
#include "domain/texts.hpp"

BOOST_AUTO_TEST_SUITE(domain_texts)

using namespace bridge;
using namespace bridge::domain;

namespace {

size_t placeholders(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; (pos = s.find("{}", pos)) != std::string_view::npos; pos += 2)
    ++n;
  return n;
}

} // namespace

BOOST_AUTO_TEST_CASE(every_wording_exists_in_both_languages_with_the_same_placeholders) {
  for (int i = 0; i < static_cast<int>(text_id::count_); ++i) {
    auto id = static_cast<text_id>(i);
    auto en = wording(id, "en");
    auto es = wording(id, "es");
    BOOST_TEST(!en.empty(), i);
    BOOST_TEST(!es.empty(), i);
    BOOST_TEST(placeholders(en) == placeholders(es), "text " << i);
    BOOST_TEST(utf8::is_valid(es));
  }
}

BOOST_AUTO_TEST_CASE(render_fills_placeholders_and_falls_back_to_english) {
  BOOST_TEST(render(text_id::code_for_manager, "es", "BRIDGE-12345")
             == "Tu código de invitación es BRIDGE-12345.");
  BOOST_TEST(render(text_id::code_for_manager, "ja", "BRIDGE-12345")
             == "Your invitation code is BRIDGE-12345.");
  // User-provided text with braces is an argument, never a format string.
  BOOST_TEST(render(text_id::switched_to, "en", "{evil} {}")
             == "Your messages now go to {evil} {}.");
}

BOOST_AUTO_TEST_SUITE_END() // domain_texts
