// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_polling)

using namespace tg_sim_test;
using namespace std::chrono_literals;

namespace {

reply poll(sim_fixture& f, const std::string& members = {}) {
  return f.updates(members);
}

int64_t first_id(const reply& r) {
  return r.integer("/result/0/update_id");
}

} // namespace

BOOST_FIXTURE_TEST_CASE(updates_stay_until_an_offset_confirms_them,
                        sim_fixture) {
  say(1001, "one");
  say(1001, "two");
  say(1001, "three");
  auto r = poll(*this);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.count("/result") == 3u);
  BOOST_TEST(r.text("/result/0/message/text") == "one");
  auto first = first_id(r);
  BOOST_TEST(poll(*this).count("/result") == 3u);
  r = poll(*this, "\"offset\":" + std::to_string(first + 1));
  BOOST_TEST(r.count("/result") == 2u);
  BOOST_TEST(first_id(r) == first + 1);
  BOOST_TEST(
      poll(*this, "\"offset\":" + std::to_string(first + 3)).count("/result")
      == 0u);
  BOOST_TEST(state.stats().updates_confirmed == 3u);
}

BOOST_FIXTURE_TEST_CASE(negative_offset_returns_the_last_and_forgets_the_rest,
                        sim_fixture) {
  for (auto t : {"a", "b", "c", "d"})
    say(1001, t);
  auto r = poll(*this, "\"offset\":-1");
  BOOST_TEST(r.count("/result") == 1u);
  BOOST_TEST(r.text("/result/0/message/text") == "d");
  r = poll(*this);
  BOOST_TEST(r.count("/result") == 1u);
}

BOOST_FIXTURE_TEST_CASE(limit_is_clamped_to_one_through_a_hundred,
                        sim_fixture) {
  for (int i = 0; i < 120; ++i)
    say(1001, "m" + std::to_string(i));
  BOOST_TEST(poll(*this, "\"limit\":2").count("/result") == 2u);
  BOOST_TEST(poll(*this, "\"limit\":0").count("/result") == 1u);
  BOOST_TEST(poll(*this, "\"limit\":-5").count("/result") == 1u);
  BOOST_TEST(poll(*this, "\"limit\":100000").count("/result") == 100u);
  BOOST_TEST(poll(*this).count("/result") == 100u);
}

BOOST_FIXTURE_TEST_CASE(allowed_updates_persist_until_changed, sim_fixture) {
  BOOST_TEST(poll(*this, R"("allowed_updates":["callback_query"])").ok());
  auto filtered = say(1001, "nobody asked");
  BOOST_TEST(filtered.body.find("\"filtered\":true") != std::string::npos);
  // A later call without the parameter keeps the setting.
  BOOST_TEST(poll(*this).count("/result") == 0u);
  say(1001, "still filtered");
  BOOST_TEST(poll(*this).count("/result") == 0u);
  BOOST_TEST(state.stats().updates_filtered == 2u);
  // An empty list restores the default.
  BOOST_TEST(poll(*this, R"("allowed_updates":[])").ok());
  say(1001, "now wanted");
  auto r = poll(*this);
  BOOST_TEST(r.count("/result") == 1u);
  BOOST_TEST(r.text("/result/0/message/text") == "now wanted");
}

BOOST_FIXTURE_TEST_CASE(allowed_updates_in_a_query_string_is_json_text,
                        sim_fixture) {
  method_args args;
  args.add_text("allowed_updates", R"(["edited_message"])");
  BOOST_TEST(parse(bot.call("getUpdates", args)).ok());
  BOOST_TEST(say(1001, "x").body.find("\"filtered\":true")
             != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_second_poll_ends_the_running_one_with_409,
                        sim_fixture) {
  uint64_t ticket = 0;
  BOOST_TEST(!state.begin_poll(0, nullptr, ticket));
  say(1001, "hola");
  // As in Telegram, the newer call is served...
  auto r = poll(*this);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.body.find("hola") != std::string::npos);
  // ...and the one that was running ends with 409.
  auto step = state.poll(ticket, 100);
  BOOST_TEST(step.refused.code == 409);
  BOOST_TEST(step.count == 0u);
  BOOST_TEST(step.refused.description
             == "Conflict: terminated by other getUpdates request; make sure "
                "that only one bot instance is running");
  state.end_poll(ticket);
  BOOST_TEST(poll(*this).ok());
  BOOST_TEST(state.stats().get_updates_conflicts == 1u);
}

BOOST_FIXTURE_TEST_CASE(polling_while_a_webhook_is_set_gets_409, sim_fixture) {
  BOOST_TEST(call("setWebhook", R"({"url":"http://127.0.0.1:9/hook"})").ok());
  auto r = poll(*this);
  BOOST_TEST(r.status == 409);
  BOOST_TEST(r.description()
             == "Conflict: can't use getUpdates method while webhook is "
                "active; use deleteWebhook to delete the webhook first");
  auto del = call("deleteWebhook");
  BOOST_TEST(del.text("/description") == "Webhook was deleted");
  BOOST_TEST(call("deleteWebhook").text("/description")
             == "Webhook is already deleted");
  BOOST_TEST(poll(*this).ok());
}

BOOST_FIXTURE_TEST_CASE(set_webhook_ends_a_running_poll_with_409, sim_fixture) {
  uint64_t ticket = 0;
  BOOST_TEST(!state.begin_poll(0, nullptr, ticket));
  BOOST_TEST(call("setWebhook", R"({"url":"https://example.org/h"})").ok());
  auto step = state.poll(ticket, 100);
  BOOST_TEST(step.refused.code == 409);
  BOOST_TEST(step.refused.description
             == "Conflict: terminated by setWebhook request");
  state.end_poll(ticket);
}

BOOST_FIXTURE_TEST_CASE(malformed_poll_parameters_are_refused, sim_fixture) {
  BOOST_TEST(call("getUpdates", R"({"offset":"abc"})").status == 400);
  BOOST_TEST(call("getUpdates", R"({"limit":{}})").status == 400);
  BOOST_TEST(call("getUpdates", R"({"timeout":1.5})").status == 400);
  BOOST_TEST(call("getUpdates", R"({"allowed_updates":"message"})").status
             == 400);
  BOOST_TEST(call("getUpdates", R"({"allowed_updates":[1,2]})").status == 400);
  // None of them started a poll.
  BOOST_TEST(poll(*this).ok());
}

BOOST_FIXTURE_TEST_CASE(raw_bytes_are_delivered_verbatim_until_confirmed,
                        sim_fixture) {
  auto before = say(1001, "before").integer("/update_id");
  BOOST_TEST(parse(control.raw("{\"update_id\":\xFF garbage")).ok());
  say(1001, "after");
  auto body = bot.call("getUpdates", {}).body;
  BOOST_TEST(body.find(",{\"update_id\":\xFF garbage,") != std::string::npos);
  // The raw bytes hold the update id between their neighbours': the
  // offset past "before" keeps them, the one past them confirms them.
  method_args past_before;
  past_before.add_scalar("offset", std::to_string(before + 1));
  body = bot.call("getUpdates", past_before).body;
  BOOST_TEST(body.find("[{\"update_id\":\xFF garbage,{") != std::string::npos);
  auto after = poll(*this, "\"offset\":" + std::to_string(before + 2));
  BOOST_TEST(after.count("/result") == 1u);
  BOOST_TEST(after.text("/result/0/message/text") == "after");
}

BOOST_FIXTURE_TEST_CASE(raw_updates_get_a_real_id, sim_fixture) {
  auto in = parse(control.raw_update(
      R"({"update_id":5,"channel_post":{"message_id":1,"chat":{"id":-1001,"type":"channel"},"text":"x"}})"));
  auto id = in.integer("/update_id");
  BOOST_TEST(id != 5);
  auto r = poll(*this);
  BOOST_TEST(r.integer("/result/0/update_id") == id);
  BOOST_TEST(r.text("/result/0/channel_post/text") == "x");
  auto empty = parse(control.raw_update("{}"));
  BOOST_TEST(
      poll(*this).body.find(
          "{\"update_id\":" + std::to_string(empty.integer("/update_id")) + "}")
      != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(reset_forgets_chats_but_never_reuses_update_ids,
                        sim_fixture) {
  say(1001, "hi");
  auto before = first_id(poll(*this));
  BOOST_TEST(parse(control.reset()).ok());
  BOOST_TEST(send(1001, "anyone?").description()
             == "Bad Request: chat not found");
  say(1001, "again");
  BOOST_TEST(first_id(poll(*this)) > before);
}

BOOST_FIXTURE_TEST_CASE(webhook_pushes_in_order_and_backs_off_on_failure,
                        sim_fixture) {
  BOOST_TEST(call("setWebhook", R"({"url":"http://127.0.0.1:1/hook",
                                    "secret_token":"s3cr-et_"})")
                 .ok());
  say(1001, "first");
  say(1001, "second");
  sim_clock::time_point wake;
  uint64_t version = 0;
  auto job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->secret_token == "s3cr-et_");
  BOOST_TEST(job->body.find("\"first\"") != std::string::npos);
  // One push at a time: nothing more while it is in flight.
  BOOST_TEST(!state.next_push(wake, version));

  state.push_done(*job, 500, {});
  BOOST_TEST(!state.next_push(wake, version));
  BOOST_TEST((wake == clock->now() + 100ms));
  auto info = call("getWebhookInfo");
  BOOST_TEST(info.integer("/result/pending_update_count") == 2);
  BOOST_TEST(info.text("/result/last_error_message")
             == "Wrong response from the webhook: 500");

  clock->advance(100ms);
  job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->body.find("\"first\"") != std::string::npos);
  state.push_done(*job, 200, {});
  job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->body.find("\"second\"") != std::string::npos);
  state.push_done(*job, 204, {});
  BOOST_TEST(!state.next_push(wake, version));
  BOOST_TEST((wake == sim_clock::time_point::max()));
  auto s = state.stats();
  BOOST_TEST(s.webhook_pushes == 3u);
  BOOST_TEST(s.webhook_failures == 1u);
  BOOST_TEST(s.updates_pending == 0u);
}

BOOST_FIXTURE_TEST_CASE(backoff_grows_to_its_cap, sim_fixture) {
  call("setWebhook", R"({"url":"http://127.0.0.1:1/hook"})");
  say(1001, "x");
  sim_clock::time_point wake;
  uint64_t version = 0;
  std::vector<int64_t> waits;
  for (int i = 0; i < 8; ++i) {
    auto job = state.next_push(wake, version);
    BOOST_REQUIRE(job);
    state.push_done(*job, 0, "Connection refused");
    state.next_push(wake, version);
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        wake - clock->now());
    waits.push_back(wait.count());
    clock->advance(wait);
  }
  BOOST_TEST(
      waits
          == (std::vector<int64_t>{100, 200, 400, 800, 1600, 3200, 5000, 5000}),
      boost::test_tools::per_element());
  BOOST_TEST(call("getWebhookInfo").text("/result/last_error_message")
             == "Connection refused");
}

BOOST_FIXTURE_TEST_CASE(a_raw_entry_is_pushed_once_even_when_refused,
                        sim_fixture) {
  call("setWebhook", R"({"url":"http://127.0.0.1:1/hook"})");
  control.raw("junk");
  say(1001, "real");
  sim_clock::time_point wake;
  uint64_t version = 0;
  auto job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->body == "junk");
  state.push_done(*job, 400, {});
  clock->advance(1s);
  job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->body.find("\"real\"") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_push_answered_after_the_webhook_changed_is_ignored,
                        sim_fixture) {
  call("setWebhook", R"({"url":"http://127.0.0.1:1/a"})");
  say(1001, "x");
  sim_clock::time_point wake;
  uint64_t version = 0;
  auto job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  call("setWebhook", R"({"url":"http://127.0.0.1:1/b"})");
  state.push_done(*job, 200, {});
  BOOST_TEST(state.stats().updates_pending == 1u);
  job = state.next_push(wake, version);
  BOOST_REQUIRE(job);
  BOOST_TEST(job->url == "http://127.0.0.1:1/b");
}

BOOST_FIXTURE_TEST_CASE(webhook_settings_are_checked, sim_fixture) {
  BOOST_TEST(call("setWebhook", R"({"url":"ftp://x/y"})").status == 400);
  BOOST_TEST(
      call("setWebhook", R"({"url":"http://x/y","secret_token":"bad token"})")
          .status
      == 400);
  BOOST_TEST(
      call("setWebhook", R"({"url":"http://x/y","secret_token":""})").status
      == 400);
  BOOST_TEST(call("setWebhook", "{\"url\":\"http://x/y\",\"secret_token\":\""
                                    + std::string(257, 'a') + "\"}")
                 .status
             == 400);
  BOOST_TEST(call("setWebhook", R"({"url":{}})").status == 400);
  BOOST_TEST(
      call("setWebhook", R"({"url":"http://x/y","drop_pending_updates":"yes"})")
          .status
      == 400);
  // An empty URL removes the webhook, as in Telegram.
  BOOST_TEST(call("setWebhook", R"({"url":""})").text("/description")
             == "Webhook is already deleted");
}

BOOST_FIXTURE_TEST_CASE(drop_pending_updates_forgets_the_queue, sim_fixture) {
  say(1001, "a");
  say(1001, "b");
  BOOST_TEST(
      call("setWebhook", R"({"url":"http://x/y","drop_pending_updates":true,
                                    "allowed_updates":["message"]})")
          .ok());
  auto info = call("getWebhookInfo");
  BOOST_TEST(info.integer("/result/pending_update_count") == 0);
  BOOST_TEST(info.text("/result/allowed_updates/0") == "message");
  BOOST_TEST(info.integer("/result/max_connections") == 40);
  say(1001, "c");
  BOOST_TEST(call("deleteWebhook", R"({"drop_pending_updates":true})").ok());
  BOOST_TEST(poll(*this).count("/result") == 0u);
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_polling
