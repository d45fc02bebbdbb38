// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <simdjson.h>

#include "ops/admin_cluster.hpp"

BOOST_AUTO_TEST_SUITE(ops_admin_cluster)

// `/admin/cluster`'s JSON from the keeper's view: who owns what under
// which epoch, how old each lease and heartbeat is, what nobody holds,
// with hostile instance ids, an empty view and expired leases.

using namespace bridge;
using namespace bridge::ops;

namespace {

constexpr int64_t now = 1'700'000'000'000;

lease_record lease(int32_t partition, std::string owner, int64_t epoch,
                   int64_t acquired_ago_ms, int64_t expires_in_ms) {
  return lease_record{partition, std::move(owner), epoch, now - acquired_ago_ms,
                      now + expires_in_ms};
}

/// A freed lease as the store reads it: no owner, no times.
lease_record freed(int32_t partition, int64_t epoch) {
  return lease_record{partition, "", epoch, 0, 0};
}

member_record member(std::string id, int64_t heartbeat_ago_ms) {
  return member_record{std::move(id), "10.0.0.1:8080", now - 60'000,
                       now - heartbeat_ago_ms};
}

struct parsed {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;

  explicit parsed(const std::string& text) {
    BOOST_REQUIRE_MESSAGE(parser.parse(text).get(doc) == simdjson::SUCCESS,
                          "not JSON: " << text);
  }
};

std::vector<int64_t> ints(simdjson::dom::element array) {
  std::vector<int64_t> out;
  for (auto v : array.get_array())
    out.push_back(int64_t(v));
  return out;
}

/// Two engines: "a" holds the intake role and partitions 0 and 1, "b"
/// holds 2; 3's lease expired under "b"; 4 was freed; 5 has no row.
cluster_view two_engines() {
  cluster_view v;
  v.self = "a";
  v.partitions = 6;
  v.lease_ttl_ms = 10'000;
  v.now_ms = now;
  v.members = {member("a", 1'200), member("b", 300)};
  v.leases = {lease(-1, "a", 4, 30'000, 7'000), lease(0, "a", 2, 20'000, 8'000),
              lease(1, "a", 9, 5'000, 9'000),   lease(2, "b", 3, 1'000, 6'000),
              lease(3, "b", 5, 15'000, -2'500), freed(4, 6)};
  v.rebalances = 3;
  v.leases_lost = 1;
  v.fenced_writes = 0;
  return v;
}

} // namespace

BOOST_AUTO_TEST_CASE(members_own_their_live_leases_with_epochs) {
  parsed j{render(two_engines(), 17)};
  auto& d = j.doc;
  BOOST_TEST(std::string_view(d["self"]) == "a");
  BOOST_TEST(int64_t(d["partitions"]) == 6);
  BOOST_TEST(int64_t(d["lease_ttl_ms"]) == 10'000);
  BOOST_TEST(int64_t(d["now_ms"]) == now);
  auto members = d["members"].get_array();
  BOOST_REQUIRE(members.size() == 2u);
  auto a = members.at(0);
  BOOST_TEST(std::string_view(a["instance_id"]) == "a");
  BOOST_TEST(std::string_view(a["address"]) == "10.0.0.1:8080");
  BOOST_TEST(int64_t(a["started_ms"]) == now - 60'000);
  BOOST_TEST(int64_t(a["heartbeat_age_ms"]) == 1'200);
  BOOST_TEST(bool(a["intake"]));
  // The intake role is not a partition: it shows as "intake" only.
  auto owns = a["owns"].get_array();
  BOOST_REQUIRE(owns.size() == 2u);
  BOOST_TEST(int64_t(owns.at(0)["partition"]) == 0);
  BOOST_TEST(int64_t(owns.at(0)["epoch"]) == 2);
  BOOST_TEST(int64_t(owns.at(1)["partition"]) == 1);
  BOOST_TEST(int64_t(owns.at(1)["epoch"]) == 9);
  // "b"'s expired lease on 3 is no longer its own.
  auto b = members.at(1);
  BOOST_TEST(!bool(b["intake"]));
  BOOST_TEST(int64_t(b["heartbeat_age_ms"]) == 300);
  auto b_owns = b["owns"].get_array();
  BOOST_REQUIRE(b_owns.size() == 1u);
  BOOST_TEST(int64_t(b_owns.at(0)["partition"]) == 2);
  BOOST_TEST(int64_t(b_owns.at(0)["epoch"]) == 3);

  BOOST_TEST(int64_t(d["rebalances"]) == 3);
  BOOST_TEST(int64_t(d["leases_lost"]) == 1);
  // The count comes from the caller (the metric), not the view.
  BOOST_TEST(int64_t(d["fenced_writes"]) == 17);
}

BOOST_AUTO_TEST_CASE(the_intake_leader_with_its_epoch_and_age) {
  parsed j{render(two_engines(), 0)};
  auto leader = j.doc["intake_leader"];
  BOOST_TEST(std::string_view(leader["instance_id"]) == "a");
  BOOST_TEST(int64_t(leader["epoch"]) == 4);
  BOOST_TEST(int64_t(leader["age_ms"]) == 30'000);
  BOOST_TEST(int64_t(leader["expires_in_ms"]) == 7'000);
}

BOOST_AUTO_TEST_CASE(leases_show_ages_expiry_and_free_partitions) {
  parsed j{render(two_engines(), 0)};
  auto leases = j.doc["leases"].get_array();
  BOOST_REQUIRE(leases.size() == 6u);
  auto live = leases.at(1);
  BOOST_TEST(int64_t(live["partition"]) == 0);
  BOOST_TEST(std::string_view(live["owner"]) == "a");
  BOOST_TEST(int64_t(live["epoch"]) == 2);
  BOOST_TEST(int64_t(live["age_ms"]) == 20'000);
  BOOST_TEST(int64_t(live["expires_in_ms"]) == 8'000);
  BOOST_TEST(!bool(live["expired"]));
  // Expired: the owner is still named, the expiry lies in the past.
  auto expired = leases.at(4);
  BOOST_TEST(std::string_view(expired["owner"]) == "b");
  BOOST_TEST(int64_t(expired["expires_in_ms"]) == -2'500);
  BOOST_TEST(bool(expired["expired"]));
  // Freed: no owner, age or expiry; not "expired" (it was let go).
  auto gone = leases.at(5);
  BOOST_TEST(gone["owner"].is_null());
  BOOST_TEST(int64_t(gone["epoch"]) == 6);
  BOOST_TEST(gone["age_ms"].is_null());
  BOOST_TEST(gone["expires_in_ms"].is_null());
  BOOST_TEST(!bool(gone["expired"]));
  // Free: expired (3), freed (4) and without a row (5).
  auto free = ints(j.doc["free"]);
  BOOST_TEST(free == (std::vector<int64_t>{3, 4, 5}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_lease_expiring_right_now_is_expired) {
  auto v = two_engines();
  v.leases = {lease(0, "a", 1, 10'000, 0)};
  parsed j{render(v, 0)};
  BOOST_TEST(bool(j.doc["leases"].at(0)["expired"]));
  BOOST_TEST(j.doc["members"].at(0)["owns"].get_array().size() == 0u);
  BOOST_TEST(ints(j.doc["free"]).size() == 6u);
}

BOOST_AUTO_TEST_CASE(an_expired_intake_lease_leaves_no_leader) {
  auto v = two_engines();
  v.leases[0].expires_ms = now - 1;
  parsed j{render(v, 0)};
  BOOST_TEST(j.doc["intake_leader"].is_null());
  BOOST_TEST(!bool(j.doc["members"].at(0)["intake"]));
  // The intake role is never listed as a free partition.
  for (auto p : ints(j.doc["free"]))
    BOOST_TEST(p >= 0);
}

BOOST_AUTO_TEST_CASE(a_member_with_no_partitions) {
  auto v = two_engines();
  v.members.push_back(member("c", 0));
  parsed j{render(v, 0)};
  auto c = j.doc["members"].at(2);
  BOOST_TEST(std::string_view(c["instance_id"]) == "c");
  BOOST_TEST(c["owns"].get_array().size() == 0u);
  BOOST_TEST(!bool(c["intake"]));
  BOOST_TEST(int64_t(c["heartbeat_age_ms"]) == 0);
}

BOOST_AUTO_TEST_CASE(an_empty_view_renders) {
  // What a keeper that has not read the leases yet answers.
  parsed j{render(cluster_view{}, 0)};
  BOOST_TEST(std::string_view(j.doc["self"]) == "");
  BOOST_TEST(j.doc["members"].get_array().size() == 0u);
  BOOST_TEST(j.doc["leases"].get_array().size() == 0u);
  BOOST_TEST(j.doc["free"].get_array().size() == 0u);
  BOOST_TEST(j.doc["intake_leader"].is_null());
  BOOST_TEST(int64_t(j.doc["fenced_writes"]) == 0);

  // Partitions known but no lease read: all of them free.
  cluster_view unread;
  unread.partitions = 4;
  parsed k{render(unread, 0)};
  BOOST_TEST(ints(k.doc["free"]) == (std::vector<int64_t>{0, 1, 2, 3}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hostile_ids_stay_inside_their_strings) {
  std::vector<std::string> hostile{
      "\"},\"self\":\"evil",       "back\\slash\\",
      std::string{"nul\0byte", 8}, "ctl\x01\x1f\n\r\t",
      "\xff\xfe not utf-8 \xc3",   "</script><script>alert(1)</script>",
      std::string(100'000, 'x'),
  };
  for (const auto& id : hostile) {
    cluster_view v;
    v.self = id;
    v.partitions = 2;
    v.now_ms = now;
    v.members = {member(id, 5)};
    v.members[0].address = id;
    v.leases = {lease(-1, id, 1, 100, 1'000), lease(0, id, 2, 100, 1'000),
                lease(1, id + "-other", 3, 100, 1'000)};
    auto text = render(v, 0);
    BOOST_TEST_CONTEXT("id of " << id.size() << " bytes") {
      parsed j{text};
      // One object, its keys untouched by the id's content.
      BOOST_TEST(j.doc.get_object().size() == 11u);
      BOOST_TEST(j.doc["members"].get_array().size() == 1u);
      BOOST_TEST(j.doc["members"].at(0)["owns"].get_array().size() == 1u);
      BOOST_TEST(j.doc["leases"].get_array().size() == 3u);
      BOOST_TEST(ints(j.doc["free"]).empty());
      // Valid UTF-8 comes back as it went in.
      if (id[0] != '\xff') {
        BOOST_TEST(std::string_view(j.doc["self"]) == id);
        BOOST_TEST(std::string_view(j.doc["intake_leader"]["instance_id"])
                   == id);
      }
      // No raw control character reaches the page.
      BOOST_TEST(std::none_of(text.begin(), text.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20;
      }));
    }
  }
}

BOOST_AUTO_TEST_CASE(leases_outside_the_partition_count_are_not_counted_free) {
  // A row beyond `partitions` (a count lowered by hand) is listed as a
  // lease but cannot make the free list run past the count.
  auto v = two_engines();
  v.leases.push_back(lease(99, "a", 1, 100, 1'000));
  parsed j{render(v, 0)};
  BOOST_TEST(j.doc["leases"].get_array().size() == 7u);
  BOOST_TEST(ints(j.doc["free"]) == (std::vector<int64_t>{3, 4, 5}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END() // ops_admin_cluster
