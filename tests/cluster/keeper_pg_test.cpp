// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <caf/all.hpp>

#include "cluster/keeper.hpp"
#include "cluster/partition.hpp"
#include "messages/atoms.hpp"
#include "tests/cluster/cluster_fixture.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(cluster_keeper_pg)

using namespace bridge;
using namespace bridge::cluster;
using bridge::test::wait_until;
using std::chrono::milliseconds;

namespace {

constexpr int32_t parts = 16;
constexpr milliseconds ttl{600};
constexpr milliseconds patience{30000};

/// What a subscriber was told, read from the test's thread.
struct ownership {
  std::mutex m;
  std::map<int32_t, int64_t> owned;
  std::vector<partition_lost> lost;
  std::vector<int32_t> nudged;

  std::map<int32_t, int64_t> now() {
    std::lock_guard<std::mutex> g{m};
    return owned;
  }

  std::vector<partition_lost> lost_so_far() {
    std::lock_guard<std::mutex> g{m};
    return lost;
  }

  size_t nudges() {
    std::lock_guard<std::mutex> g{m};
    return nudged.size();
  }
};

/// A subscriber that stops nothing but records everything, and confirms
/// every handover.
caf::behavior recorder(caf::event_based_actor*,
                       std::shared_ptr<ownership> rec) {
  return {
      [rec](partition_owned& o) {
        std::lock_guard<std::mutex> g{rec->m};
        rec->owned[o.partition] = o.epoch;
      },
      [rec](partition_lost& l) {
        std::lock_guard<std::mutex> g{rec->m};
        rec->owned.erase(l.partition);
        rec->lost.push_back(l);
        return true;
      },
      [rec](partition_nudge& n) {
        std::lock_guard<std::mutex> g{rec->m};
        rec->nudged.push_back(n.partition);
      },
  };
}

/// A subscriber that refuses every handover (something still runs), and
/// lets go only of what it is told is lost.
caf::behavior stubborn(caf::event_based_actor*,
                       std::shared_ptr<ownership> rec) {
  return {
      [rec](partition_owned& o) {
        std::lock_guard<std::mutex> g{rec->m};
        rec->owned[o.partition] = o.epoch;
      },
      [rec](partition_lost& l) {
        std::lock_guard<std::mutex> g{rec->m};
        rec->lost.push_back(l);
        if (l.handed_over)
          return false;
        rec->owned.erase(l.partition);
        return true;
      },
      [](partition_nudge&) {},
  };
}

/// The partitions (with the intake role when `intake`) rendezvous gives
/// `me` among `members`.
std::set<int32_t> share_of(const std::string& me,
                           const std::vector<std::string>& members,
                           bool intake) {
  std::set<int32_t> out;
  if (intake)
    out.insert(intake_partition);
  for (int32_t p = 0; p < parts; ++p)
    if (rendezvous_owner(p, members) == me)
      out.insert(p);
  return out;
}

std::set<int32_t> keys(const std::map<int32_t, int64_t>& m) {
  std::set<int32_t> out;
  for (const auto& [p, e] : m)
    out.insert(p);
  return out;
}

struct engine {
  std::shared_ptr<ownership> rec = std::make_shared<ownership>();
  caf::actor subscriber;
  caf::actor keeper;
};

struct keeper_fixture : bridge::test::system_fixture, bridge::test::cluster_db {
  std::map<std::string, engine> engines;

  engine& start(const std::string& id, bool confirms = true) {
    auto& e = engines[id];
    e.subscriber =
        confirms ? sys->spawn(recorder, e.rec) : sys->spawn(stubborn, e.rec);
    keeper_options ko;
    ko.dsn = db.dsn();
    ko.instance_id = id;
    ko.address = id + ":9100";
    ko.partitions = parts;
    ko.ttl = ttl;
    ko.wants_intake = true;
    ko.subscriber = e.subscriber;
    e.keeper = sys->spawn<caf::detached>(keeper, ko);
    return e;
  }

  /// Whether `a` and `b` own exactly their rendezvous shares, and exactly
  /// one of them the intake role.
  bool split(const std::string& a, const std::string& b) {
    auto oa = keys(engines[a].rec->now());
    auto ob = keys(engines[b].rec->now());
    bool one_intake =
        oa.count(intake_partition) + ob.count(intake_partition) == 1;
    oa.erase(intake_partition);
    ob.erase(intake_partition);
    return one_intake && oa == share_of(a, {a, b}, false)
           && ob == share_of(b, {a, b}, false);
  }

  bool owns_everything(const std::string& id) {
    return keys(engines[id].rec->now()) == share_of(id, {id}, true);
  }

  ~keeper_fixture() {
    for (auto& [id, e] : engines) {
      caf::anon_send_exit(e.keeper, caf::exit_reason::user_shutdown);
      caf::anon_send_exit(e.subscriber, caf::exit_reason::user_shutdown);
    }
    sys->await_all_actors_done();
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(two_keepers_split_and_a_crash_moves_everything,
                        keeper_fixture) {
  start("engine-a");
  start("engine-b");
  BOOST_TEST_REQUIRE(
      wait_until([&] { return split("engine-a", "engine-b"); }, patience));
  auto before = engines["engine-a"].rec->now();
  // Neither is empty-handed with 16 partitions (the split is fixed by
  // the ids, and this one is not lopsided).
  BOOST_TEST(before.size() >= 4u);
  BOOST_TEST(engines["engine-b"].rec->now().size() >= 4u);

  // engine-a dies without a word: its leases expire and engine-b takes
  // them under higher epochs.
  caf::anon_send_exit(engines["engine-a"].keeper,
                      caf::exit_reason::user_shutdown);
  BOOST_TEST_REQUIRE(
      wait_until([&] { return owns_everything("engine-b"); }, patience));
  auto after = engines["engine-b"].rec->now();
  for (const auto& [p, epoch] : before)
    BOOST_TEST(after.at(p) > epoch, "partition " << p);
  auto rows = this->rows();
  for (int32_t p = intake_partition; p < parts; ++p)
    BOOST_TEST(rows[p].first == "engine-b", "partition " << p);
  // The view shows it.
  auto v = bridge::test::ask<cluster_view>(*sys, engines["engine-b"].keeper,
                                           view_atom::value);
  BOOST_REQUIRE(v);
  BOOST_TEST(v->self == "engine-b");
  BOOST_TEST(v->partitions == parts);
  BOOST_TEST(v->lease_ttl_ms == ttl.count());
  BOOST_TEST(v->leases.size() == size_t{parts + 1});
  BOOST_TEST(v->rebalances >= 2u);
  BOOST_TEST(v->fenced_writes == 0u);
  BOOST_TEST(v->now_ms > 0);
}

BOOST_FIXTURE_TEST_CASE(a_stopped_keeper_hands_over_cleanly, keeper_fixture) {
  start("engine-a");
  start("engine-b");
  BOOST_TEST_REQUIRE(
      wait_until([&] { return split("engine-a", "engine-b"); }, patience));
  auto leaving = engines["engine-b"].rec->now();
  // Handovers while the two converged are not this test's.
  auto asked_before = engines["engine-b"].rec->lost_so_far().size();
  auto answer = bridge::test::ask<bool>(*sys, engines["engine-b"].keeper,
                                        stop_atom::value);
  BOOST_REQUIRE(answer);
  BOOST_TEST(*answer);
  // Every partition was asked about as a handover, and each row was
  // released (epoch + 1) before engine-a could take it (epoch + 2).
  auto lost = engines["engine-b"].rec->lost_so_far();
  lost.erase(lost.begin(), lost.begin() + static_cast<long>(asked_before));
  BOOST_TEST(lost.size() == leaving.size());
  for (const auto& l : lost)
    BOOST_TEST(l.handed_over);
  BOOST_TEST(engines["engine-b"].rec->now().empty());
  auto rows = this->rows();
  for (const auto& [p, epoch] : leaving) {
    auto [owner, now_epoch] = rows[p];
    BOOST_TEST((owner.empty() || owner == "engine-a"), "partition " << p);
    BOOST_TEST(now_epoch >= epoch + 1, "partition " << p);
    if (owner == "engine-a")
      BOOST_TEST(now_epoch == epoch + 2, "partition " << p);
  }
  BOOST_TEST(db.scalar("SELECT count(*) FROM cluster_members "
                       "WHERE instance_id = 'engine-b'")
             == 0);
  BOOST_TEST_REQUIRE(
      wait_until([&] { return owns_everything("engine-a"); }, patience));
  auto after = engines["engine-a"].rec->now();
  for (const auto& [p, epoch] : leaving)
    BOOST_TEST(after.at(p) == epoch + 2, "partition " << p);
}

BOOST_FIXTURE_TEST_CASE(an_unconfirmed_handover_is_left_to_expire,
                        keeper_fixture) {
  start("engine-a", false);
  BOOST_TEST_REQUIRE(
      wait_until([&] { return owns_everything("engine-a"); }, patience));
  auto held = engines["engine-a"].rec->now();
  start("engine-b");
  auto theirs = share_of("engine-b", {"engine-a", "engine-b"}, false);
  BOOST_TEST_REQUIRE(wait_until(
      [&] {
        auto ob = keys(engines["engine-b"].rec->now());
        ob.erase(intake_partition);
        return ob == theirs;
      },
      patience));
  // Never released (that would have raised the epoch once more): each
  // lease expired and engine-b took it under the next epoch.
  auto got = engines["engine-b"].rec->now();
  for (auto p : theirs)
    BOOST_TEST(got.at(p) == held.at(p) + 1, "partition " << p);
  // engine-a was asked, refused, and was then told the lease was lost.
  std::set<int32_t> asked, told;
  for (const auto& l : engines["engine-a"].rec->lost_so_far())
    (l.handed_over ? asked : told).insert(l.partition);
  BOOST_TEST_REQUIRE(wait_until(
      [&] {
        told.clear();
        for (const auto& l : engines["engine-a"].rec->lost_so_far())
          if (!l.handed_over)
            told.insert(l.partition);
        return told == theirs;
      },
      patience));
  BOOST_TEST((asked == theirs));
  auto kept = keys(engines["engine-a"].rec->now());
  for (auto p : theirs)
    BOOST_TEST(kept.count(p) == 0u, "partition " << p);
}

BOOST_FIXTURE_TEST_CASE(notifications_of_owned_partitions_become_nudges,
                        keeper_fixture) {
  auto& e = start("engine-a");
  BOOST_TEST_REQUIRE(
      wait_until([&] { return owns_everything("engine-a"); }, patience));
  // Notified until heard: the keeper may still be setting up its LISTEN.
  BOOST_TEST(wait_until(
      [&] {
        db.query("NOTIFY bridge_partitions, '3'");
        return wait_until([&] { return e.rec->nudges() > 0; },
                          milliseconds{200});
      },
      patience));
  std::lock_guard<std::mutex> g{e.rec->m};
  BOOST_TEST(e.rec->nudged.front() == 3);
}

BOOST_AUTO_TEST_CASE(another_partition_count_stops_the_keeper) {
  bridge::test::system_fixture s;
  bridge::test::cluster_db c;
  c.db.query("INSERT INTO cluster_settings (partitions) VALUES (64)");
  keeper_options ko;
  ko.dsn = c.db.dsn();
  ko.instance_id = "engine-a";
  ko.partitions = 128;
  ko.ttl = ttl;
  auto k = s.sys->spawn<caf::detached>(keeper, ko);
  caf::scoped_actor self{*s.sys};
  self->monitor(k);
  caf::error reason;
  self->receive([&](caf::down_msg& dm) { reason = dm.reason; });
  BOOST_TEST((engine_code(reason) == engine_errc::invalid_input));
  BOOST_TEST(describe(reason).find("cluster.partitions is 128")
                 != std::string::npos,
             describe(reason));
}

BOOST_AUTO_TEST_SUITE_END() // cluster_keeper_pg
