// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "messages/type_ids.hpp"
#include "translator/pivot_backend.hpp"

BOOST_AUTO_TEST_SUITE(translator_pivot_backend)

using namespace bridge;
using namespace bridge::translation;

namespace {

/// A direct backend that marks each hop ("text [en>es]"), fails a text
/// holding "fail" when asked for Portuguese, and counts its calls.
backend_actor::behavior_type marking_backend(backend_actor::pointer,
                                             std::shared_ptr<int> calls) {
  return {
      [calls](backend_call& c) {
        ++*calls;
        backend_reply r;
        r.call_id = c.call_id;
        if (c.target_lang == "pt" && c.text.find("fail") != std::string::npos) {
          r.status = backend_status::transport_error;
          r.message = "pipeline died";
          return r;
        }
        r.text = c.text + " [" + c.source_lang + ">" + c.target_lang + "]";
        return r;
      },
  };
}

struct pivot_fixture {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::shared_ptr<int> calls = std::make_shared<int>(0);
  backend_actor pivot;

  pivot_fixture() {
    announce_message_types(cfg);
    cfg.set("logger.verbosity", caf::atom("quiet"));
    sys = std::make_unique<caf::actor_system>(cfg);
    auto graph =
        std::make_shared<const language_graph>(std::vector<language_pair>{
            {"en", "es"}, {"es", "en"}, {"es", "pt"}, {"pt", "es"}});
    pivot =
        sys->spawn(pivot_backend, sys->spawn(marking_backend, calls), graph);
  }

  ~pivot_fixture() {
    caf::anon_send_exit(pivot, caf::exit_reason::user_shutdown);
  }

  backend_reply call(std::string text, std::string src, std::string dst) {
    caf::scoped_actor self{*sys};
    backend_reply out;
    backend_call c;
    c.call_id = 7;
    c.text = std::move(text);
    c.source_lang = std::move(src);
    c.target_lang = std::move(dst);
    c.timeout_ms = 5000;
    self->request(pivot, std::chrono::seconds{10}, std::move(c))
        .receive([&](backend_reply& r) { out = std::move(r); },
                 [&](caf::error& e) { out.message = describe(e); });
    return out;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_direct_pair_is_one_call, pivot_fixture) {
  auto r = call("hi", "en", "es");
  BOOST_TEST((r.status == backend_status::ok));
  BOOST_TEST(r.text == "hi [en>es]");
  BOOST_TEST(r.hops == 1u);
  BOOST_TEST(r.call_id == 7u);
  BOOST_TEST(*calls == 1);
}

BOOST_FIXTURE_TEST_CASE(a_pivot_chains_the_calls_in_order, pivot_fixture) {
  auto r = call("hi", "en", "pt");
  BOOST_TEST((r.status == backend_status::ok));
  BOOST_TEST(r.text == "hi [en>es] [es>pt]");
  BOOST_TEST(r.hops == 2u);
  BOOST_TEST(r.call_id == 7u);
  BOOST_TEST(*calls == 2);
}

BOOST_FIXTURE_TEST_CASE(a_failed_hop_says_where_the_route_broke,
                        pivot_fixture) {
  auto r = call("fail", "en", "pt");
  BOOST_TEST((r.status == backend_status::transport_error));
  BOOST_TEST(r.message.find("es->pt") != std::string::npos, r.message);
  BOOST_TEST(r.message.find("pipeline died") != std::string::npos, r.message);
  BOOST_TEST(r.hops == 0u);
}

BOOST_FIXTURE_TEST_CASE(no_route_is_refused_without_a_call, pivot_fixture) {
  for (auto [src, dst] :
       {std::pair{"en", "de"}, {"xx", "pt"}, {"", ""}, {"en", "en"}}) {
    auto r = call("hi", src, dst);
    BOOST_TEST((r.status == backend_status::refused), src << "->" << dst);
  }
  BOOST_TEST(*calls == 0);
}

BOOST_AUTO_TEST_SUITE_END() // translator_pivot_backend
