// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "translator/apertium_format.hpp"
#include "translator/apertium_modes.hpp"

BOOST_AUTO_TEST_SUITE(translator_apertium_format)

using namespace bridge::translation::apertium;

BOOST_AUTO_TEST_CASE(deformat_escapes_keeps_blanks_and_ends_the_sentence) {
  BOOST_TEST(deformat("Hola") == "Hola.[]");
  BOOST_TEST(deformat("a [b] ^c$ d\\e") == "a \\[b\\] \\^c\\$ d\\\\e.[]");
  BOOST_TEST(deformat("one  two\nthree\r\n") == "one[  ]two[\n]three[\r\n].[]");
  BOOST_TEST(deformat("") == ".[]");
}

BOOST_AUTO_TEST_CASE(reformat_undoes_deformat) {
  for (auto text : {"Hola Mundo", "a [b] ^c$ d\\e / @ <x> {y} *z #1 +2 ~3 |4",
                    "line one\nline two\n\n  indented\ttab", "Fin.",
                    "\xF0\x9F\x98\x80 ok", "trailing \\"}) {
    BOOST_TEST_CONTEXT("text '" << text << "'") {
      BOOST_TEST(reformat(deformat(text)) == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(reformat_drops_framing_and_the_artificial_end) {
  BOOST_TEST(reformat(std::string{"Hola Mundo.[]\0", 14}) == "Hola Mundo");
  BOOST_TEST(reformat("Hola.") == "Hola");
  BOOST_TEST(reformat("Hola\\.") == "Hola.");
  BOOST_TEST(reformat("") == "");
  BOOST_TEST(reformat("[unterminated") == "unterminated");
}

BOOST_AUTO_TEST_CASE(the_translation_keeps_the_sources_edges) {
  BOOST_TEST(fit_edges("We need boxes", " Necesitamos cajas")
             == "Necesitamos cajas");
  BOOST_TEST(fit_edges("  Hi\n", "Hola") == "  Hola\n");
  BOOST_TEST(fit_edges("   ", "  ") == "   ");
  BOOST_TEST(fit_edges("Hi", "") == "");
}

BOOST_AUTO_TEST_CASE(parses_a_mode_file_into_resident_stages) {
  std::string error;
  auto stages =
      parse_pipeline("lt-proc '/x/eng-spa.automorf.bin' | apertium-tagger -g "
                     "$2 '/x/eng-spa.prob' | "
                     "apertium-pretransfer | lt-proc $1 \"/x/a b.bin\"\n",
                     error);
  BOOST_REQUIRE(stages.has_value());
  BOOST_REQUIRE(stages->size() == 4u);
  BOOST_TEST(
      (stages->at(0) == stage{"lt-proc", "-z", "/x/eng-spa.automorf.bin"}));
  BOOST_TEST((stages->at(1)
              == stage{"apertium-tagger", "-z", "-g", "/x/eng-spa.prob"}));
  BOOST_TEST((stages->at(2) == stage{"apertium-pretransfer", "-z"}));
  BOOST_TEST((stages->at(3) == stage{"lt-proc", "-z", "-n", "/x/a b.bin"}));
}

BOOST_AUTO_TEST_CASE(refuses_mode_files_that_are_not_plain_pipelines) {
  for (auto text : {"", "a | | b", "a |", "lt-proc 'unterminated",
                    "a; rm -rf x", "a > out", "a `x`", "$(x)"}) {
    std::string error;
    BOOST_TEST_CONTEXT("text '" << text << "'") {
      BOOST_TEST(!parse_pipeline(text, error).has_value());
      BOOST_TEST(!error.empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END() // translator_apertium_format
