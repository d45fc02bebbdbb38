// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <caf/binary_deserializer.hpp>
#include <caf/binary_serializer.hpp>

#include "actors/team_glossary.hpp"
#include "domain/glossary.hpp"

BOOST_AUTO_TEST_SUITE(actors_team_glossary)

// A team's terms for one translation: found in the text, each once, in
// the order they first occur, both directions of an entry, and handed on
// as indices into a table every message of the direction shares.

using namespace bridge;

namespace {

glossary_row row(const std::string& src, const std::string& dst,
                 const std::string& term, const std::string& translation) {
  glossary_row r;
  r.source_lang = src;
  r.target_lang = dst;
  r.term = term;
  r.term_key = domain::glossary::key(term);
  r.translation = translation;
  r.status = "active";
  return r;
}

team_glossary sample() {
  return team_glossary{{row("en", "es", "back room", "trastienda"),
                        row("en", "es", "site", "obra"),
                        row("es", "en", "montacargas", "forklift"),
                        row("en", "pt", "site", "canteiro")}};
}

std::vector<std::string> words_of(const glossary_terms& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms)
    out.push_back(t.term + "=" + t.translation);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(terms_come_once_in_the_order_they_occur) {
  auto team = sample();
  auto found = team.terms_in(
      "The forklift is on site; the SITE's back room, the forklift.", "en",
      "es");
  // "forklift" is an entry from Spanish, read the other way round.
  BOOST_TEST(
      words_of(found)
          == (std::vector<std::string>{"forklift=montacargas", "site=obra",
                                       "back room=trastienda"}),
      boost::test_tools::per_element());
  BOOST_TEST(found.size() == 3u);
  BOOST_TEST(found[1].translation == "obra");
  // Another direction has its own entries; a text without terms has none.
  auto to_pt = team.terms_in("The site.", "en", "pt");
  BOOST_REQUIRE(to_pt.size() == 1u);
  BOOST_TEST(to_pt[0].translation == "canteiro");
  BOOST_TEST(team.terms_in("Nothing here, sites.", "en", "es").empty());
  BOOST_TEST(team.terms_in("", "en", "es").empty());
  BOOST_TEST(team.terms_in("site", "en", "de").empty());
  BOOST_TEST(team_glossary{{}}.terms_in("site", "en", "es").empty());
}

BOOST_AUTO_TEST_CASE(messages_share_the_strings_and_may_outlive_the_team) {
  glossary_terms kept;
  const glossary_term* first = nullptr;
  {
    auto team = sample();
    auto a = team.terms_in("site", "en", "es");
    auto b = team.terms_in("A site and a back room.", "en", "es");
    BOOST_REQUIRE(a.size() == 1u);
    BOOST_REQUIRE(b.size() == 2u);
    // One table for the direction: the same entry, not a copy of it.
    BOOST_TEST(&a[0] == &b[0]);
    first = &a[0];
    kept = b;
    BOOST_TEST(&kept[0] == first);
  }
  // The team's glossary is gone (a change, an expiry); the message is not.
  BOOST_TEST(&kept[0] == first);
  BOOST_TEST(
      words_of(kept)
          == (std::vector<std::string>{"site=obra", "back room=trastienda"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_list_of_its_own_filters_and_copies_like_a_vector) {
  glossary_terms none;
  BOOST_TEST(none.empty());
  BOOST_TEST((none.begin() == none.end()));
  BOOST_TEST(none.copied().empty());
  BOOST_TEST(
      none.filtered([](const glossary_term&) { return true; }, 5).empty());

  glossary_terms own{{"invoice", "factura"}, {"", "vacío"}, {"site", "obra"}};
  BOOST_TEST(own.size() == 3u);
  auto kept =
      own.filtered([](const glossary_term& t) { return !t.term.empty(); }, 10);
  BOOST_TEST(words_of(kept)
                 == (std::vector<std::string>{"invoice=factura", "site=obra"}),
             boost::test_tools::per_element());
  BOOST_TEST(&kept[1] == &own[2]); // filtered, not copied
  // The limit counts what is kept.
  auto one = own.filtered([](const glossary_term&) { return true; }, 1);
  BOOST_TEST(words_of(one) == (std::vector<std::string>{"invoice=factura"}),
             boost::test_tools::per_element());
  BOOST_TEST(
      own.filtered([](const glossary_term&) { return true; }, 0).empty());
  auto copy = own.copied();
  BOOST_REQUIRE(copy.size() == 3u);
  BOOST_TEST(copy[2].translation == "obra");
  BOOST_TEST(&copy[2] != &own[2]);
}

BOOST_AUTO_TEST_CASE(a_request_serializes_its_terms_as_a_plain_list) {
  auto team = sample();
  translate_request r;
  r.text = "The back room of the site.";
  r.terms = team.terms_in(r.text, "en", "es");
  std::vector<char> buf;
  caf::binary_serializer sink{nullptr, buf};
  BOOST_REQUIRE(!sink(r));
  translate_request back;
  caf::binary_deserializer source{nullptr, buf};
  BOOST_REQUIRE(!source(back));
  BOOST_TEST(words_of(back.terms) == words_of(r.terms),
             boost::test_tools::per_element());
  BOOST_TEST(back.terms.size() == 2u);
  BOOST_TEST(&back.terms[0] != &r.terms[0]);
}

BOOST_AUTO_TEST_SUITE_END()
