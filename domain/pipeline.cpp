// SPDX-License-Identifier: Apache-2.0
#include "domain/pipeline.hpp"

#include <algorithm>

namespace bridge::domain {

std::optional<int64_t> pipeline::admit(int64_t update_id, uint8_t from_worker,
                                       std::string text,
                                       std::string source_lang,
                                       std::string target_lang) {
  if (entries_.size() >= queue_limit_)
    return std::nullopt;
  pipeline_entry e;
  e.seq = next_seq_++;
  e.update_id = update_id;
  e.from_worker = from_worker;
  e.source_lang = std::move(source_lang);
  e.target_lang = std::move(target_lang);
  e.text = std::move(text);
  e.context = context_;
  if (context_length_ > 0) {
    if (context_.size() >= context_length_)
      context_.erase(context_.begin());
    context_.push_back({from_worker, e.source_lang, e.text});
  }
  entries_.push_back(std::move(e));
  return entries_.back().seq;
}

std::vector<pipeline::start> pipeline::startable() {
  std::vector<start> out;
  for (size_t i = 0; i < entries_.size() && in_flight_ < max_in_flight_; ++i) {
    auto& e = entries_[i];
    if (e.at != pipeline_entry::stage::waiting)
      continue;
    e.at = pipeline_entry::stage::translating;
    ++in_flight_;
    out.push_back({e.seq, std::move(e.context)});
    e.context = {};
  }
  return out;
}

pipeline_entry* pipeline::lookup(int64_t seq) {
  if (entries_.empty())
    return nullptr;
  auto first = entries_.front().seq;
  if (seq < first || seq >= first + static_cast<int64_t>(entries_.size()))
    return nullptr;
  return &entries_[static_cast<size_t>(seq - first)];
}

const pipeline_entry* pipeline::find(int64_t seq) const {
  return const_cast<pipeline*>(this)->lookup(seq);
}

bool pipeline::translated(int64_t seq, bool ok, std::string text,
                          std::string failure) {
  auto e = lookup(seq);
  if (e == nullptr || e->at != pipeline_entry::stage::translating)
    return false;
  e->at = pipeline_entry::stage::translated;
  e->translated_ok = ok;
  e->translation = std::move(text);
  e->failure = std::move(failure);
  --in_flight_;
  return true;
}

std::vector<int64_t> pipeline::persistable() {
  // Rows are written in sequence, one write at a time: a message waits
  // until every earlier one is written, and goes with everything
  // translated meanwhile. Two writes in flight could commit in either
  // order: a crash between them would leave a gap before a stored
  // message, and the outbox would number the later copy first (a resume
  // after a lost lease sends by that number).
  auto writing = [](const pipeline_entry& e) {
    return e.at == pipeline_entry::stage::persisting;
  };
  if (std::any_of(entries_.begin(), entries_.end(), writing))
    return {};
  std::vector<int64_t> out;
  for (auto& e : entries_) {
    if (e.at == pipeline_entry::stage::persisted
        || e.at == pipeline_entry::stage::dropped)
      continue;
    if (e.at != pipeline_entry::stage::translated)
      break;
    e.at = pipeline_entry::stage::persisting;
    out.push_back(e.seq);
  }
  return out;
}

void pipeline::persisted(int64_t seq) {
  if (auto e = lookup(seq); e && e->at == pipeline_entry::stage::persisting)
    e->at = pipeline_entry::stage::persisted;
}

void pipeline::persist_failed(int64_t seq) {
  if (auto e = lookup(seq); e && e->at == pipeline_entry::stage::persisting)
    e->at = pipeline_entry::stage::translated;
}

bool pipeline::abandon(int64_t seq) {
  auto e = lookup(seq);
  if (e == nullptr
      || (e->at != pipeline_entry::stage::translated
          && e->at != pipeline_entry::stage::persisting))
    return false;
  e->at = pipeline_entry::stage::dropped;
  return true;
}

bool pipeline::has_update(int64_t update_id) const {
  for (const auto& e : entries_)
    if (e.update_id == update_id)
      return true;
  return false;
}

std::vector<pipeline_entry> pipeline::deliverable() {
  std::vector<pipeline_entry> out;
  size_t n = 0;
  for (; n < entries_.size(); ++n) {
    auto at = entries_[n].at;
    if (at == pipeline_entry::stage::persisted)
      out.push_back(std::move(entries_[n]));
    else if (at != pipeline_entry::stage::dropped)
      break;
  }
  entries_.erase(entries_.begin(),
                 entries_.begin() + static_cast<ptrdiff_t>(n));
  if (entries_.empty())
    entries_.shrink_to_fit();
  return out;
}

void pipeline::seed_context(std::vector<context_entry> lines) {
  if (lines.size() > context_length_)
    lines.erase(lines.begin(),
                lines.end() - static_cast<ptrdiff_t>(context_length_));
  context_ = std::move(lines);
}

} // namespace bridge::domain
