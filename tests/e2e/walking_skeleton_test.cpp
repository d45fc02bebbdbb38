// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/sim_world.hpp"

BOOST_AUTO_TEST_SUITE(e2e_walking_skeleton)

using namespace bridge::test;

BOOST_AUTO_TEST_CASE(an_update_travels_to_the_session_and_back) {
  sim_world world{{"--translator.backend=fake"}};
  auto ana = make_user(1001, "Ana", "es");
  world.say(ana, "/start");
  auto first = world.next_message(ana.id);
  BOOST_TEST(first.text.find("Bridge") != std::string::npos, first.text);
  // Text before registering is answered, in the user's language.
  world.say(ana, "hola");
  auto second = world.next_message(ana.id);
  BOOST_TEST(second.text.find("registrarte") != std::string::npos, second.text);
  // Every Bot API URL carries the token; the engine's log must not.
  BOOST_TEST(world.engine().stop() == 0);
  auto log = world.engine().log_tail(1 << 20);
  BOOST_TEST(log.find("AAE2eTestTokenForBridgeEndToEnd") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_walking_skeleton
