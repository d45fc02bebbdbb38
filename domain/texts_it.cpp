// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Italian (it), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_it{{
    // welcome
    "Benvenuto su Bridge! Traduco tra te e la tua squadra.",
    // choose_role
    "Sei un responsabile o un lavoratore?",
    // role_manager
    "Sono un responsabile",
    // role_worker
    "Sono un lavoratore",
    // choose_language
    "In che lingua scrivi?",
    // manager_ready
    "Sei registrato come responsabile. Il tuo codice di invito è {}. Dallo "
    "ai tuoi lavoratori; me lo inviano per collegarsi con te.",
    // worker_send_code
    "Inviami il codice di invito che ti ha dato il tuo responsabile (come "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Sei collegato con {}. Scrivi qui e tradurrò per te.",
    // manager_worker_joined
    "{} è entrato nella tua squadra. Ora i tuoi messaggi vanno a {}.",
    // wrong_code
    "Questo codice non corrisponde a nessun responsabile. Controllalo e "
    "riprova.",
    // too_many_codes
    "Troppi codici errati. Riprova tra {} minuti.",
    // code_for_manager
    "Il tuo codice di invito è {}.",
    // code_not_needed
    "I responsabili non hanno bisogno di un codice: dai il tuo ({}) ai tuoi "
    "lavoratori.",
    // not_registered
    "Non sei ancora registrato. Invia /start per iniziare.",
    // finish_registration
    "Prima completa la registrazione: {}",
    // no_workers
    "Nessun lavoratore si è ancora unito. Dai loro il tuo codice: {}.",
    // no_manager
    "Non sei ancora collegato a un responsabile. Inviami il suo codice di "
    "invito.",
    // workers_list
    "I tuoi lavoratori:",
    // workers_choose
    "Scegli chi riceve i tuoi messaggi:",
    // switched_to
    "Ora i tuoi messaggi vanno a {}.",
    // no_such_worker
    "Non c'è nessun lavoratore numero {}. Invia /workers per vedere l'elenco.",
    // task_created
    "Compito n. {} creato per {}.",
    // task_received
    "Nuovo compito n. {} da {}: {}",
    // task_done_button
    "Fatto",
    // task_done_worker
    "Compito n. {} segnato come fatto.",
    // task_done_manager
    "{} ha finito il compito n. {}: {}",
    // task_already_done
    "Il compito n. {} era già fatto.",
    // tasks_none
    "Nessun compito aperto.",
    // tasks_header
    "Compiti:",
    // daily_header
    "Ultime 24 ore:",
    // daily_line
    "{}: messaggi: {} · compiti fatti: {} · aperti: {}",
    // daily_none
    "Non è successo nulla nelle ultime 24 ore.",
    // history_header
    "Ultimi {} messaggi:",
    // history_none
    "Ancora nessun messaggio.",
    // reset_done
    "La tua registrazione è stata azzerata. Invia /start per ricominciare.",
    // feedback_thanks
    "Grazie per il tuo commento!",
    // help_manager
    "Scrivi al tuo lavoratore e io traduco per lui.\n"
    "/workers – i tuoi lavoratori; /switch N – scrivere al lavoratore N\n"
    "/task TESTO – dare un compito al lavoratore attuale; /tasks – compiti "
    "aperti\n"
    "/daily – le ultime 24 ore; /history [N] – messaggi recenti\n"
    "/code – il tuo codice di invito; /newcode – uno nuovo (il vecchio "
    "smette di funzionare)\n"
    "/remove N – togliere il lavoratore N dalla squadra; /feedback TESTO; "
    "/reset\n"
    "/language – cambia la tua lingua; /usage – messaggi gratuiti rimasti oggi",
    // help_worker
    "Scrivi al tuo responsabile e io traduco per lui.\n"
    "/tasks – i tuoi compiti aperti; /history [N] – messaggi recenti\n"
    "/feedback TESTO; /reset\n"
    "/language – cambia la tua lingua",
    // help_new
    "Invia /start per registrarti come responsabile o lavoratore.",
    // unknown_command
    "Non conosco il comando {}. Invia /help per l'elenco.",
    // args_missing
    "{} richiede un testo dopo, per esempio: {} chiamare il fornitore",
    // args_unexpected
    "{} non vuole nulla dopo.",
    // args_too_long
    "È troppo lungo per {}.",
    // args_not_a_number
    "{} vuole un numero, per esempio: {} 5",
    // message_too_long
    "Il tuo messaggio è troppo lungo ({} caratteri); il limite è {}.",
    // rate_limited
    "Stai inviando troppo in fretta. Attendi un momento.",
    // daily_limit_reached
    "Hai usato i {} messaggi gratuiti di oggi. Un abbonamento toglie il "
    "limite: /subscribe",
    // queued
    "Il tuo messaggio è in coda per la traduzione e sarà consegnato.",
    // translation_failed
    "Non è stato possibile tradurre il tuo messaggio ({}); è stato "
    "consegnato nella tua lingua.",
    // untranslated_note
    "(non tradotto)",
    // media_not_supported
    "Posso inoltrare solo testo. Scrivi il tuo messaggio come testo.",
    // partner_unreachable
    "{} non può ricevere messaggi in questo momento.",
    // unsupported_pair
    "Bridge non sa ancora tradurre tra {} e {}.",
    // groups_not_supported
    "Bridge funziona solo nelle chat private.",
    // busy
    "Bridge è occupato; invialo di nuovo tra un minuto.",
    // edit_too_old
    "Posso inoltrare solo le modifiche di messaggi recenti; invialo di nuovo.",
    // edited_note
    "(modificato)",
    // message_refused
    "Non è stato possibile salvare il tuo messaggio, quindi non è stato "
    "consegnato. Riscrivilo con altre parole.",
    // message_parked
    "Non è stato possibile consegnare ora il tuo messaggio; è conservato e "
    "un operatore può ancora inviarlo. I tuoi prossimi messaggi proseguono "
    "normalmente.",
    // manager_left
    "{} ha lasciato la squadra; i tuoi messaggi non gli arrivano più. Invia "
    "un nuovo codice di invito per unirti a una squadra.",
    // worker_left
    "{} ha lasciato la tua squadra; i tuoi messaggi non gli arrivano più.",
    // choose_partner_language
    "Il tuo responsabile scrive in {}. Scegli una lingua che Bridge sa "
    "tradurre da e verso questa, poi invia di nuovo il codice.",
    // join_refused
    "{} ha provato a unirsi alla tua squadra, ma Bridge non sa tradurre tra "
    "la sua lingua e la tua; gli è stato chiesto di scegliere un'altra "
    "lingua.",
    // history_via
    "↪ tramite {}",
    // join_link_line
    "Oppure invia loro questo link: {}",
    // code_rotated
    "Il tuo nuovo codice di invito è {}. Quello vecchio non funziona più.",
    // join_requested
    "La tua richiesta di unirti alla squadra di {} è stata inviata. Ti "
    "avviserò quando risponde.",
    // join_request
    "{} vuole unirsi alla tua squadra.",
    // join_accept_button
    "Accetta",
    // join_decline_button
    "Rifiuta",
    // join_declined_worker
    "{} ha rifiutato la tua richiesta di unirti alla sua squadra.",
    // join_declined_manager
    "Hai rifiutato la richiesta di {} di unirsi alla tua squadra.",
    // join_already_answered
    "Questa richiesta ha già avuto risposta o è stata ritirata.",
    // worker_removed
    "{} non fa più parte della tua squadra.",
    // removed_by_manager
    "{} ti ha tolto dalla sua squadra; i tuoi messaggi non gli arrivano più. "
    "Invia un nuovo codice di invito per unirti a una squadra.",
    // remove_usage
    "/remove vuole il numero di un lavoratore in /workers, per esempio: "
    "/remove 2",
    // codes_paused
    "Sono appena stati inviati a Bridge troppi codici di invito errati. "
    "Riprova tra un minuto.",
    // link_invalid
    "Questo link di invito non è valido. Chiedi al tuo responsabile un nuovo "
    "link o codice.",
    // link_for_manager
    "Sei registrato come responsabile; i link di invito sono per i "
    "lavoratori. Il tuo codice è {}.",
    // language_choose
    "Scrivi in {}. In quale lingua vuoi scrivere?",
    // language_unknown
    "Non conosco questa lingua. Scegline una tra queste:",
    // language_same
    "Scrivi già in {}.",
    // language_unreachable
    "Bridge non sa tradurre tra {} e {}, la lingua in cui scrive {}, quindi "
    "la tua lingua resta {}.",
    // language_changed
    "D'ora in poi scrivi in {}: i tuoi prossimi messaggi vengono tradotti da "
    "questa lingua. La tua squadra resta com'è.",
    // usage_free
    "Messaggi gratuiti rimasti oggi: {} su {}.",
    // usage_subscribed
    "Il tuo abbonamento vale fino al {} UTC; toglie il limite giornaliero.",
    // usage_no_subscription
    "Non hai un abbonamento; i messaggi gratuiti ripartono ogni giorno alle "
    "00:00 UTC.",
    // daily_last_message
    "ultimo messaggio: {}",
    // daily_open_tasks
    "compiti aperti: {}",
    // menu_start
    "Registrati o vedi l'aiuto",
    // menu_help
    "I comandi del tuo ruolo",
    // menu_workers
    "I tuoi lavoratori",
    // menu_switch
    "Scegli a chi scrivi",
    // menu_task
    "Dai un compito al lavoratore attuale",
    // menu_tasks
    "Compiti aperti",
    // menu_daily
    "Le ultime 24 ore per lavoratore",
    // menu_history
    "Messaggi recenti",
    // menu_code
    "Il tuo codice e link di invito",
    // menu_newcode
    "Un nuovo codice di invito",
    // menu_remove
    "Togli un lavoratore dalla tua squadra",
    // menu_usage
    "Messaggi gratuiti rimasti oggi",
    // menu_language
    "Cambia la tua lingua",
    // menu_feedback
    "Scrivi agli operatori",
    // menu_reset
    "Ricomincia da capo",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Un abbonamento di 30 giorni costa {} Stars e toglie il limite "
    "giornaliero. Paga qui: {}",
    // subscribe_failed
    "Al momento non è stato possibile creare la fattura. Riprova /subscribe "
    "più tardi.",
    // paysupport
    "Domande su un pagamento? Scrivi /feedback con la tua domanda e la data "
    "del pagamento; un operatore ti risponderà e può rimborsarlo. L'assistenza "
    "di Telegram non può aiutare con i pagamenti fatti a questo bot.",
    // payment_received
    "Grazie! Il tuo abbonamento è attivo fino al {} (UTC). Puoi continuare a "
    "scrivere.",
    // payment_not_credited
    "Il tuo pagamento è arrivato ma non corrisponde a nessun tuo ordine "
    "aperto, quindi non è stato accreditato. Un operatore lo esaminerà; vedi "
    "/paysupport.",
    // checkout_refused
    "Questa fattura non è un tuo ordine aperto. Invia /subscribe per averne "
    "una nuova.",
    // invoice_title
    "Abbonamento Bridge",
    // invoice_description
    "30 giorni di messaggi tradotti senza limite giornaliero.",
    // menu_subscribe
    "Togli il limite giornaliero",
    // menu_paysupport
    "Aiuto con i pagamenti",
    // -- media across the gap
    // media_not_translated
    "{} ha inviato un messaggio vocale o video. Non è stato tradotto.",
    // media_kind_refused
    "Non posso inoltrare questo tipo di messaggio. Invia testo, foto, video, "
    "documenti, messaggi vocali o sticker.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Il glossario della tua squadra stabilisce come si traducono i suoi "
    "termini. /glossary lo mostra; /glossary add TERMINE = TRADUZIONE aggiunge "
    "un termine nella tua lingua con la traduzione in quella del tuo "
    "collaboratore (più lingue: /glossary add TERMINE = es: …; pt: …); "
    "/glossary remove TERMINE lo elimina.",
    // glossary_usage_worker
    "Puoi proporre un termine per il glossario della tua squadra: /glossary "
    "add TERMINE = TRADUZIONE, con il termine nella lingua del tuo "
    "responsabile e la traduzione nella tua. Decide il tuo responsabile.",
    // glossary_list
    "Glossario della tua squadra ({} termini su {}):\n{}",
    // glossary_empty
    "Il glossario della tua squadra è vuoto. Aggiungi un termine con /glossary "
    "add TERMINE = TRADUZIONE.",
    // glossary_added
    "Aggiunto al glossario: {} → {}. Da ora lo usano le traduzioni della tua "
    "squadra.",
    // glossary_removed
    "Eliminato dal glossario: {}.",
    // glossary_not_found
    "{} non è nel glossario della tua squadra.",
    // glossary_full
    "Il glossario della tua squadra contiene {} termini, il suo limite. "
    "Eliminane prima uno con /glossary remove TERMINE.",
    // glossary_bad_entry
    "Scrivi la voce così: /glossary add TERMINE = TRADUZIONE (oppure TERMINE = "
    "es: …; pt: …). Nessuna delle due parti può essere vuota, e un termine ha "
    "al massimo {} caratteri, di cui almeno una lettera o una cifra.",
    // glossary_bad_language
    "Bridge non sa tradurre tra la lingua della tua squadra e «{}». Lingue "
    "possibili: {}.",
    // glossary_which_language
    "Indica in che lingua è la traduzione, per esempio /glossary add TERMINE = "
    "es: …. Lingue della tua squadra: {}.",
    // glossary_wrong_script
    "«{}» non è scritto nell'alfabeto della lingua {}: i messaggi in quella "
    "lingua non lo conterrebbero mai.",
    // glossary_proposed
    "Abbiamo chiesto al tuo responsabile di aggiungere {} → {} al glossario "
    "della squadra.",
    // glossary_proposal
    "{} propone un termine per il glossario: {} → {} ({}).",
    // glossary_declined
    "Rifiutato: {} → {}.",
    // glossary_answered
    "A questa proposta è già stata data una risposta.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Rispondi a una traduzione ricevuta con /fix e la tua versione migliore, "
    "per esempio: /fix Buongiorno, squadra.",
    // fix_not_translation
    "/fix funziona solo come risposta a una traduzione ricevuta dal tuo "
    "interlocutore, e questo messaggio non lo è (oppure è troppo vecchio per "
    "essere corretto).",
    // fix_saved
    "Grazie: la tua correzione è salvata e {} è stato avvisato.",
    // fix_writer_told
    "{} propone una traduzione migliore del tuo messaggio «{}»: «{}» (il "
    "traduttore aveva scritto «{}»).",
    // corrections_none
    "Nessuna correzione è stata ancora ripetuta. Quando la tua squadra "
    "corregge la stessa espressione nello stesso modo almeno due volte, "
    "compare qui come proposta per il glossario.",
    // corrections_header
    "Correzioni ripetute dalla tua squadra (proposte per il glossario):",
    // corrections_line
    "• «{}» → «{}» ({} volte)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Il glossario della squadra",
    // menu_fix
    "Correggere una traduzione (in risposta)",
    // menu_corrections
    "Correzioni ripetute dalla tua squadra",
    // help_corrections_manager
    "/glossary – i termini della squadra; /corrections – correzioni ripetute\n"
    "/fix TESTO – in risposta a una traduzione: la tua versione migliore",
    // help_corrections_worker
    "/fix TESTO – in risposta a una traduzione: la tua versione migliore",
    // -- /original --
    // menu_original
    "Mostra l’originale sotto le traduzioni: on, off o auto",
    // original_current
    "Originali sotto le traduzioni che ricevi: {}.",
    // original_changed
    "Salvato. Originali sotto le traduzioni che ricevi: {}.",
    // original_usage
    "Scegli:\n"
    "/original on: sempre, sotto ogni traduzione\n"
    "/original off: mai\n"
    "/original auto: solo quando la traduzione è passata per un’altra lingua "
    "(l’impostazione predefinita)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Ancora nessuna correzione. Quando qualcuno del tuo team risponde /fix a "
    "una traduzione, compare qui; la stessa correzione fatta {} volte viene "
    "proposta come voce del glossario.",
    // glossary_suggestions_header
    "Le ultime correzioni del tuo team, dalla più recente. La stessa "
    "correzione fatta {} volte viene proposta come voce del glossario.",
    // glossary_suggestions_line
    "• {}: «{}» → «{}»",
    // glossary_correction_proposal
    "Il tuo team ha fatto la stessa correzione {} volte: {} → {} ({}). "
    "Aggiungerla al glossario?",
    // help_glossary_suggestions
    "/glossary suggestions – le ultime correzioni del tuo team; una ripetuta "
    "allo stesso modo viene proposta come voce del glossario",
}};

} // namespace bridge::domain::texts_detail
