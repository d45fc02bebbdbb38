#include <boost/test/unit_test.hpp>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "app/service_notify.hpp"
#include "tests/support/process.hpp"

BOOST_AUTO_TEST_SUITE(app_service_notify)

// systemd's side of Type=notify is a UNIX datagram socket named by
// NOTIFY_SOCKET; the test plays it.

namespace {

/// A datagram socket bound in a scratch folder, NOTIFY_SOCKET pointing at
/// it while the object lives.
struct fake_systemd {
  std::string dir = bridge::test::make_scratch_dir("notify");
  std::string path = dir + "/notify.sock";
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

  fake_systemd() {
    BOOST_REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    BOOST_REQUIRE(path.size() < sizeof addr.sun_path);
    path.copy(addr.sun_path, path.size());
    BOOST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
  }
  ~fake_systemd() {
    unsetenv("NOTIFY_SOCKET");
    close(fd);
    std::filesystem::remove_all(dir);
  }

  /// The next notice, or nothing within `ms` (a wait for a message that
  /// should come, never a measure of time).
  std::optional<std::string> next(int ms) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) != 1)
      return std::nullopt;
    char buf[512];
    auto n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      return std::nullopt;
    return std::string(buf, static_cast<size_t>(n));
  }
};

bool has_line(const std::string& notice, const std::string& line) {
  return ("\n" + notice + "\n").find("\n" + line + "\n") != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_CASE(ready_and_stopping_reach_the_socket) {
  fake_systemd sd;
  BOOST_TEST(bridge::service::notify_ready());
  auto ready = sd.next(5000);
  BOOST_REQUIRE(ready);
  BOOST_TEST(has_line(*ready, "READY=1"), *ready);
  BOOST_TEST(bridge::service::notify_stopping());
  auto stopping = sd.next(5000);
  BOOST_REQUIRE(stopping);
  BOOST_TEST(has_line(*stopping, "STOPPING=1"), *stopping);
  BOOST_TEST(!has_line(*stopping, "READY=1"));
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
  BOOST_TEST(has_line(*ready, "READY=1"), *ready);
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
