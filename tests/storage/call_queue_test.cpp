// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "storage/call_queue.hpp"

BOOST_AUTO_TEST_SUITE(storage_call_queue)

using bridge::storage::call_queue;
using namespace std::chrono_literals;

namespace {

using queue = call_queue<int>;
using tp = queue::time_point;

const tp t0 = tp{} + 1000s;

bool kind_one_batches(uint32_t kind) {
  return kind == 1;
}

std::vector<int> values(const std::vector<queue::entry>& es) {
  std::vector<int> out;
  for (auto& e : es)
    out.push_back(e.value);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_full_queue_refuses_without_queueing) {
  queue q{2, 3};
  BOOST_TEST(q.push(0, 1, t0, t0 + 1s, 1));
  BOOST_TEST(q.push(0, 1, t0, t0 + 1s, 2));
  BOOST_TEST(q.push(1, 1, t0, t0 + 1s, 3));
  BOOST_TEST(!q.push(1, 1, t0, t0 + 1s, 4));
  BOOST_TEST(q.size() == 3u);
  BOOST_TEST(!q.push(7, 1, t0, t0 + 1s, 5)); // no such kind
}

BOOST_AUTO_TEST_CASE(calls_leave_oldest_first_across_kinds) {
  queue q{3, 10};
  q.push(2, 1, t0, t0 + 1s, 1);
  q.push(0, 1, t0, t0 + 1s, 2);
  q.push(2, 1, t0, t0 + 1s, 3);
  std::vector<int> order;
  while (!q.empty())
    for (auto v : values(q.take(kind_one_batches, 100)))
      order.push_back(v);
  BOOST_TEST((order == std::vector<int>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(
    a_batchable_kind_leaves_with_its_followers_up_to_the_weight) {
  queue q{2, 100};
  q.push(1, 2, t0, t0 + 1s, 1);
  q.push(0, 1, t0, t0 + 1s, 2);
  q.push(1, 3, t0, t0 + 1s, 3);
  q.push(1, 4, t0, t0 + 1s, 4);
  q.push(1, 1, t0, t0 + 1s, 5);
  // 2 + 3 fits in 6, + 4 does not: the batch stops there (order is kept).
  BOOST_TEST((values(q.take(kind_one_batches, 6)) == std::vector<int>{1, 3}));
  BOOST_TEST((values(q.take(kind_one_batches, 6)) == std::vector<int>{2}));
  BOOST_TEST((values(q.take(kind_one_batches, 6)) == std::vector<int>{4, 5}));
  BOOST_TEST(q.empty());
}

BOOST_AUTO_TEST_CASE(a_heavy_call_still_leaves_alone) {
  queue q{2, 100};
  q.push(1, 50, t0, t0 + 1s, 1);
  q.push(1, 1, t0, t0 + 1s, 2);
  BOOST_TEST((values(q.take(kind_one_batches, 10)) == std::vector<int>{1}));
}

BOOST_AUTO_TEST_CASE(other_kinds_never_batch) {
  queue q{2, 100};
  q.push(0, 1, t0, t0 + 1s, 1);
  q.push(0, 1, t0, t0 + 1s, 2);
  BOOST_TEST(q.take(kind_one_batches, 100).size() == 1u);
}

BOOST_AUTO_TEST_CASE(expired_calls_are_removed_and_the_rest_keep_order) {
  queue q{2, 100};
  q.push(0, 1, t0, t0 + 5s, 1);
  q.push(0, 1, t0, t0 + 1s, 2);
  q.push(1, 1, t0, t0 + 2s, 3);
  q.push(0, 1, t0, t0 + 9s, 4);
  BOOST_TEST((q.next_deadline() == t0 + 1s));
  BOOST_TEST((values(q.expire(t0 + 2s)) == std::vector<int>{2, 3}));
  BOOST_TEST(q.size() == 2u);
  BOOST_TEST((q.next_deadline() == t0 + 5s));
  BOOST_TEST((values(q.take(kind_one_batches, 9)) == std::vector<int>{1}));
  BOOST_TEST(q.expire(t0 + 8s).empty());
  BOOST_TEST(values(q.expire(t0 + 9s)) == std::vector<int>{4});
  BOOST_TEST(!q.next_deadline());
}

BOOST_AUTO_TEST_CASE(
    requeued_calls_return_in_arrival_order_ahead_of_younger_ones) {
  queue q{2, 3};
  for (int i = 1; i <= 3; ++i)
    q.push(1, 1, t0, t0 + 1s, i);
  auto first = q.take(kind_one_batches, 1);  // 1
  auto second = q.take(kind_one_batches, 1); // 2
  q.push(1, 1, t0, t0 + 1s, 4);
  q.push(1, 1, t0, t0 + 1s, 5);
  // Turns may come back in any order; arrival order is restored. The
  // queue was full, yet admitted calls always get back in.
  q.requeue(std::move(second));
  q.requeue(std::move(first));
  BOOST_TEST(q.size() == 5u);
  BOOST_TEST((values(q.take(kind_one_batches, 10))
              == std::vector<int>{1, 2, 3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(a_kind_held_back_keeps_waiting_and_grows) {
  queue q{3, 100};
  q.push(1, 1, t0, t0 + 1s, 1);
  q.push(2, 1, t0, t0 + 1s, 2);
  q.push(1, 1, t0, t0 + 1s, 3);
  auto not_one = [](uint32_t kind) { return kind != 1; };
  // The oldest call is of kind 1, which may not leave: kind 2 goes first.
  BOOST_TEST(values(q.take(kind_one_batches, 10, not_one))
             == std::vector<int>{2});
  BOOST_TEST(q.take(kind_one_batches, 10, not_one).empty());
  q.push(1, 1, t0, t0 + 1s, 4);
  // Allowed again, kind 1 leaves as one batch of everything that waited.
  BOOST_TEST(values(q.take(kind_one_batches, 10))
             == (std::vector<int>{1, 3, 4}));
  BOOST_TEST(q.empty());
}

BOOST_AUTO_TEST_CASE(one_kind_can_be_taken_by_name_up_to_the_weight) {
  queue q{3, 100};
  q.push(1, 1, t0, t0 + 1s, 1);
  q.push(2, 2, t0, t0 + 1s, 2);
  q.push(2, 2, t0, t0 + 1s, 3);
  q.push(2, 2, t0, t0 + 1s, 4);
  BOOST_TEST(q.waiting(2));
  BOOST_TEST(!q.waiting(0));
  BOOST_TEST(!q.waiting(9)); // no such kind
  BOOST_TEST(q.take_kind(0, 10).empty());
  BOOST_TEST(q.take_kind(9, 10).empty());
  BOOST_TEST((values(q.take_kind(2, 4)) == std::vector<int>{2, 3}));
  // A weight bound of 0 takes the first alone, however light.
  BOOST_TEST((values(q.take_kind(2, 0)) == std::vector<int>{4}));
  BOOST_TEST(!q.waiting(2));
  BOOST_TEST(q.size() == 1u);
  BOOST_TEST((values(q.take(kind_one_batches, 10)) == std::vector<int>{1}));
  BOOST_TEST(q.empty());
}

BOOST_AUTO_TEST_CASE(
    the_waiting_weight_of_a_kind_follows_every_way_in_and_out) {
  queue q{3, 100};
  BOOST_TEST(q.waiting_weight(1) == 0u);
  BOOST_TEST(q.waiting_weight(9) == 0u); // no such kind
  q.push(1, 3, t0, t0 + 1s, 1);
  q.push(1, 4, t0, t0 + 2s, 2);
  q.push(2, 5, t0, t0 + 1s, 3);
  BOOST_TEST(q.waiting_weight(1) == 7u);
  BOOST_TEST(q.waiting_weight(2) == 5u);
  auto taken = q.take_kind(1, 3);
  BOOST_TEST(q.waiting_weight(1) == 4u);
  q.requeue(std::move(taken));
  BOOST_TEST(q.waiting_weight(1) == 7u);
  // Expiry takes the first of kind 1 and all of kind 2.
  BOOST_TEST(q.expire(t0 + 1s).size() == 2u);
  BOOST_TEST(q.waiting_weight(1) == 4u);
  BOOST_TEST(q.waiting_weight(2) == 0u);
  q.take(kind_one_batches, 10);
  BOOST_TEST(q.waiting_weight(1) == 0u);
  BOOST_TEST(q.empty());
}

BOOST_AUTO_TEST_SUITE_END() // storage_call_queue
