// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "translator/language_graph.hpp"

BOOST_AUTO_TEST_SUITE(translator_language_graph)

using namespace bridge;
using namespace bridge::translation;
using path = std::vector<std::string>;

namespace {

/// Both directions of each pair, as Apertium's packages mostly install.
std::vector<language_pair>
both_ways(std::vector<std::pair<std::string, std::string>> pairs) {
  std::vector<language_pair> out;
  for (auto& [a, b] : pairs) {
    out.push_back({a, b});
    out.push_back({b, a});
  }
  return out;
}

/// What Debian 12's default set looks like: Spanish in the middle.
language_graph spanish_hub() {
  return language_graph{both_ways({{"en", "es"},
                                   {"es", "pt"},
                                   {"es", "fr"},
                                   {"es", "ro"},
                                   {"es", "it"},
                                   {"en", "ca"},
                                   {"es", "ca"},
                                   {"es", "gl"}})};
}

} // namespace

BOOST_AUTO_TEST_CASE(a_direct_pair_is_one_hop) {
  auto g = spanish_hub();
  BOOST_TEST((g.route("en", "es") == path{"en", "es"}));
  BOOST_TEST((g.route("es", "en") == path{"es", "en"}));
  BOOST_TEST(g.pairable("en", "es"));
}

BOOST_AUTO_TEST_CASE(one_pivot_goes_through_the_hub) {
  auto g = spanish_hub();
  BOOST_TEST((g.route("en", "pt") == path{"en", "es", "pt"}));
  BOOST_TEST((g.route("pt", "en") == path{"pt", "es", "en"}));
  BOOST_TEST(g.pairable("pt", "en"));
}

BOOST_AUTO_TEST_CASE(two_pivots_when_the_chain_is_longer) {
  language_graph g{both_ways({{"en", "ca"}, {"ca", "oc"}, {"oc", "fr"}})};
  BOOST_TEST((g.route("en", "fr") == path{"en", "ca", "oc", "fr"}));
  BOOST_TEST(g.pairable("fr", "en"));
}

BOOST_AUTO_TEST_CASE(equal_routes_are_chosen_alphabetically) {
  // en reaches pt through es and through ca, both two hops: ca wins, and
  // the order the directions came in changes nothing.
  auto pairs =
      both_ways({{"en", "es"}, {"es", "pt"}, {"en", "ca"}, {"ca", "pt"}});
  language_graph g{pairs};
  std::reverse(pairs.begin(), pairs.end());
  language_graph h{pairs};
  BOOST_TEST((g.route("en", "pt") == path{"en", "ca", "pt"}));
  BOOST_TEST((h.route("en", "pt") == path{"en", "ca", "pt"}));
  // The shorter route wins over the alphabetical one.
  language_graph k{both_ways(
      {{"en", "ca"}, {"ca", "gl"}, {"gl", "pt"}, {"en", "es"}, {"es", "pt"}})};
  BOOST_TEST((k.route("en", "pt") == path{"en", "es", "pt"}));
}

BOOST_AUTO_TEST_CASE(islands_are_never_paired) {
  auto pairs = both_ways({{"en", "es"}, {"ru", "uk"}});
  language_graph g{pairs};
  BOOST_TEST(!g.route("en", "ru"));
  BOOST_TEST(!g.pairable("uk", "es"));
  BOOST_TEST(g.pairable("ru", "uk"));
  BOOST_TEST((g.partners("en") == path{"es"}));
  BOOST_TEST((g.partners("uk") == path{"ru"}));
}

BOOST_AUTO_TEST_CASE(one_direction_is_not_a_pair) {
  // a->b exists, b->a does not: a text could go, no answer could come.
  language_graph g{{{"en", "es"}, {"es", "en"}, {"es", "ro"}}};
  BOOST_TEST((g.route("en", "ro") == path{"en", "es", "ro"}));
  BOOST_TEST(!g.route("ro", "es"));
  BOOST_TEST(!g.pairable("en", "ro"));
  BOOST_TEST(!g.pairable("es", "ro"));
  BOOST_TEST((g.partners("en") == path{"es"}));
  BOOST_TEST(g.partners("ro").empty());
  for (auto& p : g.pairable_pairs())
    BOOST_TEST((p.source != "ro" && p.target != "ro"));
}

BOOST_AUTO_TEST_CASE(a_language_and_itself) {
  auto g = spanish_hub();
  BOOST_TEST((g.route("pt", "pt") == path{"pt"}));
  BOOST_TEST(!g.pairable("pt", "pt"));
  auto mine = g.partners("pt");
  BOOST_TEST((std::find(mine.begin(), mine.end(), "pt") == mine.end()));
  language_graph self_loop{{{"en", "en"}}};
  BOOST_TEST(self_loop.empty());
}

BOOST_AUTO_TEST_CASE(unknown_and_malformed_codes_have_no_route) {
  auto g = spanish_hub();
  BOOST_TEST(!g.route("xx", "es"));
  BOOST_TEST(!g.route("es", "xx"));
  BOOST_TEST(!g.route("", ""));
  BOOST_TEST(!g.route("xx", "xx"));
  BOOST_TEST(!g.pairable("en", "../es"));
  BOOST_TEST(g.partners("xx").empty());
  language_graph blanks{{{"", "es"}, {"en", ""}}};
  BOOST_TEST(blanks.empty());
}

BOOST_AUTO_TEST_CASE(an_empty_graph_knows_nothing) {
  language_graph g{{}};
  BOOST_TEST(g.empty());
  BOOST_TEST(!g.route("en", "es"));
  BOOST_TEST(g.pairable_pairs().empty());
  BOOST_TEST(g.languages().empty());
  BOOST_TEST(g.partners("en").empty());
}

BOOST_AUTO_TEST_CASE(pairable_pairs_name_their_pivots) {
  auto g = spanish_hub();
  auto pairs = g.pairable_pairs();
  // 8 languages, all connected both ways: every ordered pair.
  BOOST_TEST(pairs.size() == 8u * 7u);
  BOOST_TEST(std::is_sorted(pairs.begin(), pairs.end()));
  auto find = [&](const std::string& a, const std::string& b) {
    return *std::find(pairs.begin(), pairs.end(), language_pair{a, b});
  };
  BOOST_TEST(find("en", "es").via.empty());
  BOOST_TEST((find("en", "pt").via == path{"es"}));
  BOOST_TEST((find("pt", "ca").via == path{"es"}));
  BOOST_TEST(
      (g.languages() == path{"ca", "en", "es", "fr", "gl", "it", "pt", "ro"}));
}

BOOST_AUTO_TEST_CASE(routes_past_the_hop_limit_are_not_taken) {
  std::vector<std::pair<std::string, std::string>> chain;
  for (char c = 'a'; c < 'f'; ++c)
    chain.push_back({std::string{c, c}, std::string{char(c + 1), char(c + 1)}});
  language_graph g{both_ways(chain), 3};
  BOOST_TEST((g.route("aa", "dd") == path{"aa", "bb", "cc", "dd"}));
  BOOST_TEST(!g.route("aa", "ee"));
  BOOST_TEST(!g.pairable("aa", "ee"));
  language_graph unlimited{both_ways(chain), 0};
  BOOST_TEST(unlimited.route("aa", "ff")->size() == 6u);
}

BOOST_AUTO_TEST_CASE(two_hundred_languages_stay_cheap) {
  // A ring of 200 languages, each also linked to a hub: every route is at
  // most two hops, and the whole table is computed in well under a second.
  std::vector<std::pair<std::string, std::string>> links;
  auto code = [](int i) {
    return std::string{char('a' + i / 26 % 26), char('a' + i % 26), 'x'};
  };
  for (int i = 0; i < 200; ++i) {
    links.push_back({code(i), code((i + 1) % 200)});
    links.push_back({code(i), "hub"});
  }
  auto start = std::chrono::steady_clock::now();
  language_graph g{both_ways(links)};
  auto pairs = g.pairable_pairs();
  auto took = std::chrono::steady_clock::now() - start;
  BOOST_TEST(pairs.size() == 201u * 200u);
  auto longest =
      std::max_element(pairs.begin(), pairs.end(), [](auto& a, auto& b) {
        return a.via.size() < b.via.size();
      });
  BOOST_TEST(longest->via.size() == 1u);
  BOOST_TEST((g.route(code(0), code(100)) == path{code(0), "hub", code(100)}));
  BOOST_TEST(std::chrono::duration<double>(took).count() < 5.0);
  BOOST_TEST(g.partners(code(7)).size() == 200u);
}

BOOST_AUTO_TEST_SUITE_END()
