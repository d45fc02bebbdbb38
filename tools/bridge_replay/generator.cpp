// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/generator.hpp"

#include <array>
#include <cmath>
#include <random>
#include <string>

namespace bridge::replay {

namespace {

constexpr std::array<const char*, 12> en_words{
    "please", "check",  "the",  "pallets", "in",       "bay",
    "four",   "before", "noon", "call",    "supplier", "today"};
constexpr std::array<const char*, 12> es_words{
    "por",     "favor", "revisa", "las",      "cajas", "del",
    "almacén", "antes", "de",     "mediodía", "llama", "hoy"};

struct team {
  int64_t manager = 0;
  std::string manager_lang;
  std::vector<int64_t> workers;
  /// Whom the manager writes to: the last worker to join, then switches.
  size_t target = 0;
};

/// Small helpers over one 64-bit generator, so a seed gives the same file
/// on every standard library.
class dice {
public:
  explicit dice(uint64_t seed) : rng_(seed) {}
  uint64_t below(uint64_t n) { return n == 0 ? 0 : rng_() % n; }
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

private:
  std::mt19937_64 rng_;
};

std::string sentence(dice& d, const std::string& lang) {
  const auto& words = lang == "es" ? es_words : en_words;
  auto n = 3 + d.below(6);
  std::string out;
  for (uint64_t i = 0; i < n; ++i) {
    if (i > 0)
      out += ' ';
    out += words[d.below(words.size())];
  }
  return out;
}

/// One hostile line by `user`: what bad input looks like in practice.
traffic_line hostile(dice& d, int64_t user, int64_t t_ms) {
  traffic_line l;
  l.t_ms = t_ms;
  l.user = user;
  l.expect = expectation::reply;
  switch (d.below(6)) {
  case 0: // longer than Telegram lets a user write
    l.kind = line_kind::message;
    l.text = std::string(5000, 'x');
    break;
  case 1:
    l.kind = line_kind::command;
    l.text = "/frobnicate now";
    break;
  case 2: // data the bot never put on a button
    l.kind = line_kind::press;
    l.data = "zz:\u00ff garbage";
    break;
  case 3:
    l.kind = line_kind::media;
    l.media = "photo";
    break;
  case 4: // an update kind the engine does not know
    l.kind = line_kind::update;
    l.expect = expectation::none;
    l.user = 0;
    l.payload = R"({"poll":{"id":"1","question":"?","options":[]}})";
    break;
  default: // not JSON at all
    l.kind = line_kind::raw;
    l.expect = expectation::none;
    l.user = 0;
    l.payload = "{\"update_id\":1,\"message\":{\"text\":";
  }
  return l;
}

/// Seconds from a message at `t` to the next one: exponential gaps, as
/// independent people write, at the burst rate inside a burst.
double next_gap(const generate_options& o, dice& d, double t) {
  auto phase = std::fmod(t, o.burst_every_s);
  auto rate = phase < o.burst_length_s ? o.rate * o.burst : o.rate;
  return -std::log(1 - d.unit()) / rate;
}

} // namespace

std::string validate(const generate_options& o) {
  if (o.teams < 1)
    return "teams must be at least 1";
  if (o.workers_min < 1 || o.workers_max > 15 || o.workers_min > o.workers_max)
    return "workers must be 1 <= min <= max <= 15";
  if (o.messages < 0)
    return "messages must not be negative";
  if (!(o.rate > 0))
    return "rate must be positive";
  if (!(o.burst >= 1) || !(o.burst_every_s > 0) || o.burst_length_s < 0)
    return "burst must be >= 1 with a positive period";
  if (o.hostile_fraction < 0 || o.hostile_fraction > 1 || o.switch_fraction < 0
      || o.switch_fraction > 1)
    return "fractions are between 0 and 1";
  if (o.first_user < 1)
    return "first user id must be positive";
  return {};
}

std::vector<traffic_line> generate(const generate_options& o) {
  dice d{o.seed};
  std::vector<traffic_line> out;
  std::vector<team> teams(static_cast<size_t>(o.teams));
  for (size_t t = 0; t < teams.size(); ++t) {
    auto& tm = teams[t];
    tm.manager = o.first_user + 16 * static_cast<int64_t>(t);
    tm.manager_lang = d.chance(0.5) ? "en" : "es";
    auto worker_lang = tm.manager_lang == "en" ? "es" : "en";
    traffic_line m;
    m.kind = line_kind::register_manager;
    m.user = tm.manager;
    m.name = "Mgr" + std::to_string(t);
    m.lang = tm.manager_lang;
    out.push_back(m);
    auto n = o.workers_min + d.below(o.workers_max - o.workers_min + 1);
    for (uint64_t k = 1; k <= n; ++k) {
      traffic_line w;
      w.kind = line_kind::register_worker;
      w.user = tm.manager + static_cast<int64_t>(k);
      w.name = "Wkr" + std::to_string(t) + "x" + std::to_string(k);
      w.lang = worker_lang;
      w.manager = tm.manager;
      out.push_back(w);
      tm.workers.push_back(w.user);
    }
    tm.target = tm.workers.size() - 1;
  }
  double t = 0;
  for (int64_t i = 0; i < o.messages; ++i) {
    t += next_gap(o, d, t);
    auto t_ms = static_cast<int64_t>(t * 1000);
    auto& tm = teams[d.below(teams.size())];
    traffic_line l;
    l.t_ms = t_ms;
    l.kind = line_kind::message;
    l.expect = expectation::delivery;
    if (d.chance(0.5)) {
      if (tm.workers.size() > 1 && d.chance(o.switch_fraction)) {
        tm.target = (tm.target + 1 + d.below(tm.workers.size() - 1))
                    % tm.workers.size();
        traffic_line s;
        s.t_ms = t_ms;
        s.kind = line_kind::switch_to;
        s.expect = expectation::reply;
        s.user = tm.manager;
        s.to = tm.workers[tm.target];
        out.push_back(s);
      }
      l.user = tm.manager;
      l.text = sentence(d, tm.manager_lang);
    } else {
      l.user = tm.workers[d.below(tm.workers.size())];
      l.text = sentence(d, tm.manager_lang == "en" ? "es" : "en");
    }
    out.push_back(l);
    if (o.hostile_fraction > 0 && d.chance(o.hostile_fraction)) {
      auto who =
          d.chance(0.5) ? tm.manager : tm.workers[d.below(tm.workers.size())];
      out.push_back(hostile(d, who, t_ms));
    }
  }
  return out;
}

} // namespace bridge::replay
