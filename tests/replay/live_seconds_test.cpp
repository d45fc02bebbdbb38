// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "tools/bridge_replay/live_seconds.hpp"

BOOST_AUTO_TEST_SUITE(replay_live_seconds)

// The live per-second CSV on a virtual clock: a second is written once it
// is over plus the grace, in order, empty seconds included, and whatever
// came too late for its line is counted, not rewritten.

using namespace bridge::replay;

namespace {

constexpr int64_t start = 1'000'000;

struct fixture {
  int64_t now = start;
  std::ostringstream out;
  std::vector<latency_sample> samples;
  std::vector<int64_t> sent;
  per_second_writer w{out, bridge::clock::fixed([this] { return now; }), start,
                      500};

  std::string written() const { return out.str(); }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(the_header_comes_first, fixture) {
  BOOST_TEST(written() == "second,sent,delivered,p50_ms,p99_ms,max_ms\n");
  w.update(samples, sent);
  BOOST_TEST(written() == "second,sent,delivered,p50_ms,p99_ms,max_ms\n");
}

BOOST_FIXTURE_TEST_CASE(a_second_is_written_after_its_grace, fixture) {
  sent = {start + 10, start + 20, start + 1'100};
  samples = {{start + 300, 290}, {start + 900, 10}};
  now = start + 1'499; // second 0 is over, its grace is not
  w.update(samples, sent);
  BOOST_TEST(written() == "second,sent,delivered,p50_ms,p99_ms,max_ms\n");
  now = start + 1'500;
  w.update(samples, sent);
  BOOST_TEST(written()
             == "second,sent,delivered,p50_ms,p99_ms,max_ms\n"
                "0,2,2,10,290,290\n");
}

BOOST_FIXTURE_TEST_CASE(quiet_seconds_are_written_as_zeros, fixture) {
  sent = {start + 10};
  now = start + 3'600;
  w.update(samples, sent);
  BOOST_TEST(written()
             == "second,sent,delivered,p50_ms,p99_ms,max_ms\n"
                "0,1,0,0,0,0\n"
                "1,0,0,0,0,0\n"
                "2,0,0,0,0,0\n");
}

BOOST_FIXTURE_TEST_CASE(later_figures_only_add_to_open_seconds, fixture) {
  now = start + 1'500;
  w.update(samples, sent);               // writes second 0
  samples.push_back({start + 200, 5});   // too late for second 0
  samples.push_back({start + 1'200, 7}); // second 1, still open
  w.update(samples, sent);
  BOOST_TEST(w.late() == 1);
  w.finish();
  BOOST_TEST(written()
             == "second,sent,delivered,p50_ms,p99_ms,max_ms\n"
                "0,0,0,0,0,0\n"
                "1,0,1,7,7,7\n");
}

BOOST_FIXTURE_TEST_CASE(finish_writes_what_is_left, fixture) {
  sent = {start + 2'100};
  samples = {{start + 2'400, 300}};
  w.update(samples, sent);
  w.finish();
  BOOST_TEST(written()
             == "second,sent,delivered,p50_ms,p99_ms,max_ms\n"
                "0,0,0,0,0,0\n"
                "1,0,0,0,0,0\n"
                "2,1,1,300,300,300\n");
  w.finish(); // nothing twice
  BOOST_TEST(written().size()
             == std::string{"second,sent,delivered,p50_ms,"
                            "p99_ms,max_ms\n0,0,0,0,0,0\n1,"
                            "0,0,0,0,0\n2,1,1,300,300,300\n"}
                    .size());
}

BOOST_AUTO_TEST_SUITE_END()
