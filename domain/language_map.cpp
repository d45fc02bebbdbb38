// SPDX-License-Identifier: Apache-2.0
#include "domain/language_map.hpp"

#include <algorithm>
#include <set>

namespace bridge::domain {

language_map::language_map(const std::vector<direction>& directions) {
  for (const auto& d : directions)
    if (!d.source.empty() && !d.target.empty() && d.source != d.target)
      pairs_[{d.source, d.target}] = d.via;
}

std::vector<std::string> language_map::languages() const {
  std::set<std::string> out;
  for (const auto& [p, via] : pairs_)
    if (pairable(p.first, p.second))
      out.insert(p.first);
  return {out.begin(), out.end()};
}

bool language_map::pairable(const std::string& a, const std::string& b) const {
  if (a.empty() || b.empty())
    return false;
  return a == b || (pairs_.count({a, b}) != 0 && pairs_.count({b, a}) != 0);
}

std::vector<std::string> language_map::partners(const std::string& lang) const {
  std::set<std::string> out;
  for (const auto& [p, via] : pairs_)
    if (p.first == lang && pairable(lang, p.second))
      out.insert(p.second);
  if (!out.empty())
    out.insert(lang);
  return {out.begin(), out.end()};
}

std::vector<std::string> language_map::via(const std::string& a,
                                           const std::string& b) const {
  auto it = pairs_.find({a, b});
  return it == pairs_.end() ? std::vector<std::string>{} : it->second;
}

} // namespace bridge::domain
