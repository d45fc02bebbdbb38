// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "cache/redis_url.hpp"

BOOST_AUTO_TEST_SUITE(cache_redis_url)

using namespace bridge::cache;

namespace {

std::optional<redis_endpoint> parse(std::string_view url) {
  std::string why;
  return parse_redis_url(url, why);
}

} // namespace

BOOST_AUTO_TEST_CASE(plain_urls) {
  auto ep = parse("redis://127.0.0.1:6380/2");
  BOOST_REQUIRE(ep);
  BOOST_TEST(ep->host == "127.0.0.1");
  BOOST_TEST(ep->port == 6380);
  BOOST_TEST(ep->db == 2);
  BOOST_TEST(ep->password.empty());
  auto bare = parse("redis://cache.internal");
  BOOST_TEST(bare->port == 6379);
  BOOST_TEST(bare->db == 0);
  BOOST_TEST(parse("redis://h:1/")->db == 0);
  BOOST_TEST(describe(*ep) == "127.0.0.1:6380/2");
}

BOOST_AUTO_TEST_CASE(credentials_and_escapes) {
  auto ep = parse("redis://bridge:p%40ss%3Aword@h:1/0");
  BOOST_REQUIRE(ep);
  BOOST_TEST(ep->username == "bridge");
  BOOST_TEST(ep->password == "p@ss:word");
  auto pw_only = parse("redis://:s3cret@h");
  BOOST_TEST(pw_only->username.empty());
  BOOST_TEST(pw_only->password == "s3cret");
  auto legacy = parse("redis://s3cret@h");
  BOOST_TEST(legacy->password == "s3cret");
  // An '@' in an unescaped password: the last '@' ends the credentials.
  BOOST_TEST(parse("redis://:a@b@h")->password == "a@b");
  BOOST_TEST(describe(*ep).find("word") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_urls_are_refused_without_echoing_secrets) {
  for (auto bad :
       {"", "redis:/h", "rediss://h", "http://h", "redis://", "redis://:6379",
        "redis://h:0", "redis://h:65536", "redis://h:port", "redis://h:1/x",
        "redis://h:1/-1", "redis://h:1/99999", "redis://h h", "redis://h/1/2",
        "redis://:%zz@h", "redis://:%4@h", "redis://h\n:1"}) {
    std::string why;
    BOOST_TEST(!parse_redis_url(bad, why), "accepted '" << bad << "'");
    BOOST_TEST(!why.empty());
  }
  std::string why;
  BOOST_TEST(!parse_redis_url("redis://u:TOPSECRET@h:99999", why));
  BOOST_TEST(why.find("TOPSECRET") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // cache_redis_url
