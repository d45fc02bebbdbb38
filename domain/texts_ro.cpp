// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Romanian (ro), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_ro{{
    // welcome
    "Bun venit la Bridge! Traduc între tine și echipa ta.",
    // choose_role
    "Ești manager sau angajat?",
    // role_manager
    "Sunt manager",
    // role_worker
    "Sunt angajat",
    // choose_language
    "În ce limbă scrii?",
    // manager_ready
    "Ești înregistrat ca manager. Codul tău de invitație este {}. Dă-l "
    "angajaților tăi; ei mi-l trimit ca să se conecteze cu tine.",
    // worker_send_code
    "Trimite-mi codul de invitație primit de la managerul tău (de exemplu "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Ești conectat cu {}. Scrie aici și eu traduc pentru tine.",
    // manager_worker_joined
    "{} s-a alăturat echipei tale. Mesajele tale merg acum la {}.",
    // wrong_code
    "Acest cod nu corespunde niciunui manager. Verifică-l și încearcă din "
    "nou.",
    // too_many_codes
    "Prea multe coduri greșite. Încearcă din nou peste {} minute.",
    // code_for_manager
    "Codul tău de invitație este {}.",
    // code_not_needed
    "Managerii nu au nevoie de cod: dă-l pe al tău ({}) angajaților tăi.",
    // not_registered
    "Nu ești încă înregistrat. Trimite /start ca să începi.",
    // finish_registration
    "Termină mai întâi înregistrarea: {}",
    // no_workers
    "Niciun angajat nu s-a alăturat încă. Dă-le codul tău: {}.",
    // no_manager
    "Nu ești încă conectat cu un manager. Trimite-mi codul lui de invitație.",
    // workers_list
    "Angajații tăi:",
    // workers_choose
    "Alege cine primește mesajele tale:",
    // switched_to
    "Mesajele tale merg acum la {}.",
    // no_such_worker
    "Nu există angajatul cu numărul {}. Trimite /workers ca să vezi lista.",
    // task_created
    "Sarcina nr. {} a fost creată pentru {}.",
    // task_received
    "Sarcină nouă nr. {} de la {}: {}",
    // task_done_button
    "Gata",
    // task_done_worker
    "Sarcina nr. {} a fost marcată ca gata.",
    // task_done_manager
    "{} a terminat sarcina nr. {}: {}",
    // task_already_done
    "Sarcina nr. {} era deja gata.",
    // tasks_none
    "Nu există sarcini deschise.",
    // tasks_header
    "Sarcini:",
    // daily_header
    "Ultimele 24 de ore:",
    // daily_line
    "{}: mesaje: {} · sarcini gata: {} · deschise: {}",
    // daily_none
    "Nu s-a întâmplat nimic în ultimele 24 de ore.",
    // history_header
    "Ultimele {} mesaje:",
    // history_none
    "Încă nu există mesaje.",
    // reset_done
    "Înregistrarea ta a fost resetată. Trimite /start ca să începi din nou.",
    // feedback_thanks
    "Mulțumim pentru părerea ta!",
    // help_manager
    "Scrie-i angajatului tău și eu traduc pentru el.\n"
    "/workers – angajații tăi; /switch N – scrie angajatului N\n"
    "/task TEXT – dă o sarcină angajatului curent; /tasks – sarcini "
    "deschise\n"
    "/daily – ultimele 24 de ore; /history [N] – mesaje recente\n"
    "/code – codul tău de invitație; /newcode – unul nou (cel vechi nu mai "
    "funcționează)\n"
    "/remove N – scoate angajatul N din echipă; /feedback TEXT; /reset\n"
    "/language – schimbă-ți limba; /usage – mesaje gratuite rămase azi",
    // help_worker
    "Scrie-i managerului tău și eu traduc pentru el.\n"
    "/tasks – sarcinile tale deschise; /history [N] – mesaje recente\n"
    "/feedback TEXT; /reset\n"
    "/language – schimbă-ți limba",
    // help_new
    "Trimite /start ca să te înregistrezi ca manager sau angajat.",
    // unknown_command
    "Nu cunosc comanda {}. Trimite /help pentru listă.",
    // args_missing
    "{} are nevoie de un text după, de exemplu: {} sună furnizorul",
    // args_unexpected
    "{} nu primește nimic după.",
    // args_too_long
    "Este prea lung pentru {}.",
    // args_not_a_number
    "{} primește un număr, de exemplu: {} 5",
    // message_too_long
    "Mesajul tău este prea lung ({} caractere); limita este {}.",
    // rate_limited
    "Trimiți prea repede. Te rog așteaptă puțin.",
    // daily_limit_reached
    "Ai folosit cele {} mesaje gratuite de azi. Un abonament ridică limita: "
    "/subscribe",
    // queued
    "Mesajul tău așteaptă traducerea și va fi livrat.",
    // translation_failed
    "Mesajul tău nu a putut fi tradus ({}); a fost livrat în limba ta.",
    // untranslated_note
    "(netradus)",
    // media_not_supported
    "Pot transmite doar text. Te rog scrie mesajul ca text.",
    // partner_unreachable
    "{} nu poate primi mesaje acum.",
    // unsupported_pair
    "Bridge nu poate încă traduce între {} și {}.",
    // groups_not_supported
    "Bridge funcționează doar în conversații private.",
    // busy
    "Bridge este ocupat acum; trimite din nou peste un minut.",
    // edit_too_old
    "Pot transmite doar modificările mesajelor recente; trimite-l din nou.",
    // edited_note
    "(modificat)",
    // message_refused
    "Mesajul tău nu a putut fi salvat, deci nu a fost livrat. Scrie-l din "
    "nou cu alte cuvinte.",
    // message_parked
    "Mesajul tău nu a putut fi livrat acum; este păstrat și un operator îl "
    "poate trimite. Următoarele tale mesaje merg normal.",
    // manager_left
    "{} a părăsit echipa; mesajele tale nu mai ajung la el. Trimite un cod "
    "de invitație nou ca să te alături unei echipe.",
    // worker_left
    "{} a părăsit echipa ta; mesajele tale nu mai ajung la el.",
    // choose_partner_language
    "Managerul tău scrie în {}. Alege o limbă pe care Bridge o poate traduce "
    "din și în aceasta, apoi trimite din nou codul.",
    // join_refused
    "{} a încercat să se alăture echipei tale, dar Bridge nu poate traduce "
    "între limba lui și a ta; i s-a cerut să aleagă altă limbă.",
    // history_via
    "↪ prin {}",
    // join_link_line
    "Sau trimite-le acest link: {}",
    // code_rotated
    "Noul tău cod de invitație este {}. Cel vechi nu mai funcționează.",
    // join_requested
    "Cererea ta de a te alătura echipei lui {} a fost trimisă. Te anunț când "
    "răspunde.",
    // join_request
    "{} vrea să se alăture echipei tale.",
    // join_accept_button
    "Acceptă",
    // join_decline_button
    "Refuză",
    // join_declined_worker
    "{} ți-a refuzat cererea de a te alătura echipei.",
    // join_declined_manager
    "Ai refuzat cererea lui {} de a se alătura echipei tale.",
    // join_already_answered
    "Cererea a primit deja un răspuns sau a fost retrasă.",
    // worker_removed
    "{} nu mai face parte din echipa ta.",
    // removed_by_manager
    "{} te-a scos din echipă; mesajele tale nu mai ajung la el. Trimite un "
    "cod de invitație nou ca să te alături unei echipe.",
    // remove_usage
    "/remove primește numărul unui angajat din /workers, de exemplu: /remove "
    "2",
    // codes_paused
    "Prea multe coduri de invitație greșite au fost trimise la Bridge chiar "
    "acum. Încearcă din nou peste un minut.",
    // link_invalid
    "Acest link de invitație nu este valid. Cere-i managerului tău un link "
    "sau cod nou.",
    // link_for_manager
    "Ești înregistrat ca manager; linkurile de invitație sunt pentru "
    "angajați. Codul tău este {}.",
    // language_choose
    "Limba ta acum: {}. În ce limbă vrei să scrii?",
    // language_unknown
    "Nu cunosc această limbă. Alege una dintre acestea:",
    // language_same
    "Scrii deja în această limbă: {}.",
    // language_unreachable
    "Bridge nu poate traduce între {} și {} (limba în care scrie {}), așa că "
    "limba ta rămâne {}.",
    // language_changed
    "De acum limba ta este {}: următoarele tale mesaje se traduc din ea. "
    "Echipa ta rămâne la fel.",
    // usage_free
    "Mesaje gratuite rămase azi: {} din {}.",
    // usage_subscribed
    "Abonamentul tău este valabil până la {} UTC; ridică limita zilnică.",
    // usage_no_subscription
    "Nu ai abonament; mesajele gratuite reîncep în fiecare zi la 00:00 UTC.",
    // daily_last_message
    "ultimul mesaj: {}",
    // daily_open_tasks
    "sarcini deschise: {}",
    // menu_start
    "Înregistrează-te sau vezi ajutorul",
    // menu_help
    "Comenzile rolului tău",
    // menu_workers
    "Lucrătorii tăi",
    // menu_switch
    "Alege cui îi scrii",
    // menu_task
    "Dă o sarcină lucrătorului curent",
    // menu_tasks
    "Sarcini deschise",
    // menu_daily
    "Ultimele 24 de ore pe lucrător",
    // menu_history
    "Mesaje recente",
    // menu_code
    "Codul și linkul tău de invitație",
    // menu_newcode
    "Un cod de invitație nou",
    // menu_remove
    "Scoate un lucrător din echipă",
    // menu_usage
    "Mesaje gratuite rămase azi",
    // menu_language
    "Schimbă-ți limba",
    // menu_feedback
    "Scrie operatorilor",
    // menu_reset
    "Ia-o de la capăt",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Un abonament de 30 de zile costă {} Stars și ridică limita zilnică. "
    "Plătește aici: {}",
    // subscribe_failed
    "Factura nu a putut fi creată acum. Încearcă din nou /subscribe mai "
    "târziu.",
    // paysupport
    "Întrebări despre o plată? Scrie /feedback cu întrebarea ta și data "
    "plății; un operator îți va răspunde și o poate rambursa. Asistența "
    "Telegram nu poate ajuta cu plățile făcute către acest bot.",
    // payment_received
    "Mulțumim! Abonamentul tău este activ până la {} (UTC). Poți scrie în "
    "continuare.",
    // payment_not_credited
    "Plata ta a sosit, dar nu corespunde niciunei comenzi deschise a ta, așa "
    "că nu a fost creditată. Un operator o va verifica; vezi /paysupport.",
    // checkout_refused
    "Această factură nu este o comandă deschisă a ta. Trimite /subscribe "
    "pentru una nouă.",
    // invoice_title
    "Abonament Bridge",
    // invoice_description
    "30 de zile de mesaje traduse fără limită zilnică.",
    // menu_subscribe
    "Ridică limita zilnică",
    // menu_paysupport
    "Ajutor cu plățile",
    // -- media across the gap
    // media_not_translated
    "{} a trimis un mesaj vocal sau video. Nu a fost tradus.",
    // media_kind_refused
    "Nu pot transmite acest tip de mesaj. Trimite text, fotografii, "
    "videoclipuri, documente, mesaje vocale sau stickere.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "Glosarul echipei tale stabilește cum se traduc termenii ei. /glossary îl "
    "afișează; /glossary add TERMEN = TRADUCERE adaugă un termen în limba ta "
    "cu traducerea în limba lucrătorului tău (mai multe limbi: /glossary add "
    "TERMEN = es: …; pt: …); /glossary remove TERMEN îl șterge.",
    // glossary_usage_worker
    "Poți propune un termen pentru glosarul echipei tale: /glossary add TERMEN "
    "= TRADUCERE, cu termenul în limba managerului tău și traducerea în limba "
    "ta. Managerul tău decide.",
    // glossary_list
    "Glosarul echipei tale ({} din {} termeni):\n{}",
    // glossary_empty
    "Glosarul echipei tale este gol. Adaugă un termen cu /glossary add TERMEN "
    "= TRADUCERE.",
    // glossary_added
    "Adăugat în glosar: {} → {}. De acum traducerile echipei tale îl folosesc.",
    // glossary_removed
    "Șters din glosar: {}.",
    // glossary_not_found
    "{} nu este în glosarul echipei tale.",
    // glossary_full
    "Glosarul echipei tale are {} termeni, limita sa. Șterge mai întâi unul cu "
    "/glossary remove TERMEN.",
    // glossary_bad_entry
    "Scrie intrarea astfel: /glossary add TERMEN = TRADUCERE (sau TERMEN = es: "
    "…; pt: …). Nicio parte nu poate fi goală, iar un termen are cel mult {} "
    "caractere, dintre care măcar o literă sau o cifră.",
    // glossary_bad_language
    "Bridge nu poate traduce între limba echipei tale și „{}”. Limbi posibile: "
    "{}.",
    // glossary_which_language
    "Spune în ce limbă este traducerea, de exemplu /glossary add TERMEN = es: "
    "…. Limbile echipei tale: {}.",
    // glossary_wrong_script
    "„{}” nu este scris cu alfabetul limbii {}: mesajele în acea limbă nu l-ar "
    "conține niciodată.",
    // glossary_proposed
    "Managerul tău a fost rugat să adauge {} → {} în glosarul echipei.",
    // glossary_proposal
    "{} propune un termen pentru glosar: {} → {} ({}).",
    // glossary_declined
    "Refuzat: {} → {}.",
    // glossary_answered
    "Această propunere a primit deja un răspuns.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Răspundeți la o traducere primită cu /fix și varianta dumneavoastră mai "
    "bună, de exemplu: /fix Bună dimineața, echipă.",
    // fix_not_translation
    "/fix funcționează doar ca răspuns la o traducere primită de la partenerul "
    "dumneavoastră, iar acest mesaj nu este una (sau este prea vechi pentru a "
    "fi corectat).",
    // fix_saved
    "Mulțumim: corectura a fost salvată, iar {} a fost anunțat.",
    // fix_writer_told
    "{} propune o traducere mai bună a mesajului dumneavoastră „{}”: „{}” "
    "(traducătorul scrisese „{}”).",
    // corrections_none
    "Nicio corectură nu s-a repetat încă. Când echipa corectează aceeași "
    "expresie la fel de cel puțin două ori, ea apare aici ca propunere pentru "
    "glosar.",
    // corrections_header
    "Corecturi repetate de echipa dumneavoastră (propuneri pentru glosar):",
    // corrections_line
    "• „{}” → „{}” (de {} ori)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "Glosarul echipei",
    // menu_fix
    "Corectează o traducere (ca răspuns)",
    // menu_corrections
    "Corecturi repetate de echipa ta",
    // help_corrections_manager
    "/glossary – termenii echipei; /corrections – corecturi repetate\n"
    "/fix TEXT – ca răspuns la o traducere: varianta ta mai bună",
    // help_corrections_worker
    "/fix TEXT – ca răspuns la o traducere: varianta ta mai bună",
    // -- /original --
    // menu_original
    "Arată originalul sub traduceri: on, off sau auto",
    // original_current
    "Originale sub traducerile pe care le primești: {}.",
    // original_changed
    "Salvat. Originale sub traducerile pe care le primești: {}.",
    // original_usage
    "Alege una dintre variante:\n"
    "/original on: mereu, sub fiecare traducere\n"
    "/original off: niciodată\n"
    "/original auto: doar când traducerea a trecut printr-o altă limbă "
    "(varianta implicită)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Încă nu există corecturi. Când cineva din echipa ta răspunde cu /fix la o "
    "traducere, apare aici; aceeași corectură făcută de {} ori este propusă ca "
    "intrare în glosar.",
    // glossary_suggestions_header
    "Cele mai recente corecturi ale echipei tale, de la cea mai nouă. Aceeași "
    "corectură făcută de {} ori este propusă ca intrare în glosar.",
    // glossary_suggestions_line
    "• {}: „{}” → „{}”",
    // glossary_correction_proposal
    "Echipa ta a făcut aceeași corectură de {} ori: {} → {} ({}). O adaug în "
    "glosar?",
    // help_glossary_suggestions
    "/glossary suggestions – cele mai recente corecturi ale echipei tale; una "
    "repetată la fel este propusă ca intrare în glosar",
}};

} // namespace bridge::domain::texts_detail
