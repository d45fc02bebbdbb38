// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in English, one per text_id, in the order of
// the enum: the reference every other language keeps the placeholders
// of, and the fallback for a language the bot does not speak.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_en{{
    // welcome
    "Welcome to Bridge! I translate between you and your team.",
    // choose_role
    "Are you a manager or a worker?",
    // role_manager
    "I'm a manager",
    // role_worker
    "I'm a worker",
    // choose_language
    "Which language do you write in?",
    // manager_ready
    "You are registered as a manager. Your invitation code is {}. Give it to "
    "your workers; they send it to me to connect with you.",
    // worker_send_code
    "Please send me the invitation code your manager gave you (like "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "You are connected with {}. Write here and I will translate for you.",
    // manager_worker_joined
    "{} joined your team. Your messages now go to {}.",
    // wrong_code
    "That code does not match any manager. Please check it and try again.",
    // too_many_codes
    "Too many wrong codes. Please try again in {} minutes.",
    // code_for_manager
    "Your invitation code is {}.",
    // code_not_needed
    "Managers do not need a code: give yours ({}) to your workers.",
    // not_registered
    "You are not registered yet. Send /start to begin.",
    // finish_registration
    "Please finish registering first: {}",
    // no_workers
    "No worker has joined yet. Give them your code: {}.",
    // no_manager
    "You are not connected to a manager yet. Send me their invitation code.",
    // workers_list
    "Your workers:",
    // workers_choose
    "Choose who receives your messages:",
    // switched_to
    "Your messages now go to {}.",
    // no_such_worker
    "There is no worker number {}. Send /workers to see the list.",
    // task_created
    "Task #{} created for {}.",
    // task_received
    "New task #{} from {}: {}",
    // task_done_button
    "Done",
    // task_done_worker
    "Task #{} marked done.",
    // task_done_manager
    "{} finished task #{}: {}",
    // task_already_done
    "Task #{} was already done.",
    // tasks_none
    "No open tasks.",
    // tasks_header
    "Tasks:",
    // daily_header
    "Last 24 hours:",
    // daily_line
    // Counts as "label: N", so one reads as well as many.
    "{}: messages: {} · tasks done: {} · open: {}",
    // daily_none
    "Nothing happened in the last 24 hours.",
    // history_header
    "Last {} messages:",
    // history_none
    "No messages yet.",
    // reset_done
    "Your registration was reset. Send /start to begin again.",
    // feedback_thanks
    "Thank you for your feedback!",
    // help_manager
    "Write to your worker and I translate it for them.\n"
    "/workers – your workers; /switch N – write to worker N\n"
    "/task TEXT – give the current worker a task; /tasks – open tasks\n"
    "/daily – the last 24 hours; /history [N] – recent messages\n"
    "/code – your invitation code; /newcode – a new one (the old stops "
    "working)\n"
    "/remove N – take worker N off your team; /feedback TEXT; /reset\n"
    "/language – change your language; /usage – free messages left today",
    // help_worker
    "Write to your manager and I translate it for them.\n"
    "/tasks – your open tasks; /history [N] – recent messages\n"
    "/feedback TEXT; /reset\n"
    "/language – change your language",
    // help_new
    "Send /start to register as a manager or a worker.",
    // unknown_command
    "I do not know the command {}. Send /help for the list.",
    // args_missing
    "{} needs some text after it, for example: {} call the supplier",
    // args_unexpected
    "{} takes nothing after it.",
    // args_too_long
    "That is too long for {}.",
    // args_not_a_number
    "{} takes a number, for example: {} 5",
    // message_too_long
    "Your message is too long ({} characters); the limit is {}.",
    // rate_limited
    "You are sending too fast. Please wait a moment.",
    // daily_limit_reached
    "You have used today's {} free messages. A subscription lifts the limit: "
    "/subscribe",
    // queued
    "Your message is queued for translation and will be delivered.",
    // translation_failed
    "Your message could not be translated ({}); it was delivered in your "
    "language.",
    // untranslated_note
    "(not translated)",
    // media_not_supported
    "I can only pass on text. Please write your message as text.",
    // partner_unreachable
    "{} cannot receive messages right now.",
    // unsupported_pair
    "Bridge cannot translate between {} and {} yet.",
    // groups_not_supported
    "Bridge works in private chats only.",
    // busy
    "Bridge is busy right now; please send that again in a minute.",
    // edit_too_old
    "I can only carry edits of recent messages; please send it again.",
    // edited_note
    "(edited)",
    // message_refused
    "Your message could not be stored, so it was not delivered. Please write "
    "it again in other words.",
    // message_parked
    "Your message could not be delivered now; it is kept, and an operator "
    "can still send it. Your next messages go on as usual.",
    // manager_left
    "{} left the team; your messages no longer reach them. Send a new "
    "invitation code to join a team.",
    // worker_left
    "{} left your team; your messages no longer reach them.",
    // choose_partner_language
    "Your manager writes {}. Choose a language Bridge can translate to and "
    "from it, then send the code again.",
    // join_refused
    "{} tried to join your team, but Bridge cannot translate between their "
    "language and yours; they were asked to choose another language.",
    // history_via
    "↪ via {}",
    // join_link_line
    "Or send them this link: {}",
    // code_rotated
    "Your new invitation code is {}. The old one no longer works.",
    // join_requested
    "Your request to join {}'s team was sent. I will tell you when they "
    "answer.",
    // join_request
    "{} wants to join your team.",
    // join_accept_button
    "Accept",
    // join_decline_button
    "Decline",
    // join_declined_worker
    "{} declined your request to join their team.",
    // join_declined_manager
    "You declined {}'s request to join your team.",
    // join_already_answered
    "That request was already answered or withdrawn.",
    // worker_removed
    "{} is no longer in your team.",
    // removed_by_manager
    "{} removed you from their team; your messages no longer reach them. "
    "Send a new invitation code to join a team.",
    // remove_usage
    "/remove takes the number of a worker in /workers, for example: /remove 2",
    // codes_paused
    "Too many wrong invitation codes were sent to Bridge just now. Please "
    "try again in a minute.",
    // link_invalid
    "This invitation link is not valid. Please ask your manager for a new "
    "link or code.",
    // link_for_manager
    "You are registered as a manager; invitation links are for workers. Your "
    "own code is {}.",
    // language_choose
    "You write {}. Which language do you want to write in?",
    // language_unknown
    "I do not know that language. Please choose one of these:",
    // language_same
    "You already write {}.",
    // language_unreachable
    "Bridge cannot translate between {} and {}, the language {} writes, so "
    "your language stays {}.",
    // language_changed
    "You write {} from now on: your next messages are translated from it. "
    "Your team stays as it is.",
    // usage_free
    "Free messages left today: {} of {}.",
    // usage_subscribed
    "Your subscription runs until {} UTC; it lifts the daily limit.",
    // usage_no_subscription
    "You have no subscription; the free messages start again every day at "
    "00:00 UTC.",
    // daily_last_message
    "last message: {}",
    // daily_open_tasks
    "open tasks: {}",
    // menu_start
    "Register, or see the help",
    // menu_help
    "The commands for your role",
    // menu_workers
    "Your workers",
    // menu_switch
    "Choose whom you write to",
    // menu_task
    "Give the current worker a task",
    // menu_tasks
    "Open tasks",
    // menu_daily
    "The last 24 hours per worker",
    // menu_history
    "Recent messages",
    // menu_code
    "Your invitation code and link",
    // menu_newcode
    "A new invitation code",
    // menu_remove
    "Take a worker off your team",
    // menu_usage
    "Free messages left today",
    // menu_language
    "Change your language",
    // menu_feedback
    "Write to the operators",
    // menu_reset
    "Start over",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "A 30-day subscription costs {} Stars and lifts the daily limit. Pay here: "
    "{}",
    // subscribe_failed
    "The invoice could not be made right now. Please try /subscribe again "
    "later.",
    // paysupport
    "Questions about a payment? Write /feedback with your question and the "
    "date of the payment; an operator will answer and can refund it. "
    "Telegram's support cannot help with payments made to this bot.",
    // payment_received
    "Thank you! Your subscription is active until {} (UTC). Write on.",
    // payment_not_credited
    "Your payment arrived but does not match an open order of yours, so it was "
    "not credited. An operator will look at it; see /paysupport.",
    // checkout_refused
    "This invoice is not an open order of yours. Please send /subscribe for a "
    "new one.",
    // invoice_title
    "Bridge subscription",
    // invoice_description
    "30 days of translated messages without the daily limit.",
    // menu_subscribe
    "Lift the daily limit",
    // menu_paysupport
    "Help with payments",
    // -- media across the gap
    // media_not_translated
    "{} sent a voice or video message. It was not translated.",
    // media_kind_refused
    "I cannot pass on this kind of message. Send text, photos, videos, "
    "documents, voice messages or stickers.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Your team's glossary fixes how its terms are translated. /glossary lists "
    "it; /glossary add TERM = TRANSLATION adds a term in your language with "
    "its translation into your worker's (several languages: /glossary add TERM "
    "= es: …; pt: …); /glossary remove TERM removes it.",
    // glossary_usage_worker
    "You can propose a term for your team's glossary: /glossary add TERM = "
    "TRANSLATION, the term in your manager's language and the translation in "
    "yours. Your manager decides.",
    // glossary_list
    "Your team's glossary ({} of {} terms):\n{}",
    // glossary_empty
    "Your team's glossary is empty. Add a term with /glossary add TERM = "
    "TRANSLATION.",
    // glossary_added
    "Added to the glossary: {} → {}. Your team's translations use it from now "
    "on.",
    // glossary_removed
    "Removed from the glossary: {}.",
    // glossary_not_found
    "{} is not in your team's glossary.",
    // glossary_full
    "Your team's glossary holds {} terms, its limit. Remove one first with "
    "/glossary remove TERM.",
    // glossary_bad_entry
    "Write the entry as /glossary add TERM = TRANSLATION (or TERM = es: …; pt: "
    "…). Neither side may be empty, and a term has at most {} characters, at "
    "least one of them a letter or digit.",
    // glossary_bad_language
    "Bridge cannot translate between your team's language and '{}'. Languages "
    "it can: {}.",
    // glossary_which_language
    "Say which language the translation is in, for example /glossary add TERM "
    "= es: …. Your team's languages: {}.",
    // glossary_wrong_script
    "\"{}\" is not written in the alphabet of {}: messages in that language "
    "would never contain it.",
    // glossary_proposed
    "Your manager has been asked to add {} → {} to the team's glossary.",
    // glossary_proposal
    "{} proposes a glossary term: {} → {} ({}).",
    // glossary_declined
    "Declined: {} → {}.",
    // glossary_answered
    "This proposal has been answered already.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Reply to a translation you received with /fix and your better wording, "
    "for example: /fix Good morning, team.",
    // fix_not_translation
    "/fix works only as a reply to a translation you received from your "
    "partner, and this message is not one (or it is too old to be corrected).",
    // fix_saved
    "Thank you: your correction is saved, and {} has been told.",
    // fix_writer_told
    "{} suggests a better translation of your message “{}”: “{}” (the "
    "translator had written “{}”).",
    // corrections_none
    "No correction has been repeated yet. When your team corrects the same "
    "wording the same way at least twice, it is suggested here as a glossary "
    "entry.",
    // corrections_header
    "Corrections your team repeated (glossary suggestions):",
    // corrections_line
    "• “{}” → “{}” ({} times)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "The team's glossary",
    // menu_fix
    "Correct a translation (as a reply)",
    // menu_corrections
    "Corrections your team repeated",
    // help_corrections_manager
    "/glossary – the team's terms; /corrections – repeated corrections\n"
    "/fix TEXT – as a reply to a translation: your better wording",
    // help_corrections_worker
    "/fix TEXT – as a reply to a translation: your better wording",
    // -- /original --
    // menu_original
    "Show the original under translations: on, off or auto",
    // original_current
    "Originals under the translations you receive: {}.",
    // original_changed
    "Saved. Originals under the translations you receive: {}.",
    // original_usage
    "Choose one:\n"
    "/original on: always, under every translation\n"
    "/original off: never\n"
    "/original auto: only when the translation went through another language "
    "(the default)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "No corrections yet. When someone in your team replies /fix to a "
    "translation, it shows here; the same correction made {} times is proposed "
    "as a glossary entry.",
    // glossary_suggestions_header
    "Your team's latest corrections, newest first. The same correction made {} "
    "times is proposed as a glossary entry.",
    // glossary_suggestions_line
    "• {}: “{}” → “{}”",
    // glossary_correction_proposal
    "Your team made the same correction {} times: {} → {} ({}). Add it to the "
    "glossary?",
    // help_glossary_suggestions
    "/glossary suggestions – your team's latest corrections; one repeated the "
    "same way is proposed as a glossary entry",
}};

} // namespace bridge::domain::texts_detail
