// SPDX-License-Identifier: Apache-2.0
#include "translator/language_graph.hpp"

#include <algorithm>
#include <deque>
#include <set>

namespace bridge::translation {

language_graph::language_graph(const std::vector<language_pair>& direct,
                               size_t max_hops)
    : max_hops_(max_hops) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& p : direct) {
    if (p.source.empty() || p.target.empty() || p.source == p.target)
      continue;
    out[p.source].insert(p.target);
    out[p.target]; // a language reached only as a target is still known
  }
  for (auto& [lang, targets] : out)
    edges_[lang].assign(targets.begin(), targets.end());
}

language_graph::tree language_graph::search(const std::string& from) const {
  tree t;
  if (edges_.count(from) == 0)
    return t;
  t[from] = step{0, {}};
  std::deque<std::string> todo{from};
  while (!todo.empty()) {
    auto at = std::move(todo.front());
    todo.pop_front();
    auto hops = t[at].hops;
    if (max_hops_ != 0 && hops >= max_hops_)
      continue;
    for (const auto& next : edges_.at(at))
      if (t.emplace(next, step{hops + 1, at}).second)
        todo.push_back(next);
  }
  return t;
}

std::vector<std::string> language_graph::walk(const tree& t,
                                              const std::string& from,
                                              const std::string& to) {
  std::vector<std::string> path{to};
  while (path.back() != from)
    path.push_back(t.at(path.back()).parent);
  std::reverse(path.begin(), path.end());
  return path;
}

std::optional<std::vector<std::string>>
language_graph::route(const std::string& from, const std::string& to) const {
  auto t = search(from);
  if (t.count(to) == 0)
    return std::nullopt;
  return walk(t, from, to);
}

bool language_graph::pairable(const std::string& a,
                              const std::string& b) const {
  return a != b && search(a).count(b) != 0 && search(b).count(a) != 0;
}

std::vector<std::string>
language_graph::partners(const std::string& lang) const {
  std::vector<std::string> out;
  for (const auto& [other, s] : search(lang))
    if (other != lang && search(other).count(lang) != 0)
      out.push_back(other);
  return out;
}

std::vector<language_pair> language_graph::pairable_pairs() const {
  std::map<std::string, tree> all;
  for (const auto& [lang, targets] : edges_)
    all[lang] = search(lang);
  std::vector<language_pair> out;
  for (const auto& [a, reached] : all)
    for (const auto& [b, s] : reached) {
      if (a == b || all[b].count(a) == 0)
        continue;
      auto path = walk(reached, a, b);
      language_pair p{a, b};
      p.via.assign(path.begin() + 1, path.end() - 1);
      out.push_back(std::move(p));
    }
  return out; // sorted: both maps iterate in order
}

std::vector<std::string> language_graph::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, targets] : edges_)
    out.push_back(lang);
  return out;
}

} // namespace bridge::translation
