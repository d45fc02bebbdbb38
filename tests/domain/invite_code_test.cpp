// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <set>

#include "domain/invite_code.hpp"

BOOST_AUTO_TEST_SUITE(domain_invite_code)

using namespace bridge::domain;

namespace {

bool in_alphabet(char c) {
  return code_alphabet.find(c) != std::string_view::npos;
}

} // namespace

// -- making codes
// ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(codes_have_two_groups_of_four_readable_symbols) {
  BOOST_TEST(code_bits >= 40);
  BOOST_TEST(code_alphabet.size() == 32u);
  for (char c : std::string_view{"ILOU"})
    BOOST_TEST(!in_alphabet(c), c);
  BOOST_TEST(format_code(0) == "BRIDGE-0000-0000");
  BOOST_TEST(format_code((uint64_t{1} << 40) - 1) == "BRIDGE-ZZZZ-ZZZZ");
  // Only the low 40 bits count.
  BOOST_TEST(format_code(uint64_t{1} << 40) == "BRIDGE-0000-0000");
  BOOST_TEST(format_code(0x1F) == "BRIDGE-0000-000Z");
}

BOOST_AUTO_TEST_CASE(new_codes_come_from_the_os_and_round_trip) {
  std::set<std::string> seen;
  uint64_t any_bits = 0;
  for (int i = 0; i < 2000; ++i) {
    auto bits = random_code_bits();
    BOOST_TEST(bits < (uint64_t{1} << code_bits));
    any_bits |= bits;
    auto c = new_code();
    BOOST_TEST(c.size() == 16u);
    BOOST_TEST(c.substr(0, 7) == "BRIDGE-");
    BOOST_TEST(c[11] == '-');
    for (size_t k : {7, 8, 9, 10, 12, 13, 14, 15})
      BOOST_TEST(in_alphabet(c[k]), c);
    BOOST_TEST(*parse_code(c) == c);
    BOOST_TEST(!is_legacy_code(c));
    seen.insert(c);
  }
  // 2000 draws from 2^40: a repeat or a bit never set means no CSPRNG.
  BOOST_TEST(seen.size() == 2000u);
  BOOST_TEST(any_bits == (uint64_t{1} << code_bits) - 1);
}

// -- reading what people type
// ---------------------------------------------------

BOOST_AUTO_TEST_CASE(people_type_codes_loosely) {
  for (auto typed :
       {"BRIDGE-7K2M-9QXD", "bridge-7k2m-9qxd", "  BRIDGE-7K2M-9QXD ",
        "BRIDGE-7K2M-9QXD.", "BRIDGE 7K2M 9QXD", "BRIDGE7K2M9QXD",
        "Bridge_7K2M_9QXD", "BRIDGE - 7K2M - 9QXD", "BRIDGE-7K2M-9QXD. "})
    BOOST_TEST(parse_code(typed).value_or("none") == "BRIDGE-7K2M-9QXD", typed);
}

BOOST_AUTO_TEST_CASE(confusable_letters_read_as_crockford_reads_them) {
  BOOST_TEST(*parse_code("BRIDGE-IL0O-0000") == "BRIDGE-1100-0000");
  BOOST_TEST(*parse_code("bridge-il0o-oooo") == "BRIDGE-1100-0000");
  // U is not a symbol at all (Crockford keeps it out on purpose).
  BOOST_TEST(!parse_code("BRIDGE-UUUU-0000"));
}

BOOST_AUTO_TEST_CASE(old_five_digit_codes_are_still_read) {
  BOOST_TEST(*parse_code("  bridge-48213 ") == "BRIDGE-48213");
  BOOST_TEST(*parse_code("BRIDGE48213") == "BRIDGE-48213");
  BOOST_TEST(*parse_code("Bridge 48213.") == "BRIDGE-48213");
  BOOST_TEST(is_legacy_code("BRIDGE-48213"));
  BOOST_TEST(*parse_code(format_legacy_code(min_legacy_code))
             == "BRIDGE-10000");
}

BOOST_AUTO_TEST_CASE(non_codes_are_refused) {
  for (auto bad : {"",
                   "BRIDGE-",
                   "BRIDGE-1234",
                   "BRIDGE-123456",
                   "BRIDGE-09999",
                   "BRIDGE-4821x",
                   "BRIDGE--48213",
                   "hello",
                   "BRIDGE-４８２１３",
                   "XBRIDGE-48213",
                   "BRIDGE-48213 please",
                   "BRIDGE-7K2M-9QX",
                   "BRIDGE-7K2M-9QXDD",
                   "BRIDGE-7K2M--9QXD",
                   "BRIDGE-7K2M-9QXD-",
                   "BRIDGE-7K2M-9QX!",
                   "7K2M-9QXD",
                   "WORKSHOP",
                   "BRIDGE-7K2M-9QXD..",
                   "BRIDGE-7K2M-9QXD\n-",
                   "BRIDGE-ÉK2M-9QXD"})
    BOOST_TEST(!parse_code(bad), bad);
  BOOST_TEST(!parse_code(std::string(1000, 'A')));
  BOOST_TEST(!parse_code(std::string{"BRIDGE-7K2M\0-9QXD", 17}));
}

// -- deep links
// -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(start_payloads_carry_codes) {
  BOOST_TEST((parse_start_payload("").kind == payload_kind::none));
  auto p = parse_start_payload("BRIDGE-7K2M-9QXD");
  BOOST_TEST((p.kind == payload_kind::code));
  BOOST_TEST(p.code == "BRIDGE-7K2M-9QXD");
  BOOST_TEST(parse_start_payload("bridge_7k2m_9qxd").code
             == "BRIDGE-7K2M-9QXD");
  BOOST_TEST(parse_start_payload("BRIDGE-48213").code == "BRIDGE-48213");
}

BOOST_AUTO_TEST_CASE(malformed_oversize_and_hostile_payloads_are_refused) {
  for (auto bad :
       {"BRIDGE-7K2M-9QX", "BRIDGE-7K2M-9QXD.", "BRIDGE 7K2M 9QXD", "hello",
        "<script>", "BRIDGE-7K2M-9QXD'--", "%00", "BRIDGE-7K2M-9QXD?x=1",
        "../../etc/passwd", "BRIDGE-ÉK2M-9QXD"})
    BOOST_TEST((parse_start_payload(bad).kind == payload_kind::malformed), bad);
  BOOST_TEST((parse_start_payload(std::string(65, 'A')).kind
              == payload_kind::malformed));
  BOOST_TEST((parse_start_payload(std::string(100000, '-')).kind
              == payload_kind::malformed));
  BOOST_TEST((parse_start_payload(std::string{"BRIDGE\0-7K2M-9QXD", 17}).kind
              == payload_kind::malformed));
}

BOOST_AUTO_TEST_CASE(links_need_the_bots_username) {
  BOOST_TEST(join_link("bridge_sim_bot", "BRIDGE-7K2M-9QXD")
             == "https://t.me/bridge_sim_bot?start=BRIDGE-7K2M-9QXD");
  BOOST_TEST(join_link("", "BRIDGE-7K2M-9QXD").empty());
}

BOOST_AUTO_TEST_SUITE_END() // domain_invite_code
