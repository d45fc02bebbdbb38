#pragma once

#include <string>
#include <unordered_set>

namespace bridge::telegram {

/// Keeps the outbox's two ways in from sending one row twice while the
/// rows a crash left pending are being resent.
///
/// At start the sender pages through the pending rows while live replies
/// keep arriving, and a live reply's row is pending until Telegram accepts
/// it: a later page can hold a row the live path already has, and a live
/// copy can be one a page already resent. Both ways `claim` a key before
/// queueing it; only the first claim wins. Once the last page is read
/// (`finish`), no page can come any more, the keys are dropped and every
/// claim wins, so the set lives only as long as the resume.
class resume_guard {
public:
  /// True when `key` may be queued: not resuming, or not claimed yet.
  bool claim(const std::string& key) {
    if (!resuming_)
      return true;
    return claimed_.insert(key).second;
  }

  /// The last page is read: nothing to guard against any more.
  void finish() {
    resuming_ = false;
    std::unordered_set<std::string>{}.swap(claimed_);
  }

  bool resuming() const { return resuming_; }

  /// Keys held (memory an operator may ask about).
  size_t size() const { return claimed_.size(); }

private:
  bool resuming_ = true;
  std::unordered_set<std::string> claimed_;
};

} // namespace bridge::telegram
