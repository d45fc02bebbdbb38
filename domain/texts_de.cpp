// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in German (de), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_de{{
    // welcome
    "Willkommen bei Bridge! Ich übersetze zwischen Ihnen und Ihrem Team.",
    // choose_role
    "Sind Sie Vorgesetzte(r) oder Mitarbeiter(in)?",
    // role_manager
    "Ich bin Vorgesetzte(r)",
    // role_worker
    "Ich bin Mitarbeiter(in)",
    // choose_language
    "In welcher Sprache schreiben Sie?",
    // manager_ready
    "Sie sind als Vorgesetzte(r) registriert. Ihr Einladungscode lautet {}. "
    "Geben Sie ihn Ihren Mitarbeitern; sie senden ihn mir, um sich mit Ihnen "
    "zu verbinden.",
    // worker_send_code
    "Bitte senden Sie mir den Einladungscode, den Sie von Ihrer vorgesetzten "
    "Person bekommen haben (etwa BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Sie sind mit {} verbunden. Schreiben Sie hier, und ich übersetze für "
    "Sie.",
    // manager_worker_joined
    "{} ist Ihrem Team beigetreten. Ihre Nachrichten gehen jetzt an {}.",
    // wrong_code
    "Dieser Code gehört zu keiner vorgesetzten Person. Bitte prüfen Sie ihn "
    "und versuchen Sie es erneut.",
    // too_many_codes
    "Zu viele falsche Codes. Bitte versuchen Sie es in {} Minuten erneut.",
    // code_for_manager
    "Ihr Einladungscode lautet {}.",
    // code_not_needed
    "Vorgesetzte brauchen keinen Code: Geben Sie Ihren ({}) an Ihre "
    "Mitarbeiter weiter.",
    // not_registered
    "Sie sind noch nicht registriert. Senden Sie /start, um zu beginnen.",
    // finish_registration
    "Bitte schließen Sie zuerst die Registrierung ab: {}",
    // no_workers
    "Noch ist niemand beigetreten. Geben Sie Ihren Mitarbeitern Ihren Code: "
    "{}.",
    // no_manager
    "Sie sind noch mit keiner vorgesetzten Person verbunden. Senden Sie mir "
    "deren Einladungscode.",
    // workers_list
    "Ihre Mitarbeiter:",
    // workers_choose
    "Wählen Sie, wer Ihre Nachrichten erhält:",
    // switched_to
    "Ihre Nachrichten gehen jetzt an {}.",
    // no_such_worker
    "Es gibt keinen Mitarbeiter Nummer {}. Senden Sie /workers für die Liste.",
    // task_created
    "Aufgabe Nr. {} für {} angelegt.",
    // task_received
    "Neue Aufgabe Nr. {} von {}: {}",
    // task_done_button
    "Erledigt",
    // task_done_worker
    "Aufgabe Nr. {} als erledigt markiert.",
    // task_done_manager
    "{} hat Aufgabe Nr. {} erledigt: {}",
    // task_already_done
    "Aufgabe Nr. {} war schon erledigt.",
    // tasks_none
    "Keine offenen Aufgaben.",
    // tasks_header
    "Aufgaben:",
    // daily_header
    "Letzte 24 Stunden:",
    // daily_line
    "{}: Nachrichten: {} · erledigte Aufgaben: {} · offen: {}",
    // daily_none
    "In den letzten 24 Stunden ist nichts passiert.",
    // history_header
    "Letzte {} Nachrichten:",
    // history_none
    "Noch keine Nachrichten.",
    // reset_done
    "Ihre Registrierung wurde zurückgesetzt. Senden Sie /start, um neu zu "
    "beginnen.",
    // feedback_thanks
    "Danke für Ihre Rückmeldung!",
    // help_manager
    "Schreiben Sie Ihrem Mitarbeiter, und ich übersetze es für ihn.\n"
    "/workers – Ihre Mitarbeiter; /switch N – an Mitarbeiter N schreiben\n"
    "/task TEXT – dem aktuellen Mitarbeiter eine Aufgabe geben; /tasks – "
    "offene Aufgaben\n"
    "/daily – die letzten 24 Stunden; /history [N] – neueste Nachrichten\n"
    "/code – Ihr Einladungscode; /newcode – ein neuer (der alte gilt nicht "
    "mehr)\n"
    "/remove N – Mitarbeiter N aus dem Team nehmen; /feedback TEXT; /reset\n"
    "/language – Sprache ändern; /usage – Heute verbleibende kostenlose "
    "Nachrichten",
    // help_worker
    "Schreiben Sie Ihrer vorgesetzten Person, und ich übersetze es.\n"
    "/tasks – Ihre offenen Aufgaben; /history [N] – neueste Nachrichten\n"
    "/feedback TEXT; /reset\n"
    "/language – Sprache ändern",
    // help_new
    "Senden Sie /start, um sich als Vorgesetzte(r) oder Mitarbeiter(in) zu "
    "registrieren.",
    // unknown_command
    "Den Befehl {} kenne ich nicht. Senden Sie /help für die Liste.",
    // args_missing
    "{} braucht danach einen Text, zum Beispiel: {} Lieferanten anrufen",
    // args_unexpected
    "Nach {} kommt nichts.",
    // args_too_long
    "Das ist zu lang für {}.",
    // args_not_a_number
    "{} braucht eine Zahl, zum Beispiel: {} 5",
    // message_too_long
    "Ihre Nachricht ist zu lang ({} Zeichen); die Grenze ist {}.",
    // rate_limited
    "Sie senden zu schnell. Bitte warten Sie einen Moment.",
    // daily_limit_reached
    "Sie haben die {} kostenlosen Nachrichten von heute verbraucht. Ein "
    "Abonnement hebt die Grenze auf: /subscribe",
    // queued
    "Ihre Nachricht wartet auf die Übersetzung und wird zugestellt.",
    // translation_failed
    "Ihre Nachricht konnte nicht übersetzt werden ({}); sie wurde in Ihrer "
    "Sprache zugestellt.",
    // untranslated_note
    "(nicht übersetzt)",
    // media_not_supported
    "Ich kann nur Text weitergeben. Bitte schreiben Sie Ihre Nachricht als "
    "Text.",
    // partner_unreachable
    "{} kann gerade keine Nachrichten empfangen.",
    // unsupported_pair
    "Bridge kann noch nicht zwischen {} und {} übersetzen.",
    // groups_not_supported
    "Bridge funktioniert nur in privaten Chats.",
    // busy
    "Bridge ist gerade ausgelastet; bitte senden Sie das in einer Minute "
    "noch einmal.",
    // edit_too_old
    "Ich kann nur Änderungen an neuen Nachrichten weitergeben; bitte senden "
    "Sie sie noch einmal.",
    // edited_note
    "(bearbeitet)",
    // message_refused
    "Ihre Nachricht konnte nicht gespeichert werden und wurde daher nicht "
    "zugestellt. Bitte formulieren Sie sie anders.",
    // message_parked
    "Ihre Nachricht konnte gerade nicht zugestellt werden; sie ist "
    "gespeichert, und ein Operator kann sie noch senden. Ihre nächsten "
    "Nachrichten gehen normal weiter.",
    // manager_left
    "{} hat das Team verlassen; Ihre Nachrichten erreichen diese Person "
    "nicht mehr. Senden Sie einen neuen Einladungscode, um einem Team "
    "beizutreten.",
    // worker_left
    "{} hat Ihr Team verlassen; Ihre Nachrichten erreichen diese Person "
    "nicht mehr.",
    // choose_partner_language
    "Ihre vorgesetzte Person schreibt {}. Wählen Sie eine Sprache, die "
    "Bridge in beide Richtungen übersetzen kann, und senden Sie den Code "
    "erneut.",
    // join_refused
    "{} wollte Ihrem Team beitreten, aber Bridge kann nicht zwischen dieser "
    "Sprache und Ihrer übersetzen; die Person wurde gebeten, eine andere "
    "Sprache zu wählen.",
    // history_via
    "↪ über {}",
    // join_link_line
    "Oder senden Sie ihnen diesen Link: {}",
    // code_rotated
    "Ihr neuer Einladungscode lautet {}. Der alte gilt nicht mehr.",
    // join_requested
    "Ihre Anfrage, dem Team von {} beizutreten, wurde gesendet. Ich sage "
    "Ihnen Bescheid, sobald eine Antwort kommt.",
    // join_request
    "{} möchte Ihrem Team beitreten.",
    // join_accept_button
    "Annehmen",
    // join_decline_button
    "Ablehnen",
    // join_declined_worker
    "{} hat Ihre Beitrittsanfrage abgelehnt.",
    // join_declined_manager
    "Sie haben die Beitrittsanfrage von {} abgelehnt.",
    // join_already_answered
    "Diese Anfrage wurde schon beantwortet oder zurückgezogen.",
    // worker_removed
    "{} ist nicht mehr in Ihrem Team.",
    // removed_by_manager
    "{} hat Sie aus dem Team genommen; Ihre Nachrichten erreichen diese "
    "Person nicht mehr. Senden Sie einen neuen Einladungscode, um einem Team "
    "beizutreten.",
    // remove_usage
    "/remove braucht die Nummer eines Mitarbeiters aus /workers, zum "
    "Beispiel: /remove 2",
    // codes_paused
    "Gerade wurden zu viele falsche Einladungscodes an Bridge gesendet. "
    "Bitte versuchen Sie es in einer Minute erneut.",
    // link_invalid
    "Dieser Einladungslink ist ungültig. Bitten Sie Ihre vorgesetzte Person "
    "um einen neuen Link oder Code.",
    // link_for_manager
    "Sie sind als Vorgesetzte(r) registriert; Einladungslinks sind für "
    "Mitarbeiter. Ihr eigener Code lautet {}.",
    // language_choose
    "Ihre Sprache ist derzeit {}. In welcher Sprache möchten Sie schreiben?",
    // language_unknown
    "Diese Sprache kenne ich nicht. Bitte wählen Sie eine von diesen:",
    // language_same
    "Sie schreiben bereits in dieser Sprache: {}.",
    // language_unreachable
    "Bridge kann nicht zwischen {} und {} übersetzen (in dieser Sprache "
    "schreibt {}), daher bleibt Ihre Sprache {}.",
    // language_changed
    "Ab jetzt ist Ihre Sprache {}: Ihre nächsten Nachrichten werden aus ihr "
    "übersetzt. Ihr Team bleibt, wie es ist.",
    // usage_free
    "Heute verbleibende kostenlose Nachrichten: {} von {}.",
    // usage_subscribed
    "Ihr Abonnement läuft bis {} UTC; es hebt die tägliche Grenze auf.",
    // usage_no_subscription
    "Sie haben kein Abonnement; die kostenlosen Nachrichten beginnen jeden "
    "Tag um 00:00 UTC neu.",
    // daily_last_message
    "letzte Nachricht: {}",
    // daily_open_tasks
    "offene Aufgaben: {}",
    // menu_start
    "Registrieren oder Hilfe ansehen",
    // menu_help
    "Die Befehle für Ihre Rolle",
    // menu_workers
    "Ihre Mitarbeitenden",
    // menu_switch
    "Wählen, an wen Sie schreiben",
    // menu_task
    "Der aktuellen Person eine Aufgabe geben",
    // menu_tasks
    "Offene Aufgaben",
    // menu_daily
    "Die letzten 24 Stunden je Person",
    // menu_history
    "Letzte Nachrichten",
    // menu_code
    "Ihr Einladungscode und -link",
    // menu_newcode
    "Ein neuer Einladungscode",
    // menu_remove
    "Eine Person aus dem Team nehmen",
    // menu_usage
    "Heute verbleibende kostenlose Nachrichten",
    // menu_language
    "Sprache ändern",
    // menu_feedback
    "An die Betreiber schreiben",
    // menu_reset
    "Neu beginnen",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Ein Abonnement für 30 Tage kostet {} Stars und hebt die tägliche Grenze "
    "auf. Hier bezahlen: {}",
    // subscribe_failed
    "Die Rechnung konnte gerade nicht erstellt werden. Bitte versuchen Sie "
    "/subscribe später noch einmal.",
    // paysupport
    "Fragen zu einer Zahlung? Schreiben Sie /feedback mit Ihrer Frage und dem "
    "Datum der Zahlung; ein Betreiber antwortet und kann sie erstatten. Der "
    "Telegram-Support kann bei Zahlungen an diesen Bot nicht helfen.",
    // payment_received
    "Danke! Ihr Abonnement ist bis {} (UTC) aktiv. Schreiben Sie weiter.",
    // payment_not_credited
    "Ihre Zahlung ist eingegangen, passt aber zu keiner offenen Bestellung von "
    "Ihnen und wurde daher nicht gutgeschrieben. Ein Betreiber sieht sie sich "
    "an; siehe /paysupport.",
    // checkout_refused
    "Diese Rechnung ist keine offene Bestellung von Ihnen. Senden Sie "
    "/subscribe für eine neue.",
    // invoice_title
    "Bridge-Abonnement",
    // invoice_description
    "30 Tage übersetzte Nachrichten ohne tägliche Grenze.",
    // menu_subscribe
    "Tägliche Grenze aufheben",
    // menu_paysupport
    "Hilfe bei Zahlungen",
    // -- media across the gap
    // media_not_translated
    "{} hat eine Sprach- oder Videonachricht gesendet. Sie wurde nicht "
    "übersetzt.",
    // media_kind_refused
    "Diese Art von Nachricht kann ich nicht weitergeben. Sende Text, Fotos, "
    "Videos, Dokumente, Sprachnachrichten oder Sticker.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Das Glossar Ihres Teams legt fest, wie seine Begriffe übersetzt werden. "
    "/glossary zeigt es; /glossary add BEGRIFF = ÜBERSETZUNG fügt einen "
    "Begriff in Ihrer Sprache mit seiner Übersetzung in die Sprache Ihrer "
    "Mitarbeitenden hinzu (mehrere Sprachen: /glossary add BEGRIFF = es: …; "
    "pt: …); /glossary remove BEGRIFF entfernt ihn.",
    // glossary_usage_worker
    "Sie können einen Begriff für das Glossar Ihres Teams vorschlagen: "
    "/glossary add BEGRIFF = ÜBERSETZUNG, den Begriff in der Sprache Ihrer "
    "vorgesetzten Person und die Übersetzung in Ihrer. Ihre vorgesetzte Person "
    "entscheidet.",
    // glossary_list
    "Glossar Ihres Teams ({} von {} Begriffen):\n{}",
    // glossary_empty
    "Das Glossar Ihres Teams ist leer. Fügen Sie einen Begriff hinzu: "
    "/glossary add BEGRIFF = ÜBERSETZUNG.",
    // glossary_added
    "Ins Glossar aufgenommen: {} → {}. Die Übersetzungen Ihres Teams verwenden "
    "es ab jetzt.",
    // glossary_removed
    "Aus dem Glossar entfernt: {}.",
    // glossary_not_found
    "„{}“ steht nicht im Glossar Ihres Teams.",
    // glossary_full
    "Das Glossar Ihres Teams enthält {} Begriffe, seine Grenze. Entfernen Sie "
    "zuerst einen: /glossary remove BEGRIFF.",
    // glossary_bad_entry
    "Schreiben Sie den Eintrag so: /glossary add BEGRIFF = ÜBERSETZUNG (oder "
    "BEGRIFF = es: …; pt: …). Keine Seite darf leer sein, und ein Begriff hat "
    "höchstens {} Zeichen, darunter mindestens einen Buchstaben oder eine "
    "Ziffer.",
    // glossary_bad_language
    "Bridge kann nicht zwischen der Sprache Ihres Teams und „{}“ übersetzen. "
    "Mögliche Sprachen: {}.",
    // glossary_which_language
    "Geben Sie die Sprache der Übersetzung an, zum Beispiel /glossary add "
    "BEGRIFF = es: …. Sprachen Ihres Teams: {}.",
    // glossary_wrong_script
    "„{}“ ist nicht im Alphabet der Sprache {} geschrieben: Nachrichten in "
    "dieser Sprache würden es nie enthalten.",
    // glossary_proposed
    "Ihre vorgesetzte Person wurde gebeten, {} → {} ins Glossar des Teams "
    "aufzunehmen.",
    // glossary_proposal
    "{} schlägt einen Begriff für das Glossar vor: {} → {} ({}).",
    // glossary_declined
    "Abgelehnt: {} → {}.",
    // glossary_answered
    "Dieser Vorschlag wurde bereits beantwortet.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Antworten Sie auf eine erhaltene Übersetzung mit /fix und Ihrer besseren "
    "Formulierung, zum Beispiel: /fix Guten Morgen, Team.",
    // fix_not_translation
    "/fix funktioniert nur als Antwort auf eine Übersetzung, die Sie von Ihrem "
    "Gegenüber erhalten haben, und diese Nachricht ist keine (oder zu alt, um "
    "sie zu korrigieren).",
    // fix_saved
    "Danke: Ihre Korrektur ist gespeichert, und {} wurde benachrichtigt.",
    // fix_writer_told
    "{} schlägt eine bessere Übersetzung Ihrer Nachricht „{}“ vor: „{}“ (der "
    "Übersetzer hatte „{}“ geschrieben).",
    // corrections_none
    "Noch keine Korrektur hat sich wiederholt. Wenn Ihr Team denselben "
    "Ausdruck mindestens zweimal gleich korrigiert, erscheint er hier als "
    "Vorschlag für das Glossar.",
    // corrections_header
    "Korrekturen, die Ihr Team wiederholt hat (Vorschläge für das Glossar):",
    // corrections_line
    "• „{}“ → „{}“ ({}-mal)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Das Glossar des Teams",
    // menu_fix
    "Eine Übersetzung korrigieren (als Antwort)",
    // menu_corrections
    "Korrekturen, die Ihr Team wiederholt hat",
    // help_corrections_manager
    "/glossary – die Begriffe des Teams; /corrections – wiederholte "
    "Korrekturen\n"
    "/fix TEXT – als Antwort auf eine Übersetzung: Ihre bessere Formulierung",
    // help_corrections_worker
    "/fix TEXT – als Antwort auf eine Übersetzung: Ihre bessere Formulierung",
    // -- /original --
    // menu_original
    "Original unter Übersetzungen zeigen: on, off oder auto",
    // original_current
    "Originale unter den Übersetzungen, die du erhältst: {}.",
    // original_changed
    "Gespeichert. Originale unter den Übersetzungen, die du erhältst: {}.",
    // original_usage
    "Wähle eine Option:\n"
    "/original on: immer, unter jeder Übersetzung\n"
    "/original off: nie\n"
    "/original auto: nur wenn die Übersetzung über eine andere Sprache lief "
    "(die Voreinstellung)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Noch keine Korrekturen. Wenn jemand aus deinem Team mit /fix auf eine "
    "Übersetzung antwortet, erscheint sie hier; dieselbe Korrektur, {}-mal "
    "gemacht, wird als Glossareintrag vorgeschlagen.",
    // glossary_suggestions_header
    "Die neuesten Korrekturen deines Teams, die jüngste zuerst. Dieselbe "
    "Korrektur, {}-mal gemacht, wird als Glossareintrag vorgeschlagen.",
    // glossary_suggestions_line
    "• {}: „{}“ → „{}“",
    // glossary_correction_proposal
    "Dein Team hat dieselbe Korrektur {}-mal gemacht: {} → {} ({}). Ins "
    "Glossar aufnehmen?",
    // help_glossary_suggestions
    "/glossary suggestions – die neuesten Korrekturen deines Teams; eine "
    "gleich wiederholte wird als Glossareintrag vorgeschlagen",
}};

} // namespace bridge::domain::texts_detail
