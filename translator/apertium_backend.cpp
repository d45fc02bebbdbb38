// SPDX-License-Identifier: Apache-2.0
#include "translator/apertium_backend.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/thread_name.hpp"
#include "messages/type_ids.hpp"
#include "translator/backend_pool.hpp"
#include "translator/pivot_backend.hpp"

namespace bridge::translation {

namespace {

/// A usable mode: its pipeline parsed at start, so a broken file is found
/// then and not on a user's message.
struct usable_mode {
  language_pair pair;
  std::vector<apertium::stage> stages;
};

std::optional<std::vector<apertium::stage>> read_mode(const apertium::mode& m) {
  std::ifstream in{m.path};
  if (!in) {
    spdlog::warn("translator: cannot read Apertium mode {}", m.path);
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string error;
  auto stages = apertium::parse_pipeline(text.str(), error);
  if (!stages)
    spdlog::warn("translator: skipping Apertium mode {}: {}", m.name, error);
  return stages;
}

} // namespace

backend_actor::behavior_type
apertium_worker(apertium_worker_impl self, std::string mode_name,
                std::vector<apertium::stage> stages) {
  name_detached_thread(self, "bridge.apertium");
  self->state.pipe = std::make_unique<apertium::pipeline>(std::move(stages));
  return {
      [self, mode_name](backend_call& call) -> backend_reply {
        backend_reply reply;
        reply.call_id = call.call_id;
        try {
          auto r = self->state.pipe->translate(
              call.text, std::chrono::milliseconds{call.timeout_ms});
          if (r.ok) {
            reply.status =
                r.text.find_first_not_of(" \t\r\n") == std::string::npos
                    ? backend_status::empty
                    : backend_status::ok;
            reply.text = std::move(r.text);
          } else {
            reply.status = r.timed_out ? backend_status::timeout
                                       : backend_status::transport_error;
            reply.message = "Apertium " + mode_name + ": " + r.error;
          }
        } catch (const std::exception& e) {
          reply.status = backend_status::transport_error;
          reply.message = "Apertium " + mode_name + ": " + e.what();
        }
        return reply;
      },
  };
}

caf::expected<spawned_backend>
spawn_apertium_backend(caf::actor_system& sys, const apertium_options& opts) {
  auto found = apertium::discover(opts.modes_dir);
  auto modes = std::make_shared<std::map<std::string, usable_mode>>();
  auto lanes = std::make_shared<std::map<language_pair, std::string>>();
  std::vector<language_pair> direct;
  for (auto& m : found) {
    auto stages = read_mode(m);
    if (!stages)
      continue;
    modes->emplace(m.name, usable_mode{m.pair, std::move(*stages)});
    lanes->emplace(m.pair, m.name);
    direct.push_back(m.pair);
  }
  auto graph = std::make_shared<const language_graph>(direct);
  spawned_backend out;
  // Only languages that can answer each other are offered: a direction
  // with no way back (Debian's apertium-es-ro has ro->es only), or one
  // past the graph's hop limit, is not.
  out.languages = graph->pairable_pairs();
  if (out.languages.empty())
    return make_error(engine_errc::unsupported_language,
                      "translator.backend = apertium, but no two languages "
                      "can be translated both ways with the modes in "
                          + opts.modes_dir + " (install apertium-eng-spa)");
  backend_pool_options po;
  po.workers_per_lane = opts.pipelines_per_pair;
  po.queue_limit = opts.queue_limit;
  po.route = [lanes](const backend_call& call,
                     std::string& why) -> std::optional<std::string> {
    auto it = lanes->find(language_pair{call.source_lang, call.target_lang});
    if (it != lanes->end())
      return it->second;
    why = "Apertium has no mode for " + call.source_lang + "->"
          + call.target_lang;
    return std::nullopt;
  };
  po.factory = [modes](caf::local_actor* parent, const std::string& lane) {
    auto& m = modes->at(lane);
    return parent->spawn<caf::detached>(apertium_worker, lane, m.stages);
  };
  auto pool = sys.spawn(backend_pool, std::move(po));
  out.actor = sys.spawn(pivot_backend, std::move(pool), graph);
  std::string names;
  for (auto& [name, m] : *modes)
    names += (names.empty() ? "" : ", ") + name;
  spdlog::info("translator: Apertium modes {} ({} pipelines per pair)", names,
               opts.pipelines_per_pair);
  size_t pivoted = 0;
  for (auto& p : out.languages)
    pivoted += p.via.empty() ? 0 : 1;
  std::string alone;
  for (auto& l : graph->languages())
    if (graph->partners(l).empty())
      alone += (alone.empty() ? "" : ", ") + l;
  spdlog::info("translator: {} language pairs, {} of them through a pivot "
               "language{}",
               out.languages.size(), pivoted,
               alone.empty() ? std::string{}
                             : "; not offered (no route both ways): " + alone);
  return out;
}

} // namespace bridge::translation
