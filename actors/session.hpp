// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/result.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/idle_watch.hpp"
#include "config/defaults.hpp"

#include "cache/profile_memo.hpp"
#include "common/clock.hpp"
#include "domain/allowance.hpp"
#include "domain/glossary.hpp"
#include "domain/language_map.hpp"
#include "domain/profile.hpp"
#include "domain/registration.hpp"
#include "domain/texts.hpp"
#include "domain/window_limiter.hpp"
#include "messages/cache.hpp"
#include "messages/conversation.hpp"
#include "messages/sender.hpp"
#include "messages/stars.hpp"
#include "messages/storage.hpp"
#include "messages/translator.hpp"

namespace bridge {

/// What every session needs: the rooms it talks to and its limits.
struct session_options {
  db_actor db;
  cache_actor cache;
  /// Partners' profiles in memory (cache::profile_memo); unset: every
  /// read goes through the cache actor.
  std::shared_ptr<cache::profile_memo> profiles;
  sender_actor sender;
  /// Translates tasks for whoever reads them (/tasks, /daily); unset:
  /// tasks are shown as written.
  translator_actor translator;
  /// The session's only source of time: the UTC day, subscriptions, the
  /// daily summary's window and the rate limits.
  bridge::clock clock;
  /// Languages the translator can translate between, offered at sign-up.
  std::vector<std::string> languages;
  /// Who may be paired with whom, and which translations pivot; unset:
  /// anyone with anyone, all direct.
  std::shared_ptr<const domain::language_map> language_map;
  std::chrono::seconds passivation_timeout =
      defaults::session::passivation_timeout;
  int64_t updates_per_minute = defaults::session::updates_per_minute;
  int64_t code_attempts = defaults::session::code_attempts;
  std::chrono::seconds code_window = defaults::session::code_window;
  /// The failure budget all engines share (Redis), and what each keeps
  /// alone while Redis is down.
  int64_t code_failures_per_minute =
      defaults::session::code_failures_per_minute;
  /// A right code asks the manager (Accept/Decline) instead of joining.
  bool join_approval = defaults::session::join_approval;
  /// The bot's username (getMe), for the join link; empty: codes only.
  std::string bot_username;
  int64_t free_daily_messages = defaults::session::free_daily_messages;
  /// Free messages PostgreSQL charges per round trip (domain::allowance_lease).
  int64_t allowance_lease = defaults::session::allowance_lease;
  int64_t history_length = defaults::session::history_length;
  /// Terms a team's glossary may hold (glossary.max_terms).
  int64_t glossary_max_terms = defaults::glossary::max_terms;
  /// Longest text accepted from a user, in UTF-16 code units.
  size_t max_text = 4096;
  /// The lease of the partition this session's chat belongs to: every
  /// write it makes carries it (messages/cluster.hpp).
  fence_token fence;
  /// `cluster.partitions`: with a fence, an update of a chat whose team
  /// lives in another partition now is handed over, not handled.
  int32_t partitions = 0;
  /// Telegram Stars: the desk that makes invoice links, and the price of
  /// a 30-day subscription.
  stars_actor stars;
  int64_t subscription_stars = defaults::payments::subscription_stars;
};

/// How often a team must make the same correction before the bot
/// proposes it to the manager as a glossary entry (and /corrections lists
/// it). "The same" is the same original message (case and surrounding
/// blanks aside) in the same pair of languages, corrected to the same
/// wording; only pairs short enough to be a term are proposed
/// (`domain::glossary::fits_entry`).
constexpr int64_t repeats_to_propose = 2;

/// /glossary suggestions: the team's latest corrections (who, what the
/// translator wrote, the correction), worded in `lang`.
std::string glossary_suggestions_text(const std::vector<correction_brief>& rows,
                                      std::string_view lang);

/// A manager's glossary suggestions from repeated corrections, worded in
/// `lang` (a header and one line each, or that there are none yet).
std::string corrections_text(const std::vector<correction_suggestion>& rows,
                             std::string_view lang);

/// The actor that owns one Telegram chat: its registration state machine
/// (`domain::decide`), its commands, and the routing of plain text to the
/// conversation with the partner. It handles one update at a time (every
/// storage request is awaited), so a chat's updates take effect in order.
/// Its state lives in PostgreSQL (`session_put` after every change), so
/// it may stop when idle and be rebuilt on the next update.
struct session_state {
  static inline const char* name = "session";

  explicit session_state(caf::event_based_actor* self) : self(self) {}

  caf::behavior make_behavior(int64_t chat_id, caf::actor registry,
                              std::shared_ptr<const session_options> opts);

private:
  caf::behavior behavior();
  // -- the chat's order across waits (session_order.cpp) ----------------------
  /// Handles `u` now, or keeps it behind an update that waits.
  void take(tg_update& u);
  void handle(tg_update& u);
  /// Whether `u` changes where this user's messages go (/switch, a switch
  /// button, /reset) or the language they are read in (/language).
  bool changes_route(const tg_update& u) const;
  /// Holds `u` until the conversations given messages since the last such
  /// wait confirm them stored.
  void hold_for_flush(tg_update u);
  /// Asks one conversation to confirm its messages stored; try `attempt`.
  void await_flush(int64_t manager, int64_t worker,
                   std::shared_ptr<size_t> left, uint32_t attempt);
  /// Reads the state and profile the start could not, then handles `u`;
  /// while they cannot be read, `u` and the updates behind it wait and
  /// they are tried again after a pause.
  void load_then_handle(tg_update u);
  /// After a failed read of `load_then_handle`: whether `u` waits for
  /// another try (else it is handled with what the session knows).
  bool retry_load(const caf::error& err, tg_update& u);
  /// Whether this chat's team lives in another partition than the one
  /// this session runs for (it joined or left a team since).
  bool moved_out() const;
  /// The partition of this chat's team, as its profile says now.
  int32_t home_partition() const;
  /// Reads the chat's state again and handles `u` here, or hands it over
  /// when the chat's team lives in another partition now.
  void check_home(tg_update u);
  /// The second half of `check_home`, once the state is read.
  void recheck_profile(tg_update u);
  /// The part of `handle` after the checks of where `u` belongs.
  void handle_here(tg_update& u);
  /// Moves the chat's unfinished updates to its partition now; `u` is
  /// not handled here.
  void hand_over(const tg_update& u);
  void flushed(size_t& left);
  /// Handles the next waiting update, when nothing is waited for.
  void release_next();
  void on_done(int64_t update_id, bool ends_update);
  /// On a transient failure, arranges for the current update to be
  /// handled again after a pause; false when it is not worth it.
  bool try_again(const caf::error& err);
  void on_again();
  void note_forwarded(int64_t manager_id, int64_t worker_id);
  // -- intake -----------------------------------------------------------------
  void on_update(tg_update& u);
  /// Makes `u` the update being handled.
  void begin(tg_update& u);
  /// Only private chats: a group has many writers and no single partner.
  void refuse_group();
  /// Counts the update against the user's rate limit; false (and the user
  /// told once per window) when it is over.
  bool admit();
  /// A registered chat's edited text goes to the partner's copy.
  void on_edit();
  /// The update as the registration state machine sees it, or nothing
  /// when it was answered already (media, too long).
  std::optional<domain::reg_input> read_input();
  /// A message with media: routed to the partner, or the writer told why
  /// not.
  void on_media();
  void act(domain::reg_action action, const domain::reg_input& in);
  void on_note(const session_note& n);
  /// A partner reset (or was removed): the link is forgotten at once.
  void partner_left(const session_note& n);
  // -- replies and the end of updates (session_replies.cpp) -------------------
  /// The update (or note) `update_id` is fully handled: its held replies
  /// are written, with its "done" mark when `ends_update` and no
  /// conversation took it, in one transaction, after the writes before.
  void finish(int64_t update_id, bool ends_update);
  void write_next();
  void written(const reply_put_result& r);
  void write_failed(const caf::error& err);
  /// Whether update `id` is being handled, was forwarded or was finished
  /// lately (a replay, a repeated push or a sweep of it).
  bool known_update(int64_t id) const;
  void remember_update(int64_t id);
  void forget_update(int64_t id);
  void try_passivate();
  /// Gives back the allowance held, before the engine stops.
  caf::result<bool> drain();
  /// Back to an unregistered chat (the database was reset already).
  void forget_registration();

  // -- registration -----------------------------------------------------------
  void ask_role();
  void ask_language(bool again = false);
  void take_role(bool manager);
  void take_language(const std::string& lang);
  void take_code(const std::string& text);
  void look_up_code(const std::string& code);
  void repeat_question();
  void connect_to(const user_record& manager);
  /// Whether this worker and a manager writing `manager_lang` can read
  /// each other's messages.
  bool can_pair(const std::string& manager_lang) const;
  /// Refuses a join across languages that cannot be translated into each
  /// other: the worker is asked for one that can, the manager told.
  void refuse_join(const user_record& manager);

  // -- joining and leaving (session_join.cpp) ---------------------------------
  /// `id`'s wording of the manager's code, with the join link when the
  /// bot's username is known.
  std::string code_text(domain::text_id id) const;
  /// `/start <payload>`: a deep link. A newcomer registers as a worker
  /// (only the language is asked) and the code is taken after it.
  void start_link(const std::string& args);
  /// /newcode: a new code; the old one stops working at once.
  void rotate_code();
  /// Refuses every code attempt while the failure budget all engines
  /// share is spent; else looks `code` up.
  void check_budget(const std::string& code);
  /// A wrong code: counted here, in the shared budget and in the metric.
  void code_failed(domain::window_limiter::clock::time_point now);
  /// Asks the manager to accept this worker (session.join_approval).
  void request_join(const user_record& manager);
  /// The manager pressed Accept or Decline.
  void answer_join(int64_t worker_id, bool accept);
  /// /remove N: unlinks worker N of /workers, who is told.
  void remove_worker(int64_t n);
  void on_join_note(const session_note& n);

  // -- text for the partner ---------------------------------------------------
  void route_text(const tg_update& u);
  void route_to_worker(const tg_update& u, partner_kind kind, int64_t task_id);
  /// A manager's text (or task, or edit) on its way to one worker.
  struct to_worker {
    tg_update update;
    partner_kind kind;
    int64_t task_id;
    int64_t worker_id;
    /// The day (yyyymmdd) whose free allowance paid for it; 0 when a
    /// subscription did.
    int64_t charged_day = 0;
  };
  /// Sends `m` (a text or an edit) if the manager's daily allowance lets
  /// it go; otherwise the manager is told and nothing of it goes.
  void charge(to_worker m);
  /// Nothing held in a lease: a subscription lifts the limit.
  void check_subscription(const to_worker& m, int64_t day);
  /// No subscription: PostgreSQL charges the next lease, or refuses.
  void charge_lease(to_worker m, int64_t day);
  /// Notes in PostgreSQL, once a day, that this manager wrote to a worker
  /// (the business figures' active teams).
  void note_active(int64_t day);
  /// Checks the worker still works for this manager, then forwards.
  void send_to_worker(const to_worker& m);
  /// A partner's profile, from the engine's memory when it keeps a copy,
  /// else through the cache (awaited, so updates stay in order); a
  /// failure goes to `db_failed`.
  void with_partner(int64_t telegram_id,
                    std::function<void(user_record&)> then);
  void forward(const tg_update& u, const user_record& me,
               const user_record& partner, partner_kind kind, int64_t task_id,
               int64_t charged_day = 0);
  /// A manager's current worker: the stored one, else the only one.
  /// Calls `then` with 0 after telling the manager when there is none.
  void with_current_worker(std::function<void(int64_t)> then);
  /// Asks for the next lease of `day` in the background when it is time.
  void refill(int64_t day);
  /// Returns messages charged but not sent to PostgreSQL; `done` hears
  /// whether that worked (true at once when there is nothing to return).
  void give_back(const domain::leftover& l,
                 std::function<void(bool)> done = nullptr);

  // -- commands ---------------------------------------------------------------
  void run_command(const domain::command& cmd);
  void run_button(const domain::button& b);
  void list_workers(bool choose);
  void switch_to_number(int64_t n);
  void switch_to_worker(int64_t worker_id);
  void create_task(const std::string& text);
  void list_tasks();
  struct task_reading;
  /// Calls `then` with the texts of `tasks` as this user reads them: in
  /// their language, from storage or translated now (and stored), or as
  /// written and marked when the translator fails.
  void read_tasks(std::vector<task_record> tasks,
                  std::function<void(std::vector<std::string>)> then);
  void translate_tasks(const std::shared_ptr<task_reading>& r);
  void show_translated(task_reading& r, size_t i, const translation_done& d);
  void daily();
  struct daily_summary;
  /// Asks for one worker's line of /daily.
  void daily_for(const std::shared_ptr<daily_summary>& sum, size_t i,
                 const user_record& worker);
  /// Asks for the last message of one worker's line of /daily.
  void last_message(const std::shared_ptr<daily_summary>& sum, size_t i,
                    int64_t conversation_id);
  /// A message as the manager read it (a worker's, translated) or wrote it.
  std::string as_manager_reads(const message_row& r) const;
  /// One answer of /daily came; the last one reads the open tasks in the
  /// manager's language, then sends the reply.
  void daily_answered(daily_summary& sum);
  void send_daily(const daily_summary& sum);
  void history(int64_t n);
  /// " ↪ via Español" after a /history line translated through pivot
  /// languages, else empty.
  std::string pivot_note(const message_row& r) const;
  void reset();

  // -- profile (session_profile.cpp) ------------------------------------------
  /// /language [ARG] or a language button: shows the choice, or changes
  /// the language when every partner can still be reached from it.
  void change_language(const std::string& args);
  /// The languages offered, as buttons that change the language.
  std::vector<std::vector<inline_button>> language_buttons() const;
  /// Calls `then` with the names and languages of this user's partners
  /// (a manager's workers, a worker's manager).
  void with_partner_languages(
      std::function<void(std::vector<domain::partner_language>)> then);
  /// Stores `to` as the user's language (links stay) and says so in it.
  void store_language(const std::string& to);
  /// /usage: a manager's free messages left today and subscription.
  void usage();
  // Telegram Stars (session_stars.cpp).
  void subscribe();
  void credit_payment();
  /// Publishes this chat's command menu for its role and language
  /// (setMyCommands, through the sender: never awaited, so a failure
  /// costs the menu only).
  void publish_commands();
  /// /fix TEXT as a reply to a translation: stored, and its writer told.
  void fix(const domain::command& cmd);
  void store_correction(const correction_source& src,
                        const std::string& correction, int64_t replied);
  /// /corrections: the team's repeated corrections (glossary candidates).
  void corrections();
  /// /original [on|off|auto] (session_original.cpp): shows or sets
  /// whether this user reads originals under translations.
  void original_command(const std::string& args);

  // -- the team's glossary (session_glossary.cpp) -----------------------------
  /// /glossary [add TERM = TRANSLATION | remove TERM].
  void glossary_command(const std::string& args);
  void list_glossary();
  /// Says what is wrong with an entry; true when nothing is.
  bool glossary_entry_ok(const domain::glossary::add_request& req);
  void add_glossary_term(const std::string& args);
  /// Checks languages and scripts, then stores the entry as `status`
  /// ("active": a manager's; "proposed": a worker's, then shown to the
  /// manager with buttons).
  void store_glossary_term(const domain::glossary::add_request& req,
                           const std::string& source,
                           const std::string& status);
  void propose_glossary_term(domain::glossary::add_request req);
  void ask_manager_about(const glossary_row& r);
  /// The manager pressed Accept or Decline under a proposal.
  void answer_glossary_proposal(int64_t id, bool accept);
  void remove_glossary_term(const std::string& args);
  /// Asks `manager`, in `text`, to accept or decline proposal `r`.
  void ask_glossary_question(const user_record& manager, const glossary_row& r,
                             std::string text);

  // -- glossary suggestions (session_glossary_suggestions.cpp) ----------------
  /// /glossary suggestions: the team's latest corrections, in short.
  void glossary_suggestions();
  /// After a correction is stored: when the team has now made it
  /// `repeats_to_propose` times, it is proposed as a glossary entry.
  void propose_repeated_correction(const correction_source& src,
                                   const std::string& correction);
  void store_correction_proposal(const correction_source& src,
                                 const std::string& correction,
                                 int64_t manager_id, int64_t times);

  // -- helpers ----------------------------------------------------------------
  /// The bot's own wording in the chat's language.
  template <class... Ts>
  std::string say(domain::text_id id, const Ts&... args) const {
    return domain::render(id, lang(), args...);
  }
  const std::string& lang() const;
  void reply(std::string text,
             std::vector<std::vector<inline_button>> keyboard = {});
  void answer_button();
  void save();
  void db_failed(const caf::error& err);
  bool is_manager() const { return me_.role == user_role::manager; }
  /// Today in UTC as yyyymmdd.
  int64_t today() const;
  int64_t wall_ms() const { return opts_->clock.wall_ms(); }
  domain::window_limiter::clock::time_point steady_now() const;

  caf::event_based_actor* self;
  int64_t chat_id_ = 0;
  caf::actor registry_;
  std::shared_ptr<const session_options> opts_;
  chat_session_record rec_;
  domain::reg_step step_ = domain::reg_step::fresh;
  user_record me_;
  /// The update being handled (for reply keys and button answers).
  tg_update current_;
  uint32_t replies_ = 0;
  /// A reply held until its update is fully handled.
  struct held_reply {
    int64_t update_id = 0;
    outbound out;
  };
  std::vector<held_reply> held_;
  /// One update's replies and its end, written as one transaction.
  struct reply_write {
    std::vector<outbound> replies;
    /// The update it finishes, or 0 (a note, or one a conversation took).
    int64_t finishes = 0;
    uint32_t attempts = 0;
  };
  /// Writes in order; only the front one is out.
  std::deque<reply_write> writes_;
  /// Updates handled lately, newest last.
  std::vector<int64_t> recent_updates_;
  /// Updates kept behind one that waits, in arrival order.
  std::deque<tg_update> waiting_;
  /// Updates wait in `waiting_` rather than being handled.
  bool holding_ = false;
  /// A flush or a pause is out; the next waiting update goes when it ends.
  bool wait_out_ = false;
  /// The update handled last (its end releases the next waiting one).
  int64_t released_ = 0;
  /// The update to be handled again (its end is not written this time).
  int64_t again_ = 0;
  uint32_t attempts_ = 0;
  /// The state or profile could not be read at the start (the database
  /// away).
  bool state_unknown_ = false;
  bool profile_unknown_ = false;
  uint32_t load_tries_ = 0;
  /// Conversations (manager, worker) given messages since the last flush.
  std::vector<std::pair<int64_t, int64_t>> unstored_;
  /// Group chats are told once that Bridge works in private chats.
  bool told_group_ = false;
  /// Updates handed to a conversation, which marks them done.
  std::vector<int64_t> forwarded_;
  /// Messages taken from the registry, for the passivation handshake.
  uint64_t handled_ = 0;
  domain::window_limiter updates_{30, std::chrono::minutes{1}};
  domain::window_limiter codes_{5, std::chrono::minutes{10}};
  /// True once the rate limit reply went out in this window.
  bool told_rate_limited_ = false;
  /// Last activity, for passivation without a receive timeout.
  idle_watch idle_{self};
  /// A manager's free messages charged in PostgreSQL and not sent yet.
  domain::allowance_lease allowance_{1, 0};
  /// The day `note_active` last noted (0: not yet, or it failed).
  int64_t active_day_ = 0;
};

caf::behavior session(caf::stateful_actor<session_state>* self, int64_t chat_id,
                      caf::actor registry,
                      std::shared_ptr<const session_options> opts);

} // namespace bridge
