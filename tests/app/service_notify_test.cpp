// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <string>

#include "app/service_notify.hpp"
#include "tests/support/notify_socket.hpp"

BOOST_AUTO_TEST_SUITE(app_service_notify)

// systemd's side of Type=notify is a UNIX datagram socket named by
// NOTIFY_SOCKET; the test plays it.

using bridge::test::notify_socket;

namespace {

/// The test's socket as NOTIFY_SOCKET while the object lives.
struct fake_systemd : notify_socket {
  fake_systemd() { setenv("NOTIFY_SOCKET", path().c_str(), 1); }
  ~fake_systemd() { unsetenv("NOTIFY_SOCKET"); }
};

} // namespace

BOOST_AUTO_TEST_CASE(ready_and_stopping_reach_the_socket) {
  fake_systemd sd;
  BOOST_TEST(bridge::service::notify_ready());
  auto ready = sd.next(5000);
  BOOST_REQUIRE(ready);
  BOOST_TEST(notify_socket::has(*ready, "READY=1"), *ready);
  BOOST_TEST(bridge::service::notify_stopping());
  auto stopping = sd.next(5000);
  BOOST_REQUIRE(stopping);
  BOOST_TEST(notify_socket::has(*stopping, "STOPPING=1"), *stopping);
  BOOST_TEST(!notify_socket::has(*stopping, "READY=1"));
}

BOOST_AUTO_TEST_CASE(nothing_is_sent_without_notify_socket) {
  unsetenv("NOTIFY_SOCKET");
  BOOST_TEST(!bridge::service::notify_ready());
  BOOST_TEST(!bridge::service::notify_stopping());
  BOOST_TEST(!bridge::service::notify_status("idle"));
}

BOOST_AUTO_TEST_CASE(the_watch_says_ready_once_readiness_holds) {
  fake_systemd sd;
  std::atomic<bool> flag{false};
  std::atomic<int> asked{0};
  bridge::service::readiness_watch watch{[&] {
                                           ++asked;
                                           return flag.load();
                                         },
                                         std::chrono::milliseconds{5}};
  // Not ready: asked again and again, nothing sent.
  while (asked < 3)
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
  BOOST_TEST(!sd.next(0));
  BOOST_TEST(!watch.became_ready());
  flag = true;
  auto ready = sd.next(10000);
  BOOST_REQUIRE(ready);
  BOOST_TEST(notify_socket::has(*ready, "READY=1"), *ready);
  // Once only.
  BOOST_TEST(!sd.next(50));
}

BOOST_AUTO_TEST_CASE(a_watch_stopped_before_readiness_sends_nothing) {
  fake_systemd sd;
  {
    bridge::service::readiness_watch watch{[] { return false; },
                                           std::chrono::milliseconds{5}};
  }
  BOOST_TEST(!sd.next(50));
}

BOOST_AUTO_TEST_SUITE_END() // app_service_notify
