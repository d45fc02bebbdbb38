// SPDX-License-Identifier: Apache-2.0
// The cost of a team's glossary per message: finding its terms in the text
// (what every conversation does before it asks the translator), and the
// placeholders the Apertium backend puts in and takes out around the
// translation. A glossary of `--terms` entries (one, two and three words,
// diacritics, a few sharing their first word), texts of a typical length
// and of Telegram's longest, a term every `--term-every` words. Prints JSON.

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "actors/team_glossary.hpp"
#include "common/json_writer.hpp"
#include "domain/glossary.hpp"

using namespace bridge;

namespace {

const std::vector<std::string> words{
    "please", "send",    "the",      "report",   "before", "noon",  "and",
    "check",  "whether", "crew",     "finished", "their",  "shift", "at",
    "gate",   "two",     "tomorrow", "we",       "need",   "more",  "boxes",
    "café",   "señal",   "über",     "ação",     "déjà",   "vu",    "on",
};

/// `n` made-up terms: none is a common word, some share a first word, a
/// third are two or three words long.
std::vector<glossary_row> make_terms(size_t n) {
  std::vector<glossary_row> rows;
  for (size_t i = 0; i < n; ++i) {
    glossary_row r;
    r.id = static_cast<int64_t>(i + 1);
    r.source_lang = "en";
    r.target_lang = "es";
    std::string t = "termé" + std::to_string(i);
    if (i % 3 == 1)
      t = "unit" + std::to_string(i % 17) + " part" + std::to_string(i);
    if (i % 3 == 2)
      t = "línea" + std::to_string(i % 11) + " " + "stage"
          + std::to_string(i % 5) + " ñ" + std::to_string(i);
    r.term = t;
    r.term_key = domain::glossary::key(t);
    r.translation = "traducción " + std::to_string(i);
    r.proposer_id = 1;
    r.status = "active";
    rows.push_back(std::move(r));
  }
  return rows;
}

/// A text of about `chars` bytes: ordinary words with a glossary term
/// every `every` words.
std::string make_text(size_t chars, size_t every,
                      const std::vector<glossary_row>& terms,
                      std::mt19937& rng) {
  std::string out;
  size_t k = 0;
  while (out.size() < chars) {
    if (!out.empty())
      out += ' ';
    if (every > 0 && ++k % every == 0)
      out += terms[rng() % terms.size()].term;
    else
      out += words[rng() % words.size()];
    if (rng() % 9 == 0)
      out += ',';
  }
  out.resize(chars);
  return out;
}

template <class F> double ns_per_call(F&& f, int64_t calls) {
  // The best of five rounds: what the code costs, not the neighbours.
  double best = 1e300;
  for (int round = 0; round < 5; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < calls; ++i)
      f(i);
    auto ns = std::chrono::duration<double, std::nano>(
                  std::chrono::steady_clock::now() - t0)
                  .count();
    best = std::min(best, ns / static_cast<double>(calls));
  }
  return best;
}

size_t sink = 0;

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"glossary matching cost per message"};
  int64_t n_terms = 200;
  int64_t every = 12;
  int64_t calls = 20000;
  app.add_option("--terms", n_terms)->check(CLI::Range(1, 1000));
  app.add_option("--term-every", every, "a term every N words (0: none)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--calls", calls)->check(CLI::Range(100, 10'000'000));
  CLI11_PARSE(app, argc, argv);

  std::mt19937 rng{42};
  auto rows = make_terms(static_cast<size_t>(n_terms));
  team_glossary team{rows};
  // Built once per glossary and direction, on the first message after a
  // change: measured apart.
  auto build_ns = ns_per_call(
      [&](int64_t) {
        std::vector<domain::glossary::term> t;
        for (auto& r : rows)
          t.push_back({r.term, r.translation});
        domain::glossary::matcher m{std::move(t)};
        sink += m.terms().size();
      },
      std::max<int64_t>(calls / 100, 10));
  json::writer w;
  w.begin_object()
      .field("bench", "glossary")
      .field("terms", n_terms)
      .field("term_every_words", every)
      .field("matcher_build_ns", build_ns)
      .key("texts")
      .begin_array();
  for (size_t chars : {size_t{100}, size_t{4096}}) {
    std::vector<std::string> texts;
    for (int i = 0; i < 64; ++i)
      texts.push_back(make_text(chars, static_cast<size_t>(every), rows, rng));
    std::vector<std::string> plain;
    for (int i = 0; i < 64; ++i)
      plain.push_back(make_text(chars, 0, rows, rng));
    auto per = std::max<int64_t>(calls / (chars > 1000 ? 20 : 1), 100);
    auto find_ns = ns_per_call(
        [&](int64_t i) {
          sink += team.terms_in(texts[static_cast<size_t>(i) % 64], "en", "es")
                      .size();
        },
        per);
    auto miss_ns = ns_per_call(
        [&](int64_t i) {
          sink += team.terms_in(plain[static_cast<size_t>(i) % 64], "en", "es")
                      .size();
        },
        per);
    // The Apertium path: the few terms found, protected and restored.
    auto terms = team.terms_in(texts[0], "en", "es");
    std::vector<domain::glossary::term> found;
    for (auto& t : terms)
      found.push_back({t.term, t.translation});
    domain::glossary::matcher few{found};
    auto placeholders_ns = ns_per_call(
        [&](int64_t i) {
          auto p = domain::glossary::protect(
              few, texts[static_cast<size_t>(i) % 64]);
          sink += domain::glossary::restore(p.text, p.replacements).size();
        },
        per);
    size_t hits = 0;
    for (auto& t : texts)
      hits += domain::glossary::matcher{found}.find(t).size();
    w.begin_object()
        .field("chars", static_cast<int64_t>(chars))
        .field("terms_found_ns", find_ns)
        .field("no_terms_ns", miss_ns)
        .field("apertium_placeholders_ns", placeholders_ns)
        .field("distinct_terms_in_first_text",
               static_cast<int64_t>(terms.size()))
        .field("share_of_200us_message_pct", find_ns / 200'000.0 * 100.0)
        .end_object();
    sink += hits;
  }
  w.end_array().field("sink", static_cast<int64_t>(sink % 7)).end_object();
  std::cout << std::move(w).str() << '\n';
  return 0;
}
