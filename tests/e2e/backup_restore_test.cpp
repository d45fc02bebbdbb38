// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "common/http_client.hpp"
#include "storage/migrations.hpp"
#include "tests/support/backup_tools.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_backup_restore)

// A disaster drill: traffic runs, scripts/backup.sh takes a backup while
// the engine serves, the server is lost, scripts/restore.sh brings the
// backup into a fresh PostgreSQL, and the engine starts on it with an
// empty Redis. What the backup held is served; what came after it is
// what a backup loses. And a backup of a newer schema stops the engine.

using namespace bridge::test;

namespace {

constexpr const char* token = "backup-e2e-token-0123456789";

/// The next message `chat` receives that holds `part`, skipping others
/// (replies resumed from the backup's outbox may come first); fails the
/// test with the engine's log when none comes.
sim_event await_text(sim_world& w, int64_t chat, const std::string& part) {
  for (int i = 0; i < 20; ++i) {
    auto m = w.next_message(chat);
    if (holds(m.text, part))
      return m;
  }
  throw std::runtime_error("chat " + std::to_string(chat) + " never got '"
                           + part + "'; engine log:\n" + w.engine().log_tail());
}

int put_subscription(sim_world& w, int64_t user) {
  bridge::http_client c;
  auto url = "http://127.0.0.1:" + std::to_string(w.engine_port())
             + "/admin/users/" + std::to_string(user) + "/subscription";
  return c
      .request("PUT", url, R"({"days":30})",
               {"Content-Type: application/json",
                std::string{"Authorization: Bearer "} + token},
               std::chrono::seconds{10})
      .status;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_restored_backup_serves_what_it_held_with_redis_empty) {
  // The server restored into; made first so that it goes last, after
  // the engine that uses it has stopped.
  fresh_server fresh{make_scratch_dir("fresh")};
  // One free message a day: after the restore only the restored
  // subscription lets the manager write on.
  sim_world w{unthrottled_engine({"--translator.backend=fake",
                                  "--session.free_daily_messages=1"}),
              unthrottled_sim(),
              {{"BRIDGE_ADMIN_TOKEN", token}}};
  auto ana = make_user(7101, "Ana", "en");
  auto bob = make_user(7202, "Bob", "es");
  auto code = register_manager(w, ana, "en");
  register_worker(w, bob, "es", code, ana);
  BOOST_REQUIRE_EQUAL(put_subscription(w, ana.id), 200);
  w.say(ana, "/task Paint the door");
  await_text(w, bob.id, "Paint the door");
  for (auto text : {"before one", "before two"}) {
    w.say(ana, text);
    await_text(w, bob.id, text);
  }
  w.say(bob, "reply before");
  await_text(w, ana.id, "reply before");

  // Mid-run: both write on while the dump is taken; whichever of these
  // it caught, the restored engine must start and serve.
  for (int i = 1; i <= 6; ++i)
    w.say(i % 2 == 0 ? bob : ana, "during " + std::to_string(i));
  auto file = w.dir() + "/bridge.dump";
  auto backup =
      run_script("backup.sh", {"--dsn", w.database_url(), "--out", file});
  BOOST_REQUIRE_MESSAGE(backup.status == 0, backup.output);
  for (int i = 1; i <= 6; ++i)
    await_text(w, i % 2 == 0 ? ana.id : bob.id, "during " + std::to_string(i));
  // Written after the backup: what a disaster now would lose.
  w.say(ana, "after backup");
  await_text(w, bob.id, "after backup");

  auto restore = run_script("restore.sh", {"--dsn", fresh.dsn(), file});
  BOOST_REQUIRE_MESSAGE(restore.status == 0, restore.output);
  w.engine().stop();
  w.redis().stop();
  w.redis().start(); // empty: nothing it held survives
  BOOST_TEST(w.redis().command({"DBSIZE"}).integer == 0);
  w.set_engine_env(
      {{"BRIDGE_ADMIN_TOKEN", token}, {"DATABASE_URL", fresh.dsn()}});
  w.restart_engine();

  // History: what the backup held, and not what came after it.
  w.say(ana, "/history 20");
  auto history = await_text(w, ana.id, "before one").text;
  BOOST_TEST(holds(history, "before two"), history);
  BOOST_TEST(holds(history, "reply before"), history);
  BOOST_TEST(!holds(history, "after backup"), history);
  // Tasks and the link between the two.
  w.say(bob, "/tasks");
  await_text(w, bob.id, "Paint the door");
  w.say(ana, "/workers");
  await_text(w, ana.id, "Bob");
  // The subscription lifts the allowance the restored day already spent,
  // and new messages flow both ways.
  w.say(ana, "after restore");
  BOOST_TEST(await_text(w, bob.id, "after restore").text
             == fake_copy(ana, "es", "after restore"));
  w.say(bob, "hola again");
  await_text(w, ana.id, "hola again");
}

BOOST_AUTO_TEST_CASE(a_backup_of_a_newer_schema_stops_the_engine) {
  pg_scratch source;
  BOOST_REQUIRE(bridge::storage::apply_migrations(source.dsn()));
  auto known = bridge::storage::embedded_migrations().size();
  source.query(
      "INSERT INTO schema_migrations (version, name, checksum) VALUES ("
      + std::to_string(known + 1) + ", 'from_the_future', 'x')");
  auto dir = make_scratch_dir("newer");
  auto backup = run_script(
      "backup.sh", {"--dsn", source.dsn(), "--out", dir + "/newer.dump"});
  BOOST_REQUIRE_MESSAGE(backup.status == 0, backup.output);
  pg_scratch target;
  auto restore =
      run_script("restore.sh", {"--dsn", target.dsn(), dir + "/newer.dump"});
  BOOST_REQUIRE_MESSAGE(restore.status == 0, restore.output);

  child_process engine{
      {built_binary("bridge"), "--http.port=0",
       "--telegram.api_url=http://127.0.0.1:9"},
      {{"DATABASE_URL", target.dsn()},
       {"TELEGRAM_BOT_TOKEN", "123456789:AAE2eTestTokenForBridgeNewer000001"}},
      dir + "/engine.log"};
  auto status = engine.wait_exit(std::chrono::minutes{1});
  BOOST_REQUIRE(status.has_value());
  BOOST_TEST(*status == 6, engine.log_tail());
  auto log = engine.log_tail();
  auto line_at = log.find("cannot start");
  BOOST_REQUIRE_MESSAGE(line_at != std::string::npos, log);
  auto line = log.substr(line_at, log.find('\n', line_at) - line_at);
  BOOST_TEST(holds(line, "version " + std::to_string(known + 1)
                             + " (from_the_future)"),
             line);
  BOOST_TEST(holds(line, "newer version of Bridge"), line);
  // Nothing was migrated on the way out.
  BOOST_TEST(target.scalar("SELECT count(*) FROM schema_migrations")
             == static_cast<long long>(known + 1));
}

BOOST_AUTO_TEST_SUITE_END()
