// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>

#include "actors/team_glossary.hpp"
#include "cache/keys.hpp"
#include "tests/support/cache_fixture.hpp"

// Two engines on one Redis and one database: the fixture's cache is the
// pool's watcher, so every glossary write here goes through "this"
// engine; the second engine keeps teams' glossaries in memory for an
// hour and must drop a changed one from the published news alone, long
// before its copy would expire.
BOOST_AUTO_TEST_SUITE(cache_glossary_news_pg_redis)

using namespace bridge;
using bridge::test::wait_until;

namespace {

constexpr int64_t ana = 1001;

glossary_row entry(const std::string& term, const std::string& translation,
                   const std::string& status = "active") {
  return {0, "en", "es", term, term, translation, ana, status};
}

struct fixture : bridge::test::cache_fixture {
  /// The second engine's memo: its clock never moves, so only news can
  /// make it forget.
  std::shared_ptr<glossary_memo> memo = std::make_shared<glossary_memo>(
      100, std::chrono::hours{1}, [] { return int64_t{1}; });
  cache_actor other;

  fixture() {
    must(user_put{ana, user_role::manager, "en", "Ana"});
    auto opts = options();
    opts.forget_glossaries = [m = memo](const std::vector<int64_t>& managers,
                                        bool all) {
      if (all)
        m->forget_all();
      for (auto id : managers)
        m->forget(id);
    };
    opts.feed_ping_every = std::chrono::milliseconds{50};
    opts.feed_silence_limit = std::chrono::milliseconds{1000};
    other = sys->spawn<caf::detached>(cache::cache_service, opts);
    if (!wait_until([&] { return subscribers() > 0; }))
      throw std::runtime_error("the second cache never subscribed");
  }

  ~fixture() {
    caf::anon_send_exit(other, caf::exit_reason::user_shutdown);
    other = nullptr;
  }

  int64_t subscribers() {
    auto r = redis.command(
        {"PUBSUB", "NUMSUB", std::string{cache::keys::invalidation_channel}});
    return r.elements.size() == 2 ? r.elements[1].integer : 0;
  }

  glossary_put put(glossary_row row) {
    glossary_put p;
    p.manager_id = ana;
    p.rows = {std::move(row)};
    return p;
  }

  /// Waits until the news of every write made so far has reached the
  /// second engine: the fixture cache has published it once it answers
  /// (its mailbox is in order), and news published after it arrives
  /// after it.
  void settle() {
    status();
    constexpr int64_t sentinel = 999999;
    // The sentinel must be kept before its news is sent: earlier news
    // arriving between reserve() and fill() makes the fill refused (and
    // the wait below would end before any news came), so fill again.
    auto empty =
        std::make_shared<const team_glossary>(std::vector<glossary_row>{});
    if (!wait_until([&] {
          memo->fill(sentinel, empty, memo->reserve());
          return memo->find(sentinel) != nullptr;
        }))
      throw std::runtime_error("the sentinel was never kept");
    redis.command(
        {"PUBLISH", std::string{cache::keys::invalidation_channel}, "g999999"});
    if (!wait_until([&] { return memo->find(sentinel) == nullptr; }))
      throw std::runtime_error("the news never arrived");
  }

  /// Reads the team's glossary as the second engine's conversation does,
  /// keeping it, once the news of earlier writes is in.
  void read_and_keep() {
    settle();
    auto ticket = memo->reserve();
    auto page = must(glossary_list{ana});
    memo->fill(ana, std::make_shared<const team_glossary>(page.rows), ticket);
  }

  /// The translation the second engine's copy has for "site", or "".
  std::string kept_translation() {
    auto g = memo->find(ana);
    if (!g)
      return "";
    for (auto& r : g->rows())
      if (r.term_key == "site")
        return r.translation;
    return "(none)";
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(two_engines, fixture)

BOOST_AUTO_TEST_CASE(an_added_term_reaches_the_other_engine_at_once) {
  must(put(entry("site", "obra")));
  read_and_keep();
  BOOST_TEST(kept_translation() == "obra");
  must(put(entry("site", "solar")));
  BOOST_TEST(wait_until([&] { return kept_translation().empty(); }));
  read_and_keep();
  BOOST_TEST(kept_translation() == "solar");
}

BOOST_AUTO_TEST_CASE(a_removed_term_and_an_accepted_proposal_do_too) {
  must(put(entry("site", "obra")));
  read_and_keep();
  BOOST_TEST(must(glossary_remove{ana, "site"}).n == 1);
  BOOST_TEST(wait_until([&] { return kept_translation().empty(); }));
  read_and_keep();
  BOOST_TEST(kept_translation() == "(none)");
  auto proposed = must(put(entry("site", "sitio", "proposed")));
  BOOST_REQUIRE(proposed.rows.size() == 1u);
  read_and_keep();
  BOOST_REQUIRE(memo->find(ana) != nullptr);
  must(glossary_answer{ana, proposed.rows[0].id, true});
  BOOST_TEST(wait_until([&] { return kept_translation().empty(); }));
  read_and_keep();
  BOOST_TEST(kept_translation() == "sitio");
}

BOOST_AUTO_TEST_CASE(only_the_named_team_is_dropped) {
  must(put(entry("site", "obra")));
  read_and_keep();
  constexpr int64_t other_team = 3003;
  memo->fill(other_team,
             std::make_shared<const team_glossary>(std::vector<glossary_row>{}),
             memo->reserve());
  redis.command(
      {"PUBLISH", std::string{cache::keys::invalidation_channel}, "7 g3003"});
  BOOST_TEST(wait_until([&] { return memo->find(other_team) == nullptr; }));
  BOOST_TEST(kept_translation() == "obra");
  // News it cannot read may have named any team: all are dropped.
  redis.command(
      {"PUBLISH", std::string{cache::keys::invalidation_channel}, "g;DROP"});
  BOOST_TEST(wait_until([&] { return kept_translation().empty(); }));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
