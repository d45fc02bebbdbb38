// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace bridge::domain {

/// Every sentence the bot says itself (not the users' own messages, which
/// are translated). Each has a wording in every language of
/// `bot_languages()`; any other language falls back to English.
enum class text_id {
  welcome,
  choose_role,
  role_manager,
  role_worker,
  choose_language,
  manager_ready,
  worker_send_code,
  worker_connected,
  manager_worker_joined,
  wrong_code,
  too_many_codes,
  code_for_manager,
  code_not_needed,
  not_registered,
  finish_registration,
  no_workers,
  no_manager,
  workers_list,
  workers_choose,
  switched_to,
  no_such_worker,
  task_created,
  task_received,
  task_done_button,
  task_done_worker,
  task_done_manager,
  task_already_done,
  tasks_none,
  tasks_header,
  daily_header,
  daily_line,
  daily_none,
  history_header,
  history_none,
  reset_done,
  feedback_thanks,
  help_manager,
  help_worker,
  help_new,
  unknown_command,
  args_missing,
  args_unexpected,
  args_too_long,
  args_not_a_number,
  message_too_long,
  rate_limited,
  daily_limit_reached,
  queued,
  translation_failed,
  untranslated_note,
  media_not_supported,
  partner_unreachable,
  unsupported_pair,
  groups_not_supported,
  busy,
  edit_too_old,
  edited_note,
  message_refused,
  message_parked,
  manager_left,
  worker_left,
  choose_partner_language,
  join_refused,
  history_via,
  // -- joining (link, approval, rotation, removal) ---------------------------
  join_link_line,
  code_rotated,
  join_requested,
  join_request,
  join_accept_button,
  join_decline_button,
  join_declined_worker,
  join_declined_manager,
  join_already_answered,
  worker_removed,
  removed_by_manager,
  remove_usage,
  codes_paused,
  link_invalid,
  link_for_manager,
  // -- profile: /language, /usage, /daily's details
  // -----------------------------
  language_choose,
  language_unknown,
  language_same,
  language_unreachable,
  language_changed,
  usage_free,
  usage_subscribed,
  usage_no_subscription,
  daily_last_message,
  daily_open_tasks,
  // -- the command menu (setMyCommands): one description per command -------
  menu_start,
  menu_help,
  menu_workers,
  menu_switch,
  menu_task,
  menu_tasks,
  menu_daily,
  menu_history,
  menu_code,
  menu_newcode,
  menu_remove,
  menu_usage,
  menu_language,
  menu_feedback,
  menu_reset,
  // -- Telegram Stars (/subscribe, /paysupport, payments) --
  /// The invoice link: {} Stars, {} the link.
  subscribe_invoice,
  /// The invoice could not be made.
  subscribe_failed,
  /// /paysupport: how to get help with a payment.
  paysupport,
  /// A payment credited; {} the subscription's end (UTC).
  payment_received,
  /// A payment that matched no order of this user: not credited.
  payment_not_credited,
  /// The pre-checkout refusal (Telegram shows it to the payer).
  checkout_refused,
  /// The invoice's title and description ({} the days).
  invoice_title,
  invoice_description,
  menu_subscribe,
  menu_paysupport,
  // -- media across the gap
  /// To the partner after a voice or video note: who sent it, untranslated.
  media_not_translated,
  /// A kind of message Bridge does not pass on (poll, location, ...).
  media_kind_refused,
  // -- team glossary (/glossary) -------------------------------------------
  glossary_usage_manager,
  glossary_usage_worker,
  glossary_list,
  glossary_empty,
  glossary_added,
  glossary_removed,
  glossary_not_found,
  glossary_full,
  glossary_bad_entry,
  glossary_bad_language,
  glossary_which_language,
  glossary_wrong_script,
  glossary_proposed,
  glossary_proposal,
  glossary_declined,
  glossary_answered,
  // -- corrections and the original (issue 25) --
  /// /fix without text, or not as a reply.
  fix_usage,
  fix_not_translation,
  /// {}: the writer told.
  fix_saved,
  /// To the writer: reader, original, correction, machine translation.
  fix_writer_told,
  corrections_none,
  corrections_header,
  /// original, correction, times.
  corrections_line,
  // -- menu: glossary and corrections --
  menu_glossary,
  menu_fix,
  menu_corrections,
  /// Lines /help adds for a manager, then for a worker.
  help_corrections_manager,
  help_corrections_worker,
  // -- /original
  menu_original,
  /// {}: the mode (on, off or auto).
  original_current,
  /// {}: the mode now.
  original_changed,
  /// The choices, for /original alone and for a bad argument.
  original_usage,
  // -- glossary suggestions from corrections (issue 25) --
  /// /glossary suggestions with none; {}: the repeats that propose.
  glossary_suggestions_none,
  /// {}: the repeats that propose an entry.
  glossary_suggestions_header,
  /// author, machine translation, correction (each shortened).
  glossary_suggestions_line,
  /// To the manager: times, term, translation, its language.
  glossary_correction_proposal,
  /// The line /help and the manager's /glossary usage add.
  help_glossary_suggestions,
  count_
};

/// The wording of `id` in `lang` (a code of `bot_languages()`, exactly;
/// anything else gets English), with `{}` placeholders to fill with
/// `render`.
std::string_view wording(text_id id, std::string_view lang);

/// `wording` with its placeholders filled.
template <class... Ts>
std::string render(text_id id, std::string_view lang, const Ts&... args) {
  return fmt::format(fmt::runtime(wording(id, lang)), args...);
}

/// Languages the bot itself speaks: the default offline install's (en, es,
/// pt, fr, it, ro, ca, gl) and ten that mixed work teams often need.
std::array<std::string_view, 18> bot_languages();

/// Whether `lang` is exactly one of `bot_languages()`.
bool speaks(std::string_view lang);

/// The language to speak to someone whose client reports `code` (a
/// Telegram `language_code` such as "pt-BR" or "EN-us"): its primary
/// subtag, lower-cased, when the bot speaks it, else "en".
std::string_view bot_language(std::string_view code);

/// A language's name in that language ("English", "Español"), or the code.
std::string language_name(std::string_view lang);

} // namespace bridge::domain
