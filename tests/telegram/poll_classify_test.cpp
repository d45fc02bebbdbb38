#define BOOST_TEST_MODULE telegram.poll_classify
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "telegram/poll_classify.hpp"

using namespace bridge;
using namespace bridge::telegram;

namespace {

/// One getUpdates answer and what the front must make of it.
struct row {
  const char* name;
  long status;
  std::string body;
  /// curl's message; a row with status 0 is a transport failure.
  std::string transport_error;
  int64_t limit;
  int64_t offset;
  poll_verdict verdict;
  bool unreadable;
  size_t updates;
  int64_t max_update_id;
  int64_t error_code;
  int64_t retry_after_s;
};

http_response answer(const row& r) {
  http_response resp;
  resp.status = r.status;
  resp.body = r.body;
  resp.error = r.transport_error;
  return resp;
}

std::string message(int64_t update_id, const std::string& text) {
  return R"({"update_id":)" + std::to_string(update_id)
         + R"(,"message":{"message_id":1,"date":0,"chat":{"id":7},)"
         + R"("from":{"id":7,"first_name":"A"},"text":")" + text + R"("}})";
}

std::string ok_result(const std::vector<std::string>& updates) {
  std::string body = R"({"ok":true,"result":[)";
  for (size_t i = 0; i < updates.size(); ++i)
    body += (i > 0 ? "," : "") + updates[i];
  return body + "]}";
}

std::string refusal(int64_t code, const std::string& extra = "") {
  return R"({"ok":false,"error_code":)" + std::to_string(code)
         + R"(,"description":"refused")" + extra + "}";
}

constexpr auto max_i64 = std::numeric_limits<int64_t>::max();

const std::vector<row> rows = {
  // -- answers with updates -------------------------------------------------
  {"empty batch", 200, ok_result({}), "", 100, 0,
   poll_verdict::store, false, 0, 0, 0, 0},
  {"two messages", 200, ok_result({message(11, "hi"), message(12, "yo")}), "",
   100, 11, poll_verdict::store, false, 2, 12, 0, 0},
  {"skipped kinds still move the offset", 200,
   ok_result({R"({"update_id":20,"channel_post":{}})", R"({"update_id":21})",
              R"({"update_id":"22"})", message(19, "x")}),
   "", 100, 0, poll_verdict::store, false, 1, 21, 0, 0},
  {"oversize text is a skipped update, not a broken body", 200,
   ok_result({message(30, std::string(max_text_bytes + 1, 'a'))}), "", 100, 0,
   poll_verdict::store, false, 0, 30, 0, 0},
  {"invalid UTF-8 is repaired, not refused", 200,
   ok_result({message(31, "caf\xC3")}), "", 100, 0,
   poll_verdict::store, false, 1, 31, 0, 0},
  {"the body decides over a 5xx status", 500, ok_result({message(32, "a")}),
   "", 100, 0, poll_verdict::store, false, 1, 32, 0, 0},

  // -- no answer --------------------------------------------------------------
  {"timeout", 0, "", "Operation timed out after 30000 milliseconds", 100, 0,
   poll_verdict::transport_failed, false, 0, 0, 0, 0},
  {"body past the size cap", 0, "",
   "Failure writing output to destination", 100, 5,
   poll_verdict::transport_failed, false, 0, 0, 0, 0},
  {"a partial body of a failed transfer is not looked at", 0,
   ok_result({message(40, "a")}), "Connection reset by peer", 100, 0,
   poll_verdict::transport_failed, false, 0, 0, 0, 0},

  // -- the Bot API refuses ----------------------------------------------------
  {"409 conflict", 409, refusal(409), "", 100, 0,
   poll_verdict::conflict, false, 0, 0, 409, 0},
  {"401 token", 401, refusal(401), "", 100, 0,
   poll_verdict::token_refused, false, 0, 0, 401, 0},
  {"404 token", 404, refusal(404), "", 100, 0,
   poll_verdict::token_refused, false, 0, 0, 404, 0},
  {"429 with retry_after", 429,
   refusal(429, R"(,"parameters":{"retry_after":7})"), "", 100, 0,
   poll_verdict::rate_limited, false, 0, 0, 429, 7},
  {"429 without parameters", 429, refusal(429), "", 100, 0,
   poll_verdict::rate_limited, false, 0, 0, 429, 0},
  {"429 retry_after of the wrong type", 429,
   refusal(429, R"(,"parameters":{"retry_after":"7"})"), "", 100, 0,
   poll_verdict::rate_limited, false, 0, 0, 429, 0},
  {"429 retry_after passed on as given", 429,
   refusal(429, R"(,"parameters":{"retry_after":9223372036854775807})"), "",
   100, 0, poll_verdict::rate_limited, false, 0, 0, 429, max_i64},
  {"500", 500, refusal(500), "", 100, 0,
   poll_verdict::failed, false, 0, 0, 500, 0},
  {"400", 400, refusal(400), "", 100, 0,
   poll_verdict::failed, false, 0, 0, 400, 0},
  {"the body's code decides over a 200 status", 200, refusal(409), "", 100, 0,
   poll_verdict::conflict, false, 0, 0, 409, 0},
  {"a proxy's HTML page", 502, "<html>Bad Gateway</html>", "", 100, 0,
   poll_verdict::failed, false, 0, 0, 0, 0},
  {"an HTML 409 is no conflict", 409, "<html>Conflict</html>", "", 100, 0,
   poll_verdict::failed, false, 0, 0, 0, 0},
  {"an empty 503", 503, "", "", 1, 0,
   poll_verdict::failed, false, 0, 0, 0, 0},
  {"error_code of the wrong type", 409,
   R"({"ok":false,"error_code":"409"})", "", 100, 0,
   poll_verdict::failed, false, 0, 0, 0, 0},

  // -- HTTP 200 with a body that is no usable reply -------------------------
  {"not JSON, several asked: isolate", 200, "garbage", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"empty body, several asked: isolate", 200, "", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"truncated batch: isolate", 200,
   R"({"ok":true,"result":[{"update_id":5,"message":)", "", 100, 3,
   poll_verdict::isolate, true, 0, 5, 0, 0},
  {"a JSON array", 200, "[]", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"ok missing", 200, R"({"result":[]})", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"ok of the wrong type", 200, R"({"ok":"true","result":[]})", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"result missing", 200, R"({"ok":true})", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"result an object", 200, R"({"ok":true,"result":{}})", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"ok:false without a code", 200, R"({"ok":false})", "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"nested past the parser's depth", 200, std::string(5000, '['), "", 100, 0,
   poll_verdict::isolate, true, 0, 0, 0, 0},
  {"truncated single update: skip its id", 200,
   R"({"ok":true,"result":[{"update_id":57,"message":{"text":"a)", "", 1, 50,
   poll_verdict::skip, true, 0, 57, 0, 0},
  {"single update at the offset: skip", 200,
   R"({"ok":true,"result":[{"update_id":50,)", "", 1, 50,
   poll_verdict::skip, true, 0, 50, 0, 0},
  {"single update behind the offset: an ordinary failure", 200,
   R"({"ok":true,"result":[{"update_id":40,)", "", 1, 50,
   poll_verdict::failed, true, 0, 40, 0, 0},
  {"single unreadable answer without an id, past the first poll", 200,
   "garbage", "", 1, 50, poll_verdict::failed, true, 0, 0, 0, 0},
};

} // namespace

BOOST_AUTO_TEST_CASE(every_answer_has_its_verdict) {
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.name) {
      auto out = classify_poll(answer(r), r.limit, r.offset, 99);
      BOOST_TEST(to_string(out.verdict) == to_string(r.verdict));
      BOOST_TEST(out.unreadable == r.unreadable);
      BOOST_TEST(out.batch.updates.size() == r.updates);
      BOOST_TEST(out.batch.max_update_id == r.max_update_id);
      bool has_error = r.verdict != poll_verdict::store
                       && r.verdict != poll_verdict::transport_failed;
      BOOST_TEST(out.batch.error.has_value() == has_error);
      if (out.batch.error) {
        BOOST_TEST(out.batch.error->error_code == r.error_code);
        BOOST_TEST(out.batch.error->retry_after_s == r.retry_after_s);
      }
    }
  }
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

BOOST_AUTO_TEST_CASE(what_was_left_out_is_counted_by_reason) {
  http_response resp;
  resp.status = 200;
  resp.body = ok_result({R"({"update_id":1,"channel_post":{}})",
                         R"({"update_id":2})", R"("not an object")",
                         message(3, std::string(max_text_bytes + 1, 'x'))});
  auto out = classify_poll(resp, 100, 0);
  auto count = [&](skip_reason r) {
    return out.batch.skipped[static_cast<size_t>(r)];
  };
  BOOST_TEST(count(skip_reason::unknown_kind) == 2u);
  BOOST_TEST(count(skip_reason::malformed) == 1u);
  BOOST_TEST(count(skip_reason::oversize) == 1u);
  BOOST_TEST(out.batch.max_update_id == 3);
}

BOOST_AUTO_TEST_CASE(every_verdict_has_a_name) {
  for (auto v : {poll_verdict::store, poll_verdict::transport_failed,
                 poll_verdict::isolate, poll_verdict::skip,
                 poll_verdict::conflict, poll_verdict::token_refused,
                 poll_verdict::rate_limited, poll_verdict::failed})
    BOOST_TEST(std::string{to_string(v)} != "unknown");
}

// -- isolation ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(outside_isolation_polls_are_whole_and_long) {
  poll_isolation iso;
  BOOST_TEST(!iso.active());
  BOOST_TEST(iso.may_hold_back());
  BOOST_TEST(iso.limit(100) == 100);
  BOOST_TEST(iso.timeout_s(25) == 25);
  iso.stored();
  BOOST_TEST(iso.left() == 0);
}

BOOST_AUTO_TEST_CASE(isolation_fetches_one_at_once_for_a_batchs_worth) {
  poll_isolation iso;
  iso.start(3);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(iso.active());
    BOOST_TEST(!iso.may_hold_back());
    BOOST_TEST(iso.limit(100) == 1);
    BOOST_TEST(iso.timeout_s(25) == 0);
    iso.stored();
  }
  BOOST_TEST(!iso.active());
  BOOST_TEST(iso.may_hold_back());
  BOOST_TEST(iso.limit(100) == 100);
}

BOOST_AUTO_TEST_CASE(a_skip_uses_up_an_isolated_poll) {
  poll_isolation iso;
  iso.start(2);
  iso.skipped();
  BOOST_TEST(iso.left() == 1);
  iso.stored();
  BOOST_TEST(!iso.active());
}

BOOST_AUTO_TEST_CASE(a_broken_update_is_skipped_alone) {
  // Updates 1..4 wait on the server; 3 breaks any body that holds it. The
  // front's loop, reduced to the pure parts: every readable update is
  // stored, 3 is skipped, and the offset ends past 4.
  auto serve = [](int64_t offset, int64_t limit) {
    http_response resp;
    resp.status = 200;
    std::vector<std::string> batch;
    bool broken = false;
    for (int64_t id = std::max<int64_t>(offset, 1);
         id <= 4 && static_cast<int64_t>(batch.size()) < limit; ++id) {
      broken = broken || id == 3;
      batch.push_back(message(id, "m" + std::to_string(id)));
    }
    resp.body = ok_result(batch);
    if (broken)
      resp.body.resize(resp.body.size() - 3); // cut short: not JSON
    return resp;
  };
  poll_isolation iso;
  int64_t offset = 0;
  std::vector<int64_t> stored;
  std::vector<int64_t> skipped;
  for (int poll = 0; poll < 10 && offset <= 4; ++poll) {
    auto limit = iso.limit(100);
    auto out = classify_poll(serve(offset, limit), limit, offset);
    switch (out.verdict) {
      case poll_verdict::isolate:
        iso.start(100);
        break;
      case poll_verdict::skip:
        skipped.push_back(out.batch.max_update_id);
        offset = out.batch.max_update_id + 1;
        iso.skipped();
        break;
      case poll_verdict::store:
        for (const auto& u : out.batch.updates)
          stored.push_back(u.update_id);
        offset = std::max(offset, out.batch.max_update_id + 1);
        iso.stored();
        break;
      default:
        BOOST_FAIL("unexpected verdict " << to_string(out.verdict));
    }
  }
  BOOST_TEST(stored == (std::vector<int64_t>{1, 2, 4}),
             boost::test_tools::per_element());
  BOOST_TEST(skipped == std::vector<int64_t>{3},
             boost::test_tools::per_element());
  BOOST_TEST(offset == 5);
  BOOST_TEST(iso.active()); // still one at a time until a batch's worth
}
