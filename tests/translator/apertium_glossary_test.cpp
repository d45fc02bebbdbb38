// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <map>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/type_ids.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/translator.hpp"

// The glossary's placeholders through the real Apertium pipelines: every
// pair the installed modes offer, direct or through a pivot language.
// Needs the packages scripts/setup.sh installs.
BOOST_AUTO_TEST_SUITE(translator_apertium_glossary)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;

namespace {

struct glossary_fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::vector<language_pair> offered;
  translator_actor tr;

  glossary_fixture() {
    announce_message_types(cfg);
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
    apertium_options ao;
    ao.modes_dir = apertium::default_modes_dir;
    ao.pipelines_per_pair = 1;
    auto backend = spawn_apertium_backend(*sys, ao);
    BOOST_REQUIRE_MESSAGE(
        static_cast<bool>(backend),
        (backend ? std::string{} : describe(backend.error())));
    offered = backend->languages;
    translator_options o;
    o.backend_name = "apertium";
    o.backend = backend->actor;
    o.languages = backend->languages;
    o.request_timeout = 30s;
    tr = sys->spawn(translator, o);
  }

  ~glossary_fixture() {
    caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  }

  translation_done ask(std::string text, const language_pair& p,
                       glossary_terms terms) {
    caf::scoped_actor self{*sys};
    translate_request r{1, std::move(text), p.source, p.target, {}, 0};
    r.terms = std::move(terms);
    self->send(tr, std::move(r));
    translation_done out;
    out.reason = "no answer";
    for (bool done = false; !done;)
      self->receive([&](translation_done& d) { out = d, done = true; },
                    [&](translation_queued&) {},
                    caf::after(std::chrono::seconds{90}) >>
                        [&] { done = true; });
    return out;
  }
};

/// A sentence in each language the default install offers, with two
/// terms: the second occurs twice.
struct sample {
  std::string text;
  std::string first;
  std::string second;
};

const std::map<std::string, sample>& samples() {
  static const std::map<std::string, sample> s{
      {"en",
       {"Send the invoice to the site manager; the site opens at 8.", "invoice",
        "site"}},
      {"es",
       {"Envía la factura a la obra; la obra abre a las 8.", "factura",
        "obra"}},
      {"pt",
       {"Envie a fatura para a obra; a obra abre às 8.", "fatura", "obra"}},
      {"fr",
       {"Envoyez la facture au chantier; le chantier ouvre à 8 h.", "facture",
        "chantier"}},
      {"it",
       {"Invia la fattura al cantiere; il cantiere apre alle 8.", "fattura",
        "cantiere"}},
      {"ca",
       {"Envia la factura a l'obra; l'obra obre a les 8.", "factura", "obra"}},
      {"gl", {"Envía a factura á obra; a obra abre ás 8.", "factura", "obra"}},
  };
  return s;
}

size_t count(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos;
       at = text.find(word, at + word.size()))
    ++n;
  return n;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(terms_come_back_for_every_installed_pair,
                        glossary_fixture) {
  size_t pairs = 0;
  size_t pivoted = 0;
  for (auto& p : offered) {
    auto it = samples().find(p.source);
    if (it == samples().end())
      continue;
    auto& s = it->second;
    // Made-up words no dictionary knows: they can only come from the
    // glossary, and exactly as often as the terms occur.
    auto d = ask(s.text, p,
                 {{s.first, "Qzx-Alpha"}, {s.second, "Qzx-Beta <b>&</b>"}});
    BOOST_TEST_CONTEXT(p.source << "->" << p.target << ": " << d.text) {
      BOOST_REQUIRE_MESSAGE(d.ok, d.reason);
      BOOST_TEST(count(d.text, "Qzx-Alpha") == 1u);
      BOOST_TEST(count(d.text, "Qzx-Beta <b>&</b>") == 2u);
      // No placeholder code point is left behind.
      BOOST_TEST(d.text.find("\xee\x80") == std::string::npos);
    }
    ++pairs;
    pivoted += p.via.empty() ? 0 : 1;
  }
  BOOST_TEST_MESSAGE(pairs << " pairs, " << pivoted << " through a pivot");
  BOOST_TEST(pairs >= 2u);
  BOOST_TEST(pivoted >= 1u, "no pivot route installed (apertium-es-pt)");
}

BOOST_FIXTURE_TEST_CASE(hostile_texts_still_translate, glossary_fixture) {
  language_pair en_es{"en", "es"};
  // Forged placeholders, markup and Apertium's own reserved characters.
  auto d = ask("\xee\x80\x80"
               "0\xee\x80\x81 <b>invoice</b> [x] ^a$ \\ site/site",
               en_es, {{"invoice", "factura"}, {"site", "obra"}});
  BOOST_REQUIRE_MESSAGE(d.ok, d.reason);
  BOOST_TEST_MESSAGE(d.text);
  BOOST_TEST(count(d.text, "factura") == 1u);
  BOOST_TEST(count(d.text, "obra") == 2u);
  BOOST_TEST(d.text.find("\xee\x80") == std::string::npos);
  // Terms that do not occur change nothing.
  auto plain = ask("Good morning", en_es, {});
  auto with = ask("Good morning", en_es, {{"invoice", "factura"}});
  BOOST_REQUIRE(plain.ok);
  BOOST_TEST(with.text == plain.text);
}

BOOST_AUTO_TEST_SUITE_END()
