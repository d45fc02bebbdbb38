// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <thread>

#include <simdjson.h>

#include "common/http_client.hpp"
#include "ops/dashboard_figures.hpp"
#include "tests/support/browser.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_dashboard)

// The operator's dashboard in a real browser (Debian's Chromium, headless)
// against the running engine: the figures it shows are those /metrics
// serves, its pages walk every user and conversation once, a wrong or
// missing token shows nothing, and the run leaves a screenshot behind.

using namespace bridge::test;

namespace {

constexpr const char* token = "dashboard-e2e-token-0123456789";
constexpr const char* instance = "dashboard-e2e";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// What a figure element of the page held.
struct shown {
  std::string value; // data-value: the raw figure, "null" when unknown
  std::string text;  // what a person reads
};

/// Every `<dd data-figure=…>` of a dumped page.
std::map<std::string, shown> figures_in(const std::string& dom) {
  std::map<std::string, shown> out;
  static const std::regex dd{R"re(<dd([^>]*)>([^<]*)</dd>)re"};
  static const std::regex name{R"re(data-figure="([^"]*)")re"};
  static const std::regex value{R"re(data-value="([^"]*)")re"};
  for (std::sregex_iterator i{dom.begin(), dom.end(), dd}, end; i != end; ++i) {
    auto attrs = (*i)[1].str();
    std::smatch n, v;
    if (std::regex_search(attrs, n, name) && std::regex_search(attrs, v, value))
      out[n[1]] = shown{v[1], (*i)[2]};
  }
  return out;
}

/// Every `<dd data-business=…>` of a dumped page: its raw value.
std::map<std::string, std::string> business_in(const std::string& dom) {
  std::map<std::string, std::string> out;
  static const std::regex dd{R"re(<dd([^>]*data-business[^>]*)>)re"};
  static const std::regex name{R"re(data-business="([^"]*)")re"};
  static const std::regex value{R"re(data-value="([^"]*)")re"};
  for (std::sregex_iterator i{dom.begin(), dom.end(), dd}, end; i != end; ++i) {
    auto attrs = (*i)[1].str();
    std::smatch n, v;
    if (std::regex_search(attrs, n, name) && std::regex_search(attrs, v, value))
      out[n[1]] = v[1];
  }
  return out;
}

/// The ids of the rows a table of the page showed (`data-user`, …).
std::vector<int64_t> rows_in(const std::string& dom, const std::string& attr) {
  std::vector<int64_t> out;
  std::regex row{"<tr data-" + attr + R"re(="(\d+)">)re"};
  for (std::sregex_iterator i{dom.begin(), dom.end(), row}, end; i != end; ++i)
    out.push_back(std::stoll((*i)[1]));
  return out;
}

/// The fragment a page's "next page" link points at; empty when disabled.
std::string next_link(const std::string& dom, const std::string& kind) {
  std::regex link{"<a id=\"" + kind + R"re(-next"( href="#([^"]*)")?)re"};
  std::smatch m;
  if (!std::regex_search(dom, m, link) || !m[1].matched)
    return {};
  return std::regex_replace(m[2].str(), std::regex{"&amp;"}, "&");
}

/// A series' value in a /metrics text; NaN when absent.
double series(const std::string& text, const std::string& name) {
  auto at = text.find("\n" + name + " ");
  if (at == std::string::npos)
    return std::numeric_limits<double>::quiet_NaN();
  return std::stod(text.substr(at + name.size() + 2));
}

std::vector<bridge::ops::cumulative_bucket> buckets(const std::string& text,
                                                    const std::string& name) {
  std::vector<bridge::ops::cumulative_bucket> out;
  // Other labels (the translator's backend) come before `le`.
  std::regex line{name + R"re(_bucket\{(?:[^}]*,)?le="([^"]+)"\} (\d+))re"};
  for (std::sregex_iterator i{text.begin(), text.end(), line}, end; i != end;
       ++i) {
    auto le = (*i)[1].str();
    out.push_back(
        {le == "+Inf" ? std::numeric_limits<double>::infinity() : std::stod(le),
         std::stoull((*i)[2])});
  }
  return out;
}

double quantile(double q,
                const std::vector<bridge::ops::cumulative_bucket>& b) {
  auto v = bridge::ops::histogram_quantile(q, b);
  return v ? *v : std::numeric_limits<double>::quiet_NaN();
}

/// The page's figures as /metrics has them (NaN: not there or unknown).
/// The pool's busy and waiting gauges are left out: the poller's own
/// reads make them flicker even when the bot is idle.
std::map<std::string, double> expected_from(const std::string& m) {
  auto latency = buckets(m, "bridge_update_reply_latency_seconds");
  auto request = buckets(m, "bridge_translator_request_seconds");
  auto wait = buckets(m, "bridge_db_pool_wait_seconds");
  auto handoff = buckets(m, "bridge_cluster_handoff_seconds");
  auto hits = series(m, "bridge_cache_hits_total");
  auto misses = series(m, "bridge_cache_misses_total");
  return {
      {"messages.received_total",
       series(m, "bridge_updates_received_total{kind=\"message\"}")},
      {"messages.relayed_total", series(m, "bridge_messages_relayed_total")},
      {"messages.untranslated_total",
       series(m, "bridge_messages_untranslated_total")},
      {"latency.count", series(m, "bridge_update_reply_latency_seconds_count")},
      {"latency.p50_seconds", quantile(0.50, latency)},
      {"latency.p95_seconds", quantile(0.95, latency)},
      {"latency.p99_seconds", quantile(0.99, latency)},
      {"translator.queue_depth", series(m, "bridge_translator_queue_depth")},
      {"translator.in_flight", series(m, "bridge_translator_in_flight")},
      {"translator.ok_total",
       series(m, "bridge_translations_total{result=\"ok\"}")},
      {"translator.failed_total",
       series(m, "bridge_translations_total{result=\"failed\"}")},
      {"translator.retries_total",
       series(m, "bridge_translator_retries_total")},
      {"translator.rate_limited_total",
       series(m, "bridge_translator_rate_limited_total")},
      {"translator.request.p95_seconds", quantile(0.95, request)},
      {"db.open",
       series(m, "bridge_db_pool_connections{state=\"idle\"}")
           + series(m, "bridge_db_pool_connections{state=\"in_use\"}")},
      {"db.errors_total", series(m, "bridge_db_errors_total")},
      {"db.wait.p95_seconds", quantile(0.95, wait)},
      {"cache.hits_total", hits},
      {"cache.misses_total", misses},
      {"cache.hit_rate", hits + misses > 0
                             ? hits / (hits + misses)
                             : std::numeric_limits<double>::quiet_NaN()},
      {"sender.queue_depth", series(m, "bridge_sender_queue_depth")},
      {"sender.sent_total", series(m, "bridge_sender_sent_total")},
      {"sender.rate_limited_total",
       series(m, "bridge_sender_rate_limited_total")},
      {"sender.failed_total", series(m, "bridge_sender_failed_total")},
      {"backlog.inbox", series(m, "bridge_inbox_backlog")},
      {"backlog.outbox", series(m, "bridge_outbox_backlog")},
      {"cluster.partitions_owned",
       series(m, "bridge_cluster_partitions_owned")},
      {"cluster.handoff.count",
       series(m, "bridge_cluster_handoff_seconds_count")},
      {"cluster.handoff.p50_seconds", quantile(0.50, handoff)},
      {"cluster.handoff.p99_seconds", quantile(0.99, handoff)},
      {"actors.sessions", series(m, "bridge_sessions_active")},
      {"actors.conversations", series(m, "bridge_conversations_active")},
  };
}

bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

/// The figures that differ, for the failure message; empty when none.
std::string moved(const std::map<std::string, double>& a,
                  const std::map<std::string, double>& b) {
  std::string out;
  for (auto& [k, v] : a)
    if (!same(v, b.at(k)))
      out +=
          k + " " + std::to_string(v) + " -> " + std::to_string(b.at(k)) + "; ";
  return out;
}

struct dashboard_world {
  sim_world world{
      unthrottled_engine({"--translator.backend=fake",
                          std::string{"--cluster.instance_id="} + instance}),
      unthrottled_sim(),
      {{"BRIDGE_ADMIN_TOKEN", token}}};
  headless_browser browser;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
  sim_user cai = make_user(2003, "Cai", "es");
  sim_user dan = make_user(1004, "Dan", "es");
  sim_user eva = make_user(2005, "Eva", "en");

  dashboard_world() {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
    register_worker(world, cai, "es", code, ana);
    auto code2 = register_manager(world, dan, "es");
    register_worker(world, eva, "en", code2, dan);
    // Traffic in every conversation, so each figure has something to say.
    world.say(bob, "hola");
    world.next_message(ana.id);
    world.say(cai, "buenos días");
    world.next_message(ana.id);
    world.say(ana, "hello everyone");
    world.next_message(cai.id);
    world.say(dan, "¿qué tal?");
    world.next_message(eva.id);
    world.say(eva, "all good");
    world.next_message(dan.id);
  }

  std::string base() const {
    return "http://127.0.0.1:" + std::to_string(world.engine_port());
  }

  bridge::http_response get(const std::string& path,
                            const char* bearer = token) {
    bridge::http_client c;
    std::vector<std::string> headers;
    if (bearer != nullptr)
      headers.push_back(std::string{"Authorization: Bearer "} + bearer);
    return c.get(base() + path, headers, std::chrono::seconds{10});
  }

  /// /metrics' figures once two scrapes a poll interval apart agree: the
  /// status poller has caught up with the traffic.
  std::map<std::string, double> settled() {
    auto last = expected_from(world.engine_metrics());
    for (int i = 0; i < 30; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds{1500});
      auto now = expected_from(world.engine_metrics());
      if (moved(last, now).empty())
        return now;
      last = now;
    }
    BOOST_FAIL("the engine's metrics did not settle");
    return last;
  }

  std::string page(const std::string& fragment) {
    return browser.dump_dom(base() + "/dashboard#" + fragment);
  }

  /// Ids of every row a listing has, in order, from the admin API.
  std::vector<int64_t> listed(const std::string& path, const char* id_field) {
    auto r = get(path);
    BOOST_REQUIRE_EQUAL(r.status, 200);
    simdjson::dom::parser p;
    simdjson::dom::element doc;
    BOOST_REQUIRE(p.parse(r.body).get(doc) == simdjson::SUCCESS);
    std::vector<int64_t> out;
    for (auto row : doc["rows"].get_array())
      out.push_back(int64_t(row[id_field]));
    return out;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(the_page_shows_what_metrics_serves, dashboard_world) {
  auto before = settled();
  auto dom = page(std::string{"token="} + token);
  BOOST_TEST_REQUIRE(contains(dom, "data-loaded=\"all\""), dom);
  auto after = expected_from(world.engine_metrics());
  auto shown_figures = figures_in(dom);

  // The page's own listings are pool requests: they add waits of their
  // own between the scrapes, so the pool-wait p95 can move either way
  // while the page loads. The page must show it, as a number; its
  // arithmetic is ops.dashboard_figures' to check.
  const std::string wait = "db.wait.p95_seconds";
  BOOST_TEST_REQUIRE(shown_figures.count(wait) == 1u);
  BOOST_TEST(shown_figures.at(wait).value != "null");
  BOOST_TEST(std::stod(shown_figures.at(wait).value) > 0);
  before.erase(wait);
  after.erase(wait);

  auto diff = moved(before, after);
  BOOST_TEST_REQUIRE(diff.empty(),
                     "the engine moved while the page loaded: " << diff);
  for (auto& [name, want] : after) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST_REQUIRE(shown_figures.count(name) == 1u);
      auto& got = shown_figures.at(name);
      if (std::isnan(want)) {
        BOOST_TEST(got.value == "null");
        BOOST_TEST(got.text == "—");
        continue;
      }
      BOOST_TEST(same(std::stod(got.value), want), got.value << " vs " << want);
      BOOST_TEST(!got.text.empty());
      if (name.find("_seconds")
          != std::string::npos) { // "0.046 ms", "12.5 ms", "1.45 s"
        auto ms = std::stod(got.text) * (contains(got.text, " ms") ? 1 : 1000);
        BOOST_TEST(std::fabs(ms - want * 1000) <= 0.051 + 0.005 * want * 1000,
                   got.text);
      } else if (name != "cache.hit_rate")
        BOOST_TEST(got.text == std::to_string(std::llround(want)));
    }
  }
  // The traffic above is in the figures, not only zeros.
  BOOST_TEST(after.at("messages.relayed_total") >= 5);
  BOOST_TEST(after.at("latency.count") > 0);
  BOOST_TEST(!std::isnan(after.at("latency.p99_seconds")));
  BOOST_TEST(after.at("db.open") > 0);
  BOOST_TEST(shown_figures.at("translator.breaker").text == "closed");
  // Messages per minute come from the poller's samples over the last
  // minute: relayed messages were counted, so the rate is above zero.
  BOOST_TEST(shown_figures.at("messages.relayed_per_minute").value != "null");
  BOOST_TEST(std::stod(shown_figures.at("messages.relayed_per_minute").value)
             > 0);
}

BOOST_FIXTURE_TEST_CASE(the_business_panel_shows_what_the_admin_api_serves,
                        dashboard_world) {
  auto r = get("/admin/business");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(r.body).get(doc) == simdjson::SUCCESS);
  auto dom = page(std::string{"token="} + token);
  BOOST_TEST_REQUIRE(contains(dom, "data-loaded=\"all\""), dom);
  BOOST_TEST(contains(dom, R"(id="business" data-loaded="yes")"), dom);
  auto on_page = business_in(dom);
  BOOST_TEST_REQUIRE(on_page.size() == 17u);
  for (const auto& [path, value] : on_page) {
    BOOST_TEST_CONTEXT(path) {
      auto pointer = "/" + std::regex_replace(path, std::regex{"\\."}, "/");
      int64_t want = -1;
      BOOST_TEST_REQUIRE(
          (doc.at_pointer(pointer).get_int64().get(want) == simdjson::SUCCESS));
      BOOST_TEST(value == std::to_string(want));
    }
  }
  // Ana and Dan (managers) and three workers; both managers wrote today.
  BOOST_TEST(on_page.at("users.total") == "5");
  BOOST_TEST(on_page.at("users.by_role.manager") == "2");
  BOOST_TEST(on_page.at("users.by_role.worker") == "3");
  BOOST_TEST(on_page.at("active_teams.days_7") == "2");
  BOOST_TEST(on_page.at("paying_managers.total") == "0");
  BOOST_TEST(contains(
      dom, R"(<tr><td>worker</td><td>es</td><td class="num">2</td></tr>)"));
  BOOST_TEST(contains(
      dom, R"(<tr><td>manager</td><td>en</td><td class="num">1</td></tr>)"));
}

BOOST_FIXTURE_TEST_CASE(pages_walk_every_user_and_conversation_once,
                        dashboard_world) {
  auto users = listed("/admin/users?limit=1000", "telegram_id");
  auto conversations = listed("/admin/conversations?limit=1000", "id");
  BOOST_TEST_REQUIRE(users.size() == 5u);
  BOOST_TEST_REQUIRE(conversations.size() == 3u);

  auto auth = std::string{"&token="} + token;
  std::vector<int64_t> seen_users;
  std::string fragment = "limit=2";
  std::string first_dom;
  for (int pages = 0; pages < 10; ++pages) {
    auto dom = page(fragment + auth);
    BOOST_TEST_REQUIRE(contains(dom, "data-loaded=\"all\""), dom);
    if (pages == 0)
      first_dom = dom;
    auto rows = rows_in(dom, "user");
    BOOST_TEST(rows.size() <= 2u);
    seen_users.insert(seen_users.end(), rows.begin(), rows.end());
    fragment = next_link(dom, "users");
    if (fragment.empty())
      break;
  }
  BOOST_TEST(seen_users == users, boost::test_tools::per_element());

  // Conversations page on their own cursor.
  auto first_conversations = rows_in(first_dom, "conversation");
  BOOST_TEST(first_conversations.size() == 2u);
  auto next = next_link(first_dom, "conversations");
  BOOST_TEST_REQUIRE(!next.empty());
  BOOST_TEST(!contains(next, "users_after")); // the users' cursor stays put
  auto second = page(next + auth);
  auto rest = rows_in(second, "conversation");
  first_conversations.insert(first_conversations.end(), rest.begin(),
                             rest.end());
  BOOST_TEST(first_conversations == conversations,
             boost::test_tools::per_element());
  BOOST_TEST(next_link(second, "conversations").empty()); // the last page
}

BOOST_FIXTURE_TEST_CASE(a_wrong_or_missing_token_shows_nothing,
                        dashboard_world) {
  auto none = page("limit=2");
  BOOST_TEST(contains(none, "an admin token is needed"), none);
  BOOST_TEST(rows_in(none, "user").empty());

  auto wrong = page("token=not-the-token");
  BOOST_TEST(contains(wrong, "401"), wrong);
  BOOST_TEST(rows_in(wrong, "user").empty());
  BOOST_TEST(figures_in(wrong).empty());

  BOOST_TEST(get("/admin/dashboard", nullptr).status == 401);
  BOOST_TEST(get("/admin/dashboard", "wrong").status == 401);
  // The page itself carries no data, and may not be framed or cached.
  auto shell = get("/dashboard", nullptr);
  BOOST_TEST(shell.status == 200);
  BOOST_TEST(!contains(shell.body, "Ana"));
  bool csp = false;
  for (auto& [k, v] : shell.headers)
    csp = csp
          || (k == "content-security-policy"
              && contains(v, "frame-ancestors 'none'"));
  BOOST_TEST(csp);
  BOOST_TEST(!contains(world.engine().log_tail(1 << 20), token));
}

BOOST_FIXTURE_TEST_CASE(bad_pagination_is_reported_on_the_page,
                        dashboard_world) {
  auto auth = std::string{"&token="} + token;
  for (auto [bad, kind] : {std::pair{"limit=-1", "users"},
                           {"limit=abc", "users"},
                           {"limit=100000", "conversations"},
                           {"users_after=-5", "users"},
                           {"conversations_after=x", "conversations"}}) {
    auto dom = page(bad + auth);
    BOOST_TEST_CONTEXT(bad) {
      BOOST_TEST(contains(dom, "data-loaded=\"all\""));
      // The listing says what the API refused, and shows no rows.
      std::regex problem{"id=\"" + std::string{kind} + "-error\">([^<]*)<"};
      std::smatch m;
      BOOST_TEST_REQUIRE(std::regex_search(dom, m, problem));
      BOOST_TEST(contains(m[1], ": 400 "), m[1]);
      BOOST_TEST(
          rows_in(dom, kind == std::string{"users"} ? "user" : "conversation")
              .empty());
      // The figures still show.
      BOOST_TEST(!figures_in(dom).empty());
    }
  }
  // Beyond the end: an empty page and no next link, not an error.
  auto beyond = page("users_after=999999999" + auth);
  BOOST_TEST(contains(beyond, "data-loaded=\"all\""), beyond);
  BOOST_TEST(rows_in(beyond, "user").empty());
  BOOST_TEST(next_link(beyond, "users").empty());
}

BOOST_FIXTURE_TEST_CASE(the_cluster_panel_shows_every_partition_and_its_owner,
                        dashboard_world) {
  // Alone, the engine's keeper takes every lease at its first round; the
  // page is read until it shows them (a bound, not a claim about speed).
  static const std::regex owned{"<span data-partition=\"(\\d+)\" data-owner=\""
                                + std::string{instance} + "\""};
  std::string dom;
  size_t cells = 0;
  for (int i = 0; i < 15 && cells != 64; ++i) {
    dom = page(std::string{"token="} + token);
    cells = static_cast<size_t>(
        std::distance(std::sregex_iterator{dom.begin(), dom.end(), owned},
                      std::sregex_iterator{}));
    if (cells != 64)
      std::this_thread::sleep_for(std::chrono::seconds{1});
  }
  BOOST_TEST_REQUIRE(contains(dom, "data-cluster=\"live\""), dom);
  BOOST_TEST(cells == 64u, dom);
  // No free or expired cell, the engine is the intake leader, and its row
  // in the instances table counts its partitions.
  BOOST_TEST(!contains(dom, "class=\"free\""));
  BOOST_TEST(!contains(dom, "class=\"expired\""));
  BOOST_TEST(contains(dom, std::string{"data-cluster=\"leader\">"} + instance
                               + " · epoch "),
             dom);
  std::regex row{"<tr data-instance=\"" + std::string{instance}
                 + "\">.*?<td class=\"num\">64</td><td>leader</td>"};
  BOOST_TEST(std::regex_search(dom, row), dom);
  // An epoch is in every cell's tooltip.
  BOOST_TEST(contains(dom, "title=\"partition 0 · " + std::string{instance}
                               + " · epoch "));
}

BOOST_FIXTURE_TEST_CASE(the_run_leaves_a_screenshot, dashboard_world) {
  settled();
  auto dir = require_env("BRIDGE_BINARY_DIR") + "/artifacts";
  std::filesystem::create_directories(dir);
  auto png = dir + "/dashboard.png";
  std::filesystem::remove(png);
  browser.screenshot(base() + "/dashboard#limit=5&token=" + token, png);
  std::ifstream in{png, std::ios::binary};
  std::string head(8, '\0');
  in.read(head.data(), 8);
  BOOST_TEST(head == std::string("\x89PNG\r\n\x1a\n", 8));
  BOOST_TEST(std::filesystem::file_size(png) > 20'000u);
  BOOST_TEST_MESSAGE("dashboard screenshot: " << png);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_dashboard
