// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/type_ids.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/apertium_modes.hpp"
#include "translator/apertium_pipeline.hpp"
#include "translator/translator.hpp"

BOOST_AUTO_TEST_SUITE(translator_apertium_backend)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;

// These suites need Debian's apertium and apertium-eng-spa (scripts/setup.sh).

namespace {

std::vector<apertium::stage> stages_of(const std::string& name) {
  std::ifstream in{std::string{apertium::default_modes_dir} + "/" + name
                   + ".mode"};
  BOOST_REQUIRE_MESSAGE(in, "apertium-eng-spa is not installed");
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  auto stages = apertium::parse_pipeline(text.str(), error);
  BOOST_REQUIRE_MESSAGE(stages.has_value(), error);
  return *stages;
}

/// What `apertium -u` makes of `text`: the reference a resident pipeline
/// must match.
std::string one_shot(const std::string& mode, const std::string& text) {
  auto cmd = "printf '%s' '" + text + "' | apertium -u " + mode;
  std::unique_ptr<FILE, int (*)(FILE*)> p{popen(cmd.c_str(), "r"), pclose};
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p.get())) > 0)
    out.append(buf, n);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
    out.pop_back();
  // A dropped first word leaves its blank; the backend trims it.
  while (!out.empty() && out.front() == ' ')
    out.erase(0, 1);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(discovers_both_english_spanish_directions) {
  auto modes = apertium::discover(apertium::default_modes_dir);
  auto has = [&](const char* s, const char* t) {
    for (auto& m : modes)
      if (m.pair == language_pair{s, t})
        return true;
    return false;
  };
  BOOST_TEST(has("en", "es"));
  BOOST_TEST(has("es", "en"));
  for (auto& m : modes)
    BOOST_TEST(m.name.find('_') == std::string::npos);
  BOOST_TEST(apertium::discover("/nonexistent/modes").empty());
}

BOOST_AUTO_TEST_CASE(a_resident_pipeline_matches_one_shot_apertium) {
  apertium::pipeline p{stages_of("eng-spa")};
  const char* sentences[] = {
      "Please sign the report before Friday.", "The meeting starts at eight.",
      "Where is the warehouse key?", "We need two more boxes of screws",
      "Thank you very much!"};
  for (auto s : sentences) {
    auto r = p.translate(s, 10s);
    BOOST_REQUIRE_MESSAGE(r.ok, r.error);
    BOOST_TEST(!r.text.empty());
    BOOST_TEST_MESSAGE(s << " -> " << r.text);
    BOOST_TEST(r.text == one_shot("eng-spa", s));
  }
  // Every text went through the same processes.
  BOOST_TEST(p.starts() == 1u);
}

BOOST_AUTO_TEST_CASE(spanish_to_english_and_awkward_text) {
  apertium::pipeline p{stages_of("spa-eng")};
  auto r = p.translate("Hola, ¿cómo estás?", 10s);
  BOOST_REQUIRE(r.ok);
  BOOST_TEST(r.text == one_shot("spa-eng", "Hola, ¿cómo estás?"));
  // Reserved characters, line breaks, emoji and another script survive.
  auto odd = p.translate("Precio: 5$ [x] \\ "
                         "\xF0\x9F\x91\x8D\n\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2"
                         "\xD0\xB5\xD1\x82  amigo",
                         10s);
  BOOST_REQUIRE(odd.ok);
  BOOST_TEST(odd.text.find("[x]") != std::string::npos);
  BOOST_TEST(odd.text.find("\xF0\x9F\x91\x8D\n") != std::string::npos);
  BOOST_TEST(odd.text.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82")
             != std::string::npos);
  // A long text, past the pipe buffers, goes through whole.
  std::string longer;
  while (longer.size() < 4000)
    longer += "El trabajador firma el informe. ";
  auto big = p.translate(longer, 30s);
  BOOST_REQUIRE_MESSAGE(big.ok, big.error);
  BOOST_TEST(big.text.size() > 2000u);
  BOOST_TEST(p.starts() == 1u);
}

BOOST_AUTO_TEST_CASE(a_broken_pipeline_fails_clearly_and_restarts) {
  apertium::pipeline bad{{{"definitely-not-a-program-xyz", "-z"}}};
  auto r = bad.translate("hello", 2s);
  BOOST_TEST(!r.ok);
  BOOST_TEST(!r.error.empty());
  // A stage that swallows its input and never answers: a timeout.
  apertium::pipeline silent{{{"sleep", "30"}}};
  auto t = silent.translate("hello", 300ms);
  BOOST_TEST(!t.ok);
  BOOST_TEST(t.timed_out);
  BOOST_TEST(!silent.running());
}

BOOST_AUTO_TEST_CASE(the_backend_translates_through_the_translator) {
  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  apertium_options ao;
  ao.pipelines_per_pair = 1;
  auto backend = spawn_apertium_backend(sys, ao);
  BOOST_REQUIRE(static_cast<bool>(backend));
  translator_options o;
  o.backend_name = "apertium";
  o.backend = backend->actor;
  o.languages = backend->languages;
  o.request_timeout = 20s;
  auto tr = sys.spawn(translator, o);
  caf::scoped_actor self{sys};
  auto ask = [&](uint64_t id, std::string text, std::string src,
                 std::string dst) {
    self->send(tr,
               translate_request{
                   id, std::move(text), std::move(src), std::move(dst), {}, 0});
    translation_done out;
    self->receive([&](translation_done& d) { out = d; },
                  [&](translation_queued&) {
                    self->receive([&](translation_done& d) { out = d; });
                  },
                  caf::after(std::chrono::seconds{60}) >>
                      [&] { out.reason = "no answer"; });
    return out;
  };
  auto en = ask(1, "The worker signs the report.", "en", "es");
  BOOST_TEST(en.ok);
  BOOST_TEST(en.text == one_shot("eng-spa", "The worker signs the report."));
  auto es = ask(2, "El trabajador firma el informe.", "es", "en");
  BOOST_TEST(es.ok);
  BOOST_TEST(es.text == one_shot("spa-eng", "El trabajador firma el informe."));
  auto mixed = ask(3, "Hola \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
                   "es", "en");
  BOOST_TEST(mixed.ok);
  auto unsupported = ask(4, "Hallo", "de", "en");
  BOOST_TEST(!unsupported.ok);
  BOOST_TEST((unsupported.code == engine_errc::unsupported_language));
  self->send_exit(tr, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(no_modes_is_a_clear_start_error) {
  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  apertium_options ao;
  ao.modes_dir = "/nonexistent/modes";
  auto backend = spawn_apertium_backend(sys, ao);
  BOOST_REQUIRE(!backend);
  BOOST_TEST(describe(backend.error()).find("/nonexistent/modes")
             != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // translator_apertium_backend
