// SPDX-License-Identifier: Apache-2.0
// Bridge's own sentences in Catalan (ca), one per text_id, in
// the order of the enum; every `{}` stays where the English has it.

#include "domain/texts_tables.hpp"

namespace bridge::domain::texts_detail {

constexpr text_table texts_ca{{
    // welcome
    "Benvingut a Bridge! Tradueixo entre tu i el teu equip.",
    // choose_role
    "Ets gerent o treballador?",
    // role_manager
    "Soc gerent",
    // role_worker
    "Soc treballador",
    // choose_language
    "En quina llengua escrius?",
    // manager_ready
    "Estàs registrat com a gerent. El teu codi d'invitació és {}. Dona'l als "
    "teus treballadors; me l'envien per connectar-se amb tu.",
    // worker_send_code
    "Envia'm el codi d'invitació que et va donar el teu gerent (com "
    "BRIDGE-7K2M-9QXD).",
    // worker_connected
    "Estàs connectat amb {}. Escriu aquí i jo traduiré per tu.",
    // manager_worker_joined
    "{} s'ha unit al teu equip. Ara els teus missatges van a {}.",
    // wrong_code
    "Aquest codi no correspon a cap gerent. Revisa'l i torna-ho a provar.",
    // too_many_codes
    "Massa codis incorrectes. Torna-ho a provar d'aquí a {} minuts.",
    // code_for_manager
    "El teu codi d'invitació és {}.",
    // code_not_needed
    "Els gerents no necessiten codi: dona el teu ({}) als teus treballadors.",
    // not_registered
    "Encara no estàs registrat. Envia /start per començar.",
    // finish_registration
    "Primer acaba de registrar-te: {}",
    // no_workers
    "Encara no s'hi ha unit cap treballador. Dona'ls el teu codi: {}.",
    // no_manager
    "Encara no estàs connectat amb cap gerent. Envia'm el seu codi "
    "d'invitació.",
    // workers_list
    "Els teus treballadors:",
    // workers_choose
    "Tria qui rep els teus missatges:",
    // switched_to
    "Ara els teus missatges van a {}.",
    // no_such_worker
    "No hi ha cap treballador número {}. Envia /workers per veure la llista.",
    // task_created
    "Tasca núm. {} creada per a {}.",
    // task_received
    "Nova tasca núm. {} de {}: {}",
    // task_done_button
    "Fet",
    // task_done_worker
    "Tasca núm. {} marcada com a feta.",
    // task_done_manager
    "{} ha acabat la tasca núm. {}: {}",
    // task_already_done
    "La tasca núm. {} ja estava feta.",
    // tasks_none
    "No hi ha tasques obertes.",
    // tasks_header
    "Tasques:",
    // daily_header
    "Últimes 24 hores:",
    // daily_line
    "{}: missatges: {} · tasques fetes: {} · obertes: {}",
    // daily_none
    "No ha passat res en les últimes 24 hores.",
    // history_header
    "Últims {} missatges:",
    // history_none
    "Encara no hi ha missatges.",
    // reset_done
    "El teu registre s'ha reiniciat. Envia /start per tornar a començar.",
    // feedback_thanks
    "Gràcies pels teus comentaris!",
    // help_manager
    "Escriu al teu treballador i jo li ho tradueixo.\n"
    "/workers – els teus treballadors; /switch N – escriure al treballador "
    "N\n"
    "/task TEXT – donar una tasca al treballador actual; /tasks – tasques "
    "obertes\n"
    "/daily – les últimes 24 hores; /history [N] – missatges recents\n"
    "/code – el teu codi d'invitació; /newcode – un de nou (l'anterior deixa "
    "de funcionar)\n"
    "/remove N – treure el treballador N del teu equip; /feedback TEXT; "
    "/reset\n"
    "/language – canviar la teva llengua; /usage – missatges gratuïts que "
    "queden avui",
    // help_worker
    "Escriu al teu gerent i jo li ho tradueixo.\n"
    "/tasks – les teves tasques obertes; /history [N] – missatges recents\n"
    "/feedback TEXT; /reset\n"
    "/language – canviar la teva llengua",
    // help_new
    "Envia /start per registrar-te com a gerent o treballador.",
    // unknown_command
    "No conec l'ordre {}. Envia /help per veure la llista.",
    // args_missing
    "{} necessita un text després, per exemple: {} trucar al proveïdor",
    // args_unexpected
    "{} no porta res després.",
    // args_too_long
    "És massa llarg per a {}.",
    // args_not_a_number
    "{} porta un número, per exemple: {} 5",
    // message_too_long
    "El teu missatge és massa llarg ({} caràcters); el límit és {}.",
    // rate_limited
    "Envies massa de pressa. Espera un moment.",
    // daily_limit_reached
    "Has fet servir els {} missatges gratuïts d'avui. Una subscripció treu el "
    "límit: /subscribe",
    // queued
    "El teu missatge és a la cua per traduir i es lliurarà.",
    // translation_failed
    "El teu missatge no s'ha pogut traduir ({}); s'ha lliurat en la teva "
    "llengua.",
    // untranslated_note
    "(sense traduir)",
    // media_not_supported
    "Només puc passar text. Escriu el teu missatge com a text.",
    // partner_unreachable
    "{} no pot rebre missatges ara mateix.",
    // unsupported_pair
    "Bridge encara no pot traduir entre {} i {}.",
    // groups_not_supported
    "Bridge només funciona en xats privats.",
    // busy
    "Bridge està ocupat; torna-ho a enviar d'aquí a un minut.",
    // edit_too_old
    "Només puc portar edicions de missatges recents; torna'l a enviar.",
    // edited_note
    "(editat)",
    // message_refused
    "El teu missatge no s'ha pogut desar, així que no s'ha lliurat. Torna'l "
    "a escriure amb altres paraules.",
    // message_parked
    "El teu missatge no s'ha pogut lliurar ara; queda desat i un operador "
    "encara el pot enviar. Els teus missatges següents continuen com sempre.",
    // manager_left
    "{} ha deixat l'equip; els teus missatges ja no li arriben. Envia un "
    "codi d'invitació nou per unir-te a un equip.",
    // worker_left
    "{} ha deixat el teu equip; els teus missatges ja no li arriben.",
    // choose_partner_language
    "El teu gerent escriu en {}. Tria una llengua que Bridge pugui traduir "
    "des d'aquesta i cap a aquesta, i torna a enviar el codi.",
    // join_refused
    "{} ha intentat unir-se al teu equip, però Bridge no pot traduir entre "
    "la seva llengua i la teva; se li ha demanat que triï una altra llengua.",
    // history_via
    "↪ via {}",
    // join_link_line
    "O envia'ls aquest enllaç: {}",
    // code_rotated
    "El teu nou codi d'invitació és {}. L'anterior ja no funciona.",
    // join_requested
    "S'ha enviat la teva sol·licitud per unir-te a l'equip de {}. T'avisaré "
    "quan respongui.",
    // join_request
    "{} vol unir-se al teu equip.",
    // join_accept_button
    "Acceptar",
    // join_decline_button
    "Rebutjar",
    // join_declined_worker
    "{} ha rebutjat la teva sol·licitud per unir-te al seu equip.",
    // join_declined_manager
    "Has rebutjat la sol·licitud de {} per unir-se al teu equip.",
    // join_already_answered
    "Aquesta sol·licitud ja s'ha respost o s'ha retirat.",
    // worker_removed
    "{} ja no és al teu equip.",
    // removed_by_manager
    "{} t'ha tret del seu equip; els teus missatges ja no li arriben. Envia "
    "un codi d'invitació nou per unir-te a un equip.",
    // remove_usage
    "/remove porta el número d'un treballador de /workers, per exemple: "
    "/remove 2",
    // codes_paused
    "S'acaben d'enviar a Bridge massa codis d'invitació incorrectes. "
    "Torna-ho a provar d'aquí a un minut.",
    // link_invalid
    "Aquest enllaç d'invitació no és vàlid. Demana al teu gerent un enllaç o "
    "codi nou.",
    // link_for_manager
    "Estàs registrat com a gerent; els enllaços d'invitació són per als "
    "treballadors. El teu codi és {}.",
    // language_choose
    "Ara escrius en {}. En quina llengua vols escriure?",
    // language_unknown
    "No conec aquesta llengua. Tria'n una d'aquestes:",
    // language_same
    "Ja escrius en {}.",
    // language_unreachable
    "Bridge no pot traduir entre {} i {}, la llengua en què escriu {}, així "
    "que la teva llengua continua sent {}.",
    // language_changed
    "A partir d'ara escrius en {}: els teus propers missatges es tradueixen "
    "des d'aquesta llengua. El teu equip continua igual.",
    // usage_free
    "Missatges gratuïts que et queden avui: {} de {}.",
    // usage_subscribed
    "La teva subscripció dura fins al {} UTC; treu el límit diari.",
    // usage_no_subscription
    "No tens subscripció; els missatges gratuïts tornen a començar cada dia a"
    " les 00:00 UTC.",
    // daily_last_message
    "últim missatge: {}",
    // daily_open_tasks
    "tasques obertes: {}",
    // menu_start
    "Registrar-te o veure l'ajuda",
    // menu_help
    "Les ordres del teu rol",
    // menu_workers
    "Els teus treballadors",
    // menu_switch
    "Triar a qui escrius",
    // menu_task
    "Donar una tasca al treballador actual",
    // menu_tasks
    "Tasques obertes",
    // menu_daily
    "Les últimes 24 hores per treballador",
    // menu_history
    "Missatges recents",
    // menu_code
    "El teu codi i enllaç d'invitació",
    // menu_newcode
    "Un codi d'invitació nou",
    // menu_remove
    "Treure un treballador del teu equip",
    // menu_usage
    "Missatges gratuïts que queden avui",
    // menu_language
    "Canviar la teva llengua",
    // menu_feedback
    "Escriure als operadors",
    // menu_reset
    "Tornar a començar",
    // -- Telegram Stars (/subscribe, /paysupport, payments) --
    // subscribe_invoice
    "Una subscripció de 30 dies costa {} Stars i treu el límit diari. Paga "
    "aquí: {}",
    // subscribe_failed
    "Ara no s'ha pogut crear la factura. Torna a provar /subscribe més tard.",
    // paysupport
    "Dubtes sobre un pagament? Escriu /feedback amb la teva pregunta i la data "
    "del pagament; un operador et respondrà i el pot reemborsar. El suport de "
    "Telegram no pot ajudar amb pagaments fets a aquest bot.",
    // payment_received
    "Gràcies! La teva subscripció és activa fins al {} (UTC). Continua "
    "escrivint.",
    // payment_not_credited
    "El teu pagament ha arribat, però no correspon a cap comanda oberta teva, "
    "així que no s'ha abonat. Un operador el revisarà; mira /paysupport.",
    // checkout_refused
    "Aquesta factura no és una comanda oberta teva. Envia /subscribe per "
    "obtenir-ne una de nova.",
    // invoice_title
    "Subscripció a Bridge",
    // invoice_description
    "30 dies de missatges traduïts sense límit diari.",
    // menu_subscribe
    "Treure el límit diari",
    // menu_paysupport
    "Ajuda amb els pagaments",
    // -- media across the gap
    // media_not_translated
    "{} ha enviat un missatge de veu o de vídeo. No s'ha traduït.",
    // media_kind_refused
    "No puc passar aquest tipus de missatge. Envia text, fotos, vídeos, "
    "documents, missatges de veu o adhesius.",
    // -- team glossary (/glossary) --
    // glossary_usage_manager
    "El glossari del teu equip fixa com es tradueixen els seus termes. "
    "/glossary el mostra; /glossary add TERME = TRADUCCIÓ afegeix un terme en "
    "la teva llengua amb la traducció a la del teu treballador (diverses "
    "llengües: /glossary add TERME = es: …; pt: …); /glossary remove TERME "
    "l'elimina.",
    // glossary_usage_worker
    "Pots proposar un terme per al glossari del teu equip: /glossary add TERME "
    "= TRADUCCIÓ, amb el terme en la llengua del teu gerent i la traducció en "
    "la teva. El teu gerent decideix.",
    // glossary_list
    "Glossari del teu equip ({} de {} termes):\n{}",
    // glossary_empty
    "El glossari del teu equip és buit. Afegeix un terme amb /glossary add "
    "TERME = TRADUCCIÓ.",
    // glossary_added
    "Afegit al glossari: {} → {}. Des d'ara el fan servir les traduccions del "
    "teu equip.",
    // glossary_removed
    "Eliminat del glossari: {}.",
    // glossary_not_found
    "{} no és al glossari del teu equip.",
    // glossary_full
    "El glossari del teu equip té {} termes, el seu límit. Elimina'n un abans "
    "amb /glossary remove TERME.",
    // glossary_bad_entry
    "Escriu l'entrada així: /glossary add TERME = TRADUCCIÓ (o TERME = es: …; "
    "pt: …). Cap banda no pot ser buida, i un terme té com a màxim {} "
    "caràcters, almenys un dels quals una lletra o una xifra.",
    // glossary_bad_language
    "Bridge no pot traduir entre la llengua del teu equip i «{}». Llengües "
    "possibles: {}.",
    // glossary_which_language
    "Digues en quina llengua és la traducció, per exemple /glossary add TERME "
    "= es: …. Llengües del teu equip: {}.",
    // glossary_wrong_script
    "«{}» no està escrit amb l'alfabet de la llengua {}: els missatges en "
    "aquesta llengua no el contindrien mai.",
    // glossary_proposed
    "S'ha demanat al teu gerent que afegeixi {} → {} al glossari de l'equip.",
    // glossary_proposal
    "{} proposa un terme per al glossari: {} → {} ({}).",
    // glossary_declined
    "Rebutjat: {} → {}.",
    // glossary_answered
    "Aquesta proposta ja s'ha respost.",
    // -- corrections and the original (issue 25) --
    // fix_usage
    "Respon a una traducció que has rebut amb /fix i la teva versió millor, "
    "per exemple: /fix Bon dia, equip.",
    // fix_not_translation
    "/fix només funciona com a resposta a una traducció que has rebut del teu "
    "company, i aquest missatge no ho és (o és massa antic per corregir-lo).",
    // fix_saved
    "Gràcies: la teva correcció s’ha desat i s’ha avisat {}.",
    // fix_writer_told
    "{} proposa una traducció millor del teu missatge «{}»: «{}» (el traductor "
    "havia escrit «{}»).",
    // corrections_none
    "Encara no s’ha repetit cap correcció. Quan el teu equip corregeixi la "
    "mateixa expressió de la mateixa manera almenys dues vegades, apareixerà "
    "aquí com a proposta per al glossari.",
    // corrections_header
    "Correccions que el teu equip ha repetit (propostes per al glossari):",
    // corrections_line
    "• «{}» → «{}» ({} vegades)",
    // -- menu: glossary and corrections --
    // menu_glossary
    "El glossari de l'equip",
    // menu_fix
    "Corregir una traducció (com a resposta)",
    // menu_corrections
    "Correccions que el teu equip ha repetit",
    // help_corrections_manager
    "/glossary – els termes de l'equip; /corrections – correccions repetides\n"
    "/fix TEXT – com a resposta a una traducció: la teva versió millor",
    // help_corrections_worker
    "/fix TEXT – com a resposta a una traducció: la teva versió millor",
    // -- /original --
    // menu_original
    "Mostra l’original sota les traduccions: on, off o auto",
    // original_current
    "Originals sota les traduccions que reps: {}.",
    // original_changed
    "Desat. Originals sota les traduccions que reps: {}.",
    // original_usage
    "Tria una opció:\n"
    "/original on: sempre, sota cada traducció\n"
    "/original off: mai\n"
    "/original auto: només quan la traducció ha passat per una altra llengua "
    "(l’opció per defecte)",
    // -- glossary suggestions from corrections (issue 25) --
    // glossary_suggestions_none
    "Encara no hi ha correccions. Quan algú del teu equip respon /fix a una "
    "traducció, apareix aquí; la mateixa correcció feta {} vegades es proposa "
    "com a entrada del glossari.",
    // glossary_suggestions_header
    "Les darreres correccions del teu equip, primer les més recents. La "
    "mateixa correcció feta {} vegades es proposa com a entrada del glossari.",
    // glossary_suggestions_line
    "• {}: «{}» → «{}»",
    // glossary_correction_proposal
    "El teu equip ha fet la mateixa correcció {} vegades: {} → {} ({}). "
    "L'afegeixo al glossari?",
    // help_glossary_suggestions
    "/glossary suggestions – les darreres correccions del teu equip; una de "
    "repetida igual es proposa com a entrada del glossari",
}};

} // namespace bridge::domain::texts_detail
