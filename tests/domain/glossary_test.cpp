// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/glossary.hpp"

BOOST_AUTO_TEST_SUITE(domain_glossary)

using namespace bridge::domain::glossary;

namespace {

std::vector<std::string> found(const matcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (auto& f : m.find(text))
    out.emplace_back(text.substr(f.begin, f.end - f.begin));
  return out;
}

using words = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_CASE(folding_covers_latin_greek_and_cyrillic) {
  BOOST_TEST(fold("ÁRBOL Ñandú ŁÓDŹ Straße") == "árbol ñandú łódź straße");
  BOOST_TEST(fold("ŞANTIYE İŞÇİ") == "şantiye işçi");
  BOOST_TEST(fold("ΤΙΜΟΛΌΓΙΟ ΣΟΦΟΣ") == "τιμολόγιο σοφοσ");
  BOOST_TEST(fold("СЧЁТ Їжак Ґанок") == "счёт їжак ґанок");
  BOOST_TEST(fold("ȘANTIER ȚEAVĂ") == "șantier țeavă");
  BOOST_TEST(fold("注文 ABC") == "注文 abc");
}

BOOST_AUTO_TEST_CASE(terms_match_whole_words_in_any_case) {
  matcher m{{{"invoice", "factura"}, {"счёт", "invoice"}, {"Τιμή", "price"}}};
  BOOST_TEST(found(m, "The INVOICE, and invoices.") == words{"INVOICE"});
  BOOST_TEST(found(m, "reinvoice invoice2 invoices") == words{});
  // Only letters and digits join words: an underscore separates.
  BOOST_TEST(found(m, "invoice_x") == words{"invoice"});
  BOOST_TEST(found(m, "Где СЧЁТ?") == words{"СЧЁТ"});
  BOOST_TEST(found(m, "Η ΤΙΜΉ είναι") == words{"ΤΙΜΉ"});
  BOOST_TEST(found(m, "(invoice)\ninvoice") == words({"invoice", "invoice"}));
}

BOOST_AUTO_TEST_CASE(longest_term_first_and_never_overlapping) {
  // "order" is a substring of "purchase order": the longer one wins where
  // both fit, the shorter one still matches alone.
  matcher m{{{"order", "pedido"},
             {"purchase order", "orden de compra"},
             {"order form", "formulario"}}};
  BOOST_TEST(found(m, "Send the purchase order form and the order")
             == words({"purchase order", "order"}));
  BOOST_TEST(found(m, "order form now") == words{"order form"});
}

BOOST_AUTO_TEST_CASE(regex_characters_and_html_are_plain_text) {
  matcher m{{{"C++", "C++"}, {"a.b*", "x"}, {"<b>", "negrita"}}};
  BOOST_TEST(found(m, "We use C++ and a.b* here") == words({"C++", "a.b*"}));
  BOOST_TEST(found(m, "We use C and aXb here") == words{});
  BOOST_TEST(found(m, "<b>bold</b>") == words{"<b>"});
}

BOOST_AUTO_TEST_CASE(empty_malformed_and_oversize_texts) {
  matcher none{{}};
  BOOST_TEST(none.find("anything").empty());
  matcher m{{{"pipe", "tubo"}, {"", "nothing"}}};
  BOOST_TEST(m.find("").empty());
  BOOST_TEST(found(m, "\xff pipe \xc3") == words{"pipe"});
  std::string big;
  while (big.size() < 4096)
    big += "the pipe leaks. ";
  BOOST_TEST(m.find(big).size() == 256u);
}

BOOST_AUTO_TEST_CASE(every_ascii_byte_ends_a_word_or_joins_it_at_any_offset) {
  // The scan passes words eight bytes at a time: whichever byte of the
  // eight a word ends at, and whatever that byte is, the next word is
  // found exactly when the byte separates words.
  matcher m{{{"term", "término"}}};
  for (size_t len = 1; len <= 20; ++len) {
    for (int b = 1; b < 128; ++b) {
      auto c = static_cast<char>(b);
      bool joins = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                   || (c >= 'A' && c <= 'Z');
      for (char first : {'a', 'Q', '7'}) {
        std::string text(len, first);
        text += c;
        text += "term tail";
        auto hits = m.find(text);
        if (joins) {
          BOOST_TEST_INFO("len " << len << " byte " << b);
          BOOST_TEST(hits.empty());
          continue;
        }
        BOOST_TEST_INFO("len " << len << " byte " << b);
        BOOST_TEST_REQUIRE(hits.size() == 1u);
        BOOST_TEST(hits[0].begin == len + 1);
      }
    }
    // Two-byte letters join a word; a dash of three bytes separates.
    std::string joined = std::string(len, 'a') + "é" + "term";
    BOOST_TEST(m.find(joined).empty());
    std::string dashed = std::string(len, 'a') + "—" + "term";
    BOOST_TEST(m.find(dashed).size() == 1u);
    std::string malformed = std::string(len, 'a') + "\xff" + "term";
    BOOST_TEST(m.find(malformed).size() == 1u);
  }
}

BOOST_AUTO_TEST_CASE(a_node_with_many_children_finds_each) {
  // Past eight children a node's edges are searched, not scanned.
  std::vector<term> terms;
  for (char c = 'a'; c <= 'z'; ++c)
    terms.push_back({std::string("k") + c, std::string(1, c)});
  terms.push_back({"kñ", "enye"});
  matcher m{terms};
  for (char c = 'a'; c <= 'z'; ++c) {
    auto word = std::string("K") + static_cast<char>(c - 32);
    BOOST_TEST(found(m, "x " + word + " y") == words{word});
  }
  BOOST_TEST(found(m, "KÑ") == words{"KÑ"});
  BOOST_TEST(found(m, "k0 kk9 kéa").empty());
}

BOOST_AUTO_TEST_CASE(scripts_without_spaces_match_inside_sentences) {
  matcher m{{{"注文", "order"}}};
  BOOST_TEST(found(m, "这是注文吗") == words{"注文"});
}

BOOST_AUTO_TEST_CASE(protect_and_restore_round_trip) {
  matcher m{{{"invoice", "factura"}, {"site", "obra"}}};
  auto p = protect(m, "Invoice for the site, please");
  BOOST_TEST(p.replacements == words({"factura", "obra"}));
  BOOST_TEST(p.text
             == placeholder(0) + " for the " + placeholder(1) + ", please");
  BOOST_TEST(restore(p.text, p.replacements) == "factura for the obra, please");
}

BOOST_AUTO_TEST_CASE(placeholders_cannot_be_forged) {
  matcher m{{{"site", "obra"}}};
  // A writer's own private-use marks are removed before terms are marked.
  auto p = protect(m, placeholder(0) + " site " + placeholder(7));
  BOOST_TEST(p.text == "0 " + placeholder(0) + " 7");
  BOOST_TEST(restore(p.text, p.replacements) == "0 obra 7");
  // Unknown numbers, a number too long and stray marks are dropped.
  BOOST_TEST(restore(placeholder(3) + "x", {"a"}) == "x");
  BOOST_TEST(restore(placeholder(99999999999999ull), {"a"}) == "");
  BOOST_TEST(restore("\xee\x80\x80"
                     "12 open",
                     {"a"})
             == "12 open");
}

BOOST_AUTO_TEST_CASE(terms_keep_their_case_and_share_a_folded_key) {
  BOOST_TEST(tidy("  Back \t Room ") == "Back Room");
  BOOST_TEST(key("Back Room") == "back room");
  BOOST_TEST(key("Back Room") == key("back  ROOM"));
  BOOST_TEST(key("ÉQUIPE Счёт") == "équipe счёт");
  BOOST_TEST(tidy("ÉQUIPE") == "ÉQUIPE");
  BOOST_TEST(parse_add("Back Room = Trastienda").term == "Back Room");
  BOOST_TEST(parse_add("Back Room = Trastienda").sides[0].translation
             == "Trastienda");
  // Empty, blank and hostile input: nothing to show, nothing to key.
  BOOST_TEST(tidy("").empty());
  BOOST_TEST(key(" \t\n ").empty());
  BOOST_TEST(key("\xff\xfe"
                 "A")
             == "\xff\xfe"
                "a");
  std::string big(10000, 'A');
  BOOST_TEST(key(big) == std::string(10000, 'a'));
}

BOOST_AUTO_TEST_CASE(only_short_wordings_fit_an_entry) {
  BOOST_TEST(fits_entry("Back room", "Trastienda"));
  BOOST_TEST(fits_entry("  site ", " obra "));
  // Empty or blank sides, and a term with no letter or digit.
  BOOST_TEST(!fits_entry("", "obra"));
  BOOST_TEST(!fits_entry("site", "  "));
  BOOST_TEST(!fits_entry("*+?", "x"));
  // Oversize: a corrected sentence is not a term.
  BOOST_TEST(fits_entry(std::string(64, 'a'), std::string(128, 'b')));
  BOOST_TEST(!fits_entry(std::string(65, 'a'), "b"));
  BOOST_TEST(!fits_entry("a", std::string(129, 'b')));
  BOOST_TEST(!fits_entry(std::string(1 << 20, 'a'), "b"));
  // Code points are counted, not bytes; malformed bytes are characters.
  std::string cyrillic;
  for (int i = 0; i < 64; ++i)
    cyrillic += "ж";
  BOOST_TEST(fits_entry(cyrillic, "x"));
  BOOST_TEST(fits_entry("ok\xff", "x"));
  BOOST_TEST(!fits_entry("\xff\xfe", "x"));
}

BOOST_AUTO_TEST_CASE(add_reads_one_or_several_languages) {
  auto one = parse_add("  Purchase   Order = orden de compra ");
  BOOST_TEST((one.error == add_error::none));
  BOOST_TEST(one.term == "Purchase Order"); // shown as typed
  BOOST_TEST(key(one.term) == "purchase order");
  BOOST_TEST(one.sides.size() == 1u);
  BOOST_TEST(one.sides[0].lang.empty());
  BOOST_TEST(one.sides[0].translation == "orden de compra");
  auto many = parse_add("invoice = ES: factura; pt: fatura;");
  BOOST_TEST((many.error == add_error::none));
  BOOST_TEST(many.sides.size() == 2u);
  BOOST_TEST(many.sides[0].lang == "es");
  BOOST_TEST(many.sides[1].translation == "fatura");
}

BOOST_AUTO_TEST_CASE(add_refuses_bad_entries) {
  BOOST_TEST((parse_add("").error == add_error::no_separator));
  BOOST_TEST((parse_add("invoice factura").error == add_error::no_separator));
  BOOST_TEST((parse_add(" = factura").error == add_error::empty_term));
  BOOST_TEST((parse_add("invoice = ").error == add_error::empty_translation));
  BOOST_TEST((parse_add("invoice = es: ; pt: x").error
              == add_error::empty_translation));
  BOOST_TEST((parse_add("invoice = es: a; es: b").error
              == add_error::repeated_language));
  BOOST_TEST(
      (parse_add("invoice = es: a; 12: b").error == add_error::bad_language));
  BOOST_TEST((parse_add("*+? = x").error == add_error::no_word));
  BOOST_TEST(
      (parse_add(std::string(65, 'a') + " = x").error == add_error::too_long));
  BOOST_TEST(
      (parse_add(std::string(64, 'a') + " = x").error == add_error::none));
  // 64 code points of two bytes each are still 64 characters.
  std::string cyr;
  for (int i = 0; i < 64; ++i)
    cyr += "ж";
  BOOST_TEST((parse_add(cyr + " = x").error == add_error::none));
}

BOOST_AUTO_TEST_CASE(terms_must_be_in_the_language_s_script) {
  BOOST_TEST(fits_script("purchase order 2", "en"));
  BOOST_TEST(fits_script("São Tomé", "pt"));
  BOOST_TEST(!fits_script("счёт", "en"));
  BOOST_TEST(!fits_script("τιμή", "es"));
  BOOST_TEST(fits_script("счёт", "ru"));
  BOOST_TEST(fits_script("iPhone", "ru")); // Latin names pass everywhere
  BOOST_TEST(!fits_script("τιμή", "uk"));
  BOOST_TEST(fits_script("注文", "zh"));
  BOOST_TEST(!fits_script("注文", "fr"));
  BOOST_TEST(fits_script("anything", "xx"));
  BOOST_TEST(fits_script("#42 +", "ar"));
}

BOOST_AUTO_TEST_SUITE_END()
