// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/glossary.hpp"
#include "messages/storage_glossary.hpp"
#include "messages/translator.hpp"

namespace bridge {

/// A team's active glossary as storage had it, with a matcher per
/// direction built on first use (a conversation translates two).
class team_glossary {
public:
  explicit team_glossary(std::vector<glossary_row> rows);

  /// The terms of `text` for a translation from `src` to `dst`: entries
  /// from `src` to `dst` as written, entries from `dst` to `src` read the
  /// other way round. Each term once, however often it occurs; the
  /// strings are shared with every other message of the direction.
  glossary_terms terms_in(std::string_view text, const std::string& src,
                          const std::string& dst) const;

  const std::vector<glossary_row>& rows() const { return rows_; }

private:
  /// One direction's matcher, and its terms as translations take them
  /// (in the matcher's order).
  struct direction {
    std::shared_ptr<const domain::glossary::matcher> matcher;
    std::shared_ptr<const glossary_terms::table> terms;
  };

  /// Built once under the lock, never changed after: the reference stays
  /// valid and readable without the lock for the glossary's life.
  const direction& direction_for(const std::string& src,
                                 const std::string& dst) const;

  std::vector<glossary_row> rows_;
  mutable std::mutex mutex_;
  mutable std::map<std::pair<std::string, std::string>, direction> directions_;
};

/// Teams' glossaries this engine read lately, shared by its
/// conversations so that a message costs no database round trip for its
/// team's terms. Writes through this engine forget the team at once (the
/// pool's change hook); a write through another engine is forgotten when
/// its news arrives on Redis (the cache's invalidation feed), and in any
/// case when the copy expires after `ttl`. A read that missed takes a ticket
/// first and its answer is kept only if nothing was forgotten since, so an
/// answer read before a change never outlives the change. Thread-safe.
class glossary_memo {
public:
  /// `capacity` teams at most; `now_ms` injected for tests.
  glossary_memo(size_t capacity, std::chrono::milliseconds ttl,
                std::function<int64_t()> now_ms = {});

  std::shared_ptr<const team_glossary> find(int64_t manager_id);
  uint64_t reserve() const;
  void fill(int64_t manager_id, std::shared_ptr<const team_glossary> g,
            uint64_t ticket);
  void forget(int64_t manager_id);
  /// Every team: news that may have named any was lost.
  void forget_all();

private:
  struct entry {
    std::shared_ptr<const team_glossary> glossary;
    int64_t expires_at_ms = 0;
  };

  int64_t now_ms() const;

  const size_t capacity_;
  const std::chrono::milliseconds ttl_;
  const std::function<int64_t()> now_ms_;
  mutable std::mutex mutex_;
  uint64_t generation_ = 0;
  std::unordered_map<int64_t, entry> teams_;
};

} // namespace bridge
