// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <unordered_set>

namespace bridge::telegram {

/// The sender's memory of which outbox rows it holds, so that no row is
/// queued twice whichever way it comes in.
///
/// A row reaches the sender from the live path (a reply, a partner's copy),
/// from the resume at start, from the periodic sweep of rows left pending,
/// and again when a write whose answer was lost is retried. Each way
/// `claim`s the key first; only the first claim wins while the row is in
/// hand (queued, in flight, or waiting for its "sent" mark). Once its mark
/// is stored the key is `settle`d: remembered for a while, so that a page
/// read just before the mark committed does not send it again, then
/// forgotten (at most `remembered` keys, oldest first). Memory is bounded
/// by the rows in hand plus `remembered`.
class outbox_ledger {
public:
  explicit outbox_ledger(size_t remembered = 65'536)
      : remembered_(remembered) {}

  /// True when `key` may be queued now: not in hand and not settled
  /// recently. The key is then in hand.
  bool claim(const std::string& key) {
    if (settled_.count(key) > 0)
      return false;
    return in_hand_.insert(key).second;
  }

  /// The row's state is stored (sent or failed): out of hand, and
  /// remembered as settled.
  void settle(const std::string& key) {
    in_hand_.erase(key);
    if (remembered_ == 0 || !settled_.insert(key).second)
      return;
    order_.push_back(key);
    while (order_.size() > remembered_) {
      settled_.erase(order_.front());
      order_.pop_front();
    }
  }

  /// Out of hand without a stored state (the row was never written): a
  /// later claim wins.
  void release(const std::string& key) { in_hand_.erase(key); }

  bool in_hand(const std::string& key) const { return in_hand_.count(key) > 0; }

  bool settled(const std::string& key) const { return settled_.count(key) > 0; }

  /// Rows in hand (an operator's gauge; what a drain waits for).
  size_t in_hand_count() const { return in_hand_.size(); }

  size_t settled_count() const { return settled_.size(); }

private:
  size_t remembered_;
  std::unordered_set<std::string> in_hand_;
  std::unordered_set<std::string> settled_;
  /// Settled keys, oldest first, for forgetting.
  std::deque<std::string> order_;
};

} // namespace bridge::telegram
