#include <boost/test/unit_test.hpp>

#include <random>

#include "domain/invite_code.hpp"

BOOST_AUTO_TEST_SUITE(domain_invite_code)

using namespace bridge::domain;

BOOST_AUTO_TEST_CASE(codes_round_trip) {
  std::mt19937_64 rng{7};
  for (int i = 0; i < 1000; ++i) {
    auto c = random_code(rng);
    BOOST_TEST(c.size() == 12u);
    BOOST_TEST(*parse_code(c) == c);
  }
}

BOOST_AUTO_TEST_CASE(people_type_codes_loosely) {
  BOOST_TEST(*parse_code("  bridge-48213 ") == "BRIDGE-48213");
  BOOST_TEST(*parse_code("BRIDGE48213") == "BRIDGE-48213");
  BOOST_TEST(*parse_code("Bridge 48213") == "BRIDGE-48213");
}

BOOST_AUTO_TEST_CASE(non_codes_are_refused) {
  for (auto bad : {"", "BRIDGE-", "BRIDGE-1234", "BRIDGE-123456", "BRIDGE-09999",
                   "BRIDGE-4821x", "BRIDGE--48213", "hello", "BRIDGE-４８２１３",
                   "XBRIDGE-48213", "BRIDGE-48213 please"})
    BOOST_TEST(!parse_code(bad), bad);
}

BOOST_AUTO_TEST_SUITE_END() // domain_invite_code
