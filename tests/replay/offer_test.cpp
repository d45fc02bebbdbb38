// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include <simdjson.h>

#include "tests/tg_sim/server_fixture.hpp"
#include "tools/bridge_replay/checker.hpp"
#include "tools/bridge_replay/generator.hpp"
#include "tools/bridge_replay/registrar.hpp"
#include "tools/bridge_replay/runner.hpp"

BOOST_AUTO_TEST_SUITE(replay_offer)

// The replay against tg-sim alone (--offer-only): teams taken as the file
// says, every line sent, batched where lines fall due together, and what
// tg-sim received is every message once, each user's in file order.

using namespace bridge;
using namespace tg_sim_test;

namespace {

replay::generate_options small_traffic() {
  replay::generate_options g;
  g.teams = 10;
  g.workers_min = 1;
  g.workers_max = 4;
  g.messages = 600;
  g.rate = 100;
  g.switch_fraction = 0.2;
  g.hostile_fraction = 0.1;
  g.seed = 3;
  return g;
}

/// The small traffic, less its raw bytes and recorded updates: they would
/// break the JSON of the getUpdates answers the test reads.
std::vector<replay::traffic_line> traffic() {
  auto lines = replay::generate(small_traffic());
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const replay::traffic_line& l) {
                               return l.kind == replay::line_kind::raw
                                      || l.kind == replay::line_kind::update;
                             }),
              lines.end());
  return lines;
}

/// Every pending update's message text by sender, in update order.
std::map<int64_t, std::vector<std::string>> texts_by_user(server_fixture& f) {
  std::map<int64_t, std::vector<std::string>> out;
  simdjson::dom::parser parser;
  int64_t offset = 0;
  for (;;) {
    auto r = f.http.get(f.api + "getUpdates?timeout=0&limit=100&offset="
                            + std::to_string(offset),
                        {}, 10s);
    simdjson::dom::array result;
    BOOST_REQUIRE_MESSAGE(parser.parse(r.body)["result"].get_array().get(result)
                              == simdjson::SUCCESS,
                          r.status << " " << r.body.substr(0, 200));
    if (result.size() == 0)
      return out;
    for (auto u : result) {
      int64_t id = 0, from = 0;
      std::string_view text;
      BOOST_REQUIRE(u["update_id"].get_int64().get(id) == simdjson::SUCCESS);
      offset = id + 1;
      if (u["message"]["from"]["id"].get_int64().get(from) == simdjson::SUCCESS
          && u["message"]["text"].get_string().get(text) == simdjson::SUCCESS)
        out[from].emplace_back(text);
    }
  }
}

} // namespace

BOOST_AUTO_TEST_CASE(assumed_registration_follows_the_file) {
  auto lines = replay::generate(small_traffic());
  auto reg = replay::assume_registered(lines, 1000);
  BOOST_TEST(reg.teams == 10);
  int64_t users = 0;
  for (const auto& l : lines) {
    if (l.kind != replay::line_kind::register_manager
        && l.kind != replay::line_kind::register_worker)
      continue;
    ++users;
    const auto& u = reg.users.at(l.user + 1000);
    BOOST_TEST(u.registered);
    BOOST_TEST(u.lang == l.lang);
    if (l.kind == replay::line_kind::register_worker) {
      BOOST_TEST(u.manager == l.manager + 1000);
      BOOST_TEST(reg.users.at(u.manager).workers.back() >= u.user.id);
    }
  }
  BOOST_TEST(static_cast<int64_t>(reg.users.size()) == users);
}

BOOST_FIXTURE_TEST_CASE(every_message_reaches_tg_sim_once_in_order,
                        server_fixture) {
  auto lines = traffic();
  BOOST_TEST(std::count_if(lines.begin(), lines.end(),
                           [](const auto& l) {
                             return l.kind == replay::line_kind::press;
                           })
             > 0);
  replay::run_options o;
  o.sim_port = port;
  o.offer_only = true;
  // Fast, with a long gather: most calls carry several lines.
  o.rate = 5000;
  o.gather = std::chrono::milliseconds{5};
  o.threads = 3;
  o.progress = false;
  o.timeout = std::chrono::seconds{60};
  o.tag = "0ffe12";
  auto r = replay::run(lines, o);
  BOOST_TEST_MESSAGE(replay::report_json(r));
  BOOST_TEST(r.aborted.empty());
  BOOST_TEST(r.counts.sent == 600);
  BOOST_TEST(r.lost == 600); // nothing behind tg-sim delivers
  // With no bot, a press has no message to press on; nothing else fails.
  for (const auto& [kind, n] : r.errors)
    BOOST_TEST((kind == "inject_http_404"), kind << ": " << n);

  auto got = texts_by_user(*this);
  int64_t markers = 0;
  for (const auto& [user, texts] : got) {
    int64_t last = 0;
    for (const auto& t : texts) {
      auto m = replay::find_marker(t);
      if (!m || m->tag != o.tag)
        continue;
      ++markers;
      BOOST_TEST(m->marker > last, "user " << user << " out of order");
      last = m->marker;
    }
  }
  BOOST_TEST(markers == 600);
  // Each manager's switches arrived among their messages, where written.
  int64_t switches = 0, switch_lines = 0;
  for (const auto& [user, texts] : got)
    for (const auto& t : texts)
      switches += t.rfind("/switch ", 0) == 0 ? 1 : 0;
  for (const auto& l : lines)
    switch_lines += l.kind == replay::line_kind::switch_to ? 1 : 0;
  BOOST_TEST(switch_lines > 0);
  BOOST_TEST(switches == switch_lines);
}

BOOST_AUTO_TEST_SUITE_END()
