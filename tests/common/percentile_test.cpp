// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/percentile.hpp"

BOOST_AUTO_TEST_SUITE(common_percentile)

// The one percentile rule of the reports and benchmarks: nearest rank,
// rank ceil(p * n / 100), a value of the sample. Each row names what it
// pins down; the rows marked "rule" fail under the rules this one
// replaced (index floor(p * n), index floor(p * (n - 1)), p / 100 * n).

using bridge::percentile;

namespace {

struct row {
  const char* what;
  std::vector<int64_t> sample;
  double p;
  int64_t want;
};

std::vector<int64_t> one_to(int64_t n) {
  std::vector<int64_t> v;
  for (int64_t i = 1; i <= n; ++i)
    v.push_back(i);
  return v;
}

std::vector<int64_t> hundred_to_one() {
  std::vector<int64_t> v;
  for (int64_t i = 100; i >= 1; --i)
    v.push_back(i);
  return v;
}

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

const std::vector<row> rows{
    {"empty sample, p50", {}, 50, 0},
    {"empty sample, p0", {}, 0, 0},
    {"empty sample, p100", {}, 100, 0},
    {"one value, p0", {7}, 0, 7},
    {"one value, p50", {7}, 50, 7},
    {"one value, p99", {7}, 99, 7},
    {"one value, p100", {7}, 100, 7},
    {"1..100, p0 is the least", one_to(100), 0, 1},
    {"1..100, p0.1 is rank 1", one_to(100), 0.1, 1},
    {"1..100, p50", one_to(100), 50, 50},
    {"1..100, p95", one_to(100), 95, 95},
    {"1..100, p99", one_to(100), 99, 99},
    {"1..100, p99.5 rounds the rank up", one_to(100), 99.5, 100},
    {"1..100, p100 is the most", one_to(100), 100, 100},
    {"1..1000, p99", one_to(1000), 99, 990},
    {"unsorted, p50", hundred_to_one(), 50, 50},
    {"unsorted, p99", hundred_to_one(), 99, 99},
    {"unsorted, p100", {3, 9, 1, 7, 5}, 100, 9},
    {"unsorted, p0", {3, 9, 1, 7, 5}, 0, 1},
    {"unsorted, p40", {3, 9, 1, 7, 5}, 40, 3},
    {"duplicates, p20 is rank 1", {5, 9, 5, 1, 5}, 20, 1},
    {"duplicates, p21 is rank 2", {5, 9, 5, 1, 5}, 21, 5},
    {"duplicates, p80 is rank 4", {5, 9, 5, 1, 5}, 80, 5},
    {"duplicates, p81 is rank 5", {5, 9, 5, 1, 5}, 81, 9},
    {"all equal", {4, 4, 4, 4}, 75, 4},
    {"negative values", {-3, -1, -2}, 50, -2},
    {"p below 0 is the least", {3, 9, 1}, -5, 1},
    {"p above 100 is the most", {3, 9, 1}, 150, 9},
    {"p -inf is the least", {3, 9, 1}, -inf, 1},
    {"p +inf is the most", {3, 9, 1}, inf, 9},
    {"p NaN reads as 0", {3, 9, 1}, nan, 1},
    {"rule: 1..10 p50 is rank 5, not index 5", one_to(10), 50, 5},
    {"rule: 1..10 p90 is rank 9, not index 9", one_to(10), 90, 9},
    {"rule: 1..10 p99 is rank 10, not index floor(0.99 * 9)", one_to(10), 99,
     10},
    {"rule: two values, p50 is the lower", {20, 10}, 50, 10},
    {"rule: two values, p51 is the upper", {20, 10}, 51, 20},
    {"rule: 1..100 p7 is 7, not 8 (0.07 * 100 > 7)", one_to(100), 7, 7},
};

} // namespace

BOOST_AUTO_TEST_CASE(every_row_of_the_table) {
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.what) {
      BOOST_TEST(percentile(r.sample, r.p) == r.want);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_callers_sample_is_left_as_it_was) {
  std::vector<int64_t> sample{3, 9, 1, 7, 5};
  auto copy = sample;
  BOOST_TEST(percentile(sample, 50) == 5);
  BOOST_TEST(sample == copy, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_large_shuffled_sample_agrees_with_its_sorted_self) {
  // 1..1000 in a fixed scrambled order (multiplying by 337 modulo 1001
  // permutes 1..1000): every whole percentile matches the sorted sample.
  std::vector<int64_t> scrambled, sorted = one_to(1000);
  for (int64_t i = 1; i <= 1000; ++i)
    scrambled.push_back(i * 337 % 1001);
  for (int p = 0; p <= 100; ++p) {
    BOOST_TEST_CONTEXT("p" << p) {
      BOOST_TEST(percentile(scrambled, p) == percentile(sorted, p));
      BOOST_TEST(percentile(sorted, p) == (p == 0 ? 1 : p * 10));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END() // common_percentile
