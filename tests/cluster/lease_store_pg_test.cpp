// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

#include <pqxx/pqxx>

#include "cluster/lease_store.hpp"
#include "cluster/partition.hpp"
#include "tests/cluster/cluster_fixture.hpp"
#include "tests/support/actor_fixture.hpp"

BOOST_AUTO_TEST_SUITE(cluster_lease_store_pg)

using namespace bridge;
using namespace bridge::cluster;
using bridge::test::wait_until;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds ttl{60000};

std::vector<int32_t> numbers(const std::vector<lease_record>& leases) {
  std::vector<int32_t> out;
  for (const auto& l : leases)
    out.push_back(l.partition);
  return out;
}

/// Must succeed; fails the test with the error otherwise.
template <class T> T must(caf::expected<T> x) {
  if (!x)
    throw std::runtime_error(describe(x.error()));
  return std::move(*x);
}

void must(const caf::error& err) {
  if (err)
    throw std::runtime_error(describe(err));
}

/// An open transaction that passed the fence for `part` at `epoch` and
/// holds its lease row FOR KEY SHARE until committed: a write in flight.
class fenced_write {
public:
  fenced_write(const std::string& dsn, int32_t part, int64_t epoch)
      : conn_(dsn), tx_(std::make_unique<pqxx::work>(conn_)) {
    refused_ =
        tx_->exec("SELECT bridge_fence(ARRAY[" + std::to_string(part)
                  + "], ARRAY[" + std::to_string(epoch) + "]::bigint[])")[0][0]
            .as<std::string>();
  }

  const std::string& refused() const { return refused_; }

  void commit() { tx_->commit(); }

private:
  pqxx::connection conn_;
  std::unique_ptr<pqxx::work> tx_;
  std::string refused_;
};

struct store_fixture : bridge::test::cluster_db {
  lease_store a{store_options("cluster-test-a")};
  lease_store b{store_options("cluster-test-b")};

  store_fixture() { must(a.prepare(8)); }

  /// Makes `part`'s lease look expired, as if its holder stopped renewing.
  void expire(int32_t part) {
    db.query("UPDATE partition_leases SET expires_at = now() - interval '1 s' "
             "WHERE partition = "
             + std::to_string(part));
  }

  /// Whether a session of `app` waits for a lock inside PostgreSQL.
  bool waits_for_lock(const std::string& app) {
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                     "application_name = '"
                     + app
                     + "' AND wait_event_type = 'Lock' "
                       "AND datname = current_database()")
           > 0;
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(prepare_sets_the_count_once_and_places_old_rows) {
  bridge::test::cluster_db c;
  // Rows from before partitions: unfinished ones are placed, done ones not.
  c.db.query("INSERT INTO inbox (update_id, chat_id, payload) VALUES "
             "(1, -1001234567890, '{}'), (2, 77, '{}')");
  c.db.query("INSERT INTO inbox (update_id, chat_id, payload, processed_at) "
             "VALUES (3, 77, '{}', now())");
  c.db.query(
      "INSERT INTO outbox (dedupe_key, chat_id) VALUES ('k1', 5000000001)");
  c.db.query("INSERT INTO outbox (dedupe_key, chat_id, status) "
             "VALUES ('k2', 5, 'sent')");
  lease_store s{c.store_options("cluster-test-prepare")};
  must(s.prepare(64));
  BOOST_TEST(c.db.scalar("SELECT partitions FROM cluster_settings") == 64);
  BOOST_TEST(c.db.scalar("SELECT count(*) FROM partition_leases") == 65);
  BOOST_TEST(c.db.scalar("SELECT min(partition) FROM partition_leases") == -1);
  BOOST_TEST(c.db.scalar("SELECT partition FROM inbox WHERE update_id = 1")
             == partition_of(-1001234567890, 64));
  BOOST_TEST(c.db.scalar("SELECT partition FROM inbox WHERE update_id = 2")
             == partition_of(77, 64));
  BOOST_TEST(c.db.scalar("SELECT count(*) FROM inbox WHERE update_id = 3 "
                         "AND partition IS NULL")
             == 1);
  BOOST_TEST(c.db.scalar("SELECT partition FROM outbox WHERE dedupe_key = 'k1'")
             == partition_of(5000000001, 64));
  BOOST_TEST(c.db.scalar("SELECT count(*) FROM outbox WHERE dedupe_key = 'k2' "
                         "AND partition IS NULL")
             == 1);
  // Again with the same count: nothing changes.
  must(s.prepare(64));
  BOOST_TEST(c.db.scalar("SELECT count(*) FROM partition_leases") == 65);
  // Another count is refused, naming the key and both counts.
  lease_store other{c.store_options("cluster-test-prepare-2")};
  auto err = other.prepare(128);
  BOOST_REQUIRE(err);
  BOOST_TEST((engine_code(err) == engine_errc::invalid_input));
  BOOST_TEST(describe(err).find("cluster.partitions is 128, but this database "
                                "was set up with 64 partitions; it cannot "
                                "change")
                 != std::string::npos,
             describe(err));
  BOOST_TEST(c.db.scalar("SELECT count(*) FROM partition_leases") == 65);
}

BOOST_FIXTURE_TEST_CASE(acquire_takes_free_leases_under_a_new_epoch,
                        store_fixture) {
  auto got = must(a.acquire("a", {0, 1}, ttl));
  BOOST_TEST(numbers(got) == (std::vector<int32_t>{0, 1}));
  for (const auto& l : got) {
    BOOST_TEST(l.owner == "a");
    BOOST_TEST(l.epoch == 1);
    BOOST_TEST(l.expires_ms > l.acquired_ms);
  }
  auto rows = this->rows();
  BOOST_TEST(rows[0].first == "a");
  BOOST_TEST(rows[0].second == 1);
  BOOST_TEST(rows[2].first == "");
  // Released and taken again, the epoch moves at each change of owner.
  BOOST_TEST(must(a.release("a", {0})).at(0).epoch == 2);
  BOOST_TEST(must(b.acquire("b", {0}, ttl)).at(0).epoch == 3);
}

BOOST_FIXTURE_TEST_CASE(a_live_lease_cannot_be_taken, store_fixture) {
  must(a.acquire("a", {4}, ttl));
  BOOST_TEST(must(b.acquire("b", {4, 5}, ttl)).size() == 1u);
  BOOST_TEST(rows()[4].first == "a");
  BOOST_TEST(rows()[5].first == "b");
  // Once expired, it can.
  expire(4);
  auto got = must(b.acquire("b", {4}, ttl));
  BOOST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0].epoch == 2);
  BOOST_TEST(got[0].owner == "b");
}

BOOST_FIXTURE_TEST_CASE(renew_extends_only_live_leases_of_their_owner,
                        store_fixture) {
  must(a.acquire("a", {1, 2}, ttl));
  expire(2);
  auto renewed = must(a.renew("a", {1, 2}, ttl));
  BOOST_TEST(numbers(renewed) == (std::vector<int32_t>{1}));
  BOOST_TEST(renewed[0].epoch == 1);
  BOOST_TEST(must(b.renew("b", {1}, ttl)).empty());
  BOOST_TEST(must(a.renew("a", {}, ttl)).empty());
}

BOOST_FIXTURE_TEST_CASE(release_frees_and_raises_the_epoch, store_fixture) {
  must(a.acquire("a", {3}, ttl));
  // Another cannot release it.
  BOOST_TEST(must(b.release("b", {3})).empty());
  BOOST_TEST(epoch_of(3) == 1);
  auto freed = must(a.release("a", {3}));
  BOOST_REQUIRE(freed.size() == 1u);
  BOOST_TEST(freed[0].epoch == 2);
  BOOST_TEST(freed[0].owner == "");
  BOOST_TEST(freed[0].expires_ms == 0);
  BOOST_TEST(rows()[3].first == "");
  // A write still carrying epoch 1 is refused from now on.
  fenced_write stale{db.dsn(), 3, 1};
  // bridge_fence answers the positions it refuses (1-based).
  BOOST_TEST(stale.refused() == "{1}");
}

BOOST_FIXTURE_TEST_CASE(the_fence_refuses_a_stale_epoch_only, store_fixture) {
  auto e = must(a.acquire("a", {6}, ttl)).at(0).epoch;
  BOOST_TEST(db.query("SELECT bridge_fence(ARRAY[6], ARRAY[" + std::to_string(e)
                      + "]::bigint[])")[0][0]
                 .as<std::string>()
             == "{}");
  // Positions, 1-based: partition 6's stale epoch is refused, and so is
  // partition 7's epoch 0: a lease never taken has no owner to write.
  BOOST_TEST(db.query("SELECT bridge_fence(ARRAY[6, 7], ARRAY["
                      + std::to_string(e - 1) + ", 0]::bigint[])")[0][0]
                 .as<std::string>()
             == "{1,2}");
}

BOOST_FIXTURE_TEST_CASE(a_takeover_skips_a_partition_with_a_write_in_flight,
                        store_fixture) {
  auto e = must(a.acquire("a", {3, 5}, ttl)).at(0).epoch;
  expire(3);
  expire(5);
  // A's write to partition 3 is in flight (its fence holds the lease row)
  // when B takes A's expired leases over: B takes 5 at once and leaves 3
  // for a later round, without waiting for it.
  fenced_write w{db.dsn(), 3, e};
  BOOST_REQUIRE(w.refused() == "{}");
  auto first = must(b.acquire("b", {3, 5}, ttl));
  BOOST_REQUIRE(first.size() == 1u);
  BOOST_TEST(first[0].partition == 5);
  BOOST_TEST(rows()[3].first == "a");
  // Once the write committed (under the old epoch, before any takeover),
  // the next round takes partition 3, and the old epoch is refused.
  w.commit();
  auto second = must(b.acquire("b", {3}, ttl));
  BOOST_REQUIRE(second.size() == 1u);
  BOOST_TEST(second[0].epoch == e + 1);
  BOOST_TEST(fenced_write(db.dsn(), 3, e).refused() == "{1}");
}

BOOST_FIXTURE_TEST_CASE(renewing_never_waits_for_writers, store_fixture) {
  auto e = must(a.acquire("a", {4}, ttl)).at(0).epoch;
  fenced_write w{db.dsn(), 4, e};
  // With the row held FOR KEY SHARE, the renewal goes through at once
  // (a lock wait would end at lock_timeout with an error instead).
  lease_store quick{[&] {
    auto so = store_options("cluster-test-quick");
    so.lock_timeout = milliseconds{200};
    return so;
  }()};
  auto renewed = must(quick.renew("a", {4}, ttl));
  BOOST_TEST(numbers(renewed) == (std::vector<int32_t>{4}));
  w.commit();
}

BOOST_FIXTURE_TEST_CASE(members_are_live_while_they_beat, store_fixture) {
  must(a.heartbeat("a", "10.0.0.1:9100"));
  must(b.heartbeat("b", ""));
  db.query("UPDATE cluster_members SET heartbeat_at = now() - interval '2 min' "
           "WHERE instance_id = 'b'");
  auto snap = must(a.read(ttl));
  BOOST_REQUIRE(snap.members.size() == 1u);
  BOOST_TEST(snap.members[0].instance_id == "a");
  BOOST_TEST(snap.members[0].address == "10.0.0.1:9100");
  BOOST_TEST(snap.members[0].heartbeat_ms >= snap.members[0].started_ms);
  BOOST_TEST(snap.now_ms >= snap.members[0].heartbeat_ms);
  BOOST_TEST(snap.leases.size() == 9u);
  BOOST_TEST(snap.leases.front().partition == -1);
  BOOST_TEST(snap.leases.front().expires_ms == 0);
  // Beating again brings it back; leaving removes it and frees its leases.
  must(b.heartbeat("b", ""));
  must(b.acquire("b", {0, 1}, ttl));
  BOOST_TEST(must(a.read(ttl)).members.size() == 2u);
  must(b.leave("b"));
  snap = must(a.read(ttl));
  BOOST_TEST(snap.members.size() == 1u);
  BOOST_TEST(rows()[0].first == "");
  BOOST_TEST(rows()[0].second == 2);
}

BOOST_FIXTURE_TEST_CASE(notifications_name_partitions, store_fixture) {
  must(a.listen());
  db.query("NOTIFY bridge_partitions, 'junk'");
  db.query("NOTIFY bridge_partitions, '5'");
  std::vector<int32_t> heard;
  BOOST_TEST(wait_until([&] {
    auto got = a.wait(milliseconds{100});
    if (got)
      heard.insert(heard.end(), got->begin(), got->end());
    return !heard.empty();
  }));
  BOOST_TEST(heard == (std::vector<int32_t>{5}));
}

BOOST_FIXTURE_TEST_CASE(a_broken_connection_is_reopened, store_fixture) {
  must(a.listen());
  must(a.read(ttl));
  db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
           "WHERE application_name = 'cluster-test-a' "
           "AND datname = current_database()");
  // The next calls fail with a value, then one reconnects.
  BOOST_TEST(wait_until([&] { return !a.read(ttl); }));
  BOOST_TEST(wait_until([&] { return static_cast<bool>(a.read(ttl)); }));
  BOOST_TEST(a.reconnects() == 1u);
  // And it listens again.
  db.query("NOTIFY bridge_partitions, '2'");
  std::vector<int32_t> heard;
  BOOST_TEST(wait_until([&] {
    auto got = a.wait(milliseconds{100});
    if (got)
      heard.insert(heard.end(), got->begin(), got->end());
    return !heard.empty();
  }));
  BOOST_TEST(heard == (std::vector<int32_t>{2}));
}

BOOST_FIXTURE_TEST_CASE(a_connection_that_served_is_reopened_without_a_backoff,
                        store_fixture) {
  // A backoff this long would fail every call after the first below.
  auto so = store_options("cluster-test-slow");
  so.reconnect_base = std::chrono::hours{1};
  so.reconnect_max = std::chrono::hours{1};
  lease_store slow{so};
  must(slow.heartbeat("slow", "here"));
  auto sessions = [&] {
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE "
                     "application_name = 'cluster-test-slow' "
                     "AND datname = current_database()");
  };
  db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
           "WHERE application_name = 'cluster-test-slow' "
           "AND datname = current_database()");
  BOOST_REQUIRE(wait_until([&] { return sessions() == 0; }));
  // The call that finds the connection dead fails; the next one opens a
  // new connection at once.
  BOOST_TEST(static_cast<bool>(slow.heartbeat("slow", "here")));
  auto again = slow.read(ttl);
  BOOST_TEST(static_cast<bool>(again), (again ? "" : describe(again.error())));
  BOOST_TEST(slow.reconnects() == 1u);
  BOOST_TEST(sessions() == 1);
}

BOOST_AUTO_TEST_SUITE_END() // cluster_lease_store_pg
