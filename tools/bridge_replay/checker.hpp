// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bridge::replay {

/// `text` with the marker that identifies message `marker` of the run
/// tagged `tag` in what the partner receives (" #r<tag>.<marker>" at the
/// end). The tag tells this run's messages from a late earlier run's.
std::string with_marker(const std::string& text, std::string_view tag,
                        int64_t marker);

/// A marker read back from a delivered text; `tag` views that text.
struct marker_ref {
  std::string_view tag;
  int64_t marker = 0;
};

/// The marker at the end of a delivered text, if any; a copy delivered
/// untranslated has it before the engine's "(not translated)" note.
std::optional<marker_ref> find_marker(std::string_view text);

/// A message the runner sent and whose copy it expects at the partner.
struct sent_message {
  int64_t marker = 0;
  int64_t writer = 0;
  int64_t recipient = 0;
  /// The partner's copy exactly: "<WriterName>: [<lang>] <text> #r<marker>"
  /// with the fake translator.
  std::string expected_text;
  /// What any translator keeps: "<WriterName>: ".
  std::string expected_prefix;
  int64_t sent_ms = 0;
  /// When the schedule said to send it (unix ms); 0: unscheduled.
  int64_t due_ms = 0;
};

/// How one message the bot sent was judged.
enum class verdict : uint8_t {
  delivered,
  /// Delivered, but after a later message of the same conversation.
  reordered,
  duplicate,
  wrong_chat,
  /// Delivered to the right chat with an unexpected text.
  mistranslated,
  /// Carries a marker of this run the runner never sent.
  unknown_marker,
  /// Carries another run's marker: that run's late traffic, not this one's.
  foreign_marker,
  /// An answer to a command, a switch or hostile input of that chat.
  expected_reply,
  /// "Your message is queued": slow, not wrong.
  queued_notice,
  unexpected_reply,
};

const char* to_string(verdict v);

/// Counters of everything judged so far.
struct check_counts {
  int64_t sent = 0;
  int64_t cancelled = 0;
  int64_t delivered = 0;
  int64_t reordered = 0;
  int64_t duplicated = 0;
  int64_t wrong_chat = 0;
  int64_t mistranslated = 0;
  int64_t unknown_marker = 0;
  int64_t foreign_markers = 0;
  int64_t expected_replies = 0;
  int64_t queued_notices = 0;
  int64_t unexpected_replies = 0;
};

/// End-to-end latency of one delivered message, stamped when it arrived.
struct latency_sample {
  int64_t at_ms = 0;
  /// From the message's due time (`time_delivery`).
  int64_t latency_ms = 0;
  /// Who wrote it and who read it, to find the slow conversations.
  int64_t writer = 0;
  int64_t recipient = 0;
  /// From the message's actual send.
  int64_t from_send_ms = 0;
};

/// Judges what the bot sent against what the runner sent: every message
/// reaches its partner exactly once, in order per conversation (writer to
/// recipient), translated; any other message is a reply the input allowed
/// or an unexpected one. Pure and single-threaded; the runner locks it.
class delivery_checker {
public:
  /// `tag`: this run's marker tag. `exact_text`: compare whole texts (the
  /// fake translator); otherwise only the writer's name and the marker.
  explicit delivery_checker(std::string tag, bool exact_text = true)
      : tag_(std::move(tag)), exact_(exact_text) {}

  /// Registers `m` before it is injected (its copy may arrive before the
  /// injection returns). Calls for one writer come in the order written.
  void expect(sent_message m);

  /// The injection of `marker` failed: nothing is expected.
  void cancel(int64_t marker);

  /// Chat `chat` may receive `n` more messages without a marker.
  void allow_replies(int64_t chat, int n);

  /// Judges one message the bot sent to `chat` at `at_ms`.
  verdict observe(int64_t chat, std::string_view text, int64_t at_ms);

  const check_counts& counts() const { return counts_; }
  /// Expected and not (yet) delivered.
  int64_t pending() const {
    return counts_.sent - counts_.cancelled - counts_.delivered;
  }
  const std::vector<latency_sample>& samples() const { return samples_; }
  /// Unexpected replies by what the bot said ("rate_limited", "other").
  const std::map<std::string, int64_t>& reply_kinds() const { return kinds_; }
  /// Up to `max` markers still pending, smallest first.
  std::vector<int64_t> missing(size_t max) const;

private:
  struct entry {
    sent_message msg;
    /// Position in its conversation.
    int64_t order = 0;
    int copies = 0;
    bool cancelled = false;
  };

  using conversation_key = std::pair<int64_t, int64_t>;

  std::string tag_;
  bool exact_;
  check_counts counts_;
  std::unordered_map<int64_t, entry> sent_;
  std::map<conversation_key, int64_t> next_order_;
  /// The highest position delivered so far per conversation.
  std::map<conversation_key, int64_t> high_water_;
  std::unordered_map<int64_t, int> allowance_;
  std::vector<latency_sample> samples_;
  std::map<std::string, int64_t> kinds_;
};

/// Names the bot's own sentence in `text` ("queued", "rate_limited",
/// "daily_limit_reached", ...), or "other".
std::string reply_kind(std::string_view text);

} // namespace bridge::replay
