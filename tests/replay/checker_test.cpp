// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/texts.hpp"
#include "tools/bridge_replay/checker.hpp"

BOOST_AUTO_TEST_SUITE(replay_checker)

// The checker is the load tester's verdict: each way a delivery can go
// wrong is counted as exactly that, and nothing right is counted wrong.

using namespace bridge::replay;

namespace {

constexpr const char* tag = "00c0ffee";

/// Ana (chat 1) writes to Bob (chat 2), who reads Spanish.
sent_message ana_to_bob(int64_t marker, int64_t sent_ms = 1000) {
  sent_message m;
  m.marker = marker;
  m.writer = 1;
  m.recipient = 2;
  m.expected_prefix = "Ana: ";
  m.expected_text = "Ana: [es] " + with_marker("hello", tag, marker);
  m.sent_ms = sent_ms;
  return m;
}

std::string copy_of(int64_t marker) {
  return "Ana: [es] " + with_marker("hello", tag, marker);
}

} // namespace

BOOST_AUTO_TEST_CASE(markers_read_back) {
  auto text = with_marker("hi there", tag, 42);
  BOOST_TEST(text == "hi there #r00c0ffee.42");
  // The marker views the text it was read from: keep the text alive.
  auto delivered = "Ana: [es] " + text;
  auto m = find_marker(delivered);
  BOOST_REQUIRE(m.has_value());
  BOOST_TEST(m->tag == tag);
  BOOST_TEST(m->marker == 42);
  BOOST_TEST(!find_marker("no marker").has_value());
  BOOST_TEST(!find_marker("x #r00c0ffee.").has_value());
  BOOST_TEST(!find_marker("x #rZZ.5").has_value());
  BOOST_TEST(!find_marker("x #r00c0ffee.5 trailing").has_value());
  BOOST_TEST(!find_marker("x #r.5").has_value());
}

BOOST_AUTO_TEST_CASE(each_message_once_in_order_passes) {
  delivery_checker c{tag};
  for (int64_t i = 1; i <= 3; ++i)
    c.expect(ana_to_bob(i, 1000 + i));
  BOOST_TEST(c.pending() == 3);
  for (int64_t i = 1; i <= 3; ++i)
    BOOST_TEST((c.observe(2, copy_of(i), 1010 + 2 * i) == verdict::delivered));
  BOOST_TEST(c.pending() == 0);
  BOOST_TEST(c.counts().delivered == 3);
  BOOST_REQUIRE_EQUAL(c.samples().size(), 3u);
  BOOST_TEST(c.samples()[2].latency_ms == 13);
}

BOOST_AUTO_TEST_CASE(what_never_arrives_is_lost) {
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  c.expect(ana_to_bob(2));
  c.expect(ana_to_bob(3));
  c.observe(2, copy_of(1), 1001);
  c.observe(2, copy_of(3), 1002); // a gap is loss, not disorder
  BOOST_TEST(c.pending() == 1);
  BOOST_TEST(c.counts().reordered == 0);
  BOOST_TEST(c.missing(10) == std::vector<int64_t>{2});
}

BOOST_AUTO_TEST_CASE(a_second_copy_is_a_duplicate) {
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  c.observe(2, copy_of(1), 1001);
  BOOST_TEST((c.observe(2, copy_of(1), 1002) == verdict::duplicate));
  BOOST_TEST(c.counts().duplicated == 1);
  BOOST_TEST(c.counts().delivered == 1);
  BOOST_TEST(c.pending() == 0);
}

BOOST_AUTO_TEST_CASE(an_older_message_after_a_newer_one_is_reordered) {
  delivery_checker c{tag};
  for (int64_t i = 1; i <= 4; ++i)
    c.expect(ana_to_bob(i));
  c.observe(2, copy_of(1), 1001);
  c.observe(2, copy_of(3), 1002);
  BOOST_TEST((c.observe(2, copy_of(2), 1003) == verdict::reordered));
  BOOST_TEST((c.observe(2, copy_of(4), 1004) == verdict::delivered));
  BOOST_TEST(c.counts().reordered == 1);
  BOOST_TEST(c.counts().delivered == 4);
}

BOOST_AUTO_TEST_CASE(order_is_per_conversation) {
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  auto other = ana_to_bob(2);
  other.recipient = 3; // Ana's other worker
  other.expected_text = "Ana: [es] " + with_marker("hello", tag, 2);
  c.expect(other);
  BOOST_TEST((c.observe(3, copy_of(2), 1001) == verdict::delivered));
  BOOST_TEST((c.observe(2, copy_of(1), 1002) == verdict::delivered));
  BOOST_TEST(c.counts().reordered == 0);
}

BOOST_AUTO_TEST_CASE(wrong_chat_wrong_text_and_strangers_are_errors) {
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  c.expect(ana_to_bob(2));
  BOOST_TEST((c.observe(9, copy_of(1), 1001) == verdict::wrong_chat));
  BOOST_TEST((c.observe(2, "Ana: hello" + std::string{" #r"} + tag + ".2", 1002)
              == verdict::mistranslated));
  BOOST_TEST((c.observe(2, copy_of(77), 1003) == verdict::unknown_marker));
  BOOST_TEST((c.observe(2, "Ana: [es] hello #rbeef.1", 1004)
              == verdict::foreign_marker));
  BOOST_TEST(c.counts().wrong_chat == 1);
  BOOST_TEST(c.counts().mistranslated == 1);
  BOOST_TEST(c.counts().unknown_marker == 1);
  BOOST_TEST(c.counts().foreign_markers == 1);
  BOOST_TEST(c.pending() == 1); // the misrouted one never reached Bob
}

BOOST_AUTO_TEST_CASE(any_translator_is_judged_by_writer_and_marker) {
  delivery_checker c{tag, false};
  c.expect(ana_to_bob(1));
  BOOST_TEST(
      (c.observe(2, "Ana: hola #r00c0ffee.1", 1001) == verdict::delivered));
  c.expect(ana_to_bob(2));
  BOOST_TEST(
      (c.observe(2, "Eve: hola #r00c0ffee.2", 1001) == verdict::mistranslated));
}

BOOST_AUTO_TEST_CASE(a_copy_delivered_untranslated_is_that_message) {
  // A failed translation delivers the original with the engine's note
  // after it, so after the marker.
  auto note = [](const char* lang) {
    return std::string{bridge::domain::wording(
        bridge::domain::text_id::untranslated_note, lang)};
  };
  auto es = "Ana: hello #r00c0ffee.7 " + note("es");
  auto m = find_marker(es);
  BOOST_REQUIRE(m.has_value());
  BOOST_TEST(m->marker == 7);
  auto en = "Ana: hola #r00c0ffee.8 " + note("en");
  BOOST_TEST(find_marker(en).value().marker == 8);
  BOOST_TEST(!find_marker("Ana: hola #r00c0ffee.8 (other note)").has_value());

  delivery_checker c{tag, false};
  c.expect(ana_to_bob(1));
  BOOST_TEST(
      (c.observe(2, "Ana: " + with_marker("hello", tag, 1) + " " + note("es"),
                 1001)
       == verdict::delivered));
  BOOST_TEST(c.pending() == 0);
}

BOOST_AUTO_TEST_CASE(a_history_reply_is_not_a_delivery) {
  // /history quotes earlier messages, markers and all: the last line of
  // the reply ends with one, and it must not count as a second copy.
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  BOOST_TEST((c.observe(2, copy_of(1), 1001) == verdict::delivered));
  for (auto lang : {"en", "es"}) {
    auto history =
        bridge::domain::render(bridge::domain::text_id::history_header, lang, 1)
        + "\nAna: " + with_marker("hello", tag, 1) + "\n   → "
        + copy_of(1).substr(5);
    BOOST_TEST((c.observe(2, history, 1002) == verdict::unexpected_reply));
  }
  BOOST_TEST(c.counts().duplicated == 0);
  BOOST_TEST(c.counts().delivered == 1);
}

BOOST_AUTO_TEST_CASE(replies_are_allowed_only_where_input_asked_for_them) {
  delivery_checker c{tag};
  c.allow_replies(1, 1);
  auto unknown = bridge::domain::render(
      bridge::domain::text_id::unknown_command, "en", "/frob");
  BOOST_TEST((c.observe(1, unknown, 1) == verdict::expected_reply));
  BOOST_TEST((c.observe(1, unknown, 2) == verdict::unexpected_reply));
  auto limited = std::string{
      bridge::domain::wording(bridge::domain::text_id::rate_limited, "es")};
  BOOST_TEST((c.observe(2, limited, 3) == verdict::unexpected_reply));
  auto queued = std::string{
      bridge::domain::wording(bridge::domain::text_id::queued, "en")};
  BOOST_TEST((c.observe(2, queued, 4) == verdict::queued_notice));
  BOOST_TEST(c.counts().unexpected_replies == 2);
  BOOST_TEST(c.reply_kinds().at("unknown_command") == 1);
  BOOST_TEST(c.reply_kinds().at("rate_limited") == 1);
  BOOST_TEST(reply_kind("something else") == "other");
}

BOOST_AUTO_TEST_CASE(a_cancelled_send_is_not_expected) {
  delivery_checker c{tag};
  c.expect(ana_to_bob(1));
  c.cancel(1);
  BOOST_TEST(c.pending() == 0);
  BOOST_TEST((c.observe(2, copy_of(1), 5) == verdict::unknown_marker));
}

BOOST_AUTO_TEST_SUITE_END() // replay_checker
