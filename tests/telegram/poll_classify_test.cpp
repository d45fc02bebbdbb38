// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "telegram/poll_classify.hpp"
#include "tests/telegram/poll_answers.hpp"

BOOST_AUTO_TEST_SUITE(telegram_poll_classify)

using namespace bridge;
using namespace bridge::telegram;
using namespace bridge::telegram::test;

namespace {

/// One getUpdates answer and what the front must make of it.
struct row {
  const char* name;
  long status;
  std::string body;
  /// curl's message; a row with status 0 is a transport failure.
  std::string transport_error;
  int64_t limit;
  poll_position at;
  poll_verdict verdict;
  size_t updates;
  /// `store`: where the intake stands after it.
  poll_position next;
  /// The elements not handed on, as "id:reason" joined by commas.
  std::string left_out;
  /// Leading elements that are an unnamed update sent again.
  size_t repeated = 0;
  /// The error counted for the call, or "" for none.
  std::string error_reason = "";
  int64_t error_code = 0;
  int64_t retry_after_s = 0;
};

/// A body past the client's size cap: what `http_client` keeps of it.
constexpr const char* too_large = "response body too large";

http_response answer(const row& r) {
  http_response resp;
  resp.status = r.status;
  resp.error = r.transport_error;
  if (r.transport_error == too_large) {
    resp.too_large = true;
    resp.head = r.body.substr(0, kept_head_bytes);
  } else {
    resp.body = r.body;
  }
  return resp;
}

std::string refusal(int64_t code, const std::string& extra = "") {
  return R"({"ok":false,"error_code":)" + std::to_string(code)
         + R"(,"description":"refused")" + extra + "}";
}

const std::string big_text(2 * kept_head_bytes, 'a');

const std::vector<row> rows = {
    // -- answers with updates -------------------------------------------------
    {"empty batch", 200, ok_result({}), "", 100, at(0), poll_verdict::store, 0,
     at(0), ""},
    {"two messages", 200, ok_result({message(11, "hi"), message(12, "yo")}), "",
     100, at(11), poll_verdict::store, 2, at(13), ""},
    {"skipped kinds still move the offset", 200,
     ok_result({R"({"update_id":20,"channel_post":{}})", R"({"update_id":21})",
                R"({"update_id":"22"})", message(19, "x")}),
     "", 100, at(0), poll_verdict::store, 1, at(22),
     "20:channel_post,21:other,0:no_update_id"},
    {"oversize text is a refused update, not a broken body", 200,
     ok_result({message(30, std::string(max_text_bytes + 1, 'a'))}), "", 100,
     at(0), poll_verdict::store, 0, at(31), "30:oversize"},
    {"invalid UTF-8 is repaired, not refused", 200,
     ok_result({message(31, "caf\xC3")}), "", 100, at(0), poll_verdict::store,
     1, at(32), ""},
    {"the body decides over a 5xx status", 500, ok_result({message(32, "a")}),
     "", 100, at(0), poll_verdict::store, 1, at(33), ""},
    {"a broken update in a batch is refused alone by its id", 200,
     ok_result({message(40, "a"), message(41, "\\ud800"), message(42, "c")}),
     "", 100, at(40), poll_verdict::store, 2, at(43), "41:lone_surrogate"},

    // -- no answer
    // --------------------------------------------------------------
    {"timeout", 0, "", "Operation timed out after 30000 milliseconds", 100,
     at(0), poll_verdict::transport_failed, 0, at(0), "", 0,
     "transport_failed"},
    {"a partial body of a failed transfer is not looked at", 0,
     ok_result({message(40, "a")}), "Connection reset by peer", 100, at(0),
     poll_verdict::transport_failed, 0, at(0), "", 0, "transport_failed"},
    // (e) A body past the size cap was fetched again forever.
    {"a batch past the size cap is isolated", 0,
     ok_result({message(5, big_text), message(6, "b")}), too_large, 100, at(5),
     poll_verdict::isolate, 0, at(5), "", 0, "oversize"},
    {"one update past the size cap is refused by the id in its head", 0,
     ok_result({message(50, big_text)}), too_large, 1, at(50),
     poll_verdict::store, 0, at(51), "50:oversize", 0, "oversize"},
    {"one update past the size cap without an id in its head", 0,
     "<html>" + big_text, too_large, 1, at(50), poll_verdict::store, 0,
     again(50), "0:oversize", 0, "oversize"},

    // -- the Bot API refuses
    // ----------------------------------------------------
    {"409 conflict", 409, refusal(409), "", 100, at(0), poll_verdict::conflict,
     0, at(0), "", 0, "conflict", 409},
    {"401 token", 401, refusal(401), "", 100, at(0),
     poll_verdict::token_refused, 0, at(0), "", 0, "token_refused", 401},
    {"404 token", 404, refusal(404), "", 100, at(0),
     poll_verdict::token_refused, 0, at(0), "", 0, "token_refused", 404},
    {"429 with retry_after", 429,
     refusal(429, R"(,"parameters":{"retry_after":7})"), "", 100, at(0),
     poll_verdict::rate_limited, 0, at(0), "", 0, "rate_limited", 429, 7},
    {"429 without parameters", 429, refusal(429), "", 100, at(0),
     poll_verdict::rate_limited, 0, at(0), "", 0, "rate_limited", 429, 0},
    {"429 retry_after of the wrong type", 429,
     refusal(429, R"(,"parameters":{"retry_after":"7"})"), "", 100, at(0),
     poll_verdict::rate_limited, 0, at(0), "", 0, "rate_limited", 429, 0},
    // (d) retry_after * 1000 overflowed.
    {"429 retry_after is capped at an hour", 429,
     refusal(429, R"(,"parameters":{"retry_after":9223372036854775807})"), "",
     100, at(0), poll_verdict::rate_limited, 0, at(0), "", 0, "rate_limited",
     429, max_retry_after_s},
    {"500", 500, refusal(500), "", 100, at(0), poll_verdict::failed, 0, at(0),
     "", 0, "failed", 500},
    {"400", 400, refusal(400), "", 100, at(0), poll_verdict::failed, 0, at(0),
     "", 0, "failed", 400},
    {"the body's code decides over a 200 status", 200, refusal(409), "", 100,
     at(0), poll_verdict::conflict, 0, at(0), "", 0, "conflict", 409},
    {"a proxy's HTML page", 502, "<html>Bad Gateway</html>", "", 100, at(0),
     poll_verdict::failed, 0, at(0), "", 0, "failed"},
    {"an HTML 409 is no conflict", 409, "<html>Conflict</html>", "", 100, at(0),
     poll_verdict::failed, 0, at(0), "", 0, "failed"},
    {"an empty 503", 503, "", "", 1, at(0), poll_verdict::failed, 0, at(0), "",
     0, "failed"},
    {"error_code of the wrong type", 409, R"({"ok":false,"error_code":"409"})",
     "", 100, at(0), poll_verdict::failed, 0, at(0), "", 0, "failed"},

    // -- HTTP 200 with a body that is no usable reply: several asked
    // -----------
    {"not JSON, several asked: isolate", 200, "garbage", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"empty body, several asked: isolate", 200, "", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"a JSON array", 200, "[]", "", 100, at(0), poll_verdict::isolate, 0, at(0),
     "", 0, "unreadable"},
    {"ok missing", 200, R"({"result":[]})", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"ok of the wrong type", 200, R"({"ok":"true","result":[]})", "", 100,
     at(0), poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"result missing", 200, R"({"ok":true})", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"result an object", 200, R"({"ok":true,"result":{}})", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"ok:false without a code", 200, R"({"ok":false})", "", 100, at(0),
     poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"nested past the parser's depth", 200, std::string(5000, '['), "", 100,
     at(0), poll_verdict::isolate, 0, at(0), "", 0, "unreadable"},
    {"a batch cut inside an update is cut apart, not isolated", 200,
     R"({"ok":true,"result":[{"update_id":5,"message":)", "", 100, at(3),
     poll_verdict::store, 0, at(6), "5:truncated"},

    // -- one update asked: it is refused, and the offset moves past it
    // ---------
    {"truncated single update: refused by its id", 200,
     R"({"ok":true,"result":[{"update_id":57,"message":{"text":"a)", "", 1,
     at(50), poll_verdict::store, 0, at(58), "57:truncated"},
    {"single update at the offset: refused by its id", 200,
     R"({"ok":true,"result":[{"update_id":50,)", "", 1, at(50),
     poll_verdict::store, 0, at(51), "50:truncated"},
    // (b) These were ordinary failures, fetched forever, two errors a poll.
    {"single update behind the offset: counted, asked again at once", 200,
     R"({"ok":true,"result":[{"update_id":40,)", "", 1, at(50),
     poll_verdict::store, 0, again(50), "40:truncated"},
    {"single update behind the offset again: the offset's update, passed", 200,
     R"({"ok":true,"result":[{"update_id":40,)", "", 1, again(50),
     poll_verdict::store, 0, at(51), "40:truncated", 1},
    {"single unreadable answer without an id: counted, asked again", 200,
     "garbage", "", 1, at(50), poll_verdict::store, 0, again(50), "0:not_json",
     0, "unreadable"},
    {"single unreadable answer without an id again: passed by numbering", 200,
     "garbage", "", 1, again(50), poll_verdict::store, 0, at(51), "0:not_json",
     1, "unreadable"},
    {"ok:false without a code, one asked", 200, R"({"ok":false})", "", 1,
     at(50), poll_verdict::store, 0, again(50), "0:not_a_reply", 0,
     "unreadable"},
    {"ok:false without a code, one asked, again", 200, R"({"ok":false})", "", 1,
     again(50), poll_verdict::store, 0, at(51), "0:not_a_reply", 1,
     "unreadable"},
    {"a body cut off before update_id", 200, R"({"ok":true,"result":[{"upd)",
     "", 1, at(50), poll_verdict::store, 0, again(50), "0:truncated"},
    {"a body cut off before update_id, again", 200,
     R"({"ok":true,"result":[{"update_id":5)", "", 1, again(50),
     poll_verdict::store, 0, at(51), "0:truncated", 1},
    {"asked again, the unnamed one is gone: nothing passed", 200,
     ok_result({message(50, "a")}), "", 1, again(50), poll_verdict::store, 1,
     at(51), ""},
    {"asked again, nothing there: nothing passed", 200, ok_result({}), "", 1,
     again(50), poll_verdict::store, 0, at(50), ""},
    // (c) Offset 0 was "skipping update 0", offset 1: the update stayed.
    {"offset 0, one unreadable without an id: kept at 0, asked again", 200,
     "garbage", "", 1, at(0), poll_verdict::store, 0, again(0), "0:not_json", 0,
     "unreadable"},
    {"offset 0, asked for two, still alone: not counted twice", 200, "garbage",
     "", 2, again(0), poll_verdict::store, 0, again(0), "0:not_json", 1,
     "unreadable"},
    {"offset 0, asked for two: its neighbour names it", 200,
     ok_result({unnamed_broken, message(70, "n")}), "", 2, again(0),
     poll_verdict::store, 1, at(71), "0:lone_surrogate", 1},

    // -- unnamed updates among named ones
    // ---------------------------------------
    {"an unnamed update before a named one is passed with it", 200,
     ok_result({unnamed_broken, message(10, "a")}), "", 100, at(10),
     poll_verdict::store, 1, at(11), "0:lone_surrogate"},
    {"an unnamed update last is expected again", 200,
     ok_result({message(10, "a"), unnamed_broken}), "", 100, at(10),
     poll_verdict::store, 1, again(11), "0:lone_surrogate"},
};

} // namespace

BOOST_AUTO_TEST_CASE(every_answer_has_its_verdict) {
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.name) {
      auto out = classify_poll(answer(r), r.limit, r.at, 99);
      BOOST_TEST(to_string(out.verdict) == to_string(r.verdict));
      BOOST_TEST(out.batch.updates.size() == r.updates);
      BOOST_TEST(left_out(out.batch) == r.left_out);
      BOOST_TEST(out.repeated == r.repeated);
      BOOST_TEST(std::string{out.error_reason ? out.error_reason : ""}
                 == r.error_reason);
      if (r.verdict == poll_verdict::store) {
        BOOST_TEST(out.next.offset == r.next.offset);
        BOOST_TEST(out.next.unnamed_at == r.next.unnamed_at);
      }
      bool api_error = r.verdict != poll_verdict::store
                       && r.verdict != poll_verdict::transport_failed
                       && r.verdict != poll_verdict::isolate;
      if (api_error) {
        BOOST_REQUIRE(out.batch.error.has_value());
        BOOST_TEST(out.batch.error->error_code == r.error_code);
        BOOST_TEST(out.batch.error->retry_after_s == r.retry_after_s);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_rate_limit_waits_at_most_an_hour) {
  api_error e;
  e.retry_after_s = 7;
  BOOST_TEST(rate_limit_wait(e).count() == 7000);
  e.retry_after_s = std::numeric_limits<int64_t>::max();
  BOOST_TEST(rate_limit_wait(e).count() == max_retry_after_s * 1000);
  e.retry_after_s = -3;
  BOOST_TEST(rate_limit_wait(e).count() == 0);
}

BOOST_AUTO_TEST_CASE(stored_updates_carry_the_arrival_stamp) {
  http_response resp;
  resp.status = 200;
  resp.body = ok_result({message(1, "a"), message(2, "b")});
  auto out = classify_poll(resp, 100, 0, 12345);
  BOOST_REQUIRE_EQUAL(out.batch.updates.size(), 2u);
  for (const auto& u : out.batch.updates)
    BOOST_TEST(u.received_ns == 12345);
  BOOST_TEST(out.batch.updates[1].text == "b");
}

BOOST_AUTO_TEST_CASE(every_verdict_has_a_name) {
  for (auto v : {poll_verdict::store, poll_verdict::transport_failed,
                 poll_verdict::isolate, poll_verdict::conflict,
                 poll_verdict::token_refused, poll_verdict::rate_limited,
                 poll_verdict::failed})
    BOOST_TEST(std::string{to_string(v)} != "unknown");
}

// -- the cursor ---------------------------------------------------------------

namespace {

poll_outcome isolated() {
  poll_outcome out;
  out.verdict = poll_verdict::isolate;
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(outside_isolation_polls_are_whole_and_long) {
  poll_cursor c;
  BOOST_TEST(!c.isolating());
  BOOST_TEST(c.may_hold_back());
  BOOST_TEST(c.limit(100) == 100);
  BOOST_TEST(c.timeout_s(25) == 25);
  c.apply(stored_at(at(7)), 100);
  BOOST_TEST(c.offset() == 7);
  BOOST_TEST(c.isolation_left() == 0);
}

BOOST_AUTO_TEST_CASE(isolation_fetches_one_at_once_for_a_batchs_worth) {
  poll_cursor c;
  c.apply(isolated(), 3);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(c.isolating());
    BOOST_TEST(!c.may_hold_back());
    BOOST_TEST(c.limit(100) == 1);
    BOOST_TEST(c.timeout_s(25) == 0);
    c.apply(stored_at(at(i + 1)), 3);
  }
  BOOST_TEST(!c.isolating());
  BOOST_TEST(c.may_hold_back());
  BOOST_TEST(c.limit(100) == 100);
}

BOOST_AUTO_TEST_CASE(with_a_poll_limit_of_one_a_skip_keeps_hold_back_working) {
  // (a) A broken update skipped with telegram.poll_limit = 1 drove the
  // isolation counter to -1, and the intake was never held back again.
  poll_cursor c;
  c.apply(stored_at(at(51)), 1);
  BOOST_TEST(c.isolation_left() == 0);
  BOOST_TEST(!c.isolating());
  BOOST_TEST(c.may_hold_back());
  BOOST_TEST(c.limit(1) == 1);
}

BOOST_AUTO_TEST_CASE(an_unnamed_update_is_asked_for_again_at_once) {
  poll_cursor c;
  c.apply(stored_at(again(50)), 100);
  BOOST_TEST(c.timeout_s(25) == 0);
  BOOST_TEST(!c.may_hold_back());
  BOOST_TEST(!c.stuck_unnamed());
  BOOST_TEST(c.limit(100) == 100);
  c.apply(stored_at(at(51)), 100);
  BOOST_TEST(c.timeout_s(25) == 25);
  BOOST_TEST(c.may_hold_back());
}

BOOST_AUTO_TEST_CASE(only_a_short_answer_lets_the_next_updates_gather) {
  using std::chrono::milliseconds;
  const milliseconds gather{5}, none{0};
  poll_cursor c;
  c.apply(stored_at(at(50)), 100);
  BOOST_TEST(c.gather_pause(2, 100, gather).count() == 5);
  // Empty (the long poll ran out) or full (more are waiting): at once.
  BOOST_TEST(c.gather_pause(0, 100, gather).count() == 0);
  BOOST_TEST(c.gather_pause(100, 100, gather).count() == 0);
  BOOST_TEST(c.gather_pause(2, 100, none).count() == 0);
  // Asking again for an unnamed update, or isolating: at once.
  c.apply(stored_at(again(51)), 100);
  BOOST_TEST(c.gather_pause(1, 100, gather).count() == 0);
  c.apply(isolated(), 100);
  BOOST_TEST(c.gather_pause(1, 1, gather).count() == 0);
  BOOST_TEST(c.gather_pause(1, 100, gather).count() == 0);
}

BOOST_AUTO_TEST_CASE(at_offset_0_an_unnamed_update_waits_for_a_neighbour) {
  poll_cursor c;
  c.apply(stored_at(again(0)), 1);
  BOOST_TEST(c.stuck_unnamed());
  BOOST_TEST(c.limit(1) == 2);
  BOOST_TEST(c.limit(100) == 100);
  c.apply(isolated(), 100);
  BOOST_TEST(c.limit(100) == 2);
}

BOOST_AUTO_TEST_SUITE_END() // telegram_poll_classify
