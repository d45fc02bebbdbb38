// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "messages/translator.hpp"

namespace bridge::translation {

/// The directions a backend translates directly, as a directed graph of
/// languages, and the routes through it: a text goes from one language to
/// another along the shortest chain of direct directions (English to
/// Portuguese through Spanish). Pure; built once at start.
class language_graph {
public:
  /// Longest route taken by default: each hop through a rule-based
  /// translator loses meaning, and past three what arrives is not worth
  /// reading.
  static constexpr size_t default_max_hops = 3;

  /// The graph of `direct` directions; pairs of a language with itself,
  /// empty codes and repeats are left out. Routes longer than `max_hops`
  /// are not taken (0 means no limit).
  explicit language_graph(const std::vector<language_pair>& direct,
                          size_t max_hops = default_max_hops);

  /// The languages on the shortest route from `from` to `to`, both ends
  /// included (`{"en", "es", "pt"}`): one hop per neighbouring two. Among
  /// routes of the same length, the one whose languages, read from
  /// `from`, come first alphabetically, so a route never depends on the
  /// order the modes were found in. `{from}` when both are the same known
  /// language; nothing when either is unknown or no route is short enough.
  std::optional<std::vector<std::string>> route(const std::string& from,
                                                const std::string& to) const;

  /// Whether two people writing `a` and `b` can talk: a route each way.
  bool pairable(const std::string& a, const std::string& b) const;

  /// The languages pairable with `lang` (not itself), sorted.
  std::vector<std::string> partners(const std::string& lang) const;

  /// Every pairable pair in both directions, sorted, each with the
  /// pivots of its route in `via`.
  std::vector<language_pair> pairable_pairs() const;

  /// Every language a direct direction starts or ends at, sorted.
  std::vector<std::string> languages() const;

  bool empty() const { return edges_.empty(); }

private:
  /// How the search reached a language: its hops from the start and the
  /// language before it on its route.
  struct step {
    size_t hops = 0;
    std::string parent;
  };
  using tree = std::map<std::string, step>;

  /// Every language `from` reaches within the hop limit, breadth first
  /// over targets in alphabetical order: each level is then visited in
  /// the alphabetical order of the routes leading to it, so the first
  /// parent found for a language is that of its smallest route.
  tree search(const std::string& from) const;

  /// The route to `to` in a tree searched from `from`.
  static std::vector<std::string> walk(const tree& t, const std::string& from,
                                       const std::string& to);

  /// Outgoing directions, targets sorted (the tie-break rests on it).
  std::map<std::string, std::vector<std::string>> edges_;
  size_t max_hops_;
};

} // namespace bridge::translation
