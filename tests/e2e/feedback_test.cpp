// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <simdjson.h>

#include "common/http_client.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_feedback)

// Feedback reaches operators: what users send with /feedback is listed by
// GET /admin/feedback in pages, with its author's role and language and
// its text in the operator's language (translated once, then stored); a
// translator that fails shows the original, marked, never an error page.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* token = "feedback-e2e-token-0123456789";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// One row of the listing, as the test reads it.
struct row {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string role, language, text, state, translated, error;
};

struct listing {
  std::vector<row> rows;
  int64_t next_after = 0; // 0: null (the last page)
};

struct feedback_world {
  sim_world world;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit feedback_world(std::vector<std::string> extra = {})
      : world(unthrottled_engine(with(std::move(extra))), unthrottled_sim(),
              {{"BRIDGE_ADMIN_TOKEN", token}}) {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  static std::vector<std::string> with(std::vector<std::string> extra) {
    extra.insert(extra.begin(), "--translator.backend=fake");
    return extra;
  }

  void feedback(const sim_user& u, const std::string& text,
                const std::string& lang) {
    world.say(u, "/feedback " + text);
    BOOST_TEST(world.next_message(u.id).text
               == render(text_id::feedback_thanks, lang));
  }

  bridge::http_response get(const std::string& path) {
    bridge::http_client c;
    return c.get("http://127.0.0.1:" + std::to_string(world.engine_port())
                     + path,
                 {std::string{"Authorization: Bearer "} + token},
                 std::chrono::seconds{20});
  }

  listing list(const std::string& query) {
    auto r = get("/admin/feedback" + query);
    BOOST_REQUIRE_MESSAGE(r.status == 200, r.status << " " << r.body);
    simdjson::dom::parser p;
    simdjson::dom::element doc;
    BOOST_REQUIRE(p.parse(r.body).get(doc) == simdjson::SUCCESS);
    listing out;
    for (auto e : doc["rows"].get_array()) {
      row x;
      x.id = int64_t(e["id"]);
      x.user_id = int64_t(e["user_id"]);
      x.role = std::string{std::string_view(e["role"])};
      x.language = std::string{std::string_view(e["language"])};
      x.text = std::string{std::string_view(e["text"])};
      auto t = e["translation"];
      x.state = std::string{std::string_view(t["state"])};
      x.translated = std::string{std::string_view(t["text"])};
      std::string_view err;
      if (t["error"].get_string().get(err) == simdjson::SUCCESS)
        x.error = std::string{err};
      out.rows.push_back(std::move(x));
    }
    int64_t next = 0;
    if (doc["next_after"].get_int64().get(next) == simdjson::SUCCESS)
      out.next_after = next;
    return out;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_workers_feedback_reaches_operators_translated,
                        feedback_world) {
  feedback(bob, "Muy útil", "es");
  feedback(ana, "Great bot", "en");
  auto page = list("");
  BOOST_REQUIRE(page.rows.size() == 2);
  const auto& b = page.rows[0];
  BOOST_TEST(b.user_id == 2002);
  BOOST_TEST(b.role == "worker");
  BOOST_TEST(b.language == "es");
  BOOST_TEST(b.text == "Muy útil");
  BOOST_TEST(b.state == "translated");
  BOOST_TEST(b.translated == "[en] Muy útil");
  // Already in the operator's language: shown as written, not translated
  // (the fake translator would have marked it "[en] ").
  const auto& a = page.rows[1];
  BOOST_TEST(a.role == "manager");
  BOOST_TEST(a.language == "en");
  BOOST_TEST(a.state == "same_language");
  BOOST_TEST(a.translated == "Great bot");
  BOOST_TEST(page.next_after == 0);
  // Stored with the feedback: the next reading shows what is stored and
  // asks the translator nothing (a changed row shows as changed).
  BOOST_TEST(db_value(world,
                      "SELECT count(*) FROM feedback WHERE translated_text = "
                      "'[en] Muy útil' AND translated_lang = 'en'")
             == 1);
  BOOST_TEST(
      db_value(world,
               "WITH u AS (UPDATE feedback SET translated_text = 'Very useful' "
               "WHERE user_id = 2002 RETURNING 1) SELECT count(*) FROM u")
      == 1);
  BOOST_TEST(list("").rows.at(0).translated == "Very useful");
}

BOOST_FIXTURE_TEST_CASE(feedback_pages_walk_every_piece_once, feedback_world) {
  for (int i = 1; i <= 5; ++i)
    feedback(i % 2 == 0 ? ana : bob, "nota " + std::to_string(i),
             i % 2 == 0 ? "en" : "es");
  std::vector<std::string> seen;
  std::string query = "?limit=2";
  int pages = 0;
  for (; pages < 10; ++pages) {
    auto page = list(query);
    BOOST_TEST(page.rows.size() <= 2u);
    for (auto& r : page.rows)
      seen.push_back(r.text);
    if (page.next_after == 0)
      break;
    query = "?limit=2&after=" + std::to_string(page.next_after);
  }
  BOOST_TEST(pages == 2); // 2 + 2 + 1
  BOOST_TEST(seen
                 == (std::vector<std::string>{"nota 1", "nota 2", "nota 3",
                                              "nota 4", "nota 5"}),
             boost::test_tools::per_element());
  auto beyond = list("?after=999999999");
  BOOST_TEST(beyond.rows.empty());
  BOOST_TEST(beyond.next_after == 0);
}

BOOST_FIXTURE_TEST_CASE(bad_query_parameters_are_answered_400_clearly,
                        feedback_world) {
  for (auto [bad, names] : std::vector<std::pair<std::string, std::string>>{
           {"limit=-1", "limit"},
           {"limit=0", "limit"},
           {"limit=abc", "limit"},
           {"limit=5000", "limit"},
           {"after=-3", "after"},
           {"after=1%3B", "after"},
           {"after=99999999999999999999", "after"},
           {"after=1&after=2", "after"},
           {"after=1%27%20OR%201%3D1", "after"},
           {"active_since_ms=5", "active_since_ms"}}) {
    auto r = get("/admin/feedback?" + bad);
    BOOST_TEST(r.status == 400, bad);
    BOOST_TEST(contains(r.body, "{\"error\":\"'" + names + "'"),
               bad << ": " << r.body);
  }
  auto none = bridge::http_client{}.get(
      "http://127.0.0.1:" + std::to_string(world.engine_port())
          + "/admin/feedback",
      {}, std::chrono::seconds{10});
  BOOST_TEST(none.status == 401);
}

BOOST_AUTO_TEST_CASE(a_failing_translator_shows_the_original_marked) {
  feedback_world w{{"--translator.fake_failure_rate=1"}};
  w.feedback(w.bob, "No funciona", "es");
  auto page = w.list("");
  BOOST_REQUIRE(page.rows.size() == 1);
  BOOST_TEST(page.rows[0].state == "failed");
  BOOST_TEST(page.rows[0].translated == "No funciona");
  BOOST_TEST(!page.rows[0].error.empty());
  // Nothing stored: a later reading asks again.
  BOOST_TEST(db_value(w.world, "SELECT count(*) FROM feedback "
                               "WHERE translated_text IS NOT NULL")
             == 0);
}

BOOST_AUTO_TEST_SUITE_END()
