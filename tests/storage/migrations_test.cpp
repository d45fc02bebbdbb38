// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "storage/dsn.hpp"
#include "storage/migrations.hpp"

BOOST_AUTO_TEST_SUITE(storage_migrations)

using namespace bridge::storage;

namespace {

const std::vector<migration> two = {
    {1, "first", "CREATE TABLE a (x int);"},
    {2, "second", "CREATE TABLE b (y int);"},
};

} // namespace

BOOST_AUTO_TEST_CASE(the_build_embeds_numbered_migrations) {
  const auto& all = embedded_migrations();
  BOOST_REQUIRE(!all.empty());
  BOOST_TEST(all.front().version == 1);
  BOOST_TEST(std::string{all.front().name} == "initial_schema");
  BOOST_TEST(std::string{all.front().sql}.find("CREATE TABLE messages")
             != std::string::npos);
  auto plan = plan_migrations(all, {});
  BOOST_TEST(plan.error.empty());
  BOOST_TEST(plan.pending.size() == all.size());
}

BOOST_AUTO_TEST_CASE(checksums_are_stable_and_sensitive) {
  BOOST_TEST(migration_checksum("") == "cbf29ce484222325");
  BOOST_TEST(migration_checksum("abc") == migration_checksum("abc"));
  BOOST_TEST(migration_checksum("abc") != migration_checksum("abd"));
  BOOST_TEST(migration_checksum("x").size() == 16u);
}

BOOST_AUTO_TEST_CASE(only_missing_migrations_are_planned) {
  auto plan =
      plan_migrations(two, {{1, "first", migration_checksum(two[0].sql)}});
  BOOST_TEST(plan.error.empty());
  BOOST_REQUIRE_EQUAL(plan.pending.size(), 1u);
  BOOST_TEST(plan.pending[0]->version == 2);
  auto done =
      plan_migrations(two, {{1, "first", migration_checksum(two[0].sql)},
                            {2, "second", migration_checksum(two[1].sql)}});
  BOOST_TEST(done.error.empty());
  BOOST_TEST(done.pending.empty());
}

BOOST_AUTO_TEST_CASE(a_changed_migration_is_refused) {
  auto plan = plan_migrations(two, {{1, "first", "0000000000000000"}});
  BOOST_TEST(plan.error.find("migration 1 (first) differs")
             != std::string::npos);
  BOOST_TEST(plan.pending.empty());
}

BOOST_AUTO_TEST_CASE(a_newer_database_is_refused) {
  auto plan = plan_migrations(
      two, {{1, "first", migration_checksum(two[0].sql)}, {3, "third", "x"}});
  BOOST_TEST(plan.database_newer);
  BOOST_TEST(plan.pending.empty());
  BOOST_TEST(plan.error.find("at version 3 (third) but this build knows "
                             "versions up to 2")
                 != std::string::npos,
             plan.error);
}

BOOST_AUTO_TEST_CASE(only_a_newer_database_is_called_newer) {
  BOOST_TEST(
      !plan_migrations(two, {{1, "first", "0000000000000000"}}).database_newer);
  BOOST_TEST(
      !plan_migrations(two, {{1, "first", migration_checksum(two[0].sql)}})
           .database_newer);
}

BOOST_AUTO_TEST_CASE(repeated_or_falling_versions_are_refused) {
  std::vector<migration> twice = {{1, "a", "x"}, {1, "b", "y"}};
  BOOST_TEST(!plan_migrations(twice, {}).error.empty());
  std::vector<migration> falling = {{2, "b", "x"}, {1, "a", "y"}};
  BOOST_TEST(!plan_migrations(falling, {}).error.empty());
  std::vector<migration> zero = {{0, "z", "x"}};
  BOOST_TEST(!plan_migrations(zero, {}).error.empty());
}

BOOST_AUTO_TEST_CASE(a_gap_is_allowed_and_filled_later) {
  // Two changes numbered side by side: 3 landed first, 2 after it.
  std::vector<migration> gap = {{1, "a", "x"}, {3, "c", "y"}};
  auto first = plan_migrations(gap, {});
  BOOST_TEST(first.error.empty());
  BOOST_TEST(first.pending.size() == 2u);
  std::vector<migration> filled = {{1, "a", "x"}, {2, "b", "w"}, {3, "c", "y"}};
  auto later = plan_migrations(filled, {{1, "a", migration_checksum("x")},
                                        {3, "c", migration_checksum("y")}});
  BOOST_TEST(later.error.empty(), later.error);
  BOOST_REQUIRE_EQUAL(later.pending.size(), 1u);
  BOOST_TEST(later.pending[0]->version == 2);
  // A recorded version inside the build's range that it lacks is refused.
  auto lacking = plan_migrations(gap, {{2, "b", migration_checksum("w")}});
  BOOST_TEST(!lacking.error.empty());
  BOOST_TEST(!lacking.database_newer);
}

BOOST_AUTO_TEST_CASE(dsn_parameters_are_added_in_either_form) {
  BOOST_TEST(
      add_dsn_param("postgresql://u@h:5/db", "application_name", "bridge test")
      == "postgresql://u@h:5/db?application_name=bridge%20test");
  BOOST_TEST(
      add_dsn_param("postgres://h/db?sslmode=disable", "connect_timeout", "5")
      == "postgres://h/db?sslmode=disable&connect_timeout=5");
  BOOST_TEST(add_dsn_param("host=h dbname=db", "application_name", "it's")
             == "host=h dbname=db application_name='it\\'s'");
  BOOST_TEST(add_dsn_param("", "connect_timeout", "5")
             == "connect_timeout='5'");
}

BOOST_AUTO_TEST_CASE(the_database_name_is_replaced) {
  BOOST_TEST(dsn_with_database("postgresql://u:p@h:5/bridge", "t1")
             == "postgresql://u:p@h:5/t1");
  BOOST_TEST(
      dsn_with_database("postgresql://u@h:5/bridge?sslmode=disable", "t1")
      == "postgresql://u@h:5/t1?sslmode=disable");
  BOOST_TEST(dsn_with_database("postgresql://h", "t1") == "postgresql://h/t1");
  BOOST_TEST(dsn_with_database("host=h dbname=a", "t1")
             == "host=h dbname=a dbname='t1'");
}

BOOST_AUTO_TEST_CASE(passwords_never_reach_a_log_line) {
  BOOST_TEST(redact_dsn("postgresql://bridge:s3cr@t@db.example:5432/bridge")
             == "postgresql://bridge:***@db.example:5432/bridge");
  BOOST_TEST(redact_dsn("postgresql://bridge@db:5432/bridge")
             == "postgresql://bridge@db:5432/bridge");
  BOOST_TEST(redact_dsn("postgresql://db/bridge?user=u&password=hunter2&x=1")
             == "postgresql://db/bridge?user=u&password=***&x=1");
  BOOST_TEST(redact_dsn("host=db password='it\\'s secret' dbname=b")
             == "host=db password=*** dbname=b");
  BOOST_TEST(redact_dsn("host=db password=plain dbname=b")
             == "host=db password=*** dbname=b");
  BOOST_TEST(redact_dsn("password=") == "password=***");
}

BOOST_AUTO_TEST_SUITE_END() // storage_migrations
