// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bridge::domain {

/// A line of translation context: who wrote what, in which language.
struct context_entry {
  uint8_t from_worker = 0;
  std::string lang;
  std::string text;
};

/// One message of a conversation as the ordering logic sees it.
struct pipeline_entry {
  int64_t seq = 0;
  /// The update that carried it; the key for de-duplicating replays.
  int64_t update_id = 0;
  /// 0 = written by the manager, 1 = by the worker.
  uint8_t from_worker = 0;
  std::string text;
  std::string source_lang;
  std::string target_lang;
  /// Context as it stood at admission; handed out when it starts.
  std::vector<context_entry> context;
  /// Filled when translation ends.
  std::string translation;
  bool translated_ok = false;
  std::string failure;
  /// Stages, in order; each only ever moves forward.
  enum class stage : uint8_t {
    waiting,     // admitted, no translation slot yet
    translating, // asked the translator
    translated,  // answer in, waiting for its turn
    persisting,  // its row is being written
    persisted,   // durable; may be delivered
    dropped,     // will never be stored (refused or parked): skipped
  } at = stage::waiting;
};

/// The ordering heart of a conversation: numbers messages, lets up to
/// `max_in_flight` translations run at once, and releases them for
/// persisting and then for delivery strictly in sequence, whatever order
/// the translations finish in. Keeps the last `context_length` originals
/// as context for the next translations. Pure; the conversation actor
/// drives it.
class pipeline {
public:
  pipeline(size_t max_in_flight, size_t context_length, size_t queue_limit,
           int64_t next_seq)
      : max_in_flight_(max_in_flight), context_length_(context_length),
        queue_limit_(queue_limit), next_seq_(next_seq) {}

  /// Admits a message, numbering it. Nullopt when the queue is full.
  std::optional<int64_t> admit(int64_t update_id, uint8_t from_worker,
                               std::string text, std::string source_lang,
                               std::string target_lang);

  /// Messages that may start translating now (moved to `translating`),
  /// each with the context as it stood when it was admitted.
  struct start {
    int64_t seq;
    std::vector<context_entry> context;
  };
  std::vector<start> startable();

  /// A translation ended. False when `seq` is unknown or not translating
  /// (a late or duplicate answer, ignored).
  bool translated(int64_t seq, bool ok, std::string text, std::string failure);

  /// The next messages, in sequence, whose translation is in and whose
  /// predecessors are all persisted: write them now, as one write. None
  /// while a write is out.
  std::vector<int64_t> persistable();

  /// A message's row is durable.
  void persisted(int64_t seq);

  /// Persisting failed; the message goes back to `translated` to be tried
  /// again by the next `persistable`.
  void persist_failed(int64_t seq);

  /// The message will never be stored (storage refused it for good, or it
  /// was parked): the messages after it go on without it, and it leaves
  /// the pipeline undelivered. False when `seq` is not translated or being
  /// written.
  bool abandon(int64_t seq);

  /// Whether the message of `update_id` is in the pipeline (a replayed or
  /// swept update that is already being handled).
  bool has_update(int64_t update_id) const;

  /// The next persisted messages, in sequence, to hand to the sender; they
  /// leave the pipeline (abandoned ones with them, not handed out).
  std::vector<pipeline_entry> deliverable();

  const pipeline_entry* find(int64_t seq) const;

  size_t size() const { return entries_.size(); }
  size_t in_flight() const { return in_flight_; }
  int64_t next_seq() const { return next_seq_; }
  bool idle() const { return entries_.empty(); }
  /// Whether every message admitted is stored (or dropped): nothing left
  /// whose route or row could still change.
  bool all_stored() const {
    for (const auto& e : entries_)
      if (e.at != pipeline_entry::stage::persisted
          && e.at != pipeline_entry::stage::dropped)
        return false;
    return true;
  }

  /// Seeds the context (on reactivation, from the stored history).
  void seed_context(std::vector<context_entry> lines);

  const std::vector<context_entry>& context() const { return context_; }

private:
  pipeline_entry* lookup(int64_t seq);

  size_t max_in_flight_;
  size_t context_length_;
  size_t queue_limit_;
  int64_t next_seq_;
  size_t in_flight_ = 0;
  // Vectors, not deques: an idle conversation's empty vectors allocate
  // nothing, and memory per conversation is what bounds how many stay
  // active. Both stay short (in-flight messages; the context length).
  /// In sequence order; the front is the oldest not yet delivered.
  std::vector<pipeline_entry> entries_;
  /// The last `context_length_` originals, oldest first.
  std::vector<context_entry> context_;
};

} // namespace bridge::domain
