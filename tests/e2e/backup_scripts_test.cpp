// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "storage/migrations.hpp"
#include "tests/support/backup_tools.hpp"
#include "tests/support/pg_scratch.hpp"

BOOST_AUTO_TEST_SUITE(e2e_backup_scripts)

// What scripts/backup.sh and scripts/restore.sh do with bad input: a
// wrong DSN, a target they cannot write, a truncated or damaged file, a
// database that already holds data. Each is one clear line and a
// non-zero exit, and leaves nothing half done behind.

using namespace bridge::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write(const std::string& path, const std::string& bytes) {
  std::ofstream out{path, std::ios::binary | std::ios::trunc};
  out << bytes;
}

/// A Bridge database with its schema, backed up once into `file`.
struct backed_up {
  pg_scratch source;
  pg_scratch target;
  std::string dir = make_scratch_dir("backup");
  std::string file = dir + "/bridge.dump";

  backed_up() {
    BOOST_REQUIRE(bridge::storage::apply_migrations(source.dsn()));
    auto r = run_script("backup.sh", {"--dsn", source.dsn(), "--out", file});
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.output);
  }

  long long tables_in_target() const {
    return target.scalar(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
  }

  /// The backup without its last `lost` bytes, as a copy cut short
  /// leaves it.
  std::string truncated_copy(const std::string& name, size_t lost) const {
    auto bytes = slurp(file);
    write(dir + "/" + name, bytes.substr(0, bytes.size() - lost));
    return dir + "/" + name;
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(both_scripts_explain_themselves) {
  auto b = run_script("backup.sh", {"--help"});
  BOOST_TEST(b.status == 0);
  BOOST_TEST(holds(b.output, "pg_dump"), b.output);
  auto r = run_script("restore.sh", {"--help"});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(holds(r.output, "--replace"), r.output);
  BOOST_TEST(run_script("backup.sh", {"--dsn", "postgresql://x/y"}).status
             == 2);
  BOOST_TEST(run_script("restore.sh", {"--bogus"}).status == 2);
}

BOOST_AUTO_TEST_CASE(a_wrong_dsn_fails_without_showing_its_password) {
  auto dir = make_scratch_dir("backup");
  auto r = run_script("backup.sh",
                      {"--dsn", "postgresql://bridge:s3cr3t@127.0.0.1:1/bridge",
                       "--out", dir + "/x.dump"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(
      holds(r.output,
            "cannot connect to postgresql://bridge:***@127.0.0.1:1/bridge"),
      r.output);
  BOOST_TEST(!holds(r.output, "s3cr3t"), r.output);
  BOOST_TEST(fs::is_empty(dir), "a failed backup left files behind");
}

BOOST_FIXTURE_TEST_CASE(a_target_it_cannot_write_is_refused, backed_up) {
  // Under a regular file: no user, root included, can create it.
  auto r = run_script("backup.sh",
                      {"--dsn", source.dsn(), "--out", file + "/x.dump"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(holds(r.output, "cannot write " + file + "/x.dump"), r.output);
  auto size = fs::file_size(file);
  auto again = run_script("backup.sh", {"--dsn", source.dsn(), "--out", file});
  BOOST_TEST(again.status == 1);
  BOOST_TEST(holds(again.output, "already exists"), again.output);
  BOOST_TEST(fs::file_size(file) == size);
}

BOOST_FIXTURE_TEST_CASE(a_truncated_backup_changes_nothing, backed_up) {
  // Without its checksum, its table of contents whole: found by reading
  // the data to its end.
  auto tail_cut = truncated_copy("tail-cut.dump", 16);
  auto r = run_script("restore.sh", {"--dsn", target.dsn(), tail_cut});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(holds(r.output, "is truncated or damaged"), r.output);
  // Cut in half: its table of contents is incomplete.
  auto cut = truncated_copy("cut.dump", fs::file_size(file) / 2);
  auto half = run_script("restore.sh", {"--dsn", target.dsn(), cut});
  BOOST_TEST(half.status == 1);
  BOOST_TEST(holds(half.output, "is not a readable Bridge backup (truncated"),
             half.output);
  // With the checksum of the whole file beside it: found at once.
  fs::copy_file(file + ".sha256", cut + ".sha256");
  auto text = slurp(cut + ".sha256");
  write(cut + ".sha256",
        text.replace(text.find("bridge.dump"), 11, "cut.dump"));
  auto checked = run_script("restore.sh", {"--dsn", target.dsn(), cut});
  BOOST_TEST(checked.status == 1);
  BOOST_TEST(holds(checked.output, "does not match its checksum"),
             checked.output);
  BOOST_TEST(tables_in_target() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_file_that_is_no_backup_is_refused, backed_up) {
  write(dir + "/junk.dump", std::string(4096, '\x5a'));
  auto r =
      run_script("restore.sh", {"--dsn", target.dsn(), dir + "/junk.dump"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(holds(r.output, "is not a readable Bridge backup"), r.output);
  auto missing =
      run_script("restore.sh", {"--dsn", target.dsn(), dir + "/none.dump"});
  BOOST_TEST(missing.status == 1);
  BOOST_TEST(holds(missing.output, "cannot read"), missing.output);
  BOOST_TEST(tables_in_target() == 0);
}

BOOST_FIXTURE_TEST_CASE(a_database_with_data_is_replaced_only_when_asked,
                        backed_up) {
  target.query("CREATE TABLE keep_me (x int)");
  auto r = run_script("restore.sh", {"--dsn", target.dsn(), file});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(holds(r.output, "is not empty"), r.output);
  BOOST_TEST(holds(r.output, "--replace"), r.output);
  BOOST_TEST(target.scalar(
                 "SELECT count(*) FROM pg_tables WHERE tablename = 'keep_me'")
             == 1);

  auto replaced =
      run_script("restore.sh", {"--dsn", target.dsn(), "--replace", file});
  BOOST_REQUIRE_MESSAGE(replaced.status == 0, replaced.output);
  BOOST_TEST(target.scalar(
                 "SELECT count(*) FROM pg_tables WHERE tablename = 'keep_me'")
             == 0);
  BOOST_TEST(
      target.scalar("SELECT count(*) FROM schema_migrations")
      == static_cast<long long>(bridge::storage::embedded_migrations().size()));
}

BOOST_AUTO_TEST_SUITE_END()
