// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/language_map.hpp"

BOOST_AUTO_TEST_SUITE(domain_language_map)

using namespace bridge::domain;
using langs = std::vector<std::string>;

namespace {

/// English-Spanish direct, English-Portuguese through Spanish, Romanian
/// into Spanish only (as Debian's apertium-es-ro installs it).
language_map sample() {
  return language_map{{{"en", "es", {}},
                       {"es", "en", {}},
                       {"es", "pt", {}},
                       {"pt", "es", {}},
                       {"en", "pt", {"es"}},
                       {"pt", "en", {"es"}},
                       {"ro", "es", {}}}};
}

} // namespace

BOOST_AUTO_TEST_CASE(offers_languages_that_have_a_partner) {
  BOOST_TEST((sample().languages() == langs{"en", "es", "pt"}));
  BOOST_TEST(language_map{}.languages().empty());
}

BOOST_AUTO_TEST_CASE(pairs_only_both_ways) {
  auto m = sample();
  BOOST_TEST(m.pairable("en", "pt"));
  BOOST_TEST(m.pairable("pt", "en"));
  BOOST_TEST(!m.pairable("ro", "es"));
  BOOST_TEST(!m.pairable("es", "ro"));
  BOOST_TEST(m.pairable("pt", "pt")); // no translation needed
  BOOST_TEST(!m.pairable("", "en"));
  BOOST_TEST(!m.pairable("en", "de"));
}

BOOST_AUTO_TEST_CASE(partners_include_the_language_itself) {
  auto m = sample();
  BOOST_TEST((m.partners("en") == langs{"en", "es", "pt"}));
  BOOST_TEST(m.partners("ro").empty());
  BOOST_TEST(m.partners("xx").empty());
  BOOST_TEST(m.partners("").empty());
}

BOOST_AUTO_TEST_CASE(names_the_pivots_of_a_translation) {
  auto m = sample();
  BOOST_TEST((m.via("en", "pt") == langs{"es"}));
  BOOST_TEST(m.via("en", "es").empty());
  BOOST_TEST(m.via("de", "en").empty());
}

BOOST_AUTO_TEST_CASE(ignores_blank_and_reflexive_directions) {
  language_map m{{{"", "en", {}}, {"en", "", {}}, {"en", "en", {}}}};
  BOOST_TEST(m.languages().empty());
}

BOOST_AUTO_TEST_SUITE_END() // domain_language_map
