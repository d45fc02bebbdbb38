// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cluster/lease_plan.hpp"
#include "cluster/partition.hpp"

BOOST_AUTO_TEST_SUITE(cluster_lease_plan)

using namespace bridge;
using namespace bridge::cluster;

namespace {

constexpr int64_t now = 1'000'000;
constexpr int32_t parts = 16;

lease_record free_row(int32_t p, int64_t epoch = 0) {
  return {p, "", epoch, 0, 0};
}

lease_record live_row(int32_t p, std::string owner, int64_t epoch) {
  return {p, std::move(owner), epoch, now - 100, now + 500};
}

lease_record expired_row(int32_t p, std::string owner, int64_t epoch) {
  return {p, std::move(owner), epoch, now - 9000, now - 1};
}

/// Rows -1 .. parts-1, all free.
std::vector<lease_record> all_free() {
  std::vector<lease_record> out;
  for (int32_t p = intake_partition; p < parts; ++p)
    out.push_back(free_row(p));
  return out;
}

lease_inputs base(std::string me, std::vector<std::string> members) {
  lease_inputs in;
  in.me = std::move(me);
  in.now_ms = now;
  in.partitions = parts;
  in.members = std::move(members);
  in.leases = all_free();
  return in;
}

void set_row(lease_inputs& in, lease_record row) {
  for (auto& l : in.leases)
    if (l.partition == row.partition)
      l = row;
}

/// The partitions (not the intake) rendezvous gives `me` among `members`.
std::vector<int32_t> share_of(const std::string& me,
                              const std::vector<std::string>& members) {
  std::vector<int32_t> out;
  for (int32_t p = 0; p < parts; ++p)
    if (rendezvous_owner(p, members) == me)
      out.push_back(p);
  return out;
}

std::vector<int32_t> range(int32_t from, int32_t to) {
  std::vector<int32_t> out;
  for (int32_t p = from; p < to; ++p)
    out.push_back(p);
  return out;
}

std::vector<int32_t> partitions_of(const std::vector<lease_ref>& refs) {
  std::vector<int32_t> out;
  for (const auto& r : refs)
    out.push_back(r.partition);
  return out;
}

using ints = std::vector<int32_t>;
using refs = std::vector<lease_ref>;

} // namespace

BOOST_AUTO_TEST_CASE(alone_on_a_fresh_database_it_takes_everything) {
  auto in = base("a", {"a"});
  in.wants_intake = true;
  auto plan = plan_leases(in);
  BOOST_TEST(plan.acquire == range(-1, parts));
  BOOST_TEST(plan.renew.empty());
  BOOST_TEST(plan.release.empty());
  BOOST_TEST(plan.lost.empty());
  BOOST_TEST(plan.changes());
  // Not wanting the intake role, it leaves -1 alone.
  in.wants_intake = false;
  BOOST_TEST(plan_leases(in).acquire == range(0, parts));
  // Listed as a member or not, it counts itself.
  in.members.clear();
  BOOST_TEST(plan_leases(in).acquire == range(0, parts));
}

BOOST_AUTO_TEST_CASE(two_members_split_the_partitions) {
  std::vector<std::string> both{"a", "b"};
  auto pa = plan_leases(base("a", both)).acquire;
  auto pb = plan_leases(base("b", both)).acquire;
  BOOST_TEST(pa == share_of("a", both));
  BOOST_TEST(pb == share_of("b", both));
  BOOST_TEST(!pa.empty());
  BOOST_TEST(!pb.empty());
  BOOST_TEST(pa.size() + pb.size() == size_t{parts});
}

BOOST_AUTO_TEST_CASE(an_expired_lease_of_a_dead_member_is_taken) {
  auto in = base("a", {"a"});
  in.leases.clear();
  in.leases.push_back(expired_row(3, "dead", 7));
  auto plan = plan_leases(in);
  BOOST_TEST(plan.acquire == ints{3});
  BOOST_TEST(plan.lost.empty());
}

BOOST_AUTO_TEST_CASE(a_live_lease_of_another_is_never_taken) {
  // Its holder's heartbeat is gone, but the lease has not expired: only
  // expiry frees a partition.
  auto in = base("a", {"a"});
  set_row(in, live_row(3, "quiet", 7));
  auto plan = plan_leases(in);
  BOOST_TEST(std::count(plan.acquire.begin(), plan.acquire.end(), 3) == 0);
  BOOST_TEST(plan.acquire.size() == size_t{parts - 1});
  // Nor when rendezvous names me while the holder lives.
  std::vector<std::string> both{"a", "b"};
  auto mine = share_of("a", both);
  BOOST_REQUIRE(!mine.empty());
  auto in2 = base("a", both);
  set_row(in2, live_row(mine.front(), "b", 2));
  auto p2 = plan_leases(in2).acquire;
  BOOST_TEST(std::count(p2.begin(), p2.end(), mine.front()) == 0);
}

BOOST_AUTO_TEST_CASE(a_newcomer_gets_its_share_handed_over) {
  auto in = base("a", {"a", "n"});
  for (int32_t p = 0; p < parts; ++p) {
    set_row(in, live_row(p, "a", 10 + p));
    in.held[p] = 10 + p;
  }
  auto plan = plan_leases(in);
  auto theirs = share_of("n", {"a", "n"});
  BOOST_REQUIRE(!theirs.empty());
  BOOST_TEST(partitions_of(plan.release) == theirs);
  for (const auto& r : plan.release)
    BOOST_TEST(r.epoch == 10 + r.partition);
  BOOST_TEST(plan.renew == share_of("a", {"a", "n"}));
  BOOST_TEST(plan.acquire.empty());
  BOOST_TEST(plan.lost.empty());
}

BOOST_AUTO_TEST_CASE(leaving_releases_everything) {
  auto in = base("a", {"a", "b"});
  in.wants_intake = true;
  in.leaving = true;
  for (int32_t p : {-1, 0, 5}) {
    set_row(in, live_row(p, "a", 3));
    in.held[p] = 3;
  }
  auto plan = plan_leases(in);
  BOOST_TEST((plan.release == refs{{-1, 3}, {0, 3}, {5, 3}}));
  BOOST_TEST(plan.renew.empty());
  BOOST_TEST(plan.acquire.empty());
  BOOST_TEST(plan.lost.empty());
}

BOOST_AUTO_TEST_CASE(leases_taken_moved_on_expired_or_gone_are_lost) {
  auto in = base("a", {"a"});
  in.leases.clear();
  in.leases.push_back(live_row(1, "b", 6));    // taken by another
  in.leases.push_back(live_row(2, "a", 9));    // mine, but a newer epoch
  in.leases.push_back(expired_row(3, "a", 4)); // mine, expired
  in.leases.push_back(free_row(4, 8));         // released behind my back
  in.leases.push_back(live_row(5, "a", 2));    // still mine
  in.held = {{1, 5}, {2, 8}, {3, 4}, {4, 7}, {5, 2}, {7, 1}}; // 7: no row
  auto plan = plan_leases(in);
  BOOST_TEST((plan.lost == refs{{1, 5}, {2, 8}, {3, 4}, {4, 7}, {7, 1}}));
  BOOST_TEST(plan.renew == ints{5});
  // Alone, it takes the free ones again, under new epochs (2: the row is
  // mine but not what runs here).
  BOOST_TEST(plan.acquire == (ints{2, 3, 4}));
  BOOST_TEST(plan.release.empty());
}

BOOST_AUTO_TEST_CASE(a_row_of_an_earlier_life_is_retaken_or_freed) {
  std::vector<std::string> both{"a", "b"};
  auto mine = share_of("a", both);
  auto theirs = share_of("b", both);
  BOOST_REQUIRE(!mine.empty());
  BOOST_REQUIRE(!theirs.empty());
  auto in = base("a", both);
  in.leases.clear();
  in.leases.push_back(live_row(mine.front(), "a", 4));
  in.leases.push_back(live_row(theirs.front(), "a", 5));
  auto plan = plan_leases(in);
  BOOST_TEST(plan.acquire == ints{mine.front()});
  BOOST_TEST((plan.release == refs{{theirs.front(), 5}}));
  BOOST_TEST(plan.lost.empty());
}

BOOST_AUTO_TEST_CASE(the_intake_role_stays_with_a_live_holder) {
  // Held by another live engine: not taken, whoever else joins.
  auto in = base("a", {"a", "b"});
  in.wants_intake = true;
  set_row(in, live_row(intake_partition, "b", 4));
  auto plan = plan_leases(in);
  BOOST_TEST(std::count(plan.acquire.begin(), plan.acquire.end(), -1) == 0);
  // Held by me: renewed, never handed over on a rebalance.
  auto mine = base("a", {"a", "b", "c", "d"});
  mine.wants_intake = true;
  set_row(mine, live_row(intake_partition, "a", 4));
  mine.held[intake_partition] = 4;
  auto p2 = plan_leases(mine);
  BOOST_TEST(p2.renew == ints{-1});
  BOOST_TEST(partitions_of(p2.release).empty());
  // Expired: taken by whoever wants it.
  set_row(in, expired_row(intake_partition, "b", 4));
  auto p3 = plan_leases(in);
  BOOST_TEST(std::count(p3.acquire.begin(), p3.acquire.end(), -1) == 1);
  // Not by one that does not.
  in.wants_intake = false;
  auto p4 = plan_leases(in);
  BOOST_TEST(std::count(p4.acquire.begin(), p4.acquire.end(), -1) == 0);
}

BOOST_AUTO_TEST_CASE(a_quiet_round_changes_nothing) {
  auto in = base("a", {"a"});
  in.wants_intake = true;
  for (int32_t p = intake_partition; p < parts; ++p) {
    set_row(in, live_row(p, "a", 1));
    in.held[p] = 1;
  }
  auto plan = plan_leases(in);
  BOOST_TEST(plan.renew == range(-1, parts));
  BOOST_TEST(!plan.changes());
}

BOOST_AUTO_TEST_SUITE_END() // cluster_lease_plan
