// SPDX-License-Identifier: Apache-2.0
#include "actors/team_glossary.hpp"

#include <algorithm>

namespace bridge {

// -- team_glossary ------------------------------------------------------------

team_glossary::team_glossary(std::vector<glossary_row> rows)
    : rows_(std::move(rows)) {}

const team_glossary::direction&
team_glossary::direction_for(const std::string& src,
                             const std::string& dst) const {
  std::lock_guard<std::mutex> guard{mutex_};
  auto& d = directions_[{src, dst}];
  if (!d.matcher) {
    std::vector<domain::glossary::term> terms;
    for (auto& r : rows_) {
      if (r.source_lang == src && r.target_lang == dst)
        terms.push_back({r.term, r.translation});
      else if (r.source_lang == dst && r.target_lang == src)
        terms.push_back({r.translation, r.term});
    }
    glossary_terms::table table;
    table.reserve(terms.size());
    for (auto& t : terms)
      table.push_back({t.text, t.translation});
    d.matcher =
        std::make_shared<const domain::glossary::matcher>(std::move(terms));
    d.terms = std::make_shared<const glossary_terms::table>(std::move(table));
  }
  return d;
}

glossary_terms team_glossary::terms_in(std::string_view text,
                                       const std::string& src,
                                       const std::string& dst) const {
  if (rows_.empty())
    return {};
  const auto& d = direction_for(src, dst);
  auto found = d.matcher->find(text);
  if (found.empty())
    return {};
  // Each term once, in the order of its first occurrence.
  std::vector<bool> seen(d.terms->size());
  std::vector<uint32_t> picked;
  picked.reserve(found.size());
  for (auto& f : found) {
    if (seen[f.term])
      continue;
    seen[f.term] = true;
    picked.push_back(static_cast<uint32_t>(f.term));
  }
  return {d.terms, std::move(picked)};
}

// -- glossary_memo ------------------------------------------------------------

glossary_memo::glossary_memo(size_t capacity, std::chrono::milliseconds ttl,
                             std::function<int64_t()> now_ms)
    : capacity_(capacity), ttl_(ttl), now_ms_(std::move(now_ms)) {}

int64_t glossary_memo::now_ms() const {
  if (now_ms_)
    return now_ms_();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::shared_ptr<const team_glossary> glossary_memo::find(int64_t manager_id) {
  std::lock_guard<std::mutex> guard{mutex_};
  auto it = teams_.find(manager_id);
  if (it == teams_.end())
    return nullptr;
  if (it->second.expires_at_ms <= now_ms()) {
    teams_.erase(it);
    return nullptr;
  }
  return it->second.glossary;
}

uint64_t glossary_memo::reserve() const {
  std::lock_guard<std::mutex> guard{mutex_};
  return generation_;
}

void glossary_memo::fill(int64_t manager_id,
                         std::shared_ptr<const team_glossary> g,
                         uint64_t ticket) {
  std::lock_guard<std::mutex> guard{mutex_};
  if (ticket != generation_ || capacity_ == 0)
    return;
  if (teams_.size() >= capacity_ && teams_.count(manager_id) == 0) {
    // Full: the expired go first, else any one (a copy is only a copy).
    auto now = now_ms();
    for (auto it = teams_.begin(); it != teams_.end();)
      it = it->second.expires_at_ms <= now ? teams_.erase(it) : std::next(it);
    if (teams_.size() >= capacity_)
      teams_.erase(teams_.begin());
  }
  teams_[manager_id] = {std::move(g), now_ms() + ttl_.count()};
}

void glossary_memo::forget(int64_t manager_id) {
  std::lock_guard<std::mutex> guard{mutex_};
  ++generation_;
  teams_.erase(manager_id);
}

void glossary_memo::forget_all() {
  std::lock_guard<std::mutex> guard{mutex_};
  ++generation_;
  teams_.clear();
}

} // namespace bridge
