// SPDX-License-Identifier: Apache-2.0
// The glossary's effect on translation quality, through the real Apertium
// pipelines: a team's terms and a parallel set that uses them
// (bench/glossary_quality/), each sentence translated without and with
// the glossary. Scores exact term hits (the team's translation of each
// term found in the source appears in the output) and corpus chrF
// (character 1- to 6-grams, beta 2, blanks ignored) against the
// references. Prints JSON; bench/glossary_quality/run.sh runs it.

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/team_glossary.hpp"
#include "common/json_writer.hpp"
#include "domain/glossary.hpp"
#include "messages/type_ids.hpp"
#include "translator/apertium_backend.hpp"
#include "translator/translator.hpp"

using namespace bridge;
using namespace std::chrono_literals;

namespace {

/// Tab-separated columns of the lines not starting with '#'.
std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in{path};
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#')
      continue;
    std::vector<std::string> cols;
    std::stringstream s{line};
    std::string col;
    while (std::getline(s, col, '\t'))
      cols.push_back(col);
    rows.push_back(std::move(cols));
  }
  return rows;
}

/// Code points of `s` without blanks, as chrF reads it.
std::u32string points(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0xFF >> (n + 1));
    for (size_t k = 1; k < n && i + k < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (c != ' ' && c != '\t' && c != '\n')
      out += c;
    i += n;
  }
  return out;
}

/// Corpus chrF: n-gram matches, hypothesis and reference counts summed
/// over sentences per order, then averaged precision and recall.
struct chrf {
  static constexpr int orders = 6;
  double match[orders] = {};
  double hyp[orders] = {};
  double ref[orders] = {};

  void add(const std::string& h, const std::string& r) {
    auto hp = points(h);
    auto rp = points(r);
    for (int n = 1; n <= orders; ++n) {
      std::map<std::u32string, int> hc, rc;
      for (size_t i = 0; i + n <= hp.size(); ++i)
        ++hc[hp.substr(i, n)];
      for (size_t i = 0; i + n <= rp.size(); ++i)
        ++rc[rp.substr(i, n)];
      for (auto& [g, k] : hc) {
        hyp[n - 1] += k;
        if (auto it = rc.find(g); it != rc.end())
          match[n - 1] += std::min(k, it->second);
      }
      for (auto& [g, k] : rc)
        ref[n - 1] += k;
    }
  }

  double score() const {
    double p = 0, r = 0;
    for (int n = 0; n < orders; ++n) {
      p += hyp[n] > 0 ? match[n] / hyp[n] : 0;
      r += ref[n] > 0 ? match[n] / ref[n] : 0;
    }
    p /= orders;
    r /= orders;
    const double b2 = 4.0;
    return p + r > 0 ? 100.0 * (1 + b2) * p * r / (b2 * p + r) : 0.0;
  }
};

struct pair_score {
  chrf before, after;
  int expected = 0, hits_before = 0, hits_after = 0, sentences = 0;
  int failed = 0;
};

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"glossary quality through Apertium"};
  std::string dir = "bench/glossary_quality";
  app.add_option("--dir", dir, "folder with terms.tsv and sentences.tsv");
  CLI11_PARSE(app, argc, argv);

  // Columns: en, es, pt. Entries from English, as a manager writing
  // English keeps them; the Spanish-to-English direction reads them back.
  const std::vector<std::string> langs{"en", "es", "pt"};
  auto terms = read_tsv(dir + "/terms.tsv");
  auto sentences = read_tsv(dir + "/sentences.tsv");
  std::vector<glossary_row> rows;
  for (auto& t : terms)
    for (size_t k = 1; k < 3 && k < t.size(); ++k)
      rows.push_back({0, "en", langs[k], t[0], domain::glossary::key(t[0]),
                      t[k], 1, "active"});
  team_glossary team{rows};

  caf::actor_system_config cfg;
  announce_message_types(cfg);
  cfg.set("logger.verbosity", caf::atom("quiet"));
  caf::actor_system sys{cfg};
  translation::apertium_options ao;
  ao.pipelines_per_pair = 1;
  auto backend = translation::spawn_apertium_backend(sys, ao);
  if (!backend) {
    std::cerr << describe(backend.error()) << '\n';
    return 1;
  }
  translation::translator_options o;
  o.backend_name = "apertium";
  o.backend = backend->actor;
  o.languages = backend->languages;
  o.request_timeout = 30s;
  auto tr = sys.spawn(translation::translator, o);
  caf::scoped_actor self{sys};
  auto ask = [&](const std::string& text, const std::string& src,
                 const std::string& dst, glossary_terms t) {
    translate_request r{1, text, src, dst, {}, 0};
    r.terms = std::move(t);
    self->send(tr, std::move(r));
    translation_done out;
    for (bool done = false; !done;)
      self->receive([&](translation_done& d) { out = d, done = true; },
                    [&](translation_queued&) {},
                    caf::after(std::chrono::seconds{60}) >>
                        [&] { done = true; });
    return out;
  };

  // (source column, reference column)
  const std::vector<std::pair<size_t, size_t>> directions{
      {0, 1}, {0, 2}, {1, 0}};
  json::writer w;
  w.begin_object()
      .field("bench", "glossary_quality")
      .key("pairs")
      .begin_array();
  for (auto [s, r] : directions) {
    pair_score score;
    for (auto& row : sentences) {
      if (row.size() < 3)
        continue;
      auto& src = row[s];
      auto& ref = row[r];
      auto found = team.terms_in(src, langs[s], langs[r]);
      auto plain = ask(src, langs[s], langs[r], {});
      auto with = ask(src, langs[s], langs[r], found);
      if (!plain.ok || !with.ok) {
        ++score.failed;
        continue;
      }
      ++score.sentences;
      score.before.add(plain.text, ref);
      score.after.add(with.text, ref);
      auto folded_plain = domain::glossary::fold(plain.text);
      auto folded_with = domain::glossary::fold(with.text);
      for (auto& t : found) {
        auto want = domain::glossary::fold(t.translation);
        ++score.expected;
        score.hits_before += folded_plain.find(want) != std::string::npos;
        score.hits_after += folded_with.find(want) != std::string::npos;
      }
    }
    w.begin_object()
        .field("pair", langs[s] + "-" + langs[r])
        .field("sentences", static_cast<int64_t>(score.sentences))
        .field("failed", static_cast<int64_t>(score.failed))
        .field("terms_expected", static_cast<int64_t>(score.expected))
        .field("term_hits_without", static_cast<int64_t>(score.hits_before))
        .field("term_hits_with", static_cast<int64_t>(score.hits_after))
        .field("chrf_without", score.before.score())
        .field("chrf_with", score.after.score())
        .end_object();
  }
  w.end_array().end_object();
  std::cout << std::move(w).str() << '\n';
  caf::anon_send_exit(tr, caf::exit_reason::user_shutdown);
  return 0;
}
