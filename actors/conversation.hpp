// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/idle_watch.hpp"
#include "actors/team_glossary.hpp"
#include "common/clock.hpp"
#include "config/defaults.hpp"

#include "domain/album.hpp"
#include "domain/pipeline.hpp"
#include "messages/conversation.hpp"
#include "messages/sender.hpp"
#include "messages/storage.hpp"
#include "messages/translator.hpp"

namespace bridge {

/// Translation ids of edits: apart from message sequence numbers.
constexpr uint64_t conversation_edit_id_base = uint64_t{1} << 62;

/// Appends `original` to a partner's copy as an expandable quote.
void add_original(outbound& out, const std::string& original);

/// The context lines a translation request carries.
std::vector<context_line>
to_context(const std::vector<domain::context_entry>& entries);

/// What every conversation needs: the rooms it talks to and its limits.
struct conversation_options {
  db_actor db;
  translator_actor translator;
  sender_actor sender;
  size_t context_length = defaults::conversation::context_length;
  size_t max_in_flight = defaults::conversation::max_in_flight;
  size_t queue_limit = defaults::conversation::queue_limit;
  std::chrono::seconds passivation_timeout =
      defaults::conversation::passivation_timeout;
  /// Pause before a failed message write is tried again.
  std::chrono::milliseconds persist_retry{500};
  /// Tries to store a message while the database answers others, before
  /// it is parked (see `defaults::conversation::persist_attempts`).
  uint32_t persist_attempts = defaults::conversation::persist_attempts;
  /// The partner sees "typing" once the first translation of a burst has
  /// taken this long; quicker ones arrive without it, which spares a Bot
  /// API call per message (0: at once, always).
  std::chrono::milliseconds typing_delay = defaults::conversation::typing_delay;
  /// Where the conversation reads time (its passivation timer).
  bridge::clock clock;
  /// How long the items of an album are gathered after the first arrives,
  /// at most (Telegram sends them in one burst; the first item of another
  /// message ends the wait at once).
  std::chrono::milliseconds album_wait{1500};
  /// The lease of the partition this pair's team belongs to: every write
  /// it makes carries it (messages/cluster.hpp).
  fence_token fence;
  /// Teams' glossaries, shared by the engine's conversations; unset:
  /// translations carry no terms.
  std::shared_ptr<glossary_memo> glossaries;
};

/// The actor that owns one manager-worker pair. It numbers each message,
/// keeps the last few as translation context, lets several translations
/// run at once, and stores and delivers strictly in sequence (the pure
/// `domain::pipeline` decides; this actor wires it to the translator, the
/// pool and the sender). A translation that fails is delivered in the
/// writer's words with a note, and the writer is told: nothing is dropped.
struct conversation_state {
  static inline const char* name = "conversation";

  explicit conversation_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(int64_t manager_id, int64_t worker_id,
                              caf::actor registry,
                              std::shared_ptr<const conversation_options> opts);

private:
  /// What the pipeline does not keep about a message.
  struct meta {
    int64_t seq = 0;
    partner_kind kind = partner_kind::text;
    int64_t message_id = 0;
    int64_t task_id = 0;
    std::string writer_name;
    std::string partner_name;
    std::string writer_lang;
    int64_t received_ns = 0;
    bool told_queued = false;
    /// Translations the text went through (more than 1: a pivot).
    uint32_t hops = 0;
    /// The fallback backend translated it (translator.fallback).
    bool fallback = false;
    /// The reader's /original setting, as the writer's session read it.
    std::string reader_original;
    /// The partner's copy, written to the outbox with the message.
    std::optional<outbound> copy;
    /// The outbox had that copy already, sent or given up on (a replayed
    /// update): not sent again. A copy stored before and still pending is
    /// sent (the sender holds each row once).
    bool copy_settled = false;
    /// When the translation failed: the writer's notice, written with it.
    std::optional<outbound> notice;
    bool notice_settled = false;
    /// Media: its kind, the writer's chat and the message(s) copied (an
    /// album's items in order), and the album's other updates, finished
    /// with the first.
    std::string media_kind;
    int64_t from_chat_id = 0;
    std::vector<int64_t> source_ids;
    std::vector<int64_t> album_updates;
  };

  /// A message the partner has, for edits: where its copy is.
  struct delivered {
    int64_t source_message_id = 0;
    int64_t seq = 0;
    int64_t partner_message_id = 0;
    bool from_worker = false;
  };

  /// An edit waiting for its translation.
  struct pending_edit {
    uint64_t id = 0;
    delivered target;
    std::string text;
    std::string source_lang;
    std::string target_lang;
    std::string writer_name;
    /// The reader's /original setting, as the writer's session read it.
    std::string reader_original;
  };

  void on_text(partner_text& t);
  /// Numbers `t` and starts it on its way; an album's other items are
  /// `album` (their updates are finished with it).
  void admit_text(partner_text& t, const std::vector<partner_text>& album);
  // Media (conversation_media.cpp).
  /// Holds an album's item until the album is whole.
  void gather(partner_text& t);
  /// Admits the album held, if any, before anything after it.
  void release_album();
  void admit_album(domain::album<partner_text>& a);
  void on_album_due();
  /// The partner's copy of a media message.
  outbound media_copy(const domain::pipeline_entry& e, const meta& m,
                      const std::string& body) const;
  void on_edit(partner_text& t);
  void finish_edit(pending_edit& e, translation_done& d);
  /// An edit that cannot be applied gives back what it was charged.
  void give_back_charge(const partner_text& t);
  void remember(const delivered& d);
  void on_translated(translation_done& d);
  void on_queued(const translation_queued& q);
  /// Starts what may start, stores what may be stored, delivers what may
  /// be delivered.
  void pump();
  /// Reads the pair's row; opened() or open_failed() follows.
  void open();
  void opened(const conversation_record& c);
  /// Admits, in arrival order, what came while the conversation was not
  /// open, once its context is loaded (or failed to load).
  void admit_early();
  void open_failed(const caf::error& err);
  /// Answers the sessions waiting for every message to be stored, once
  /// it is (conversation_flush).
  void answer_flushes();
  /// Shows "typing" to the partner if message `seq` is still being
  /// translated.
  void show_typing(int64_t seq);
  void persist(const std::vector<int64_t>& seqs);
  // -- the team's glossary (conversation_glossary.cpp) ------------------------
  /// Whether translations may start: the team's glossary is known (or
  /// could not be read, and they go with what was known). Asks storage
  /// for it when the engine keeps no copy.
  bool glossary_ready();
  void load_glossary();
  /// The team's terms found in `text`, for a translation `src` -> `dst`.
  glossary_terms terms_for(const std::string& text, const std::string& src,
                           const std::string& dst) const;
  /// Stores a task's translation as the partner read it (for /tasks).
  void keep_task_translation(int64_t task_id, const domain::pipeline_entry& e);
  void persisted(const std::vector<int64_t>& seqs,
                 const std::vector<int64_t>& copied,
                 const message_put_result& r);
  /// A write of `seqs` failed: retried with backoff while the failure is
  /// transient, refused or parked (the messages behind go on) otherwise.
  void persist_failed(const std::vector<int64_t>& seqs, const caf::error& err);
  /// Message `seq` will never be stored: its writer is told in their
  /// language, its update finished (`parked`: kept for an operator), and
  /// the messages behind it go on.
  void give_up(int64_t seq, const caf::error& err, bool parked);
  /// Whether update `id` is held or was handled moments ago (a replay or
  /// a sweep of what this conversation works on).
  bool known_update(int64_t id) const;
  void remember_update(int64_t id);
  /// What the partner receives for `e`.
  outbound partner_copy(const domain::pipeline_entry& e, const meta& m) const;
  void deliver(const domain::pipeline_entry& e, meta& m);
  /// A bot note to `chat` about the message of `m`.
  outbound note(int64_t chat, const meta& m, std::string text,
                std::string key) const;
  void tell_writer(int64_t chat, const meta& m, std::string text,
                   std::string key);
  std::string message_key(int64_t update_id) const;
  /// Marks an update done in the inbox.
  void finish(int64_t update_id);
  void try_passivate();
  meta* find_meta(int64_t seq);

  int64_t writer_chat(bool from_worker) const {
    return from_worker ? worker_id_ : manager_id_;
  }
  int64_t partner_chat(bool from_worker) const {
    return from_worker ? manager_id_ : worker_id_;
  }

  caf::event_based_actor* self;
  std::shared_ptr<const conversation_options> opts_;
  /// The team's glossary as last read; a read is out; the last read
  /// failed (translations go on with what was known).
  std::shared_ptr<const team_glossary> glossary_;
  bool glossary_loading_ = false;
  bool glossary_degraded_ = false;
  caf::actor registry_;
  int64_t manager_id_ = 0;
  int64_t worker_id_ = 0;
  int64_t conversation_id_ = 0;
  std::optional<domain::pipeline> pipe_;
  std::vector<meta> meta_;
  /// The last few deliveries (edits of older messages are refused).
  std::vector<delivered> recent_;
  std::vector<pending_edit> edits_;
  uint64_t next_edit_ = 0;
  /// Requests out (message writes) that an idle stop must wait for.
  size_t writes_out_ = 0;
  bool retry_armed_ = false;
  /// Messages that arrived before the conversation was open.
  std::vector<partner_text> early_;
  uint32_t open_attempts_ = 0;
  /// Sessions waiting until every message given is stored.
  std::vector<caf::typed_response_promise<bool>> flush_waiters_;
  /// Failed write rounds in a row (the backoff's exponent), and those that
  /// count towards parking (the database answered, but not this write).
  uint32_t failed_rounds_ = 0;
  uint32_t counted_failures_ = 0;
  /// After a permanent failure of several messages: write one at a time,
  /// to find the one storage refuses.
  bool persist_one_ = false;
  /// Updates handled lately, newest last (at most `recent_update_limit`).
  std::vector<int64_t> recent_updates_;
  uint64_t handled_ = 0;
  /// The album being gathered, and whether its timer is set.
  domain::album_gatherer<partner_text> albums_{0};
  bool album_timer_ = false;
  /// Last activity, for passivation without a receive timeout.
  idle_watch idle_{self};
};

caf::behavior conversation(caf::stateful_actor<conversation_state>* self,
                           int64_t manager_id, int64_t worker_id,
                           caf::actor registry,
                           std::shared_ptr<const conversation_options> opts);

} // namespace bridge
