// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

/// Gathering an album. Telegram delivers the items of one album (photos,
/// videos, documents sharing a `media_group_id`) as separate updates in a
/// quick burst; the partner should get them as one group, in order. The
/// gatherer holds one album at a time, bounded in items and in time, and
/// gives it back whole: when it is full, when its deadline passes, or when
/// anything else arrives (so the conversation's order holds). Time is
/// passed in (steady nanoseconds), never read.
namespace bridge::domain {

/// Most items an album can have (Telegram's own limit).
constexpr size_t max_album_items = 10;

/// An album as gathered: its id and its items in arrival order.
template <class Item> struct album {
  std::string group;
  std::vector<Item> items;
};

template <class Item> class album_gatherer {
public:
  /// `wait_ns`: how long after its first item an album is given back even
  /// if incomplete.
  explicit album_gatherer(int64_t wait_ns) : wait_ns_(wait_ns) {}

  /// Adds an item of album `group` at `now`. Returns what is complete
  /// now, in order: the album held before when `group` is another one,
  /// and this album when the item fills it.
  std::vector<album<Item>> add(std::string group, Item item, int64_t now) {
    std::vector<album<Item>> out;
    if (held_ && held_->group != group)
      out.push_back(take_held());
    if (!held_) {
      held_.emplace();
      held_->group = std::move(group);
      deadline_ = now + wait_ns_;
    }
    held_->items.push_back(std::move(item));
    if (held_->items.size() >= max_album_items)
      out.push_back(take_held());
    return out;
  }

  /// The album held, when its deadline has passed at `now`.
  std::optional<album<Item>> take_due(int64_t now) {
    if (!held_ || now < deadline_)
      return std::nullopt;
    return take_held();
  }

  /// The album held, whatever its state (something else arrived, or the
  /// owner stops).
  std::optional<album<Item>> take() {
    if (!held_)
      return std::nullopt;
    return take_held();
  }

  bool empty() const { return !held_; }

  /// Whether an item held satisfies `pred`.
  template <class Pred> bool holds(Pred pred) const {
    if (held_)
      for (const auto& item : held_->items)
        if (pred(item))
          return true;
    return false;
  }

  /// When the album held is due; meaningless when `empty()`.
  int64_t deadline() const { return deadline_; }

private:
  album<Item> take_held() {
    auto a = std::move(*held_);
    held_.reset();
    return a;
  }

  int64_t wait_ns_;
  std::optional<album<Item>> held_;
  int64_t deadline_ = 0;
};

} // namespace bridge::domain
