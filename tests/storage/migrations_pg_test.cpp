// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <future>
#include <stdexcept>

#include <libpq-fe.h>

#include "common/error.hpp"
#include "storage/migrations.hpp"
#include "storage/start.hpp"
#include "tests/support/actor_fixture.hpp"
#include "tests/support/pg_scratch.hpp"

BOOST_AUTO_TEST_SUITE(storage_migrations_pg)

using namespace bridge;
using namespace bridge::storage;

BOOST_AUTO_TEST_CASE(applying_twice_changes_nothing_the_second_time) {
  bridge::test::pg_scratch db;
  auto first = apply_migrations(db.dsn());
  BOOST_REQUIRE(first);
  BOOST_TEST(first->size() == embedded_migrations().size());
  auto second = apply_migrations(db.dsn());
  BOOST_REQUIRE(second);
  BOOST_TEST(second->empty());
  BOOST_TEST(db.scalar("SELECT count(*) FROM schema_migrations")
             == static_cast<long long>(embedded_migrations().size()));
  for (auto table : {"users", "worker_links", "chat_sessions", "subscriptions",
                     "daily_usage", "feedback", "conversations", "messages",
                     "tasks", "inbox", "outbox", "job_fences"})
    BOOST_TEST(
        db.scalar(std::string{"SELECT count(*) FROM information_schema.tables "
                              "WHERE table_name = '"}
                  + table + "'")
            == 1,
        table);
}

BOOST_AUTO_TEST_CASE(the_indexes_the_queries_rely_on_exist) {
  bridge::test::pg_scratch db;
  BOOST_REQUIRE(apply_migrations(db.dsn()));
  auto def = [&](const std::string& index) {
    auto r = db.query("SELECT indexdef FROM pg_indexes WHERE indexname = '"
                      + index + "'");
    return r.empty() ? std::string{} : r[0][0].as<std::string>();
  };
  BOOST_TEST(def("messages_conversation_created")
                 .find("(conversation_id, created_at DESC)")
             != std::string::npos);
  BOOST_TEST(def("messages_conversation_id_seq_key").find("UNIQUE")
             != std::string::npos);
  BOOST_TEST(def("users_invitation_code_key").find("UNIQUE")
             != std::string::npos);
  BOOST_TEST(!def("tasks_manager_status").empty());
  BOOST_TEST(!def("tasks_worker_status").empty());
  BOOST_TEST(!def("outbox_dedupe_key_key").empty());
}

BOOST_AUTO_TEST_CASE(concurrent_starts_apply_each_migration_once) {
  bridge::test::pg_scratch db;
  auto a = std::async(std::launch::async,
                      [&] { return apply_migrations(db.dsn()); });
  auto b = std::async(std::launch::async,
                      [&] { return apply_migrations(db.dsn()); });
  auto ra = a.get();
  auto rb = b.get();
  BOOST_REQUIRE(ra);
  BOOST_REQUIRE(rb);
  BOOST_TEST(ra->size() + rb->size() == embedded_migrations().size());
}

BOOST_AUTO_TEST_CASE(a_tampered_schema_stops_the_start) {
  bridge::test::pg_scratch db;
  BOOST_REQUIRE(apply_migrations(db.dsn()));
  db.query(
      "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
  bridge::test::system_fixture f;
  db_pool_options opts;
  opts.pg.dsn = db.dsn();
  auto pool = start_db_pool(*f.sys, opts);
  BOOST_REQUIRE(!pool);
  BOOST_TEST(describe(pool.error()).find("differs") != std::string::npos);
  db.query("UPDATE schema_migrations SET checksum = '"
           + migration_checksum(embedded_migrations()[0].sql)
           + "' WHERE version = 1");
  db.query("INSERT INTO schema_migrations (version, name, checksum) VALUES "
           "(999, 'future', 'x')");
  auto newer = start_db_pool(*f.sys, opts);
  BOOST_REQUIRE(!newer);
  BOOST_TEST(describe(newer.error()).find("newer version")
             != std::string::npos);
  BOOST_TEST((bridge::engine_code(newer.error())
              == bridge::engine_errc::schema_newer));
}

namespace {

/// `key` (host, port, ...) of the connection string `dsn` as libpq reads
/// it, in either form; empty when it does not say.
std::string dsn_part(const std::string& dsn, const std::string& key) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(dsn.c_str(), &err);
  if (opts == nullptr) {
    std::string why = err != nullptr ? err : "unparseable";
    PQfreemem(err);
    throw std::runtime_error("DATABASE_URL: " + why);
  }
  std::string value;
  for (auto* o = opts; o->keyword != nullptr; ++o)
    if (key == o->keyword && o->val != nullptr)
      value = o->val;
  PQconninfoFree(opts);
  return value;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_wrong_password_is_reported_without_it) {
  bridge::test::pg_scratch db;
  // The run's own server (its port from DATABASE_URL, as every suite takes
  // it), so the failure below is that server refusing the role, not a
  // port where nothing listens.
  auto server = bridge::test::required_env("DATABASE_URL");
  auto port = dsn_part(server, "port");
  BOOST_REQUIRE_MESSAGE(!port.empty(), "DATABASE_URL names no port");
  // Trust authentication ignores passwords; an unknown role still fails,
  // and the secret must not appear in what is reported.
  auto dsn = dsn_with_database(
      "postgresql://nobody:SECRET-PW-123@127.0.0.1:" + port + "/x", db.name());
  auto r = apply_migrations(dsn);
  BOOST_REQUIRE(!r);
  auto why = describe(r.error());
  BOOST_TEST(why.find("SECRET-PW-123") == std::string::npos, why);
  BOOST_TEST(why.find("connecting failed") != std::string::npos, why);
  BOOST_TEST(why.find("role \"nobody\" does not exist") != std::string::npos,
             why);
}

BOOST_AUTO_TEST_CASE(epoch_ms_is_inlined_into_the_queries_that_call_it) {
  bridge::test::pg_scratch db;
  BOOST_REQUIRE(apply_migrations(db.dsn()));
  auto plan =
      db.query("EXPLAIN VERBOSE SELECT epoch_ms(created_at) FROM outbox");
  std::string text;
  for (const auto& row : plan)
    text += row[0].as<std::string>() + "\n";
  BOOST_TEST(text.find("epoch_ms") == std::string::npos, text);
  BOOST_TEST(text.find("EXTRACT(epoch FROM") != std::string::npos, text);
  BOOST_TEST(db.scalar("SELECT epoch_ms('2026-01-02 03:04:05.678+00')")
             == 1767323045678LL);
  BOOST_TEST(
      db.scalar("SELECT count(*) FROM pg_proc WHERE proname = 'epoch_ms' "
                "AND provolatile = 's'")
      == 1);
}

BOOST_AUTO_TEST_SUITE_END() // storage_migrations_pg
