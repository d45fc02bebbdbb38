// SPDX-License-Identifier: Apache-2.0
#include "cache/cache_actor.hpp"

#include <spdlog/spdlog.h>

#include "cache/keys.hpp"

/// How the cache forgets what writes changed: deletes in Redis, the
/// published news for the other engines' memos, and the deletes owed
/// since Redis went away, done before it is read again.
namespace bridge::cache {

// -- invalidation
// ---------------------------------------------------------------

void cache_state::invalidate(const cache_invalidate& x) {
  if (opts_.memo)
    for (auto id : x.profiles)
      opts_.memo->forget(id);
  std::vector<std::string> doomed;
  for (auto id : x.profiles)
    doomed.push_back(keys::profile(id));
  for (auto id : x.subscriptions)
    doomed.push_back(keys::subscription(id));
  for (auto& k : doomed)
    if (auto it = fills_.find(k); it != fills_.end())
      it->second.invalidated = true;
  // Fills of these keys on other instances lose their leases too.
  for (size_t i = 0, n = doomed.size(); i < n; ++i)
    doomed.push_back(keys::fill_lease(doomed[i]));
  for (auto& u : x.usage)
    doomed.push_back(keys::usage(u.manager_id, u.day));
  if (!opts_.enabled || (doomed.empty() && x.glossaries.empty()))
    return;
  if (up_) {
    std::vector<redis_command> cmds;
    if (!doomed.empty()) {
      cmds.push_back({"DEL"});
      cmds[0].insert(cmds[0].end(), doomed.begin(), doomed.end());
    }
    // The other engines' memos learn of it in the same round trip.
    if (!x.profiles.empty() || !x.glossaries.empty())
      cmds.push_back({"PUBLISH", std::string{keys::invalidation_channel},
                      encode_invalidation(x.profiles, x.glossaries)});
    auto r = redis_.pipeline(cmds);
    if (r && !r->front().is_error()) {
      counters_.invalidations += static_cast<int64_t>(doomed.size());
      return;
    }
    // A delete that did not happen must not leave a stale row readable:
    // stop using Redis until the delete is done on a fresh connection.
    went_down();
  }
  // A glossary's news is not kept for later: the other engines' copies
  // expire on their own (glossary.cache_ttl_s) while Redis is away.
  for (auto& k : doomed) {
    if (pending_deletes_.size() < opts_.max_pending_invalidations) {
      pending_deletes_.insert(std::move(k));
      continue;
    }
    if (!purge_needed_)
      spdlog::warn("cache: more than {} deletes wait for Redis; all cached "
                   "rows will be purged when it is back",
                   opts_.max_pending_invalidations);
    purge_needed_ = true;
    ++counters_.invalidations_overflow;
  }
}

// -- deletes owed
// ---------------------------------------------------------------

bool cache_state::restore() {
  // A server that accepts connections may still not answer (a stall):
  // only one that answers is used.
  auto pong = redis_.run({"PING"});
  if (!pong || pong->is_error()) {
    redis_.close();
    return false;
  }
  // Deletes missed while Redis was away go first: until they are done a
  // cached row may be stale.
  std::vector<std::string> keys(pending_deletes_.begin(),
                                pending_deletes_.end());
  for (size_t i = 0; i < keys.size(); i += delete_chunk) {
    redis_command del{"DEL"};
    auto end = std::min(keys.size(), i + delete_chunk);
    del.insert(del.end(), keys.begin() + static_cast<std::ptrdiff_t>(i),
               keys.begin() + static_cast<std::ptrdiff_t>(end));
    auto r = redis_.run(del);
    if (!r || r->is_error()) {
      redis_.close();
      return false;
    }
  }
  if (!publish_missed(keys)) {
    redis_.close();
    return false;
  }
  counters_.invalidations += static_cast<int64_t>(keys.size());
  pending_deletes_.clear();
  if (!purge_needed_)
    return true;
  int64_t purged = 0;
  for (auto pattern : keys::purge_patterns) {
    std::string cursor = "0";
    do {
      auto page = redis_.run({"SCAN", cursor, "MATCH", std::string{pattern},
                              "COUNT", std::to_string(delete_chunk)});
      if (!page || page->type != redis_reply::kind::array
          || page->elements.size() != 2) {
        redis_.close();
        return false;
      }
      cursor = page->elements[0].str;
      redis_command del{"DEL"};
      for (auto& k : page->elements[1].elements)
        del.push_back(k.str);
      if (del.size() > 1) {
        auto r = redis_.run(del);
        if (!r || r->is_error()) {
          redis_.close();
          return false;
        }
        purged += r->integer;
      }
    } while (cursor != "0");
  }
  auto all = redis_.run({"PUBLISH", std::string{keys::invalidation_channel},
                         encode_invalidate_all()});
  if (!all || all->is_error()) {
    redis_.close();
    return false;
  }
  spdlog::warn("cache: purged {} cached rows after lost invalidations", purged);
  purge_needed_ = false;
  return true;
}

bool cache_state::publish_missed(const std::vector<std::string>& deleted) {
  std::vector<int64_t> ids;
  for (auto& k : deleted)
    if (auto id = keys::profile_id(k))
      ids.push_back(*id);
  for (size_t i = 0; i < ids.size(); i += delete_chunk) {
    std::vector<int64_t> part(ids.begin() + static_cast<std::ptrdiff_t>(i),
                              ids.begin()
                                  + static_cast<std::ptrdiff_t>(
                                      std::min(ids.size(), i + delete_chunk)));
    auto r = redis_.run({"PUBLISH", std::string{keys::invalidation_channel},
                         encode_invalidation(part)});
    if (!r || r->is_error())
      return false;
  }
  return true;
}

} // namespace bridge::cache
