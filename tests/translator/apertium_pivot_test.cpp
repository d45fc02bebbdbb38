// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/type_ids.hpp"
#include "tests/support/process.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/translator.hpp"

BOOST_AUTO_TEST_SUITE(translator_apertium_pivot)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Needs Debian's apertium-eng-spa and apertium-es-pt (scripts/setup.sh).

namespace {

struct system_fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;

  system_fixture() {
    announce_message_types(cfg);
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
  }

  /// A translator over the Apertium modes in `dir`.
  translator_actor start(const std::string& dir,
                         std::vector<language_pair>& offered) {
    apertium_options ao;
    ao.modes_dir = dir;
    ao.pipelines_per_pair = 1;
    auto backend = spawn_apertium_backend(*sys, ao);
    // The message is built whether or not the check fails.
    BOOST_REQUIRE_MESSAGE(
        static_cast<bool>(backend),
        (backend ? std::string{} : describe(backend.error())));
    offered = backend->languages;
    translator_options o;
    o.backend_name = "apertium";
    o.backend = backend->actor;
    o.languages = backend->languages;
    o.request_timeout = 30s;
    return sys->spawn(translator, o);
  }

  translation_done ask(translator_actor tr, std::string text, std::string src,
                       std::string dst) {
    caf::scoped_actor self{*sys};
    self->send(tr,
               translate_request{
                   1, std::move(text), std::move(src), std::move(dst), {}, 0});
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

const language_pair* find(const std::vector<language_pair>& pairs,
                          const char* s, const char* t) {
  auto it = std::find(pairs.begin(), pairs.end(), language_pair{s, t});
  return it == pairs.end() ? nullptr : &*it;
}

std::string read(const fs::path& p) {
  std::ifstream in{p};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream{p} << text;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(english_to_portuguese_goes_through_spanish,
                        system_fixture) {
  std::vector<language_pair> offered;
  auto tr = start(apertium::default_modes_dir, offered);
  auto en_pt = find(offered, "en", "pt");
  BOOST_REQUIRE_MESSAGE(en_pt, "apertium-es-pt is not installed");
  BOOST_TEST((en_pt->via == std::vector<std::string>{"es"}));
  BOOST_TEST(find(offered, "en", "es")->via.empty());
  const std::string english = "The worker signs the report before Friday.";
  auto pt = ask(tr, english, "en", "pt");
  BOOST_REQUIRE_MESSAGE(pt.ok, pt.reason);
  BOOST_TEST_MESSAGE(english << " -> " << pt.text);
  BOOST_TEST(pt.text.find_first_not_of(" \n") != std::string::npos);
  BOOST_TEST(pt.text != english);
  BOOST_TEST(pt.hops == 2u);
  // Portuguese words Apertium's es-pt makes of "trabajador" and "informe".
  BOOST_TEST(pt.text.find("trabalhador") != std::string::npos);
  const std::string portuguese = "O trabalhador assina o relatório.";
  auto en = ask(tr, portuguese, "pt", "en");
  BOOST_REQUIRE_MESSAGE(en.ok, en.reason);
  BOOST_TEST_MESSAGE(portuguese << " -> " << en.text);
  BOOST_TEST(en.text != portuguese);
  BOOST_TEST(en.hops == 2u);
  auto direct = ask(tr, english, "en", "es");
  BOOST_REQUIRE(direct.ok);
  BOOST_TEST(direct.hops == 1u);
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
}

BOOST_FIXTURE_TEST_CASE(only_languages_that_answer_each_other_are_offered,
                        system_fixture) {
  // A folder of modes: English and Spanish both ways, Spanish to
  // Portuguese one way only, an island of two languages (they carry the
  // English-Spanish pipeline: only their names matter here), and names
  // that are no modes at all.
  fs::path dir = bridge::test::make_scratch_dir("apertium-modes");
  fs::path system{apertium::default_modes_dir};
  auto eng_spa = read(system / "eng-spa.mode");
  BOOST_REQUIRE_MESSAGE(!eng_spa.empty(), "apertium-eng-spa is not installed");
  write(dir / "eng-spa.mode", eng_spa);
  write(dir / "spa-eng.mode", read(system / "spa-eng.mode"));
  write(dir / "spa-por.mode", eng_spa);
  write(dir / "rus-ukr.mode", eng_spa);
  write(dir / "ukr-rus.mode", eng_spa);
  write(dir / "eng-spa-tagger.mode", eng_spa);
  write(dir / "deu-eng.mode", "apertium-destxt; rm -rf /");
  write(dir / "..-eng.mode", eng_spa);
  write(dir / "eng-ENG.mode", eng_spa);
  write(dir / "fra-.mode", eng_spa);
  write(dir / "-eng.mode", eng_spa);
  write(dir / "eng-eng.mode", eng_spa);
  write(dir / "ita-spa.mode", "");
  std::vector<language_pair> offered;
  auto tr = start(dir.string(), offered);
  std::vector<std::pair<std::string, std::string>> got;
  for (auto& p : offered)
    got.emplace_back(p.source, p.target);
  std::vector<std::pair<std::string, std::string>> want{
      {"en", "es"}, {"es", "en"}, {"ru", "uk"}, {"uk", "ru"}};
  BOOST_TEST((got == want));
  auto across = ask(tr, "Hello", "en", "ru");
  BOOST_TEST(!across.ok);
  BOOST_TEST((across.code == engine_errc::unsupported_language));
  auto one_way = ask(tr, "Hola", "es", "pt");
  BOOST_TEST(!one_way.ok);
  BOOST_TEST((one_way.code == engine_errc::unsupported_language));
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END() // translator_apertium_pivot
